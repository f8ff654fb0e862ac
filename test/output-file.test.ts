// -o and file names: a report never overwrites a draft, is written whole or not at all, and drafts with
// spaces, accents or a leading dash in their names are read like any other.

import { copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, type CliResult } from './helpers/cli.js';

/** Two tiny drafts with the same text (exit 0) and a file that is not a PDF. */
const SOURCE = join(ROOT, 'fixtures/hostile/plain.pdf');
const OTHER = join(ROOT, 'fixtures/hostile/javascript.pdf');
const NOT_A_PDF = join(ROOT, 'fixtures/bad/not-a-pdf.pdf');

let dir: string;
/** `treaty-diff ...args` run inside the temporary folder, with a cache of its own (in a subfolder). */
const run = (...args: string[]): CliResult => runCli(args, { XDG_CACHE_HOME: join(dir, '.cache') }, { cwd: dir });
const at = (name: string): string => join(dir, name);
const draftBytes = (): Buffer => readFileSync(SOURCE);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'treaty-diff-output-'));
  copyFileSync(SOURCE, at('old.pdf'));
  copyFileSync(OTHER, at('new.pdf'));
  copyFileSync(NOT_A_PDF, at('broken.pdf'));
  mkdirSync(at('sub'));
  symlinkSync('old.pdf', at('link-to-old.pdf'));
  linkSync(at('old.pdf'), at('hard-link-to-old.pdf'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Files in the folder that look like a report's temporary file. */
const leftovers = (): string[] => readdirSync(dir).filter((name) => name.endsWith('.tmp'));

function expectOneLineRefusal(result: CliResult, ...says: RegExp[]): void {
  expect(result.code, result.stderr).toBe(2);
  expect(result.stdout).toBe('');
  const lines = result.stderr.split('\n').filter(Boolean);
  expect(lines, result.stderr).toHaveLength(1);
  expect(lines[0]?.startsWith('treaty-diff: ')).toBe(true);
  for (const pattern of says) expect(lines[0]).toMatch(pattern);
  expect(result.stderr).not.toMatch(/^\s+at /m);
}

describe('-o never overwrites an input draft', () => {
  it.each([
    ['the same spelling', 'old.pdf'],
    ['./ before it', './old.pdf'],
    ['a detour through a folder', 'sub/../old.pdf'],
    ['an absolute path', 'ABSOLUTE'],
    ['a symbolic link to it', 'link-to-old.pdf'],
    ['a hard link to it', 'hard-link-to-old.pdf'],
  ])('%s', (_, spelling) => {
    const output = spelling === 'ABSOLUTE' ? at('old.pdf') : spelling;
    for (const args of [
      ['old.pdf', 'new.pdf', '--format', 'json', '-o', output],
      ['new.pdf', 'old.pdf', '-o', output],
      ['extract', 'old.pdf', '-o', output],
      ['new.pdf', 'new.pdf', 'old.pdf', '--format', 'markdown', '-o', output],
    ]) {
      const result = run(...args);
      expectOneLineRefusal(result, /refusing to overwrite the input draft/, new RegExp(`-o ${output.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
      expect(readFileSync(at('old.pdf')).equals(draftBytes()), result.command).toBe(true);
    }
    expect(leftovers()).toEqual([]);
  });

  it('refuses before reading anything: a bad draft is not even looked at', () => {
    // The -o check names the clash; the not-a-PDF message would be second.
    expectOneLineRefusal(run('broken.pdf', 'old.pdf', '-o', './old.pdf'), /refusing to overwrite/);
  });
});

describe('-o writes atomically', () => {
  it('writes the report whole through a temporary file renamed over the target, leaving no temporary file', () => {
    const expected = run('old.pdf', 'new.pdf', '--format', 'json');
    expect(expected.code).toBe(0);
    writeFileSync(at('report.json'), 'the previous report\n');
    // A second name for the previous report: a write in place would change it too, a rename does not.
    linkSync(at('report.json'), at('previous.json'));
    const before = statSync(at('report.json')).ino;
    const result = run('old.pdf', 'new.pdf', '--format', 'json', '-o', 'report.json');
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('');
    expect(result.code).toBe(0);
    expect(readFileSync(at('report.json'), 'utf8')).toBe(expected.stdout);
    expect(statSync(at('report.json')).ino).not.toBe(before);
    expect(readFileSync(at('previous.json'), 'utf8')).toBe('the previous report\n');
    expect(leftovers()).toEqual([]);
  });

  it('leaves no file, partial or empty, when the run fails', () => {
    for (const [args, says] of [
      [['old.pdf', 'broken.pdf', '--format', 'html', '-o', 'failed.html'], /broken\.pdf: is neither a PDF/],
      [['old.pdf', 'missing.pdf', '-o', 'failed.html'], /missing\.pdf: no such file/],
      [['extract', 'broken.pdf', '-o', 'failed.html'], /broken\.pdf/],
    ] as const) {
      expectOneLineRefusal(run(...args), says);
      expect(existsSync(at('failed.html'))).toBe(false);
    }
    // An existing report stays as it was.
    writeFileSync(at('kept.md'), 'kept\n');
    expectOneLineRefusal(run('old.pdf', 'broken.pdf', '--format', 'markdown', '-o', 'kept.md'), /broken\.pdf/);
    expect(readFileSync(at('kept.md'), 'utf8')).toBe('kept\n');
    expect(leftovers()).toEqual([]);
  });

  it('says so in one line when the folder does not exist', () => {
    expectOneLineRefusal(run('old.pdf', 'new.pdf', '-o', 'no-such-folder/report.txt'), /no-such-folder\/report\.txt: cannot write the report/, /folder exists/);
    expect(leftovers()).toEqual([]);
  });
});

describe('file names with spaces, accents and a leading dash', () => {
  const names = ['old draft.pdf', 'projet révisé.pdf', '-draft.pdf', 'ドラフト 2.pdf'];
  beforeAll(() => {
    for (const name of names) copyFileSync(SOURCE, at(name));
    copyFileSync(NOT_A_PDF, at('-broken draft é.pdf'));
  });

  it.each([
    ['spaces', ['old draft.pdf', 'new.pdf']],
    ['non-ASCII characters', ['projet révisé.pdf', 'ドラフト 2.pdf']],
    ['a leading dash, after --', ['--', '-draft.pdf', 'new.pdf']],
    ['a leading dash, as ./-draft.pdf', ['./-draft.pdf', 'new.pdf']],
  ])('compares drafts named with %s', (_, args) => {
    // Options first: after --, every word is a draft.
    const result = run('--format', 'json', ...args);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { old: { path: string; pages: number }; new: { path: string } };
    const drafts = args.filter((arg) => arg !== '--');
    expect([report.old.path, report.new.path]).toEqual(drafts);
    expect(report.old.pages).toBe(2);
  });

  it('extracts them, writes reports under such names, and names them in errors', () => {
    for (const args of [['extract', '--', '-draft.pdf'], ['extract', './-draft.pdf'], ['extract', 'projet révisé.pdf']]) {
      const result = run(...args);
      expect(result.stderr, result.command).toBe('');
      expect(result.code, result.command).toBe(0);
      expect(result.stdout).toContain(args[args.length - 1]);
    }
    const written = run('projet révisé.pdf', 'old draft.pdf', '--format', 'markdown', '-o', 'rapport révisé.md');
    expect(written.stderr).toBe('');
    expect(readFileSync(at('rapport révisé.md'), 'utf8')).toContain('projet révisé.pdf');
    expectOneLineRefusal(run('old.pdf', '--', '-broken draft é.pdf'), /-broken draft é\.pdf: is neither a PDF/);
    // Without -- or ./, a leading dash is an option: a usage error, still one line.
    expectOneLineRefusal(run('-draft.pdf', 'new.pdf'), /unknown option '-d/);
  });
});
