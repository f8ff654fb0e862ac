// The README stays true: its --help block is the program's, its quick-start command runs on shipped files.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FINDING_CODES } from '../src/classify/findings.js';
import { ROOT, runCli } from './helpers/cli.js';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** The first fenced block after a heading. */
function blockAfter(heading: string): string {
  const at = readme.indexOf(`\n${heading}\n`);
  expect(at, heading).toBeGreaterThan(-1);
  const match = /```[a-z]*\n([\s\S]*?)```/.exec(readme.slice(at));
  return match?.[1] ?? '';
}

describe('README.md', () => {
  it('pastes the real --help and extract --help', () => {
    // Rebuild it with: npm run build && node scripts/readme-help.mjs
    const pasted = blockAfter('## Command line');
    expect(pasted).toBe(`$ treaty-diff --help\n${runCli(['--help']).stdout}\n$ treaty-diff extract --help\n${runCli(['extract', '--help']).stdout}`);
  });

  it('quick start: the install-and-run command names fixtures that exist and the test command is npm test', () => {
    const quick = blockAfter('## Quick start');
    expect(quick).toMatch(/^npm ci && npm run build && node bin\/treaty-diff\.js \S+ \S+/);
    for (const path of quick.match(/fixtures\/\S+\.pdf/g) ?? []) expect(existsSync(join(ROOT, path)), path).toBe(true);
    expect(readme).toContain('```sh\nnpm test\n```');
  });

  it('documents every finding code', () => {
    for (const code of FINDING_CODES) expect(readme, code).toContain(`\`${code}\``);
  });
});
