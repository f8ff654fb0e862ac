// `treaty-diff extract` end to end on the PDF fixtures: the structure a user sees, checked against the corpus.

import { describe, expect, it } from 'vitest';
import { isOneCleanLine, runCli } from './helpers/cli.js';
import { corpusArticleHeadings } from './helpers/corpus.js';

interface JsonNode {
  kind: string;
  id: string;
  num?: string;
  heading?: string;
  text: string;
  children: JsonNode[];
  pages: [number, number];
  footnotes: { marker: string; text: string; page: number }[];
}

function articlesOf(nodes: JsonNode[]): JsonNode[] {
  return nodes.flatMap((node) => (node.kind === 'article' ? [node] : articlesOf(node.children)));
}

function extractJson(path: string): { nodes: JsonNode[]; metadata: Record<string, string>; source: { pages: number } } {
  const result = runCli(['extract', path, '--format', 'json']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

describe.each(['fixtures/coe-convention.pdf', 'fixtures/un-draft.pdf'])('extract %s', (fixture) => {
  const headings = corpusArticleHeadings();

  it('finds all 48 articles with the headings printed in the convention', () => {
    const articles = articlesOf(extractJson(fixture).nodes);
    expect(articles.map((a) => a.num)).toEqual([...headings.keys()]);
    for (const article of articles) expect(article.heading, `article ${article.num}`).toBe(headings.get(article.num!));
  });

  it('finds the chapter, section and title structure', () => {
    const doc = extractJson(fixture);
    const chapters = doc.nodes.filter((n) => n.kind === 'chapter');
    expect(chapters.map((c) => c.id)).toEqual(['chp_1', 'chp_2', 'chp_3', 'chp_4']);
    const chapter2 = chapters[1]!;
    expect(chapter2.children.filter((n) => n.kind === 'section').map((s) => s.id)).toEqual(['chp_2__sec_1', 'chp_2__sec_2', 'chp_2__sec_3']);
    const procedural = chapter2.children[1]!;
    expect(procedural.children.filter((n) => n.kind === 'title')).toHaveLength(5);
    const realTime = procedural.children.find((n) => n.id === 'chp_2__sec_2__title_5')!;
    expect(articlesOf([realTime]).map((a) => a.num)).toEqual(['20', '21']);
  });

  it('prints an outline with headings and page ranges', () => {
    const result = runCli(['extract', fixture]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Article 15 {2}Conditions and safeguards {2}pp?\. \d+/);
    expect(result.stdout).toContain('Unplaced text: none');
  });
});

describe('extract on the UN-layout draft', () => {
  it('reads the masthead into metadata, not into the text', () => {
    const doc = extractJson('fixtures/un-draft.pdf');
    expect(doc.metadata).toMatchObject({
      symbol: 'A/AC.291/22',
      date: '29 May 2023',
      distribution: 'General',
      original: 'English',
      session: 'Sixth session',
      agendaItem: 'Item 4 of the provisional agenda: Preparation of a draft convention',
      jobNumber: 'V.23-03951',
      title: 'Draft convention on cybercrime',
    });
    const allText = JSON.stringify(articlesOf(doc.nodes));
    expect(allText).not.toContain('A/AC.291/22');
    expect(allText).not.toContain('V.23-03951');
    expect(allText).not.toContain('*2303951*');
    expect(allText).not.toContain('Distr.');
  });
});

describe('extract on bad input', () => {
  it.each([
    ['fixtures/bad/empty.pdf', /empty/],
    ['fixtures/bad/not-a-pdf.pdf', /not a PDF|neither a PDF/],
    ['fixtures/bad/truncated.pdf', /damaged|truncated/],
    ['fixtures/bad/encrypted.pdf', /password/],
    ['fixtures/bad/scanned.pdf', /OCR/],
    ['fixtures/bad/no-articles.pdf', /no articles found/],
    ['fixtures', /directory|not a file/],
  ])('%s: one line naming the file, exit 2', (path, message) => {
    const result = runCli(['extract', path]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(path);
    expect(result.stderr).toMatch(message);
    expect(isOneCleanLine(result.stderr)).toBe(true);
  });

  it('reads a PDF with owner-only restrictions', () => {
    const result = runCli(['extract', 'fixtures/bad/owner-restricted.pdf']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });
});
