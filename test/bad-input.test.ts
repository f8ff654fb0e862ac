// Refusing bad drafts: each kind of bad input gives its error code and a one-line message naming the file.

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDraft } from '../src/drafts/read-draft.js';
import { isTreatyDiffError } from '../src/errors.js';
import { buildPdf, type PageRuns } from './helpers/extract-pdf-builder.js';

const dir = mkdtempSync(join(tmpdir(), 'treaty-diff-bad-'));
const at = (name: string): string => join(dir, name);

const textPage = (first: string): PageRuns =>
  Array.from({ length: 12 }, (_, index) => ({
    text: `${first} line ${index + 1}: each State Party shall adopt such measures as may be necessary.`,
    x: 72,
    y: 760 - index * 12,
    size: 10,
  }));

async function refusal(path: string): Promise<{ code: string; message: string }> {
  try {
    await readDraft(path);
  } catch (error) {
    if (isTreatyDiffError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error(`${path} was accepted`);
}

beforeAll(() => {
  const good = buildPdf([textPage('Article 1'), textPage('Article 2')]);
  writeFileSync(at('good.pdf'), good);
  writeFileSync(at('empty.pdf'), '');
  writeFileSync(at('not-a-pdf.pdf'), 'Article 1\nThis is a Word file, really.\n');
  writeFileSync(at('notes.docx'), 'PK\u0003\u0004 not a draft');
  writeFileSync(at('truncated.pdf'), good.slice(0, 60));
  writeFileSync(at('blank.pdf'), buildPdf([[], []]));
  writeFileSync(at('one-empty-page.pdf'), buildPdf([textPage('Article 1'), [], textPage('Article 2')]));
  mkdirSync(at('folder.pdf'));
  execFileSync('qpdf', ['--encrypt', 'secret', 'owner', '256', '--', at('good.pdf'), at('encrypted.pdf')]);
  execFileSync('qpdf', ['--encrypt', '', 'owner', '256', '--print=none', '--modify=none', '--extract=n', '--', at('good.pdf'), at('owner-restricted.pdf')]);
});

describe('readDraft refuses bad input with a code and a one-line message naming the file', () => {
  const cases: [file: string, code: string, says: RegExp][] = [
    ['missing.pdf', 'file-not-found', /no such file/],
    ['folder.pdf', 'not-a-file', /not a draft/],
    ['empty.pdf', 'empty-file', /empty/],
    ['not-a-pdf.pdf', 'not-a-pdf', /neither a PDF nor a \.txt\/\.md text draft/],
    ['notes.docx', 'not-a-pdf', /neither a PDF/],
    ['truncated.pdf', 'truncated-pdf', /truncated.*fetch the file again/],
    ['encrypted.pdf', 'encrypted-pdf', /password/],
    // No text and no image: not a scan, so OCR would not help.
    ['blank.pdf', 'no-text-layer', /no text layer and no images.*blank or damaged.*fresh copy/],
  ];
  it.each(cases)('%s -> %s', async (file, code, says) => {
    const { code: actual, message } = await refusal(at(file));
    expect(actual).toBe(code);
    expect(message).toContain(at(file));
    expect(message).toMatch(says);
    expect(message).not.toContain('\n');
  });

  it('refuses a file over the size bound and a PDF over the page bound', async () => {
    await expect(readDraft(at('good.pdf'), { maxBytes: 100 })).rejects.toMatchObject({ code: 'too-large' });
    await expect(readDraft(at('good.pdf'), { maxPages: 1 })).rejects.toMatchObject({ code: 'too-many-pages' });
  });

  it('stops at the time bound', async () => {
    await expect(readDraft(at('good.pdf'), { timeoutMs: 0 })).rejects.toMatchObject({ code: 'timeout' });
  });
});

describe('readDraft accepts what it can read', () => {
  it('opens an owner-restricted PDF without a password', async () => {
    const extracted = await readDraft(at('owner-restricted.pdf'));
    expect(extracted.source.pages).toBe(2);
    expect(extracted.lines[0]?.text).toBe('Article 1 line 1: each State Party shall adopt such measures as may be necessary.');
  });

  it('warns about a page with no text among normal ones and hashes the bytes', async () => {
    const extracted = await readDraft(at('one-empty-page.pdf'));
    expect(extracted.warnings.map((warning) => [warning.code, warning.page])).toEqual([['empty-page', 2]]);
    expect(extracted.source.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(extracted.lines).toHaveLength(24);
  });

  it('never prints to the console while reading damaged files', async () => {
    const written: string[] = [];
    const original = { log: console.log, warn: console.warn, error: console.error, info: console.info };
    for (const name of ['log', 'warn', 'error', 'info'] as const) console[name] = (...args: unknown[]) => void written.push(args.join(' '));
    try {
      await refusal(at('truncated.pdf'));
      await refusal(at('encrypted.pdf'));
    } finally {
      Object.assign(console, original);
    }
    expect(written).toEqual([]);
  });
});

const BAD = new URL('../fixtures/bad/', import.meta.url);
const FIXTURE_CODES: Record<string, string> = {
  'empty.pdf': 'empty-file',
  'not-a-pdf.pdf': 'not-a-pdf',
  'truncated.pdf': 'truncated-pdf',
  'encrypted.pdf': 'encrypted-pdf',
  'scanned.pdf': 'no-text-layer',
};

describe('fixtures/bad', () => {
  it.each(Object.entries(FIXTURE_CODES))('fixtures/bad/%s -> %s', async (file, code) => {
    const path = `fixtures/bad/${file}`;
    const { code: actual, message } = await refusal(path);
    expect(actual).toBe(code);
    expect(message.startsWith(`${path}: `)).toBe(true);
    expect(message).not.toContain('\n');
  });

  it('fixtures/bad/owner-restricted.pdf opens without a password', async () => {
    const extracted = await readDraft('fixtures/bad/owner-restricted.pdf');
    expect(extracted.lines.length).toBeGreaterThan(0);
  });
});
