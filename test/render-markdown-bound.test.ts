// The Markdown report fits a CI job summary (GitHub's 1 MiB): word diffs are left out, least important
// first, with a note; findings are never left out.

import { describe, expect, it } from 'vitest';
import { compareDrafts } from '../src/compare.js';
import { MARKDOWN_LIMIT_BYTES, renderMarkdown } from '../src/render/markdown.js';
import { buildDoc } from './compare-build-doc.js';

/** `count` words of filler, different for each seed, so that every paragraph changes as a whole. */
const words = (count: number, seed: string): string => Array.from({ length: count }, (_, i) => `${seed}${i % 97}`).join(' ');

describe('the Markdown report of a very large comparison', () => {
  // 1,500 articles, each paragraph reworded: about 7 MB of word diffs in full. Every tenth article is a
  // one-paragraph safeguard whose judicial review is removed; the others have four paragraphs and no topic.
  const article = (num: number, side: 'old' | 'new') =>
    num % 10 === 0
      ? {
          num: String(num),
          heading: 'Conditions and safeguards',
          paragraphs: [
            side === 'old' ? `Each Party shall provide for judicial review of the measure ${words(60, `o${num}w`)}.` : `Each Party shall provide for the measure ${words(60, `o${num}w`)}.`,
          ],
        }
      : { num: String(num), heading: `Provision ${num}`, paragraphs: [1, 2, 3, 4].map((p) => `The text ${words(70, `${side[0]}${num}p${p}w`)} ends here.`) };
  const count = 1500;
  const diff = compareDrafts(
    buildDoc(Array.from({ length: count }, (_, i) => article(i + 1, 'old')), 'old.txt'),
    buildDoc(Array.from({ length: count }, (_, i) => article(i + 1, 'new')), 'new.txt'),
  );
  const markdown = renderMarkdown(diff);

  it('stays under the limit and says what it left out', () => {
    expect(Buffer.byteLength(markdown)).toBeLessThanOrEqual(MARKDOWN_LIMIT_BYTES);
    expect(markdown).toMatch(/^> This report leaves out (the word diffs of the other changes|every word diff) to stay under GitHub's 1 MiB job-summary limit/m);
  });

  it('still lists every finding of every article', () => {
    const safeguards = diff.findings.filter((finding) => finding.code === 'safeguard-removed');
    expect(safeguards).toHaveLength(count / 10);
    expect(markdown.match(/^- \*\*safeguard-removed\*\*/gm)).toHaveLength(count / 10);
    for (const num of [10, 750, 1500]) expect(markdown).toContain(`Article ${num} Conditions and safeguards`);
  });

  it('keeps the word diffs of the safeguards when leaving out those of the other changes is enough', () => {
    // Safeguard diffs: 150 articles of one short paragraph each, well under the limit on their own.
    expect(markdown).toContain('leaves out the word diffs of the other changes');
    expect(markdown).toMatch(/\*\*para 1:\*\* Each Party shall provide for ~~judicial review of~~ the measure/);
    // The other changes keep their findings but not their word diffs.
    expect(markdown).toContain('### Article 11 Provision 11');
    expect(markdown).not.toMatch(/\*\*para 2:\*\*/);
  });

  it('is left whole, with no note, when it fits', () => {
    const small = compareDrafts(buildDoc([article(11, 'old')], 'old.txt'), buildDoc([article(11, 'new')], 'new.txt'));
    const text = renderMarkdown(small);
    expect(text).not.toContain('This report leaves out');
    expect(text).toMatch(/\*\*para 2:\*\*/);
  });
});
