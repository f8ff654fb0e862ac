// The coverage invariant and the article structure on every draft fixture (PDF and text), read as the CLI reads them.

import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readDraft } from '../src/extract/read-draft.js';
import { checkCoverage } from '../src/parse/coverage.js';
import { parseDocument } from '../src/parse/parse-document.js';
import { listArticles } from '../src/parse/walk.js';
import { corpusArticleHeadings } from './helpers/corpus.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FIXTURES = join(ROOT, 'fixtures');

/** Every draft under fixtures/, except the deliberately broken ones in fixtures/bad. */
function listDrafts(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'bad' || name.startsWith('.') || name === 'src' ? [] : listDrafts(path);
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
});
