// `--format markdown` on every fixture pair, the series and the injection drafts: content matches the JSON.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { escapeMarkdown, renderMarkdownOps } from '../src/render/markdown.js';

interface ReportJson {
  summary: { articles: Record<string, number>; findings: Record<string, number> };
  articles: { kind: string; old?: { num: string }; new?: { num: string }; findings: { code: string }[]; provisions: { kind: string }[] }[];
}

const PAIRS: [string, string][] = [
  ['fixtures/pairs/revised/old.pdf', 'fixtures/pairs/revised/new.pdf'],
  ['fixtures/pairs/renumber-only/old.pdf', 'fixtures/pairs/renumber-only/new.pdf'],
  ['fixtures/pairs/reflow/old.pdf', 'fixtures/pairs/reflow/new.pdf'],
  ['fixtures/series/draft-1.pdf', 'fixtures/series/draft-2.pdf'],
  ['fixtures/series/draft-2.pdf', 'fixtures/series/draft-3.pdf'],
  ['fixtures/injection/old.pdf', 'fixtures/injection/new.pdf'],
];

/** `| modified | 20 |` rows of the summary tables -> { modified: 20 }. */
function tableCounts(markdown: string, header: string): Record<string, number> {
  const block = markdown.slice(markdown.indexOf(header));
  const rows = block.split('\n').slice(2).filter((line) => line.startsWith('| ') && !line.startsWith('| none'));
  const counts: Record<string, number> = {};
  for (const row of rows.slice(0, rows.findIndex((r, i) => i > 0 && !r.startsWith('| ')) >>> 0)) {
    const cells = row.split('|').map((c) => c.trim()).filter(Boolean);
    counts[cells[0]!.replace(/`/g, '')] = Number(cells.at(-1));
  }
  return counts;
}

function summaryOf(markdown: string): { articles: Record<string, number>; findings: Record<string, number> } {
  const summary = markdown.slice(markdown.indexOf('# Summary'), markdown.indexOf('\n#', markdown.indexOf('# Summary') + 10));
  const [articleTable = '', findingTable = ''] = summary.split('\n\n').filter((part) => part.startsWith('| articles') || part.startsWith('| finding'));
  return { articles: tableCounts(articleTable, '| articles'), findings: tableCounts(findingTable, '| finding') };
}

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

  for (const [oldPath, newPath] of PAIRS) {
    it(`matches the JSON: ${oldPath} -> ${newPath}`, () => {
      const json = JSON.parse(runCli([oldPath, newPath, '--format', 'json']).stdout) as ReportJson;
      const result = runCli([oldPath, newPath, '--format', 'markdown']);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(runCli([oldPath, newPath, '--format', 'json']).code);
      const markdown = result.stdout;
      expect(summaryOf(markdown)).toEqual(json.summary);
      // Every article with a safeguard or power finding has its own section heading with its numbers.
      for (const article of json.articles) {
        const codes = article.findings.map((f) => f.code);
        if (!codes.some((c) => c.startsWith('safeguard-') || c.startsWith('power-'))) continue;
        const num = article.old && article.new && article.old.num !== article.new.num ? `Article ${article.old.num} -> ${article.new.num}` : `Article ${(article.new ?? article.old)!.num}`;
        expect(markdown).toMatch(new RegExp(`^### ${num.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'm'));
      }
      if (json.summary.findings['safeguard-weakened'] || json.summary.findings['safeguard-removed']) expect(markdown).toContain('\n## Safeguards\n');
      if (Object.keys(json.summary.findings).some((c) => c.startsWith('power-'))) expect(markdown).toContain('\n## Surveillance powers\n');
    });
  }

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
