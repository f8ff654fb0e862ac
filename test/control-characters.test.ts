// Control characters from a draft or a file name never reach a terminal or a page as they are: shown as
// <U+XXXX> in text, Markdown and HTML, escaped in JSON (the same data for a parser).

import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isSafeToPrint, showControls } from '../src/messages.js';
import { runCli } from './helpers/cli.js';

const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const dir = mkdtempSync(join(tmpdir(), 'treaty-diff-controls-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A text draft whose article 2 carries an ESC sequence (clear screen), a C1 CSI, an OSC and a bidi override. */
const draft = (safeguard: string): string =>
  ['Article 1', 'Scope', '', 'This Convention applies to specific criminal investigations.', '', 'Article 2', 'Conditions and safeguards', '', safeguard, ''].join('\n');
// All within a few words of the change (shall -> may), so that every report shows them.
const HOSTILE = 'Each Party shall \u001b[2Jensure \u009b31mreview \u009d0;title\u0007 \u202eweiver\u202c.';
const oldPath = join(dir, 'old.txt');
const newPath = join(dir, 'new\u001b[31m.txt');
writeFileSync(oldPath, draft(HOSTILE));
writeFileSync(newPath, draft(HOSTILE.replace('shall', 'may')));

describe('control characters', () => {
  it('showControls names each one and leaves tabs, line feeds and ordinary text alone', () => {
    expect(showControls('a\u001b[2Jb\u009bc\u202ed\te\nf é')).toBe('a<U+001B>[2Jb<U+009B>c<U+202E>d\te\nf é');
  });

  // How each format writes `<U+009B>` once it has escaped its own markup characters.
  it.each([
    ['text', (shown: string) => shown],
    ['markdown', (shown: string) => shown.replace(/[<[]/g, (c) => `\\${c}`)],
    ['html', (shown: string) => shown.replace(/</g, '&lt;').replace(/>/g, '&gt;')],
  ] as const)('are shown, never obeyed, in the %s report', (format, written) => {
    const run = runCli([oldPath, newPath, '--format', format]);
    expect(run.code).toBe(1);
    expect(run.stdout).not.toMatch(UNSAFE);
    // C0 controls (ESC, BEL) are already dropped when a text draft is read; C1 and bidi controls are shown.
    expect(run.stdout).toContain(written('[2Jensure <U+009B>31mreview <U+009D>0;title'));
    expect(run.stdout).toContain(written('<U+202E>weiver<U+202C>'));
    // The file name too.
    expect(run.stdout).toContain(written('new<U+001B>[31m.txt'));
  });

  it('are escaped in JSON, which still parses to the draft words', () => {
    const run = runCli([oldPath, newPath, '--format', 'json']);
    expect(run.stdout).not.toMatch(UNSAFE);
    expect(run.stdout).toContain('\\u009b31m');
    const report = JSON.parse(run.stdout) as { new: { path: string }; articles: { provisions: { ops: { text: string }[] }[] }[] };
    expect(report.new.path).toBe(newPath);
    const words = report.articles.flatMap((a) => a.provisions.flatMap((p) => p.ops.map((op) => op.text))).join('');
    expect(words).toContain('\u202eweiver\u202c');
  });

  it('are shown in extract outlines and plain text, and in error messages naming a file', () => {
    for (const format of ['text', 'plain']) expect(runCli(['extract', newPath, '--format', format]).stdout).not.toMatch(UNSAFE);
    const missing = runCli(['extract', join(dir, 'gone\u001b]0;pwned\u0007.pdf')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).not.toMatch(UNSAFE);
    expect(missing.stderr).toContain('gone<U+001B>]0;pwned<U+0007>.pdf: no such file');
  });

  it('isSafeToPrint lets through what the renderers write: colour sequences in coloured text, nothing else', () => {
    expect(isSafeToPrint('Article 5\n\tdeleted words', false)).toBe(true);
    expect(isSafeToPrint('Article 5 \u001b[31m\u001b[9mdeleted\u001b[29m\u001b[39m', true)).toBe(true);
    expect(isSafeToPrint('Article 5 \u001b[31mdeleted\u001b[39m', false)).toBe(false);
    for (const control of ['\u001b]0;title\u0007', '\u001b[2J', '\u009b31m', '\u202e', '\u0000', '\u007f']) {
      expect(isSafeToPrint(`a ${control} b`, true)).toBe(false);
    }
  });

  it('are never printed from a stored report, even one planted with a valid checksum: it is rendered afresh', () => {
    const home = mkdtempSync(join(dir, 'cache-'));
    const env = { XDG_CACHE_HOME: home };
    const fresh = runCli([oldPath, newPath, '--format', 'json'], env);
    const folder = join(home, 'treaty-diff');
    // Entries are .json files (on Node 22+ the folder also holds the compiled-code cache, a folder).
    const [name] = readdirSync(folder).filter((entry) => entry.endsWith('.json') && readFileSync(join(folder, entry), 'utf8').includes('"body":"text"'));
    expect(name).toBeDefined();
    // What someone able to write the cache folder could plant: a report with a terminal title sequence,
    // its header's checksum recomputed so that the entry reads as intact.
    const entry = readFileSync(join(folder, name!), 'utf8');
    const newline = entry.indexOf('\n');
    const planted = `\u001b]0;pwned\u0007${entry.slice(newline + 1)}`;
    const header = { ...JSON.parse(entry.slice(0, newline)), sha256: createHash('sha256').update(planted).digest('hex') };
    writeFileSync(join(folder, name!), `${JSON.stringify(header)}\n${planted}`);
    const again = runCli([oldPath, newPath, '--format', 'json'], env);
    expect(again.stdout).toBe(fresh.stdout);
    expect(again.stdout).not.toMatch(UNSAFE);
  });
});
