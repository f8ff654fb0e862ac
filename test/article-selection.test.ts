// --article: an unknown number is refused naming the nearest ones; only warnings about the selected articles are kept.

import { describe, expect, it } from 'vitest';
import { compareDrafts } from '../src/compare.js';
import type { Warning } from '../src/types.js';
import { buildDoc } from './compare-build-doc.js';
import { isOneCleanLine, runCli } from './helpers/cli.js';

const warning = (code: Warning['code'], extra: Partial<Warning>): Warning => ({ code, message: `${code} here`, ...extra });

function drafts() {
  const articles = [
    { num: '1', heading: 'Scope', text: 'This Convention applies to the offences set forth.', page: 1 },
    { num: '2', heading: 'Safeguards', paragraphs: ['Each Party shall ensure judicial review.', 'Powers shall be proportionate.'], page: 2 },
    { num: '3', heading: 'Final', text: 'This Convention enters into force.', page: 3 },
  ];
  const oldDoc = buildDoc(articles, 'old.txt');
  const newDoc = buildDoc(articles.map((a) => (a.num === '2' ? { ...a, paragraphs: ['Each Party may ensure judicial review.', 'Powers shall be proportionate.'] } : a)), 'new.txt');
  oldDoc.warnings.push(
    warning('unplaced-text', { page: 2, message: 'on the page of article 2' }),
    warning('duplicate-article', { page: 3, at: 'art_3', message: 'about article 3' }),
    warning('numbering-gap', { at: 'art_2__para_2', page: 2, message: 'inside article 2' }),
    warning('unread-pages', { message: 'about the whole draft' }),
  );
  return { oldDoc, newDoc };
}

describe('--article', () => {
  it('keeps only the warnings about the selected articles, and those about a whole draft', () => {
    const { oldDoc, newDoc } = drafts();
    const two = compareDrafts(oldDoc, newDoc, { articles: ['2'] });
    expect(two.articles.map((a) => a.new?.num)).toEqual(['2']);
    expect(two.warnings.map((w) => w.message)).toEqual(['on the page of article 2', 'inside article 2', 'about the whole draft']);
    const three = compareDrafts(oldDoc, newDoc, { articles: ['3'] });
    expect(three.warnings.map((w) => w.message)).toEqual(['about article 3', 'about the whole draft']);
    // Without --article every warning is reported.
    expect(compareDrafts(oldDoc, newDoc).warnings).toHaveLength(4);
  });

  it('refuses a number neither draft has, naming the nearest ones', () => {
    const { oldDoc, newDoc } = drafts();
    expect(() => compareDrafts(oldDoc, newDoc, { articles: ['2', '9'] })).toThrow(
      expect.objectContaining({ code: 'bad-option', message: '--article 9: neither draft has an article 9 (nearest: 3, 2, 1)' }),
    );
    // Part names are not article numbers but are known.
    expect(compareDrafts(oldDoc, newDoc, { articles: ['preamble'] }).articles).toEqual([]);
  });

  it('exits 2 with one line on the command line, for two drafts and for a series', () => {
    const pair = runCli(['fixtures/pairs/revised/old.pdf', 'fixtures/pairs/revised/new.pdf', '--article', '999']);
    expect(pair.code).toBe(2);
    expect(pair.stdout).toBe('');
    expect(isOneCleanLine(pair.stderr)).toBe(true);
    // The revised drafts have articles 1 to 48.
    expect(pair.stderr).toBe('treaty-diff: --article 999: neither draft has an article 999 (nearest: 48, 47, 46)\n');
    const series = runCli(['fixtures/series/draft-1.pdf', 'fixtures/series/draft-2.pdf', 'fixtures/series/draft-3.pdf', '--article', '77']);
    expect(series.code).toBe(2);
    expect(series.stderr).toMatch(/^treaty-diff: --article 77: no draft has an article 77 \(nearest: /);
  });
});
