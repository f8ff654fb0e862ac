// `--format html` on every fixture pair, the series and the injection drafts: self-contained, escaped, content matches the JSON.

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { escapeHtml } from '../src/render/html-escape.js';
import { renderHtmlOps } from '../src/render/html-article.js';
import { PAIRS, SERIES } from './helpers/fixture-pairs.js';

interface ArticleJson {
  kind: string;
  old?: { id: string; num: string };
  new?: { id: string; num: string };
  findings: { code: string }[];
  provisions: { kind: string; referenceOnly?: boolean }[];
}
interface ReportJson {
  summary: { articles: Record<string, number>; findings: Record<string, number> };
  articles: ArticleJson[];
}
interface NodeJson {
  id: string;
  footnotes: { marker: string; text: string; page: number }[];
  children: NodeJson[];
}


const isChanged = (a: ArticleJson): boolean =>
  a.kind !== 'unchanged' || a.findings.length > 0 || a.provisions.some((p) => p.kind !== 'unchanged');
/** Only renumbered, moved or references updated: a row of the compact table, no section of its own. */
const isCompact = (a: ArticleJson): boolean =>
  a.old !== undefined &&
  a.new !== undefined &&
  a.findings.every((f) => f.code === 'article-renumbered' || f.code === 'article-moved') &&
  a.provisions.every((p) => p.kind === 'unchanged' || p.referenceOnly === true);

/** Counts from the summary tables' `data-kind` / `data-code` rows. */
function countsOf(html: string, attribute: 'data-kind' | 'data-code'): Record<string, number> {
  const summary = html.slice(html.indexOf('<section class="summary">'), html.indexOf('</section>', html.indexOf('<section class="summary">')));
  const counts: Record<string, number> = {};
  for (const match of summary.matchAll(new RegExp(`<tr ${attribute}="([a-z-]+)">.*?<td class="num">(\\d+)</td></tr>`, 'g'))) counts[match[1]!] = Number(match[2]);
  return counts;
}

/** The <article> elements of a report, by data-article. */
function articleElements(html: string): Map<string, string> {
  const elements = new Map<string, string>();
  for (const match of html.matchAll(/<article class="article" [^>]*data-article="([^"]*)"[^>]*>([\s\S]*?)<\/article>/g)) elements.set(match[1]!, match[2]!);
  return elements;
}

/** Footnote markers of an article as `treaty-diff extract --format json` reads them from a draft. */
function footnotesOf(tree: { nodes: NodeJson[] }, id: string | undefined): string[] {
  const find = (nodes: NodeJson[]): NodeJson | undefined => {
    for (const node of nodes) {
      if (node.id === id) return node;
      const inner = find(node.children);
      if (inner) return inner;
    }
    return undefined;
  };
  return id === undefined ? [] : (find(tree.nodes)?.footnotes.map((f) => f.marker) ?? []);
}

/** Asserts that one comparison's HTML says what its JSON says: counts, every changed article, its findings, provisions and footnotes. */
function expectMatchesJson(html: string, json: ReportJson, trees?: { old: { nodes: NodeJson[] }; new: { nodes: NodeJson[] } }): void {
  expect(countsOf(html, 'data-kind')).toEqual(json.summary.articles);
  expect(countsOf(html, 'data-code')).toEqual(json.summary.findings);
  const elements = articleElements(html);
  let sections = 0;
  for (const article of json.articles) {
    const id = (article.new ?? article.old)!.id;
    if (!isChanged(article)) {
      expect(html, `unchanged ${id}`).not.toContain(`data-article="${id}"`);
      continue;
    }
    if (isCompact(article)) {
      expect(html, `compact ${id}`).toMatch(new RegExp(`<tr data-article="${id}" data-kind="${article.kind}">`));
      continue;
    }
    sections++;
    const element = elements.get(id);
    expect(element, `section of ${id}`).toBeDefined();
    const codes = [...element!.matchAll(/<li data-code="([a-z-]+)">/g)].map((m) => m[1]);
    expect(codes.sort(), `findings of ${id}`).toEqual(article.findings.map((f) => f.code).sort());
    const changedProvisions = article.provisions.filter((p) => p.kind !== 'unchanged' && p.referenceOnly !== true);
    expect(element!.match(/<div class="provision" /g) ?? [], `provisions of ${id}`).toHaveLength(changedProvisions.length);
    if (trees !== undefined) {
      const wanted = new Set([...footnotesOf(trees.old, article.old?.id), ...footnotesOf(trees.new, article.new?.id)]);
      const shown = new Set([...element!.matchAll(/<li data-footnote="([^"]*)">/g)].map((m) => m[1]));
      // A renumbered footnote shows its new marker; every marker read from either draft is there or renumbered.
      expect(shown.size, `footnotes of ${id}`).toBeLessThanOrEqual(wanted.size);
      for (const marker of shown) expect(wanted, `footnote ${marker} of ${id}`).toContain(marker);
      if (wanted.size > 0) expect(shown.size, `footnotes of ${id}`).toBeGreaterThan(0);
    }
  }
  expect(elements.size, 'one <article> per changed article that is not only renumbered').toBe(sections);
}

const extractTree = (path: string): { nodes: NodeJson[] } => JSON.parse(runCli(['extract', path, '--format', 'json']).stdout) as { nodes: NodeJson[] };

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
      expectMatchesJson(html, json, { old: extractTree(oldPath), new: extractTree(newPath) });
      // Every link of the table of contents points at an element of the page.
      for (const [, target] of html.matchAll(/href="#([^"]+)"/g)) expect(html).toContain(`id="${target}"`);
    });
  }

  it('series: every consecutive comparison matches its part of the series JSON', () => {
    const json = JSON.parse(runCli([...SERIES, '--format', 'json']).stdout) as { series: { comparisons: ReportJson[]; history: { events: unknown[] }[] } };
    const html = runCli([...SERIES, '--format', 'html']).stdout;
    const parts = html.split(/<section class="comparison" id="c\d+">/).slice(1);
    expect(parts).toHaveLength(json.series.comparisons.length);
    for (const [index, part] of parts.entries()) expectMatchesJson(part, json.series.comparisons[index]!);
    expect(html.match(/<tr class="lineage">/g)).toHaveLength(json.series.history.filter((h) => h.events.length > 0).length);
    for (const [, target] of html.matchAll(/href="#([^"]+)"/g)) expect(html).toContain(`id="${target}"`);
  });

  it("revised: the footnotes of articles 15 and 27 are shown with their pages", () => {
    const html = runCli(['fixtures/pairs/revised/old.pdf', 'fixtures/pairs/revised/new.pdf', '--format', 'html']).stdout;
    const art15 = articleElements(html).get('art_15')!;
    expect(art15).toContain(
      '<li data-footnote="2"><span class="marker">2</span> The Chair&#39;s proposal to add the principles of legality and necessity to paragraph 1 remains under discussion. <span class="pages">old p. 7 → new p. 8</span></li>',
    );
    expect(articleElements(html).get('art_27')).toMatch(/<li data-footnote="4">.*Proposals to add a ground for refusal.*old p\. 13 → new p\. 15/);
  });

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
