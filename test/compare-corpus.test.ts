import { describe, expect, it } from 'vitest';
import { compareDrafts } from '../src/compare.js';
import { extractText } from '../src/extract/text.js';
import { parseDocument } from '../src/parse/parse-document.js';
import type { TreatyDocument } from '../src/types.js';
import { readCorpus } from './helpers/corpus.js';

const load = (text: string, path: string): TreatyDocument =>
  parseDocument(extractText(text, { path, sha256: '0'.repeat(64), format: 'text' }));

const NEW_ARTICLE =
  '### Article 6\n\n#### Trafficking in credentials\n\nEach Party shall adopt such legislative and other measures as may be necessary to establish as criminal offences the sale of stolen passwords.\n\n';

/** The Budapest Convention with a new article 6: old 6..48 become 7..49 and every reference follows. */
function insertArticleSix(text: string): string {
  const shift = (n: string): string => (Number(n) >= 6 ? String(Number(n) + 1) : n);
  return text
    .replace(/^### Article (\d+)$/gm, (_, n: string) => `### Article ${shift(n)}`)
    // Lists may carry points inside the listed articles ("Articles 2, 3, 6, paragraph 1.b, 7, 9
    // paragraph 3, and 27, paragraph 9.e" in article 40): only article numbers shift.
    .replace(/(?<!### )\b(Articles?) (\d+(?:,? paragraph \d+(?:\.[a-z])?)?(?:(?:, | and |, and | through | to )\d+(?:,? paragraph \d+(?:\.[a-z])?)?)*)(?!\.d\. of the Statute)/g, (_, word: string, nums: string) =>
      `${word} ${nums.replace(/(?<!paragraph |\.)\b\d+/g, shift)}`)
    .replace('### Article 7\n', `${NEW_ARTICLE}### Article 7\n`);
}

describe('compareDrafts on the Budapest Convention', () => {
  const corpus = readCorpus();
  const oldDoc = load(corpus, 'budapest.md');

  it('finds nothing in a draft compared with itself', () => {
    const diff = compareDrafts(oldDoc, load(corpus, 'same.md'));
    expect(diff.summary.articles).toEqual({ unchanged: 48 });
    expect(diff.findings).toEqual([]);
  });

  it('sees an inserted article 6 as one addition and the 43 after it as renumbered, references included', () => {
    const newText = insertArticleSix(corpus);
    expect(newText).toContain('Articles 2 through 11 of the present Convention');
    expect(newText).toContain('subject to Articles 15 and 16.');
    const diff = compareDrafts(oldDoc, load(newText, 'budapest-new.md'));
    expect(diff.summary.articles).toEqual({ unchanged: 5, renumbered: 43, added: 1 });
    const kinds = diff.articles.filter((a) => a.new?.element === undefined).map((a) => `${a.kind} ${a.old?.num ?? '-'}>${a.new?.num ?? '-'}`);
    expect(kinds.slice(4, 8)).toEqual(['unchanged 5>5', 'added ->6', 'renumbered 6>7', 'renumbered 7>8']);
    expect(kinds.at(-1)).toBe('renumbered 48>49');
    // Only the new article carries a change finding; every other one is a renumbering.
    const codes = new Set(diff.findings.filter((f) => f.article.new !== '6').map((f) => f.code));
    expect([...codes]).toEqual(['article-renumbered']);
    // Old article 14 (scope of procedural provisions) cites articles 2-11, 20 and 21.
    const scope = diff.articles.find((a) => a.new?.num === '15');
    expect(scope?.old?.num).toBe('14');
    expect(scope?.referenceUpdates).toEqual([
      { old: 'Article 21', new: 'Article 22' },
      { old: 'Articles 2 through 11', new: 'Articles 2 through 12' },
      { old: 'Article 20', new: 'Article 21' },
      { old: 'Articles 20 and 21', new: 'Articles 21 and 22' },
    ]);
    expect(diff.articles.find((a) => a.new?.num === '17')?.provisions.filter((p) => p.referenceOnly).map((p) => p.id)).toEqual(['art_17__para_4']);
  });

  it('reads "which shall provide" becoming "which may provide" in article 15 as a weakened safeguard (the topic its heading names)', () => {
    const newText = corpus.replace('which shall provide for the adequate protection', 'which may provide for the adequate protection');
    const diff = compareDrafts(oldDoc, load(newText, 'budapest-new.md'));
    expect(diff.findings.map((f) => `${f.article.new} ${f.code} ${f.topic ?? ''}`.trim())).toEqual([
      '15 article-modified',
      '15 modal-shift conditions-and-safeguards',
      '15 safeguard-weakened conditions-and-safeguards',
    ]);
    expect(diff.findings[2]?.evidence).toEqual({
      old: '...for under its domestic law, which shall provide for the adequate protection of human rights and liberties, including rights arising pursuant to obligations it has undertaken under the 1950 Council of...',
      new: '...for under its domestic law, which may provide for the adequate protection of human rights and liberties, including rights arising pursuant to obligations it has undertaken under the 1950 Council of...',
    });
  });

  // Speed is measured by npm run bench, not by a timer here.
  it('compares the 48 articles, the inserted one added and the rest renumbered from it on', () => {
    const newDoc = load(insertArticleSix(corpus), 'budapest-new.md');
    const diff = compareDrafts(oldDoc, newDoc);
    expect(diff.articles.filter((a) => a.kind === 'added').map((a) => a.new?.num)).toEqual(['6']);
  });
});
