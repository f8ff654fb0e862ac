// Extraction measured on real published drafts (EU AI Act) kept outside the repository in ../shared/real-drafts.

import { existsSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractDraft } from '../src/extract/extract-draft.js';
import { parseDocument } from '../src/parse/parse-document.js';
import { listArticles } from '../src/parse/walk.js';
import type { ExtractedText, TreatyDocument, TreatyNode } from '../src/types.js';
import { ROOT, runCli } from './helpers/cli.js';

const DIR = join(ROOT, '..', 'shared', 'real-drafts', 'eu-ai-act');
const PROPOSAL = join(DIR, 'com-2021-206-proposal.pdf');
const GENERAL_APPROACH = join(DIR, 'council-2022-12-06-general-approach-st15698.pdf');
const AMENDMENTS = join(DIR, 'ep-2023-06-14-amendments-ta-9-2023-0236.pdf');
const available = existsSync(DIR);

/** Share of the page height, from the bottom, where the test looks for running footers itself. */
const FOOT = 0.08;

interface Read {
  extracted: ExtractedText;
  doc: TreatyDocument;
  /** Running footer lines found by the test itself (raw pdf.js text at the page foot repeating on most
   * pages, digits masked), as patterns. */
  footers: RegExp[];
}

/** Every piece of text of a node and its descendants. */
function textOf(node: TreatyNode): string {
  return [node.num, node.heading, node.text, node.wrapUp, ...node.children.map(textOf)].filter((part) => part !== undefined && part !== '').join('\n');
}

/**
 * The running footer lines of a PDF found without the reader: per page, the items in the bottom
 * 8 % grouped by rounded baseline, joined in x order, digits masked; a line repeating on at least
 * half of the pages is a footer. Returned as patterns with the digits free (`15698/22 RB/ek 93`).
 */
async function findFooters(path: string): Promise<RegExp[]> {
  const require = createRequire(import.meta.url);
  const pdfjs = (await import(require.resolve('pdfjs-dist/legacy/build/pdf.mjs'))) as {
    getDocument(options: object): { promise: Promise<{ numPages: number; getPage(n: number): Promise<{ view: number[]; getTextContent(): Promise<{ items: { str?: string; transform?: number[] }[] }> }> }> };
  };
  const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(path)), isEvalSupported: false, verbosity: 0 }).promise;
  const pagesPerKey = new Map<string, number>();
  for (let number = 1; number <= doc.numPages; number += 1) {
    const page = await doc.getPage(number);
    const height = (page.view[3] ?? 842) - (page.view[1] ?? 0);
    const rows = new Map<number, { x: number; text: string }[]>();
    for (const item of (await page.getTextContent()).items) {
      if (typeof item.str !== 'string' || item.str.trim() === '' || item.transform === undefined) continue;
      const [, , , , x = 0, y = 0] = item.transform;
      if (y > FOOT * height) continue;
      const key = Math.round(y / 6);
      rows.set(key, [...(rows.get(key) ?? []), { x, text: item.str }]);
    }
    const keys = new Set(
      [...rows.values()].map((row) =>
        row
          .sort((a, b) => a.x - b.x)
          .map((part) => part.text.trim())
          .join(' ')
          .replace(/\d+/g, '#'),
      ),
    );
    for (const key of keys) pagesPerKey.set(key, (pagesPerKey.get(key) ?? 0) + 1);
  }
  return [...pagesPerKey]
    .filter(([key, pages]) => pages >= doc.numPages / 2 && /\S{2,}/.test(key.replace(/#/g, '')))
    .map(([key]) => new RegExp(key.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/#/g, '\\d+').replace(/ /g, '\\s*')));
}

async function read(path: string): Promise<Read> {
  const bytes = new Uint8Array(readFileSync(path));
  const extracted = await extractDraft(bytes, { path, sha256: createHash('sha256').update(bytes).digest('hex') });
  return { extracted, doc: parseDocument(extracted), footers: await findFooters(path) };
}

if (!available && process.env['CI'] === 'true') {
  describe('real drafts', () => {
    it('are present in CI', () => {
      expect.fail(`${DIR} is missing: the real-draft tests must run in CI`);
    });
  });
} else if (!available) {
  describe.skip(`real drafts: skipped, ${DIR} not found (the published PDFs are kept outside the repository)`, () => {
    it('reads real drafts', () => undefined);
  });
} else {
  describe('real drafts: the Commission proposal and the Council general approach of the AI Act', () => {
    let proposal: Read;
    let general: Read;
    beforeAll(async () => {
      [proposal, general] = await Promise.all([read(PROPOSAL), read(GENERAL_APPROACH)]);
    }, 120_000);

    it('find the running footers themselves (the test reads the page feet on its own)', () => {
      expect(proposal.footers.map(String)).toHaveLength(1);
      // Two lines: the document number with the page, and the unit with the language.
      expect(general.footers.map(String)).toHaveLength(2);
    });

    it('leave no running-footer line in any article', () => {
      for (const { doc, footers } of [proposal, general]) {
        const articles = listArticles(doc);
        expect(articles.length).toBeGreaterThan(80);
        const soiled = articles.filter(({ article }) => footers.some((footer) => footer.test(textOf(article)))).map(({ article }) => article.num);
        expect(soiled).toEqual([]);
      }
    });

    it('find every Word-style footnote: 81 in the proposal, 33 in the general approach, each once', () => {
      for (const [{ extracted }, count] of [
        [proposal, 81],
        [general, 33],
      ] as const) {
        const markers = extracted.footnotes.map((footnote) => footnote.marker);
        expect(markers).toHaveLength(count);
        expect(new Set(markers).size).toBe(count);
        expect(markers).toEqual(Array.from({ length: count }, (_, i) => String(i + 1)));
      }
    });

    it('keep footnote text out of the articles and attach it to the article that cites it', () => {
      const articles = listArticles(proposal.doc);
      const numbered = (num: string) => articles.find(({ article }) => article.num === num)?.article;
      // Article 42(2) cites Regulation (EU) 2019/881 with a raised number; its footnote is printed under Article 43's heading.
      expect(textOf(numbered('43')!)).not.toContain('OJ L 151');
      expect(numbered('42')!.footnotes.map((footnote) => footnote.text)).toEqual([expect.stringContaining('Regulation (EU) 2019/881')]);
      const cited = listArticles(general.doc).flatMap(({ article }) => article.footnotes);
      expect(cited.length).toBeGreaterThan(0);
      // Every footnote of the general approach is cited somewhere (recitals cite most of them).
      expect(general.doc.footnotes).toEqual([]);
      expect(general.doc.warnings.filter((warning) => warning.code === 'missing-footnote')).toEqual([]);
    });

    it('attach the footnotes of the explanatory memorandum (before the preamble) to that text, not to nothing', () => {
      const memorandum = proposal.doc.unplaced.find((entry) => entry.reason === 'before the preamble');
      // The proposal's memorandum cites footnotes 1 to 30 (pp. 2-14).
      expect(memorandum?.footnotes?.map((footnote) => footnote.marker)).toEqual(Array.from({ length: 30 }, (_, i) => String(i + 1)));
      expect(proposal.doc.footnotes.map((footnote) => footnote.marker)).not.toContain('1');
    });

    it('report each missing footnote at most once', () => {
      for (const { doc } of [proposal, general]) {
        const messages = doc.warnings.map((warning) => warning.message);
        expect(messages.length).toBe(new Set(messages).size);
      }
    });

    it('keep the words of TITLE headings apart (no run of more than 30 letters)', () => {
      for (const { extracted } of [proposal, general]) {
        const titles = extracted.lines.filter((line, index) => /^TITLE\b/.test(line.text) || /^TITLE\b/.test(extracted.lines[index - 1]?.text ?? ''));
        expect(titles.length).toBeGreaterThan(10);
        for (const line of titles) expect(line.text).not.toMatch(/\p{L}{31,}/u);
        expect(titles.filter((line) => /^TITLE[IVX]/.test(line.text))).toEqual([]);
      }
    });

    it('read the cover notes into metadata and out of the body', () => {
      expect(proposal.doc.metadata).toMatchObject({
        institution: 'EUROPEAN COMMISSION',
        documentNumber: 'COM(2021) 206 final',
        date: '21.4.2021',
        interinstitutionalFile: '2021/0106 (COD)',
      });
      expect(general.doc.metadata).toMatchObject({
        institution: 'Council of the European Union',
        documentNumber: '15698/22',
        date: '6 December 2022',
        interinstitutionalFile: '2021/0106(COD)',
      });
      for (const { extracted, doc } of [proposal, general]) {
        expect(extracted.lines.some((line) => line.text === doc.metadata.documentNumber)).toBe(false);
        expect(doc.metadata.title ?? '').not.toMatch(/_{5}|RB\/ek|\d{5}\/\d{2}/);
      }
    });
  });

  describe('real drafts: the Parliament amendments', () => {
    it('are refused as an amendment list with exit code 2 and one line', () => {
      const result = runCli(['extract', AMENDMENTS, '--no-cache']);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(/list of amendments/);
      expect(result.stderr).toMatch(/not supported/);
    }, 60_000);
  });
}
