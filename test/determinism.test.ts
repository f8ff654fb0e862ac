// Same inputs, same bytes: JSON, Markdown and HTML reports do not depend on the run, the cache, the time
// zone or the locale, and name the drafts by the paths given, never by an absolute path.

import { mkdtempSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from './helpers/cli.js';

const OLD = 'fixtures/pairs/revised/old.pdf';
const NEW = 'fixtures/pairs/revised/new.pdf';
const cacheHome = mkdtempSync(join(tmpdir(), 'treaty-diff-determinism-'));
afterAll(() => rmSync(cacheHome, { recursive: true, force: true }));

/** One report; exit 1 because the drafts differ, nothing on stderr. */
function report(format: string, env: NodeJS.ProcessEnv, ...extra: string[]): string {
  const result = runCli([OLD, NEW, '--format', format, ...extra], env);
  expect(result.stderr, result.command).toBe('');
  expect(result.code, result.command).toBe(1);
  return result.stdout;
}

describe.each(['json', 'markdown', 'html'])('%s report', (format) => {
  it('is byte-identical across runs, cold and warm cache, --no-cache, and another time zone and locale', () => {
    const withCache = { XDG_CACHE_HOME: cacheHome };
    const first = report(format, withCache);
    const warm = report(format, withCache);
    const uncached = report(format, {}, '--no-cache');
    // Far from UTC on both sides of the date line, and a locale with other date, number and collation rules.
    const elsewhere = report(format, { TZ: 'Pacific/Kiritimati', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' }, '--no-cache');
    const elsewhereWarm = report(format, { ...withCache, TZ: 'America/Adak', LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8' });
    expect(first.length).toBeGreaterThan(1000);
    expect(warm).toBe(first);
    expect(uncached).toBe(first);
    expect(elsewhere).toBe(first);
    expect(elsewhereWarm).toBe(first);
  }, 240_000);

  it('names the drafts as given and carries no absolute path or timestamp', () => {
    const text = report(format, { XDG_CACHE_HOME: cacheHome });
    expect(text).toContain(OLD);
    expect(text).toContain(NEW);
    for (const absolute of [ROOT, ROOT.replace(/\/$/, ''), cacheHome, homedir(), tmpdir()]) expect(text).not.toContain(absolute);
    expect(text).not.toMatch(/\/(work|home|tmp|root|Users)\//);
    // No date of today in any usual spelling: the only dates are the drafts' own (2023).
    const now = new Date();
    expect(text).not.toContain(now.toISOString().slice(0, 10));
    expect(text).not.toMatch(new RegExp(`\\b${now.getUTCFullYear()}-\\d\\d-\\d\\d`));
    expect(text).not.toMatch(/\d\d:\d\d:\d\d/);
  });
});
