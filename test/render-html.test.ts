// `--format html` on every fixture pair, the series and the injection drafts: self-contained, escaped, content matches the JSON.

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { escapeHtml } from '../src/render/html-escape.js';
import { renderHtmlOps } from '../src/render/html-article.js';

interface ReportJson {
  summary: { articles: Record<string, number>; findings: Record<string, number> };
  articles: { kind: string; old?: { id: string; num: string }; new?: { id: string; num: string }; findings: { code: string }[]; provisions: { kind: string }[] }[];
}

const PAIRS: [string, string][] = [
  ['fixtures/pairs/revised/old.pdf', 'fixtures/pairs/revised/new.pdf'],
  ['fixtures/pairs/renumber-only/old.pdf', 'fixtures/pairs/renumber-only/new.pdf'],
  ['fixtures/pairs/reflow/old.pdf', 'fixtures/pairs/reflow/new.pdf'],
  ['fixtures/series/draft-1.pdf', 'fixtures/series/draft-2.pdf'],
  ['fixtures/series/draft-2.pdf', 'fixtures/series/draft-3.pdf'],
  ['fixtures/injection/old.pdf', 'fixtures/injection/new.pdf'],
];

const isChanged = (a: ReportJson['articles'][number]): boolean =>
  a.kind !== 'unchanged' || a.findings.length > 0 || a.provisions.some((p) => p.kind !== 'unchanged');

/** Counts from the summary tables' `data-kind` / `data-code` rows. */
function countsOf(html: string, attribute: 'data-kind' | 'data-code'): Record<string, number> {
  const summary = html.slice(html.indexOf('<section class="summary">'), html.indexOf('</section>', html.indexOf('<section class="summary">')));
  const counts: Record<string, number> = {};
  for (const match of summary.matchAll(new RegExp(`<tr ${attribute}="([a-z-]+)">.*?<td class="num">(\\d+)</td></tr>`, 'g'))) counts[match[1]!] = Number(match[2]);
  return counts;
}

describe('renderHtml', () => {
  it('escapes everything that could be markup', () => {
    expect(escapeHtml(`<img src=x onerror="a('1')">&amp;`)).toBe('&lt;img src=x onerror=&quot;a(&#39;1&#39;)&quot;&gt;&amp;amp;');
    expect(renderHtmlOps([{ op: 'equal', text: 'States ' }, { op: 'delete', text: '<b>shall</b>' }, { op: 'insert', text: 'may' }])).toBe(
      'States <del>&lt;b&gt;shall&lt;/b&gt;</del><ins>may</ins>',
    );
  });

  for (const [oldPath, newPath] of PAIRS) {
    it(`is self-contained and matches the JSON: ${oldPath} -> ${newPath}`, () => {
      const json = JSON.parse(runCli([oldPath, newPath, '--format', 'json']).stdout) as ReportJson;
      const result = runCli([oldPath, newPath, '--format', 'html']);
      expect(result.stderr).toBe('');
      const html = result.stdout;
      expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
      expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
      // No external resource of any kind, and no script of our own.
      expect(html).not.toMatch(/<script|<link\b|<iframe|<object|<embed|@import|url\(|<[a-z][^>]*\ssrc=|<a\b[^>]*href="(?!#)/i);
      expect(countsOf(html, 'data-kind')).toEqual(json.summary.articles);
      expect(countsOf(html, 'data-code')).toEqual(json.summary.findings);
      // Every changed article has a section (or a row of the renumbered-only table); unchanged ones none.
      for (const article of json.articles) {
        const id = (article.new ?? article.old)!.id;
        if (isChanged(article)) expect(html, `article ${id}`).toContain(`data-article="${id}"`);
        else expect(html).not.toContain(`data-article="${id}"`);
      }
      // Every link of the table of contents points at an element of the page.
      for (const [, target] of html.matchAll(/href="#([^"]+)"/g)) expect(html).toContain(`id="${target}"`);
    });
  }

  it('injection: <script>, <img onerror> and javascript: links from the PDF are shown as text', () => {
    const html = runCli(['fixtures/injection/old.pdf', 'fixtures/injection/new.pdf', '--format', 'html']).stdout;
    expect(html).not.toMatch(/<script|<img|<a href="javascript|<b>/i);
    // The new side of article 2, its insertions unmarked: the draft's words, escaped, in one piece.
    const newSide = /<div class="new"><h5>New<\/h5>(.*?)<\/div>/.exec(html.slice(html.indexOf('data-article="art_2"')))?.[1] ?? '';
    const newText = newSide.replace(/<\/?ins>/g, '');
    expect(newText).toContain('&lt;script&gt;window.__pwned=1;alert(1)&lt;/script&gt;');
    expect(newText).toContain('&lt;img src=x onerror=&quot;window.__pwned=2;alert(2)&quot;&gt;');
    expect(newText).toContain('&lt;a href=&quot;javascript:alert(3)&quot;&gt;details&lt;/a&gt;');
    expect(newText).toContain('Fish &amp;amp; chips &amp; &quot;quoted&quot; words.');
    expect(html).toContain('<h3>Article 3  Illegal interception &lt;script&gt;window.__pwned=3&lt;/script&gt;</h3>');
  });

  it('writes the report to a file with -o', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'treaty-diff-html-')), 'report.html');
    const result = runCli(['fixtures/pairs/revised/old.pdf', 'fixtures/pairs/revised/new.pdf', '--format', 'html', '-o', out]);
    expect(result.stdout).toBe('');
    expect(result.code).toBe(1);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<del>shall</del><ins>may</ins>');
    expect(html).toContain('<summary>Old and new side by side</summary>');
  });
});
