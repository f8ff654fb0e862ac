// -o onto what is not a plain new file: a FIFO is written into and stays a FIFO, a replaced file keeps its
// mode and owner, and a cancelled run exits as shells expect and leaves no temporary file.

import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, runCli } from './helpers/cli.js';

const PAIR = ['fixtures/pairs/renumber-only/old.pdf', 'fixtures/pairs/renumber-only/new.pdf'];
const scratch: string[] = [];
afterAll(() => scratch.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const freshDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'treaty-diff-output-'));
  scratch.push(dir);
  return dir;
};

describe('-o onto special and existing files', () => {
  it('writes into a FIFO as a shell redirect would, and leaves it a FIFO', async () => {
    const dir = freshDir();
    const fifo = join(dir, 'report.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    // A reader waits on the FIFO, as `cat fifo` would.
    const reader = spawn('cat', [fifo]);
    let received = '';
    reader.stdout.on('data', (chunk: Buffer) => (received += chunk.toString('utf8')));
    const done = new Promise((resolve) => reader.on('close', resolve));
    const run = runCli([...PAIR, '--format', 'json', '-o', fifo]);
    await done;
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(JSON.parse(received).schemaVersion).toBe(1);
    expect(statSync(fifo).isFIFO()).toBe(true);
    expect(readdirSync(dir)).toEqual(['report.fifo']);
  });

  it('writes into /dev/null without replacing it', () => {
    const before = statSync('/dev/null');
    const run = runCli([...PAIR, '-o', '/dev/null']);
    expect(run.code).toBe(1);
    const after = statSync('/dev/null');
    expect(after.isCharacterDevice()).toBe(true);
    expect(after.ino).toBe(before.ino);
  });

  it('keeps the mode (and, run as root, the owner) of a file it replaces', () => {
    const dir = freshDir();
    const report = join(dir, 'report.md');
    writeFileSync(report, 'old report\n');
    chmodSync(report, 0o640);
    const root = process.getuid?.() === 0;
    if (root) chownSync(report, 65534, 65534);
    expect(runCli([...PAIR, '--format', 'markdown', '-o', report]).code).toBe(1);
    const after = statSync(report);
    expect(after.mode & 0o777).toBe(0o640);
    if (root) expect([after.uid, after.gid]).toEqual([65534, 65534]);
    expect(readFileSync(report, 'utf8')).toMatch(/^# treaty-diff/);
  });

  it('refuses a directory with one line', () => {
    const run = runCli([...PAIR, '-o', freshDir()]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/cannot write the report \(it is a directory\)/);
  });
});

describe('a cancelled run', () => {
  // Ended by the signal itself, which shells report as 130 (SIGINT) and 143 (SIGTERM).
  it.each(['SIGINT', 'SIGTERM'] as const)('%s: ends the run by that signal at once, leaving nothing behind', async (signal) => {
    const dir = freshDir();
    // -o onto a FIFO nobody reads: the run waits there, past reading and comparing, until cancelled.
    const fifo = join(dir, 'report.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const child = spawn(process.execPath, [BIN, ...PAIR, '--no-cache', '-o', fifo], {
      cwd: ROOT,
      env: { PATH: process.env['PATH'], HOME: dir, XDG_CACHE_HOME: dir, NO_COLOR: '1' },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const exited = new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('exit', (status, by) => resolve([status, by])));
    // Long enough for any machine to be waiting on the FIFO; the run cannot finish by itself.
    await new Promise((resolve) => setTimeout(resolve, 4000));
    child.kill(signal);
    expect(await exited).toEqual([null, signal]);
    expect(stderr).toBe('');
    expect(readdirSync(dir).filter((name) => name !== 'report.fifo' && name !== 'treaty-diff')).toEqual([]);
  });
});
