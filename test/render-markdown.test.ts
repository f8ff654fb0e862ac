// `--format markdown` on every fixture pair, the series and the injection drafts: content matches the JSON.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { canMark, escapeMarkdown, renderMarkdownOps } from '../src/render/markdown.js';
import { PAIRS, SERIES } from './helpers/fixture-pairs.js';

interface FindingJson {
  code: string;
  evidence: { old?: string; new?: string };
}
interface ArticleJson {
  kind: string;
  old?: { num: string; id: string; element?: string };
  new?: { num: string; id: string; element?: string };
  findings: FindingJson[];
  provisions: { kind: string; referenceOnly?: boolean }[];
  referenceUpdates: unknown[];
}
interface ReportJson {
  summary: { articles: Record<string, number>; findings: Record<string, number> };
  articles: ArticleJson[];
}


const PART_LABEL: Record<string, string> = { preface: 'Document title', preamble: 'Preamble', conclusions: 'Final text' };

/** The heading an article's section starts with, derived from the JSON alone: `Article 5 -> 6`, `Article 7 (added)`, `Preamble`. */
function headingStart(article: ArticleJson): string {
  const side = (article.new ?? article.old)!;
  const element = side.element ?? (side.num === '' ? side.id : undefined);
  if (element !== undefined) return `${PART_LABEL[element]}${article.new === undefined ? ' (removed)' : article.old === undefined ? ' (added)' : ''}`;
  if (article.old && article.new) return article.old.num === article.new.num ? `Article ${article.new.num}` : `Article ${article.old.num} -> ${article.new.num}`;
  return article.new ? `Article ${article.new.num} (added)` : `Article ${article.old!.num} (removed)`;
}

const isChanged = (a: ArticleJson): boolean => a.kind !== 'unchanged' || a.findings.length > 0 || a.provisions.some((p) => p.kind !== 'unchanged');
/** Only renumbered, moved or references updated: listed in the compact table, not in a section of its own. */
const isCompact = (a: ArticleJson): boolean =>
  a.old !== undefined &&
  a.new !== undefined &&
  a.findings.every((f) => f.code === 'article-renumbered' || f.code === 'article-moved') &&
  a.provisions.every((p) => p.kind === 'unchanged' || p.referenceOnly === true);

/** `| modified | 20 |` rows of a table that starts with `| <header> |` -> { modified: 20 }. */
function tableCounts(markdown: string, header: string): Record<string, number> {
  const at = markdown.indexOf(`\n| ${header} |`);
  if (at < 0) return {};
  const rows = markdown.slice(at + 1).split('\n');
  const counts: Record<string, number> = {};
  for (const row of rows.slice(2)) {
    if (!row.startsWith('| ')) break;
    const cells = row.split('|').map((c) => c.trim());
    if (cells[1] === 'none') continue;
    counts[cells[1]!.replace(/`/g, '')] = Number(cells.at(-2));
  }
  return counts;
}

/** One comparison's Markdown, cut into its article sections: heading text -> lines below it. */
function sectionsOf(markdown: string, articleLevel: number): Map<string, string[]> {
  const sections = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of markdown.split('\n')) {
    const heading = /^(#+) (.*)$/.exec(line);
    if (heading) {
      current = heading[1]!.length === articleLevel ? [] : undefined;
      if (current) sections.set(heading[2]!.replace(/\\(.)/g, '$1'), current);
    } else current?.push(line);
  }
  return sections;
}

/** Asserts that one comparison's Markdown says what its JSON says: counts, every changed article, every finding. */
function expectMatchesJson(markdown: string, json: ReportJson, baseLevel: number): void {
  const summary = markdown.slice(markdown.indexOf(`${'#'.repeat(baseLevel + 1)} Summary`));
  expect(tableCounts(summary, 'articles')).toEqual(json.summary.articles);
  expect(tableCounts(summary, 'finding')).toEqual(json.summary.findings);
  const sections = sectionsOf(markdown, baseLevel + 2);
  const compactRows = markdown.split('\n').filter((line) => /^\| \S+ \| \S+ \| .* \|$/.test(line));
  let sectionCount = 0;
  for (const article of json.articles.filter(isChanged)) {
    const start = headingStart(article);
    if (isCompact(article)) {
      expect(compactRows, start).toContainEqual(expect.stringMatching(new RegExp(`^\\| ${escapeRegExp(article.old!.num)} \\| ${escapeRegExp(article.new!.num)} \\|`)));
      continue;
    }
    const matches = [...sections.keys()].filter((heading) => heading === start || heading.startsWith(`${start} `));
    expect(matches, `one section for ${start}`).toHaveLength(1);
    sectionCount++;
    const lines = sections.get(matches[0]!)!;
    // Each finding once, as a bullet led by its code; its evidence quoted.
    const bullets = lines.filter((line) => line.startsWith('- **'));
    expect(bullets.map((line) => /^- \*\*([a-z-]+)\*\*/.exec(line)?.[1]).sort(), start).toEqual(article.findings.map((f) => f.code).sort());
    for (const finding of article.findings) {
      if (finding.evidence.old === undefined && finding.evidence.new === undefined) continue;
      expect(bullets.find((line) => line.startsWith(`- **${finding.code}**`)), `${start} ${finding.code}`).toMatch(/"[^"]+"/);
    }
    // One marked line per changed provision (reference-only ones are summed up in a bullet).
    const changedProvisions = article.provisions.filter((p) => p.kind !== 'unchanged' && p.referenceOnly !== true);
    expect(lines.filter((line) => /^\*\*[^*]+:\*\* /.test(line)), start).toHaveLength(changedProvisions.length);
  }
  expect(sections.size, 'no section for an unchanged or compact article').toBe(sectionCount);
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('renderMarkdown', () => {
  it('escapes Markdown metacharacters from PDF text', () => {
    expect(escapeMarkdown('a <b>|[x]* _y_ ~~z~~ `c` &amp; #1')).toBe('a \\<b>\\|\\[x\\]\\* \\_y\\_ \\~\\~z\\~\\~ \\`c\\` \\&amp; \\#1');
  });

  it('marks deleted and inserted words, spaces outside the markers', () => {
    expect(
      renderMarkdownOps([
        { op: 'equal', text: 'States Parties ' },
        { op: 'delete', text: 'shall ' },
        { op: 'insert', text: 'may ' },
        { op: 'equal', text: 'take [measures]' },
      ]),
    ).toBe('States Parties ~~shall~~ **may** take \\[measures\\]');
  });

  it('keeps markers GitHub can read: a change starting or ending in punctuation next to a word is marked with tags', () => {
    expect(canMark(' ', 'may', ' ')).toBe(true);
    expect(canMark('s', ', in accordance,', ' ')).toBe(false);
    expect(canMark(' ', '\\[shall\\]', ' ')).toBe(true);
    expect(canMark(' ', 'words,', 'x')).toBe(false);
    expect(
      renderMarkdownOps([
        { op: 'equal', text: 'to enable its competent authorities' },
        { op: 'insert', text: ', in accordance with its domestic law,' },
        { op: 'equal', text: ' to order' },
      ]),
    ).toBe('to enable its competent authorities<ins>, in accordance with its domestic law,</ins> to order');
    expect(
      renderMarkdownOps([
        { op: 'equal', text: 'the requested Party ' },
        { op: 'delete', text: 'shall' },
        { op: 'insert', text: '[shall][may]' },
        { op: 'equal', text: ' take' },
      ]),
    ).toBe('the requested Party ~~shall~~<ins>\\[shall\\]\\[may\\]</ins> take');
  });

  for (const [oldPath, newPath] of PAIRS) {
    it(`matches the JSON: ${oldPath} -> ${newPath}`, () => {
      const jsonRun = runCli([oldPath, newPath, '--format', 'json']);
      const json = JSON.parse(jsonRun.stdout) as ReportJson;
      const result = runCli([oldPath, newPath, '--format', 'markdown']);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(jsonRun.code);
      expectMatchesJson(result.stdout, json, 1);
      if (Object.keys(json.summary.findings).some((c) => c.startsWith('safeguard-'))) expect(result.stdout).toContain('\n## Safeguards\n');
      if (Object.keys(json.summary.findings).some((c) => c.startsWith('power-'))) expect(result.stdout).toContain('\n## Surveillance powers\n');
    });
  }

  it('series: every consecutive comparison matches its part of the series JSON', () => {
    const json = JSON.parse(runCli([...SERIES, '--format', 'json']).stdout) as { series: { comparisons: ReportJson[] } };
    const markdown = runCli([...SERIES, '--format', 'markdown']).stdout;
    const parts = markdown.split(/^## Draft \d+ -> draft \d+\n/m).slice(1);
    expect(parts).toHaveLength(json.series.comparisons.length);
    for (const [index, part] of parts.entries()) expectMatchesJson(part, json.series.comparisons[index]!, 3);
  });

  it('revised: the safeguard weakened in article 15 is quoted and its wording marked', () => {
    const markdown = runCli(['fixtures/pairs/revised/old.pdf', 'fixtures/pairs/revised/new.pdf', '--format', 'markdown']).stdout;
    expect(markdown).toMatch(/- \*\*safeguard-weakened\*\* \(high, [a-z-]+\): ".*shall.*" -> ".*may.*"/);
    expect(markdown).toContain('Each Party ~~shall~~**may** ensure');
    // The sample the README links to is this very report (rebuild it with the command in docs/README.md).
    expect(markdown, 'docs/markdown-summary.md is stale').toBe(readFileSync(new URL('../docs/markdown-summary.md', import.meta.url), 'utf8'));
  });

  it('injection: markup from the PDF stays text', () => {
    const markdown = runCli(['fixtures/injection/old.pdf', 'fixtures/injection/new.pdf', '--format', 'markdown']).stdout;
    expect(markdown).not.toMatch(/(?<!\\)<(script|img|a|b)\b/);
    expect(markdown).toContain('\\<script>');
    expect(markdown).toContain('\\&amp; chips \\&');
    expect(markdown).toContain('a \\* star, \\_underscores\\_, a \\| pipe, \\~\\~tildes\\~\\~');
  });
});
