// The HTML report in a real browser (Debian's headless Chromium): counts and sections match the JSON, no script from a draft runs.

import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { ROOT, runCli } from './helpers/cli.js';

/** Playwright's own browser download does not work here: the system Chromium, installed by .ci/run. */
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

interface ReportJson {
  summary: { articles: Record<string, number>; findings: Record<string, number> };
  articles: { kind: string; old?: { id: string }; new?: { id: string }; findings: { code: string }[]; provisions: { kind: string }[] }[];
}

const work = mkdtempSync(join(tmpdir(), 'treaty-diff-browser-'));
let context: BrowserContext;
let browser: Browser | null = null;

/** Writes the HTML report of a pair to a file and returns it with the JSON of the same pair. */
function reportFiles(oldPath: string, newPath: string, name: string): { url: string; json: ReportJson } {
  const file = join(work, `${name}.html`);
  const result = runCli([oldPath, newPath, '--format', 'html', '-o', file]);
  expect(result.stderr).toBe('');
  const json = JSON.parse(runCli([oldPath, newPath, '--format', 'json']).stdout) as ReportJson;
  return { url: pathToFileURL(file).href, json };
}

/** Runs in the page: the computed text decoration of an element. */
const decorationOf = (element: unknown): string =>
  (globalThis as unknown as { getComputedStyle(e: unknown): { textDecorationLine: string } }).getComputedStyle(element).textDecorationLine;

/** Opens a report with a dialog listener; returns what the page shows and whether anything ran. */
async function openReport(url: string) {
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(url, { waitUntil: 'load' });
  return { page, dialogs };
}

beforeAll(async () => {
  // A fresh profile every run: nothing cached or remembered from another run.
  const profile = join(work, 'profile');
  mkdirSync(profile);
  context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: ARGS, headless: true, viewport: { width: 1100, height: 1400 } });
  browser = context.browser();
}, 60_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('the HTML report in Chromium', () => {
  it('revised pair: summary counts and article sections match the JSON; screenshot for the README', async () => {
    const { url, json } = reportFiles('fixtures/pairs/revised/old.pdf', 'fixtures/pairs/revised/new.pdf', 'revised');
    const { page, dialogs } = await openReport(url);
    const counts = await page.$$eval('section.summary tr[data-kind]', (rows) =>
      Object.fromEntries(rows.map((row) => [row.getAttribute('data-kind'), Number(row.querySelector('td.num')?.textContent)])),
    );
    expect(counts).toEqual(json.summary.articles);
    const findings = await page.$$eval('section.summary tr[data-code]', (rows) =>
      Object.fromEntries(rows.map((row) => [row.getAttribute('data-code'), Number(row.querySelector('td.num')?.textContent)])),
    );
    expect(findings).toEqual(json.summary.findings);
    const shown = new Set(await page.$$eval('[data-article]', (elements) => elements.map((e) => e.getAttribute('data-article'))));
    const changed = json.articles.filter((a) => a.kind !== 'unchanged' || a.findings.length > 0 || a.provisions.some((p) => p.kind !== 'unchanged'));
    expect(shown).toEqual(new Set(changed.map((a) => (a.new ?? a.old)!.id)));
    // The top of the report (drafts, summary, contents): the README's first look at it.
    await page.screenshot({ path: join(ROOT, 'test', '.output', 'html-report-top.png') });
    // Footnotes are shown with the article that cites them.
    expect(await page.locator('#art_15 .footnotes li').first().textContent()).toContain("The Chair's proposal to add the principles of legality and necessity");
    // The groups, in order, and a working table of contents.
    expect(await page.$$eval('section.group', (sections) => sections.map((s) => s.getAttribute('data-group')))).toEqual(['safeguards', 'powers', 'other', 'compact']);
    await page.click('nav.contents a[href="#art_15"]');
    expect(await page.evaluate(() => (globalThis as unknown as { location: { hash: string } }).location.hash)).toBe('#art_15');
    // Side by side without scripts: <details> opens natively.
    const details = page.locator('#art_15 details.side-by-side-view').first();
    await details.locator('summary').click();
    expect(await details.evaluate((d) => (d as unknown as { open: boolean }).open)).toBe(true);
    expect(await page.locator('#art_15 .side-by-side .old del').first().textContent()).toBe('shall');
    // The README shows a safeguard's redline, its side-by-side view open.
    await page.locator('#art_15').evaluate((element) => (element as unknown as { scrollIntoView(options: object): void }).scrollIntoView({ block: 'start' }));
    // Kept in test/.output (git-ignored); docs/html-report.png, shown in the README, is a copy of it.
    await page.screenshot({ path: join(ROOT, 'test', '.output', 'html-report.png') });
    // On screen an article opens by itself only with a high-severity finding (article 15: safeguards
    // weakened and removed; article 42: references and an article-modified finding only).
    expect(await page.locator('#art_15 details.article-body').evaluate((d) => (d as unknown as { open: boolean }).open)).toBe(true);
    expect(await page.locator('#art_42 details.article-body').evaluate((d) => (d as unknown as { open: boolean }).open)).toBe(false);
    expect(await page.locator('#art_42 p.pages').isVisible()).toBe(false);
    expect(await page.locator('#art_42 h3').isVisible()).toBe(true);
    // Printed: no disclosure widgets, every article's body shown, and changes still marked without colour.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#art_42 p.pages').isVisible()).toBe(true);
    expect(await page.locator('#art_15 .side-by-side-view summary').first().isVisible()).toBe(false);
    expect(await page.locator('#art_15 .redline del').first().evaluate(decorationOf)).toBe('line-through');
    expect(await page.locator('#art_15 .redline ins').first().evaluate(decorationOf)).toBe('underline');
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('injection pair: the markup in the draft is shown as text and no script runs', async () => {
    const { url } = reportFiles('fixtures/injection/old.pdf', 'fixtures/injection/new.pdf', 'injection');
    const { page, dialogs } = await openReport(url);
    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(await page.$$eval('script, img, iframe, object, embed', (elements) => elements.length)).toBe(0);
    expect(await page.$$eval('a[href^="javascript:"]', (elements) => elements.length)).toBe(0);
    expect(await page.locator('h3', { hasText: 'Illegal interception' }).textContent()).toBe('Article 3  Illegal interception <script>window.__pwned=3</script>');
    const newSide = await page.locator('[data-article="art_2"] .side-by-side .new').textContent();
    expect(newSide).toContain('<script>window.__pwned=1;alert(1)</script> <img src=x onerror="window.__pwned=2;alert(2)"> <a href="javascript:alert(3)">details</a>, Fish &amp; chips & "quoted" words.');
    await page.close();
  });

  it('series: the history table and both comparisons are there', async () => {
    const file = join(work, 'series.html');
    runCli(['fixtures/series/draft-1.pdf', 'fixtures/series/draft-2.pdf', 'fixtures/series/draft-3.pdf', '--format', 'html', '-o', file]);
    const { page, dialogs } = await openReport(pathToFileURL(file).href);
    expect(await page.locator('#history tr.lineage').count()).toBeGreaterThanOrEqual(7);
    expect(await page.locator('section.comparison').count()).toBe(2);
    expect(dialogs).toEqual([]);
    await page.close();
  });
});
