// The parse and comparison cache: where it lives, what it trusts, and that a cached run reports exactly what a fresh one does.

import { describe, expect, it } from 'vitest';
import { appendFileSync, copyFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import module from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cacheKey, codeFingerprintOf, openCache, resolveCacheDir } from '../src/drafts/cache.js';
import { runCli } from './helpers/cli.js';

const isNumberList = (value: unknown): value is number[] => Array.isArray(value) && value.every((n) => typeof n === 'number');
const freshDir = (): string => mkdtempSync(join(tmpdir(), 'treaty-diff-cache-test-'));
const entriesIn = (dir: string): string[] => readdirSync(dir).filter((name) => name.endsWith('.json')).sort();

describe('where the cache lives', () => {
  it('follows XDG_CACHE_HOME when it is an absolute path', () => {
    expect(resolveCacheDir({ XDG_CACHE_HOME: '/var/cache/ana', HOME: '/home/ana' })).toBe('/var/cache/ana/treaty-diff');
  });

  it('ignores a relative XDG_CACHE_HOME, as the XDG spec says, and falls back to ~/.cache', () => {
    expect(resolveCacheDir({ XDG_CACHE_HOME: 'cache', HOME: '/home/ana' })).toBe('/home/ana/.cache/treaty-diff');
    expect(resolveCacheDir({ HOME: '/home/ana' })).toBe('/home/ana/.cache/treaty-diff');
  });
});

describe('cache keys', () => {
  it('differ whenever any part differs, and are stable otherwise', () => {
    const key = cacheKey(['parse', 'a'.repeat(64), '.pdf']);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(cacheKey(['parse', 'a'.repeat(64), '.pdf'])).toBe(key);
    expect(cacheKey(['parse', 'a'.repeat(64), '.txt'])).not.toBe(key);
    expect(cacheKey(['parse', 'b'.repeat(64), '.pdf'])).not.toBe(key);
    // Parts are separated, so a shifted boundary is another key.
    expect(cacheKey(['ab', 'c'])).not.toBe(cacheKey(['a', 'bc']));
  });
});

describe('the code fingerprint in every key', () => {
  it('is written by the build for the modules of dist/ as built, every stage included', () => {
    // A stale file (dist rebuilt by other means than npm run build) would let old results through: this catches it.
    expect(readFileSync('dist/code-fingerprint.txt', 'utf8').trim()).toBe(codeFingerprintOf('dist'));
    const copy = mkdtempSync(join(tmpdir(), 'treaty-diff-dist-'));
    try {
      cpSync('dist', copy, { recursive: true });
      const before = codeFingerprintOf(copy);
      // A parser changed, far from the cache's own folder (dist/drafts), changes the fingerprint.
      appendFileSync(join(copy, 'parse', 'parse-draft.js'), '\n// changed\n');
      expect(codeFingerprintOf(copy)).not.toBe(before);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});

describe('cache entries', () => {
  it('round-trip a value under its key', async () => {
    const cache = openCache({}, { dir: join(freshDir(), 'nested', 'treaty-diff') });
    await cache.write('k1', [1, 2, 3]);
    expect(await cache.read('k1', isNumberList)).toEqual([1, 2, 3]);
    expect(await cache.read('k2', isNumberList)).toBeUndefined();
  });

  it('are refused when the value does not pass the check', async () => {
    const cache = openCache({}, { dir: freshDir() });
    await cache.write('k1', { not: 'a list' });
    expect(await cache.read('k1', isNumberList)).toBeUndefined();
  });

  it('are ignored when truncated or altered, and rewritten by the next write', async () => {
    const dir = freshDir();
    const cache = openCache({}, { dir });
    await cache.write('k1', [1, 2, 3]);
    const [file = ''] = entriesIn(dir);
    const text = readFileSync(join(dir, file), 'utf8');
    writeFileSync(join(dir, file), text.slice(0, text.length - 3));
    expect(await cache.read('k1', isNumberList)).toBeUndefined();
    writeFileSync(join(dir, file), text.replace('[1,2,3]', '[1,2,4]'));
    expect(await cache.read('k1', isNumberList)).toBeUndefined();
    writeFileSync(join(dir, file), 'garbage without a header');
    expect(await cache.read('k1', isNumberList)).toBeUndefined();
    await cache.write('k1', [1, 2, 3]);
    expect(await cache.read('k1', isNumberList)).toEqual([1, 2, 3]);
  });

  it('are ignored when written for another key (a foreign entry under this name)', async () => {
    const dir = freshDir();
    const cache = openCache({}, { dir });
    await cache.write('other', [9]);
    copyFileSync(join(dir, 'other.json'), join(dir, 'mine.json'));
    expect(await cache.read('mine', isNumberList)).toBeUndefined();
    expect(await cache.read('other', isNumberList)).toEqual([9]);
  });

  it('are ignored when the folder cannot be written, without failing', async () => {
    const file = join(freshDir(), 'a-file');
    writeFileSync(file, '');
    const cache = openCache({}, { dir: join(file, 'treaty-diff') });
    await expect(cache.write('k1', [1])).resolves.toBeUndefined();
    expect(await cache.read('k1', isNumberList)).toBeUndefined();
  });

  it('are known to be there before they are read, and not before they are written', async () => {
    const cache = openCache({}, { dir: freshDir() });
    expect(cache.has('k')).toBe(false);
    await cache.write('k', [1, 2]);
    expect(cache.has('k')).toBe(true);
    expect(cache.has('other')).toBe(false);
  });

  it('keep a text as it is beside its note, and refuse it when altered or when the note does not pass', async () => {
    const dir = freshDir();
    const cache = openCache({}, { dir });
    const isPages = (note: unknown): note is { pages: number } => typeof (note as { pages?: unknown } | null)?.pages === 'number';
    // A report is text to print, JSON or not: it is stored byte for byte (a quote, a newline, an emoji).
    const text = '{"report": "Article 15 \u2192 16"}\nline two \u{1F4DC}\n';
    await cache.writeText('r1', { pages: 12 }, text);
    expect(await cache.readText('r1', isPages)).toEqual({ note: { pages: 12 }, text });
    const file = join(dir, 'r1.json');
    const stored = readFileSync(file);
    expect(stored.subarray(stored.indexOf(0x0a) + 1).toString('utf8')).toBe(text);
    expect(await cache.readText('r1', (note): note is { other: true } => (note as { other?: unknown }).other === true)).toBeUndefined();
    writeFileSync(file, readFileSync(file, 'utf8').replace('line two', 'line 2'));
    expect(await cache.readText('r1', isPages)).toBeUndefined();
  });

  it('are read as they were written: a JSON value is no text, and a text no JSON value', async () => {
    const cache = openCache({}, { dir: freshDir() });
    await cache.write('value', [1, 2]);
    await cache.writeText('text', { pages: 1 }, '[1,2]');
    expect(await cache.readText('value', (note): note is unknown => true)).toBeUndefined();
    expect(await cache.read('text', isNumberList)).toBeUndefined();
  });

  it('are pruned least recently used first when the folder outgrows its bound', async () => {
    const dir = freshDir();
    const cache = openCache({}, { dir, maxBytes: 3000 });
    const big = Array.from({ length: 250 }, (_, i) => i);
    await cache.write('old', big);
    await cache.write('used', big);
    // 'old' was written first and 'used' read since: the next write over the bound removes 'old'.
    utimesSync(join(dir, 'old.json'), new Date(1_000_000), new Date(1_000_000));
    utimesSync(join(dir, 'used.json'), new Date(2_000_000), new Date(2_000_000));
    expect(await cache.read('used', isNumberList)).toEqual(big);
    await cache.write('new', big);
    expect(entriesIn(dir)).toEqual(['new.json', 'used.json']);
  });
});

describe('the CLI with its cache', () => {
  const pair = ['fixtures/pairs/renumber-only/old.pdf', 'fixtures/pairs/renumber-only/new.pdf'];

  it('stores both drafts, the comparison and its report, and a cached run reports byte for byte what a fresh one does', () => {
    const home = freshDir();
    const env = { XDG_CACHE_HOME: home };
    const fresh = runCli([...pair, '--format', 'json'], env);
    expect(fresh.code).toBe(1);
    expect(entriesIn(join(home, 'treaty-diff'))).toHaveLength(4);
    const cached = runCli([...pair, '--format', 'json'], env);
    expect(cached.code).toBe(1);
    expect(cached.stderr).toBe('');
    expect(cached.stdout).toBe(fresh.stdout);
    const uncached = runCli([...pair, '--format', 'json', '--no-cache'], { XDG_CACHE_HOME: freshDir() });
    expect(uncached.stdout).toBe(fresh.stdout);
  });

  // Node 22+ only: Node 20 has no module compile cache (module.enableCompileCache), and nothing is written there.
  const compileCache = typeof (module as { enableCompileCache?: unknown }).enableCompileCache === 'function';
  it.skipIf(!compileCache)('keeps the compiled code of the reading threads too: pdf.js, loaded only there, is in the compile cache', () => {
    const home = freshDir();
    runCli(['extract', pair[0] ?? '', '--format', 'json'], { XDG_CACHE_HOME: home });
    const compiled = join(home, 'treaty-diff', 'compile');
    const bytes = readdirSync(compiled, { recursive: true, encoding: 'utf8' }).reduce((sum, name) => sum + (statSync(join(compiled, name)).isFile() ? statSync(join(compiled, name)).size : 0), 0);
    // The main thread's modules alone come to about 350 KB; pdf.js's two builds (3 MB of source) add over 1 MB.
    expect(bytes).toBeGreaterThan(1_000_000);
  });

  it('writes nothing with --no-cache', () => {
    const home = freshDir();
    runCli([...pair, '--no-cache'], { XDG_CACHE_HOME: home });
    runCli(['extract', pair[0] ?? '', '--no-cache'], { XDG_CACHE_HOME: home });
    expect(readdirSync(home)).toEqual([]);
  });

  it('ignores corrupt entries, reports as if fresh and rewrites them', () => {
    const home = freshDir();
    const env = { XDG_CACHE_HOME: home };
    const fresh = runCli([...pair, '--format', 'json'], env);
    const dir = join(home, 'treaty-diff');
    for (const name of entriesIn(dir)) writeFileSync(join(dir, name), '{"format":"treaty-diff-cache/2"}\n{"truncated":');
    const again = runCli([...pair, '--format', 'json'], env);
    expect(again.stdout).toBe(fresh.stdout);
    for (const name of entriesIn(dir)) expect(readFileSync(join(dir, name), 'utf8')).toMatch(/^\{"format":"treaty-diff-cache\/2","key":"[0-9a-f]{64}","body":"(json|text)","sha256":"[0-9a-f]{64}"(,"note":\{.*\})?\}\n\{/);
  });

  it('names the paths given this time when the same bytes were cached under other names', () => {
    const home = freshDir();
    const env = { XDG_CACHE_HOME: home };
    runCli([...pair, '--format', 'json'], env);
    const copies = freshDir();
    const oldCopy = join(copies, 'zero-draft.pdf');
    const newCopy = join(copies, 'rev1.pdf');
    copyFileSync(pair[0] ?? '', oldCopy);
    copyFileSync(pair[1] ?? '', newCopy);
    const report = JSON.parse(runCli([oldCopy, newCopy, '--format', 'json'], env).stdout);
    expect(report.old.path).toBe(oldCopy);
    expect(report.new.path).toBe(newCopy);
    const outline = JSON.parse(runCli(['extract', oldCopy, '--format', 'json'], env).stdout);
    expect(outline.source.path).toBe(oldCopy);
  });

  it('serves a rerun its stored report, exiting as --fail-on says, and renders another format from the stored comparison', () => {
    const home = freshDir();
    const env = { XDG_CACHE_HOME: home };
    const dir = join(home, 'treaty-diff');
    const fresh = runCli([...pair, '--format', 'json'], env);
    const report = entriesIn(dir).find((name) => readFileSync(join(dir, name), 'utf8').includes('"body":"text"'));
    expect(report).toBeDefined();
    // Only the report is left: a rerun that needed the drafts or the comparison would have to read the PDFs again.
    for (const name of entriesIn(dir)) if (name !== report) rmSync(join(dir, name));
    expect(runCli([...pair, '--format', 'json'], env)).toEqual(fresh);
    // JSON is never coloured: a terminal asking for colour is served the same report.
    expect(runCli([...pair, '--format', 'json'], { ...env, NO_COLOR: '', FORCE_COLOR: '3' }).stdout).toBe(fresh.stdout);
    expect(entriesIn(dir)).toEqual([report]);
    // The exit code follows this run's --fail-on: the pair has article-renumbered findings and no safeguard finding.
    const safeguards = runCli([...pair, '--format', 'json', '--fail-on', 'safeguards'], env);
    expect([safeguards.code, safeguards.stdout]).toEqual([0, fresh.stdout]);
    expect(runCli([...pair, '--format', 'json', '--fail-on', 'article-renumbered'], env).code).toBe(1);
    // Another format, or colour, is another report: rendered from the comparison (stored again by then).
    const text = runCli(pair, env);
    expect(text.stdout).toBe(runCli([...pair, '--no-cache'], { XDG_CACHE_HOME: freshDir() }).stdout);
    const coloured = runCli(pair, { ...env, NO_COLOR: '', FORCE_COLOR: '1' });
    expect(coloured.stdout).toMatch(/\u001b\[/);
    expect(runCli(pair, { ...env, NO_COLOR: '', FORCE_COLOR: '1' }).stdout).toBe(coloured.stdout);
    expect(runCli(pair, env).stdout).toBe(text.stdout);
  });

  it('names the paths given this time in a stored report too', () => {
    const env = { XDG_CACHE_HOME: freshDir() };
    const copies = freshDir();
    const oldCopy = join(copies, 'old copy.pdf');
    copyFileSync(pair[0] ?? '', oldCopy);
    runCli([...pair, '--format', 'json'], env);
    expect(JSON.parse(runCli([oldCopy, pair[1] ?? '', '--format', 'json'], env).stdout).old.path).toBe(oldCopy);
    expect(JSON.parse(runCli([...pair, '--format', 'json'], env).stdout).old.path).toBe(pair[0]);
  });

  it('keeps options that change the result apart: --article gets its own comparison', () => {
    const env = { XDG_CACHE_HOME: freshDir() };
    const all = JSON.parse(runCli([...pair, '--format', 'json'], env).stdout);
    const one = JSON.parse(runCli([...pair, '--format', 'json', '--article', '5'], env).stdout);
    expect(one.articles.length).toBeLessThan(all.articles.length);
  });

  it('never stores an encrypted draft read with its password: the next run without it is refused', () => {
    const env = { XDG_CACHE_HOME: freshDir() };
    // fixtures/bad/encrypted.pdf: the renumber-only old draft under the user password "secret" (fixtures/README.md).
    const opened = runCli(['extract', 'fixtures/bad/encrypted.pdf', '--password', 'secret', '--format', 'json'], env);
    expect(opened.code).toBe(0);
    expect(opened.stdout).toContain('Illegal access');
    const cacheDir = join(env.XDG_CACHE_HOME, 'treaty-diff');
    // Nothing is stored at all (the folder may not even exist); whatever is there does not hold the text.
    const stored = existsSync(cacheDir) ? readdirSync(cacheDir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()) : [];
    for (const entry of stored) expect(readFileSync(join(entry.parentPath, entry.name), 'utf8')).not.toContain('Illegal access');
    for (const args of [[], ['--password', 'wrong']]) {
      const again = runCli(['extract', 'fixtures/bad/encrypted.pdf', ...args], env);
      expect(again.code).toBe(2);
      expect(again.stderr).toMatch(/password/);
    }
    // A comparison with the password is not stored either.
    expect(runCli(['fixtures/bad/encrypted.pdf', 'fixtures/pairs/renumber-only/new.pdf', '--password', 'secret'], env).code).toBe(1);
    expect(runCli(['fixtures/bad/encrypted.pdf', 'fixtures/pairs/renumber-only/new.pdf'], env).code).toBe(2);
  });

  it('holds cached drafts and comparisons to the limits of this run: --max-pages exits the same cold or warm', () => {
    const env = { XDG_CACHE_HOME: freshDir() };
    const extract = ['extract', pair[0] ?? '', '--max-pages', '1'];
    const cold = runCli(extract, env);
    expect(runCli(['extract', pair[0] ?? ''], env).code).toBe(0);
    const warm = runCli(extract, env);
    expect(cold.code).toBe(2);
    expect(warm).toEqual(cold);
    expect(warm.stderr).toMatch(/pages, more than the limit of 1; .*--max-pages/);
    const compare = [...pair, '--max-pages', '1'];
    const coldCompare = runCli(compare, env);
    expect(runCli(pair, env).code).toBe(1);
    expect(runCli(compare, env)).toEqual(coldCompare);
    expect(coldCompare.code).toBe(2);
  });
});
