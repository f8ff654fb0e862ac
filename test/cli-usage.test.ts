// The CLI contract without drafts: help, version, usage errors mapped to exit 2.

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { isOneCleanLine, runCli } from './helpers/cli.js';

const version = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

describe('treaty-diff usage', () => {
  it('--help shows the usage, examples and exit codes, and exits 0', () => {
    const result = runCli(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: treaty-diff [options] [command] <old> <new>');
    expect(result.stdout).toContain('--fail-on <codes>');
    expect(result.stdout).toContain('Examples:');
    expect(result.stdout).toMatch(/Exit codes: 0 no differences/);
    expect(result.stderr).toBe('');
  });

  it('--version prints the package version', () => {
    const result = runCli(['--version']);
    expect(result).toMatchObject({ code: 0, stdout: `${version}\n` });
  });

  it.each([
    [['fixtures/coe-convention.pdf'], /missing required argument 'new'/],
    [['--bogus', 'a.pdf', 'b.pdf'], /unknown option '--bogus'/],
    [['--format', 'xml', 'a.pdf', 'b.pdf'], /argument 'xml' is invalid/],
    [['a.pdf', 'b.pdf', '--fail-on', 'safeguards,nonsense'], /--fail-on: unknown finding code or group "nonsense"/],
    [['extract'], /missing required argument 'draft'/],
  ])('usage error %j exits 2 with one line', (args, message) => {
    const result = runCli(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr.startsWith('treaty-diff: ')).toBe(true);
    expect(isOneCleanLine(result.stderr)).toBe(true);
  });

  it('names a missing draft and exits 2', () => {
    const result = runCli(['extract', 'no/such/draft.pdf']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no/such/draft.pdf');
    expect(isOneCleanLine(result.stderr)).toBe(true);
  });
});
