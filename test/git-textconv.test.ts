// `git diff` on drafts kept in git: `treaty-diff extract --format plain` as a textconv driver shows
// article-level text changes, no page furniture or page numbers, and nothing at all for a reflowed draft.

import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers/cli.js';

const scratch: string[] = [];
afterAll(() => scratch.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A git repository with the README's textconv setup, in which `draft.pdf` is committed once per version given. */
function repositoryWith(versions: string[]): (...args: string[]) => { status: number | null; stdout: string; stderr: string } {
  const dir = mkdtempSync(join(tmpdir(), 'treaty-diff-git-'));
  scratch.push(dir);
  const env = { PATH: process.env.PATH, HOME: dir, XDG_CACHE_HOME: join(dir, '.cache'), GIT_CONFIG_NOSYSTEM: '1', NO_COLOR: '1' };
  const git = (...args: string[]) => spawnSync('git', args, { cwd: dir, encoding: 'utf8', env });
  git('init', '-q');
  git('config', 'user.email', 'analyst@example.org');
  git('config', 'user.name', 'Analyst');
  // The README's three lines, with the built CLI in place of the installed command.
  writeFileSync(join(dir, '.gitattributes'), '*.pdf diff=treaty\n');
  git('config', 'diff.treaty.textconv', `"${process.execPath}" "${join(ROOT, 'bin', 'treaty-diff.js')}" extract --format plain`);
  git('config', 'diff.treaty.cachetextconv', 'true');
  versions.forEach((version, index) => {
    copyFileSync(join(ROOT, version), join(dir, 'draft.pdf'));
    git('add', '.');
    git('commit', '-q', '-m', `version ${index + 1}`);
  });
  return git;
}

describe('git diff through the textconv driver', () => {
  it('shows the articles that changed, word by word, and no page furniture', () => {
    const git = repositoryWith(['fixtures/pairs/revised/old.pdf', 'fixtures/pairs/revised/new.pdf']);
    const diff = git('diff', 'HEAD~1', 'HEAD', '--', 'draft.pdf');
    expect(diff.stderr).toBe('');
    const added = diff.stdout.split('\n').filter((line) => line.startsWith('+') && !line.startsWith('+++'));
    const removed = diff.stdout.split('\n').filter((line) => line.startsWith('-') && !line.startsWith('---'));
    // Edit a of the revised pair: a new article 5 (fixtures/README.md).
    expect(added).toContain('+Article 5 – Misuse of identity information');
    // The document symbol of each draft, from the masthead.
    expect(removed).toContain('-A/AC.291/22');
    expect(added).toContain('+A/AC.291/22/Rev.1');
    // Article 15's safeguard weakened: "shall" -> "may" on one paragraph line, each side whole.
    expect(removed.some((line) => /^-1\. Each Party shall ensure that the establishment/.test(line))).toBe(true);
    expect(added.some((line) => /^\+1\. Each Party may ensure that the establishment/.test(line))).toBe(true);
    // No page numbers, job numbers or running headers: the changed lines are text.
    for (const line of [...added, ...removed]) {
      expect(line).not.toMatch(/^[-+]\s*(\d+|V\.\d\d-\d+|Page \d+)\s*$/);
      expect(line).not.toMatch(/\bV\.23-\d{5}\b/);
    }
    const words = git('diff', '--word-diff', 'HEAD~1', 'HEAD', '--', 'draft.pdf').stdout;
    expect(words).toContain('Each Party [-shall-]{+may+} ensure that the establishment');
  });

  it('shows no change for the same text reflowed onto other pages and lines', () => {
    const git = repositoryWith(['fixtures/pairs/reflow/old.pdf', 'fixtures/pairs/reflow/new.pdf']);
    // (git's exit code still says the blobs differ: it compares bytes, the driver only what is shown.)
    const diff = git('diff', 'HEAD~1', 'HEAD', '--', 'draft.pdf');
    expect(diff.stderr).toBe('');
    expect(diff.stdout).toBe('');
    // The bytes did change: without the driver, git sees two different binaries.
    expect(git('diff', '--no-textconv', '--stat', 'HEAD~1', 'HEAD').stdout).toMatch(/draft\.pdf \| Bin/);
  });

  it('shows each version in git log -p as text', () => {
    const git = repositoryWith(['fixtures/pairs/revised/old.pdf', 'fixtures/pairs/revised/new.pdf']);
    const log = git('log', '-p', '--format=%s', '--', 'draft.pdf').stdout;
    expect(log).toMatch(/^version 2$/m);
    expect(log).toMatch(/^\+Article 48 – /m);
  });
});
