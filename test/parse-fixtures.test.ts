// The coverage invariant and the article structure on every draft fixture (PDF and text), read as the CLI reads them.

import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readDraft } from '../src/drafts/read-draft.js';
import { checkCoverage } from '../src/parse/coverage.js';
import { parseDocument } from '../src/parse/parse-document.js';
import { listArticles } from '../src/parse/walk.js';
import { corpusArticleHeadings } from './helpers/corpus.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FIXTURES = join(ROOT, 'fixtures');

/** Every draft under fixtures/, except the deliberately broken ones (fixtures/bad, fixtures/hostile: test/hostile-input.test.ts). */
function listDrafts(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'bad' || name === 'hostile' || name.startsWith('.') || name === 'src' ? [] : listDrafts(path);
    return /\.(pdf|txt|md)$/i.test(name) && !/readme/i.test(name) ? [relative(ROOT, path)] : [];
  });
}

const drafts = listDrafts(FIXTURES);

describe('draft fixtures', () => {
  it('include the four named drafts', () => {
    for (const name of ['un-draft.pdf', 'coe-convention.pdf', 'negotiation-draft.pdf', 'text-draft.txt']) {
      expect(drafts, name).toContain(join('fixtures', name));
    }
  });

  it.each(drafts.map((d) => [d]))('%s: every body line lands in exactly one node or unplaced entry', async (path) => {
    const doc = parseDocument(await readDraft(join(ROOT, path)));
    expect(doc.lineCount).toBeGreaterThan(0);
    expect(checkCoverage(doc)).toEqual({ missing: [], duplicated: [] });
    expect(listArticles(doc).length).toBeGreaterThan(0);
    for (const entry of doc.unplaced) expect(entry.reason).not.toBe('');
    expect(doc.warnings.filter((w) => w.code === 'unplaced-text')).toHaveLength(doc.unplaced.length);
  });

  it.each(['fixtures/coe-convention.pdf', 'fixtures/un-draft.pdf'].filter((d) => drafts.includes(d)).map((d) => [d]))(
    '%s: the 48 articles of the convention with their printed headings, and nothing unplaced',
    async (path) => {
      const doc = parseDocument(await readDraft(join(ROOT, path)));
      const headings = corpusArticleHeadings();
      const articles = listArticles(doc).map((a) => a.article);
      expect(articles.map((a) => a.num)).toEqual([...headings.keys()]);
      for (const article of articles) expect(article.heading, `article ${article.num}`).toBe(headings.get(article.num!));
      expect(doc.unplaced).toEqual([]);
      const article15 = articles.find((a) => a.num === '15')!;
      expect(article15.children.map((c) => c.num)).toEqual(['1.', '2.', '3.']);
    },
  );

  // Which article cites which footnote, as fixtures/build.mjs places them (addFootnote calls).
  const citations: [string, Record<string, string>][] = [
    ['fixtures/un-draft.pdf', { '2': 'Several delegations proposed', '15': "The Chair's proposal", '21': 'Some delegations requested', '27': 'Proposals to add a ground' }],
    ['fixtures/coe-convention.pdf', { '9': 'The age-limit follows' }],
    ['fixtures/negotiation-draft.pdf', { '4a': 'Article 4a reproduces', '20': 'One delegation proposed', '25': 'Several delegations requested' }],
  ];
  it.each(citations.filter(([d]) => drafts.includes(d)))('%s: footnotes belong to the articles that cite them', async (path, expected) => {
    const doc = parseDocument(await readDraft(join(ROOT, path)));
    const cited = Object.fromEntries(
      listArticles(doc)
        .map((a) => a.article)
        .filter((a) => a.footnotes.length > 0)
        .map((a) => [a.num, a.footnotes.map((f) => f.text.split(' ').slice(0, 3).join(' ')).join('|')]),
    );
    const wanted = Object.fromEntries(Object.entries(expected).map(([num, text]) => [num, text.split(' ').slice(0, 3).join(' ')]));
    expect(cited).toEqual(wanted);
    expect(doc.footnotes).toEqual([]);
  });

  it.runIf(drafts.includes('fixtures/negotiation-draft.pdf'))('fixtures/negotiation-draft.pdf: inserted, bracketed and upper-case article headings', async () => {
    const doc = parseDocument(await readDraft(join(ROOT, 'fixtures/negotiation-draft.pdf')));
    const articles = listArticles(doc).map((a) => a.article);
    expect(articles.map((a) => a.num)).toEqual(['1', '2', '3', '4', '4a', '5', '6', '6 bis', '14', '15', '16', '17', '[17 bis]', '18', '19', '20', '21', '23', '24', '25']);
    const byNum = (num: string) => articles.find((a) => a.num === num)!;
    expect(byNum('[17 bis]')).toMatchObject({ id: 'art_17bis', heading: 'Disclosure of subscriber information by service providers in another Party' });
    expect(byNum('6 bis').id).toBe('art_6bis');
    expect(byNum('24').heading).toBe('Extradition');
    // `[shall][may]` in 6 bis; `[4. ... remedy.]` added to 15; two alternatives in 18 and in 21.
    expect(byNum('6 bis').brackets).toBe(2);
    expect(byNum('15').children.at(-1)).toMatchObject({ num: '4.', brackets: 1 });
    expect(byNum('15').children.at(-1)!.text).toMatch(/^\[Each Party shall ensure that a person .* effective remedy\.\]$/);
    expect(byNum('21').brackets).toBe(2);
  });
});
