// Pastes the built CLI's --help and extract --help into README.md's "Command line" block (test/readme.test.ts checks it).
//
// Usage: npm run build && node scripts/readme-help.mjs

import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const README = join(ROOT, 'README.md');
/** Help as a pipe sees it: no colour, commander's default 80 columns. */
const help = (...args) =>
  spawnSync(process.execPath, [join(ROOT, 'bin', 'treaty-diff.js'), ...args], { encoding: 'utf8', env: { PATH: process.env.PATH, NO_COLOR: '1' } }).stdout;

const block = `$ treaty-diff --help\n${help('--help')}\n$ treaty-diff extract --help\n${help('extract', '--help')}`;
const readme = readFileSync(README, 'utf8');
const heading = readme.indexOf('\n## Command line\n');
const open = readme.indexOf('```', heading);
const close = readme.indexOf('```', open + 3);
if (heading < 0 || open < 0 || close < 0) throw new Error('README.md has no fenced block under "## Command line"');
writeFileSync(README, `${readme.slice(0, open)}\`\`\`\n${block}${readme.slice(close)}`);
