// Runs the built CLI (bin/treaty-diff.js on dist/) as a user would, colour off, and records the result.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/treaty-diff.js', import.meta.url));

export interface CliResult {
  command: string;
  stdout: string;
  stderr: string;
  code: number | null;
}

/** The parse cache of the test runs: a fresh folder per test file, never the user's ~/.cache. */
const TEST_CACHE_HOME = mkdtempSync(join(tmpdir(), 'treaty-diff-test-cache-'));

/** `treaty-diff ...args` from the repository root (or `options.cwd`), with NO_COLOR, the tests' own
 * cache folder and a 60 s bound. */
export function runCli(args: string[], env: NodeJS.ProcessEnv = {}, options: { cwd?: string } = {}): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
    env: { PATH: process.env['PATH'], HOME: process.env['HOME'], XDG_CACHE_HOME: TEST_CACHE_HOME, NO_COLOR: '1', ...env },
  });
  return { command: `treaty-diff ${args.join(' ')}`, stdout: result.stdout, stderr: result.stderr, code: result.status };
}

/** True when stderr is exactly one line and carries no stack frame. */
export function isOneCleanLine(stderr: string): boolean {
  const lines = stderr.split('\n').filter((line) => line.length > 0);
  return lines.length === 1 && !/^\s+at /m.test(stderr) && !stderr.includes('Error:');
}

/** Preloaded by `runCliMeasured`: writes the process's peak resident set (kB, every thread) to fd 3 at exit. */
const PEAK_REPORTER = join(TEST_CACHE_HOME, 'report-peak.cjs');
writeFileSync(
  PEAK_REPORTER,
  "if (require('node:worker_threads').isMainThread) process.on('exit', () => { try { require('node:fs').writeSync(3, String(process.resourceUsage().maxRSS)); } catch {} });\n",
);

/** `runCli`, also measuring the whole process: its peak resident memory (MB, all threads) and wall time (s). */
export function runCliMeasured(args: string[], env: NodeJS.ProcessEnv = {}): CliResult & { peakMb: number; seconds: number } {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['-r', PEAK_REPORTER, BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    env: { PATH: process.env['PATH'], HOME: process.env['HOME'], XDG_CACHE_HOME: TEST_CACHE_HOME, NO_COLOR: '1', ...env },
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const peakKb = Number(String(result.output[3] ?? '').trim());
  return { command: `treaty-diff ${args.join(' ')}`, stdout: result.stdout, stderr: result.stderr, code: result.status, peakMb: Math.round(peakKb / 1024), seconds };
}
