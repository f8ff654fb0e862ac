// Hostile text drafts through the built CLI: other encodings read right (or refused, never silently misread),
// and a text draft that exhausts memory named as one.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { expectRefusal } from './helpers/refusal.js';

const ORIGINAL = 'fixtures/text-draft.txt';
const HOSTILE = 'fixtures/hostile';
const noCache = ['--no-cache'];
const ENCODING_WARNING =
  'the text draft is not valid UTF-8: read as Windows-1252 (the "ANSI" code page of Word and Notepad); if accented letters or quotes look wrong, save the draft again as UTF-8';

interface ExtractedJson {
  nodes: { kind: string; num?: string; text: string; children: { text: string }[] }[];
  warnings: { code: string; message: string; draft?: string }[];
}

function extractJson(file: string, ...options: string[]): ExtractedJson {
  const result = runCli(['extract', file, '--format', 'json', ...options]);
  expect(result.stderr, result.command).toBe('');
  expect(result.code, result.command).toBe(0);
  return JSON.parse(result.stdout) as ExtractedJson;
}

describe('text drafts in other encodings', () => {
  it('UTF-8 with a BOM, UTF-16 LE and BE copies compare as identical to the UTF-8 original, without a warning', () => {
    for (const copy of ['text-draft-utf8-bom.txt', 'text-draft-utf16le.txt', 'text-draft-utf16be.txt']) {
      const result = runCli([ORIGINAL, `${HOSTILE}/${copy}`, '--format', 'json', ...noCache]);
      expect(result.stderr, copy).toBe('');
      expect(result.code, copy).toBe(0);
      const report = JSON.parse(result.stdout) as { summary: { articles: Record<string, number> }; warnings: unknown[] };
      expect(report.summary.articles, copy).toEqual({ unchanged: 6 });
      expect(report.warnings, copy).toEqual([]);
    }
  });

  it('a Windows-1252 copy compares as identical (its quotes and dashes are bytes 0x91-0x96) and warns once', () => {
    const result = runCli([ORIGINAL, `${HOSTILE}/text-draft-windows-1252.txt`, '--format', 'json', ...noCache]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).warnings).toEqual([{ code: 'text-encoding', draft: 'new', message: ENCODING_WARNING }]);
    // The text report carries the warning once too.
    const text = runCli([ORIGINAL, `${HOSTILE}/text-draft-windows-1252.txt`, ...noCache]);
    expect(text.code).toBe(0);
    expect(text.stdout.split(ENCODING_WARNING)).toHaveLength(2);
  });

  it('a UTF-16 copy without its byte order mark (also valid UTF-8) compares as identical and warns once', () => {
    const result = runCli([ORIGINAL, `${HOSTILE}/text-draft-utf16le-no-bom.txt`, '--format', 'json', ...noCache]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).warnings).toEqual([
      {
        code: 'text-encoding',
        draft: 'new',
        message: 'the text draft has no byte order mark but a zero byte beside every ASCII letter: read as UTF-16 little-endian; if the text looks wrong, save the draft again as UTF-8',
      },
    ]);
  });

  it('a French draft in Windows-1252 reads "à l\'égard" and "10 000 €", never U+FFFD, as its UTF-8 twin does', () => {
    const doc = extractJson(`${HOSTILE}/french-windows-1252.txt`, ...noCache);
    const paragraphs = doc.nodes.filter((node) => node.kind === 'article').flatMap((article) => [article.text, ...article.children.map((child) => child.text)]);
    expect(paragraphs).toContain("Le présent Protocole s'applique à l'égard des enquêtes pénales spécifiques.");
    expect(paragraphs.join('\n')).toContain('10 000 € sont à la charge');
    expect(JSON.stringify(doc)).not.toContain('\ufffd');
    expect(doc.warnings).toEqual([{ code: 'text-encoding', message: ENCODING_WARNING }]);
    const compared = runCli([`${HOSTILE}/french-utf8.txt`, `${HOSTILE}/french-windows-1252.txt`, ...noCache]);
    expect(compared.stderr).toBe('');
    expect(compared.code).toBe(0);
  });

  it('UTF-16 cut short (an odd number of bytes): refused, naming the file and the remedy', () => {
    const file = `${HOSTILE}/text-draft-utf16-cut.txt`;
    expectRefusal(runCli(['extract', file, ...noCache]), file, /not valid UTF-16/, /save the draft again as UTF-8 text$/);
  });

  it('the cache follows the bytes: each copy is its own entry, and a cached Windows-1252 draft still warns', () => {
    // The tests' cache folder (helpers/cli.ts), fresh for this file: the first run writes, the second reads.
    for (let run = 0; run < 2; run += 1) {
      const result = runCli([ORIGINAL, `${HOSTILE}/text-draft-windows-1252.txt`, '--format', 'json']);
      expect(result.code, `run ${run}`).toBe(0);
      expect(JSON.parse(result.stdout).warnings, `run ${run}`).toEqual([{ code: 'text-encoding', draft: 'new', message: ENCODING_WARNING }]);
    }
    const utf16 = runCli([ORIGINAL, `${HOSTILE}/text-draft-utf16le.txt`, '--format', 'json']);
    expect(utf16.code).toBe(0);
    expect(JSON.parse(utf16.stdout).warnings).toEqual([]);
  });
});

describe('a text draft too large for the memory bound', () => {
  it('is refused as "out of memory reading the text draft", naming the file and --max-memory, never "the PDF"', () => {
    const dir = mkdtempSync(join(tmpdir(), 'treaty-diff-big-text-'));
    try {
      // About 30 MB of articles: read whole, split into lines and parsed, it needs far more than 32 MB of heap.
      const big = join(dir, 'big draft.txt');
      const paragraph = '1. Each Party shall adopt such legislative and other measures as may be necessary to establish the powers and procedures provided for in this section.\n\n';
      const articles = Array.from({ length: 40_000 }, (_, i) => `Article ${i + 1}\nHeading ${i + 1}\n\n${paragraph.repeat(5)}`);
      writeFileSync(big, articles.join(''));
      const expected = `${big}: out of memory reading the text draft: it needed more than 32 MB; check that the file is the draft meant (a text draft of a thousand pages is a few MB), or raise the bound with --max-memory <MB>`;
      for (const args of [['extract', big], [ORIGINAL, big]]) {
        const result = runCli([...args, '--max-memory', '32', ...noCache]);
        expectRefusal(result, big, /out of memory reading the text draft/);
        expect(result.stderr).toBe(`treaty-diff: ${expected}\n`);
        expect(result.stderr).not.toContain('PDF');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('article numbers of four digits', () => {
  const OLD = `${HOSTILE}/four-digit-old.txt`;
  const NEW = `${HOSTILE}/four-digit-new.txt`;

  it('reads articles 999 to 1002 apart, and "Article 2019" at a line start stays text of article 1000', () => {
    const doc = extractJson(OLD, ...noCache);
    const articles = doc.nodes.filter((node) => node.kind === 'article');
    expect(articles.map((article) => article.num)).toEqual(['999', '1000', '1001', '1002']);
    const article1000 = articles[1]!.children.map((child) => child.text);
    expect(article1000).toHaveLength(2);
    expect(article1000[0]).toContain('as provided for in Article 2019 of the Regulation of 2019');
    expect(article1000[1]).toMatch(/in particular its Article 2019\.$/);
    expect(doc.warnings).toEqual([]);
  });

  it('aligns them by number: only article 1001 is modified, with its finding', () => {
    const result = runCli([OLD, NEW, '--format', 'json', ...noCache]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as {
      summary: { articles: Record<string, number> };
      articles: { kind: string; old?: { num: string; id: string }; new?: { num: string; id: string }; matchedBy: string; findings: { code: string }[] }[];
    };
    // The document's title block (the preface) is compared too; the articles are the rest.
    const articles = report.articles.filter((article) => (article.old ?? article.new)!.id.startsWith('art_'));
    expect(articles.map((article) => [article.old?.num, article.new?.num, article.kind, article.matchedBy])).toEqual([
      ['999', '999', 'unchanged', 'number'],
      ['1000', '1000', 'unchanged', 'number'],
      ['1001', '1001', 'modified', 'number'],
      ['1002', '1002', 'unchanged', 'number'],
    ]);
    expect(articles[2]!.findings.map((finding) => finding.code).sort()).toEqual(['article-modified', 'modal-shift', 'safeguard-weakened']);
    // --article takes a four-digit number too.
    const one = runCli([OLD, NEW, '--article', '1001', '--format', 'json', ...noCache]);
    expect(one.code).toBe(1);
    expect(JSON.parse(one.stdout).articles.map((article: { new: { num: string } }) => article.new.num)).toEqual(['1001']);
  });
});
