// The shape of a refusal through the built CLI: exit 2, nothing on stdout, one clean line on stderr naming the file.

import { expect } from 'vitest';
import type { CliResult } from './cli.js';

/**
 * A refusal as a hostile or broken draft must end: exit 2, nothing on stdout, exactly one line on stderr
 * that starts with `treaty-diff: `, names the file as given, matches every pattern (what went wrong, what
 * to do), and carries no stack frame.
 */
export function expectRefusal(result: CliResult, file: string, ...says: RegExp[]): void {
  const context = `${result.command}\nstderr: ${result.stderr}`;
  expect(result.code, context).toBe(2);
  expect(result.stdout, context).toBe('');
  expect(result.stderr.endsWith('\n'), context).toBe(true);
  const lines = result.stderr.split('\n').filter((line) => line.length > 0);
  expect(lines, context).toHaveLength(1);
  const [line = ''] = lines;
  expect(line.startsWith('treaty-diff: '), context).toBe(true);
  expect(line, context).toContain(file);
  for (const pattern of says) expect(line, context).toMatch(pattern);
  expect(result.stderr, context).not.toMatch(/^\s+at /m);
  expect(result.stderr, context).not.toContain('internal error');
}
