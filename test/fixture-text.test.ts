// Every article read from the PDF fixtures carries exactly the convention's words: no running
// header, footer, page number, job number or masthead text, nothing missing, nothing garbled.

import { describe, expect, it } from 'vitest';
import { readDraft } from '../src/drafts/read-draft.js';
import { extractText } from '../src/extract/text.js';
import { parseDocument } from '../src/parse/parse-document.js';
import { listArticles, listDescendants } from '../src/parse/walk.js';
import type { TreatyDocument, TreatyNode } from '../src/types.js';
import { readCorpus } from './helpers/corpus.js';
import { cleanCorpus } from '../fixtures/clean-corpus.mjs';

/** All of an article's words in document order, whitespace folded; numbers are left out, as
 * layouts print them differently (`a)` in the corpus, `(a)` in the UN layout). */
function articleWords(article: TreatyNode): string {
  return [article, ...listDescendants(article)]
    .flatMap((node) => [node.text, node.wrapUp ?? ''])
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function wordsByArticle(doc: TreatyDocument): Map<string, string> {
  return new Map(listArticles(doc).map(({ article }) => [article.num ?? '', articleWords(article)]));
}

// The fixtures print the corpus with its conversion artefacts fixed (fixtures/clean-corpus.mjs).
const corpus = wordsByArticle(parseDocument(extractText(cleanCorpus(readCorpus()), { path: 'corpus.md', sha256: '0'.repeat(64), format: 'text' })));

describe.each([
  // Page furniture each layout prints, as fixtures/README.md describes it.
  ['fixtures/un-draft.pdf', ['A/AC.291/22', 'V.23-03951', '*2303951*', 'Distr.', 'Original: English']],
  ['fixtures/coe-convention.pdf', ['ETS 185', '23.XI.2001']],
  ['fixtures/pairs/revised/new.pdf', ['A/AC.291/22', 'V.23-']],
])('%s', (path, furniture) => {
  it('reads every article with the words of the convention', async () => {
    const doc = parseDocument(await readDraft(path));
    const read = wordsByArticle(doc);
    const differing = [...corpus].filter(([num, words]) => read.get(num) !== words).map(([num]) => num);
    if (path === 'fixtures/pairs/revised/new.pdf') {
      // The revised draft is edited; its unedited articles must still read exactly as the corpus.
      for (const num of ['1', '2', '3', '4', '13', '14', '17', '19', '21', '23', '24', '26', '28', '31', '33', '48']) {
        expect(read.get(num), `article ${num}`).toBe(corpus.get(num));
      }
      return;
    }
    // un-draft.pdf rewords article 17 so that a line wraps before "Article 16 of this Convention".
    expect(differing).toEqual(path === 'fixtures/un-draft.pdf' ? ['17'] : []);
  });

  it('keeps page furniture out of every article', async () => {
    const doc = parseDocument(await readDraft(path));
    for (const { article } of listArticles(doc)) {
      const words = articleWords(article);
      for (const text of furniture) expect(words, `article ${article.num}`).not.toContain(text);
    }
  });
});
