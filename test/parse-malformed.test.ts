// The parser never refuses input: shuffled, repeated or headless drafts still place every line exactly once.

import { describe, expect, it } from 'vitest';
import { extractText } from '../src/extract/text.js';
import { checkCoverage } from '../src/parse/coverage.js';
import { parseDocument } from '../src/parse/parse-document.js';
import { listArticles } from '../src/parse/walk.js';
import type { ExtractedText } from '../src/types.js';
import { readCorpus } from './helpers/corpus.js';

const source = { path: 'budapest.md', sha256: '0'.repeat(64), format: 'text' as const };
const corpus = extractText(readCorpus(), source);

/** A deterministic permutation (linear congruential generator), so failures reproduce. */
function shuffle<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const withLines = (lines: ExtractedText['lines']): ExtractedText => ({ ...corpus, lines });

describe('malformed drafts', () => {
  it.each([1, 2, 3])('shuffled lines (seed %i) still place every line exactly once', (seed) => {
    const doc = parseDocument(withLines(shuffle(corpus.lines, seed)));
    expect(checkCoverage(doc)).toEqual({ missing: [], duplicated: [] });
  });

  it('a draft without any heading keeps all its text as unplaced, with a warning', () => {
    const lines = corpus.lines.filter((l) => !/^(Article|CHAPTER|SECTION|TITLE|Preamble)\b/.test(l.text));
    const doc = parseDocument(withLines(lines));
    expect(listArticles(doc)).toEqual([]);
    expect(checkCoverage(doc)).toEqual({ missing: [], duplicated: [] });
    expect(doc.unplaced.flatMap((u) => u.lines)).toHaveLength(lines.length);
    expect(doc.warnings.some((w) => w.code === 'unplaced-text')).toBe(true);
  });

  it('the convention printed twice gives 96 articles, the second 48 with suffixed ids and warnings', () => {
    const doc = parseDocument(withLines([...corpus.lines, ...corpus.lines]));
    const ids = listArticles(doc).map((a) => a.article.id);
    expect(ids).toHaveLength(96);
    expect(ids[48]).toBe('art_1_2');
    expect(new Set(ids).size).toBe(96);
    expect(doc.warnings.filter((w) => w.code === 'duplicate-article')).toHaveLength(48);
    expect(checkCoverage(doc)).toEqual({ missing: [], duplicated: [] });
  });

  it('an empty draft gives an empty document', () => {
    const doc = parseDocument(withLines([]));
    expect(doc).toMatchObject({ nodes: [], unplaced: [], lineCount: 0 });
  });

  // Speed is measured by npm run bench, not by a timer here.
  it('parses a 40-fold convention (about 16,000 lines) into every one of its articles', () => {
    const lines = Array.from({ length: 40 }, () => corpus.lines).flat();
    const doc = parseDocument(withLines(lines));
    expect(listArticles(doc)).toHaveLength(48 * 40);
  });
});
