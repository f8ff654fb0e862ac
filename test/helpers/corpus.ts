// Reads the reference treaty text the fixtures were built from, so tests compare against the source.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const CORPUS = fileURLToPath(new URL('../../../shared/corpus/budapest-convention-ets185-2001.md', import.meta.url));
const FALLBACK = fileURLToPath(new URL('../../fixtures/src/budapest-convention-ets185-2001.md', import.meta.url));

/** The Budapest Convention as Markdown (the shared corpus, or the copy kept with the fixtures). */
export function readCorpus(): string {
  for (const path of [CORPUS, FALLBACK]) {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      // try the next place
    }
  }
  throw new Error('Budapest Convention corpus not found');
}

/** Article number -> heading, as printed in the corpus (`### Article 15` / `#### Conditions and safeguards`). */
export function corpusArticleHeadings(): Map<string, string> {
  const headings = new Map<string, string>();
  for (const match of readCorpus().matchAll(/^### Article (\d+)\s*\n\s*\n#### (.+)$/gm)) {
    headings.set(match[1]!, match[2]!.trim());
  }
  return headings;
}
