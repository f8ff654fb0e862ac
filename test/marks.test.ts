// Drafts that mark their own changes (issue 12): the generated marked fixture, read as marked and as plain.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractDraft } from '../src/extract/extract-draft.js';
import { extractText } from '../src/extract/text.js';
import { parseDocument } from '../src/parse/parse-document.js';
import { parseDraft } from '../src/parse/parse-draft.js';
import { listArticles } from '../src/parse/walk.js';
import { renderPlainText } from '../src/render/plain-text.js';
import { compareMarkedDraft } from '../src/compare.js';
import { isTreatyDiffError } from '../src/errors.js';
import type { TreatyDocument } from '../src/types.js';
import { resolveMarks } from '../src/extract/resolve-marks.js';
import type { PlacedItem, PlacedPage } from '../src/extract/page-model.js';
import { ROOT, runCli } from './helpers/cli.js';
import { Ajv } from 'ajv';

const schema = JSON.parse(readFileSync(join(ROOT, 'schema', 'treaty-diff.schema.json'), 'utf8')) as object;
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

const DIR = join(ROOT, 'fixtures', 'marked');
const MARKED = join(DIR, 'marked.pdf');
const expected = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8')) as { struck: number; inserted: number; absent: string[]; added: string[] };

async function readPdf(path: string, marks: 'read' | 'ignore' = 'read'): Promise<TreatyDocument> {
  return parseDraft(await extractDraft(new Uint8Array(readFileSync(path)), { path, sha256: 'test' }, { marks, previousText: true }));
}
function readSource(name: string): TreatyDocument {
  const path = join(DIR, name);
  return parseDocument(extractText(readFileSync(path, 'utf8'), { path, sha256: 'test', format: 'text' }));
}

describe('a marked draft made in Word and printed by LibreOffice', () => {
  let doc: TreatyDocument;
  beforeAll(async () => {
    doc = await readPdf(MARKED);
  }, 60_000);

  it('reads its current text exactly as its source: struck text left out, insertions kept', () => {
    expect(renderPlainText(doc)).toBe(renderPlainText(readSource('current.txt')));
  });

  it('reads its previous text exactly as its source: insertions left out, struck text kept', () => {
    expect(doc.marks).toBeDefined();
    expect(renderPlainText(doc.marks!.previous!)).toBe(renderPlainText(readSource('previous.txt')));
  });

  it('counts the struck and inserted words the build wrote', () => {
    expect({ struck: doc.marks?.struck, inserted: doc.marks?.inserted }).toEqual({ struck: expected.struck, inserted: expected.inserted });
  });

  it('leaves a wholly struck article out of the current draft and a wholly inserted one out of the previous', () => {
    const nums = (d: TreatyDocument) => listArticles(d).map((a) => a.article.num);
    for (const num of expected.absent) {
      expect(nums(doc)).not.toContain(num);
      expect(nums(doc.marks!.previous!)).toContain(num);
    }
    for (const num of expected.added) {
      expect(nums(doc)).toContain(num);
      expect(nums(doc.marks!.previous!)).not.toContain(num);
    }
  });

  it('reads bold headings as headings, not insertions, and a heading changed inside a word as current', () => {
    const article15 = listArticles(doc).find((a) => a.article.num === '15')!.article;
    expect(article15.heading).toBe('Strict conditions and safeguards');
    expect(listArticles(doc.marks!.previous!).find((a) => a.article.num === '15')!.article.heading).toBe('Conditions and safeguards');
    expect(doc.metadata.title).toBe(doc.marks!.previous!.metadata.title);
  });

  it('carries the marks per provision', () => {
    const article16 = listArticles(doc).find((a) => a.article.num === '16')!.article;
    const para2 = article16.children[1]!;
    expect(para2.marks).toEqual({ struck: 13, inserted: 1 });
  });

  it('reports the changes it proposes as a comparison of its two texts', () => {
    const diff = compareMarkedDraft(doc);
    expect(diff.summary.articles).toMatchObject({ added: 1, removed: 1, modified: 3 });
    expect(diff.old.marks?.text).toBe('previous');
    expect(diff.new.marks?.text).toBe('current');
    const article16 = diff.articles.find((a) => a.new?.num === '16')!;
    expect(article16.provisions.map((p) => p.ops.filter((op) => op.op !== 'equal').map((op) => `${op.op}:${op.text.trim()}`)).flat()).toEqual(
      expect.arrayContaining(['delete:ninety', 'insert:sixty', 'insert:in writing']),
    );
  });

  it('reads the text before the marks only when asked (a comparison of two drafts does not need it)', async () => {
    const current = parseDraft(await extractDraft(new Uint8Array(readFileSync(MARKED)), { path: MARKED, sha256: 'test' }));
    expect(current.marks).toEqual({ struck: expected.struck, inserted: expected.inserted });
    expect(renderPlainText(current)).toBe(renderPlainText(doc));
  }, 60_000);

  it('reads every word as plain with --marks ignore', async () => {
    const plain = await readPdf(MARKED, 'ignore');
    expect(plain.marks).toBeUndefined();
    expect(listArticles(plain).map((a) => a.article.num)).toEqual(expect.arrayContaining(['16a', '17']));
    expect(() => compareMarkedDraft(plain)).toThrow(expect.objectContaining({ code: 'no-marks' }));
  }, 60_000);

  it('leaves a draft without marks as it was read before (no marks, no note)', async () => {
    const unmarked = await readPdf(join(ROOT, 'fixtures', 'un-draft.pdf'));
    expect(unmarked.marks).toBeUndefined();
    try {
      compareMarkedDraft(unmarked);
      expect.fail('a draft without marks has nothing to report');
    } catch (error) {
      expect(isTreatyDiffError(error) && error.code).toBe('no-marks');
    }
  }, 60_000);
});

describe('the CLI on a marked draft', () => {
  it('notes the marks in extract, as text and as JSON', () => {
    const text = runCli(['extract', MARKED, '--no-cache', '--no-color']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`read as marked: ${expected.struck} struck and ${expected.inserted} inserted words`);
    const json = JSON.parse(runCli(['extract', MARKED, '--no-cache', '--format', 'json']).stdout) as { marks?: { struck: number; inserted: number; note: string } };
    expect(json.marks).toMatchObject({ struck: expected.struck, inserted: expected.inserted });
  });

  it('treaty-diff marked reports the proposed changes in every format, exit 1', () => {
    for (const format of ['text', 'json', 'markdown', 'html']) {
      const result = runCli(['marked', MARKED, '--no-cache', '--no-color', '--format', format]);
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/sixty/);
      expect(result.stdout).toMatch(/safeguard-modified/);
      if (format === 'json') {
        const report = JSON.parse(result.stdout) as { old: { marks?: object }; new: { marks?: object } };
        validate(report);
        expect(validate.errors ?? [], 'schema errors').toEqual([]);
        expect(report.old.marks).toEqual({ struck: expected.struck, inserted: expected.inserted, text: 'previous' });
      }
    }
  });

  it('treaty-diff marked on a draft without marks says so and exits 2', () => {
    const result = runCli(['marked', join(ROOT, 'fixtures', 'coe-convention.pdf'), '--no-cache']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/marks no changes of its own/);
  });
});

// The Czech presidency compromise on the AI Act (ST 12549/22, page 108): a paragraph's second line opens with
// the inserted `Annex VIII`, and the rest of that line, struck, runs to the margin.
describe('a bold reference at the start of a line whose rest is struck', () => {
  const run = (text: string, x: number, y: number, width: number, extra: Partial<PlacedItem> = {}): PlacedItem => ({ text, x, y, width, size: 12, bold: false, ...extra });
  const page: PlacedPage = {
    page: 1,
    box: [0, 0, 595, 842],
    items: [
      run('4. The EU database shall contain no personal data, except for the information listed in', 70, 700, 455),
      run('Annex VIII', 106, 686, 58, { bold: true }),
      run(' only insofar as necessary for collecting and processing information in', 164, 686, 361, { struck: true }),
      run('accordance with this Regulation.', 106, 672, 170, { struck: true }),
      run('.', 276, 672, 3),
      run('Article 61', 270, 640, 55, { bold: true }),
      run('Monitoring', 268, 626, 58, { bold: true }),
    ],
  };

  it('reads the reference as an insertion (not as a heading, which bold alone would make it)', () => {
    const resolved = resolveMarks([structuredClone(page)], false)!;
    const items = resolved.current[0]!.items;
    const annex = items.find((item) => item.text === 'Annex VIII')!;
    expect(annex.inserted).toBe(true);
    // Inserted bold is no heading's bold for the parser; the centred `Article 61` line keeps its bold.
    expect(annex.bold).toBe(false);
    expect(items.find((item) => item.text === 'Article 61')!.bold).toBe(true);
    expect(items.some((item) => item.struck === true)).toBe(false);
  });
});
