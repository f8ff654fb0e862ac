// Many drafts: consecutive comparisons and each article's history, on the three-draft fixture series.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import { runCli } from './helpers/cli.js';
import { createProgress, QUIET_MS } from '../src/cli/progress.js';
import { loadDrafts } from '../src/drafts/load-drafts.js';
import { compareDrafts } from '../src/compare.js';
import { buildHistory } from '../src/history/build-history.js';
import { selectArticles } from '../src/history/select-articles.js';

const SERIES = ['fixtures/series/draft-1.pdf', 'fixtures/series/draft-2.pdf', 'fixtures/series/draft-3.pdf'];
const schema = JSON.parse(readFileSync(new URL('../schema/treaty-diff.schema.json', import.meta.url), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

interface ExpectedLineage {
  origin: string;
  nums: (string | null)[];
  changes: { from: number; to: number; kind: string; findings: string[] }[];
}
const expected = JSON.parse(readFileSync(new URL('../fixtures/series/expected.json', import.meta.url), 'utf8')) as {
  history: ExpectedLineage[];
  steps: { articles: { old: string | null; new: string | null; kind: string; findings: string[] }[] }[];
};

interface HistoryJson {
  nums: (string | null)[];
  firstDraft: number;
  lastDraft: number;
  events: { kind: string; from: number; to: number; findings: string[] }[];
}

function seriesJson(): { report: Record<string, unknown> & { series: { drafts: unknown[]; comparisons: { summary: unknown; articles: { old?: { num: string }; new?: { num: string }; kind: string; findings: { code: string }[] }[] }[]; history: HistoryJson[] } }; code: number | null; stdout: string; stderr: string } {
  const result = runCli([...SERIES, '--format', 'json']);
  return { report: JSON.parse(result.stdout), code: result.code, stdout: result.stdout, stderr: result.stderr };
}

describe('treaty-diff with three drafts', () => {
  const { report, code, stdout, stderr } = seriesJson();

  it('gives schema-valid JSON whose top level is the latest comparison and that is byte-stable', () => {
    validate(report);
    expect(validate.errors ?? [], 'schema errors').toEqual([]);
    expect(code).toBe(1);
    expect(stderr).toBe('');
    expect(report.schemaVersion).toBe(1);
    expect(report.series.drafts).toHaveLength(3);
    expect(report.series.comparisons).toHaveLength(2);
    expect(report['summary']).toEqual(report.series.comparisons[1]!.summary);
    expect(runCli([...SERIES, '--format', 'json']).stdout).toBe(stdout);
  });

  it('compares each draft with the next as expected.json says', () => {
    for (const [index, step] of expected.steps.entries()) {
      // Only articles: front matter compared as a unit (no number) is not part of the expectation.
      const articles = report.series.comparisons[index]!.articles.filter((a) => (a.new ?? a.old)?.num !== '');
      for (const want of step.articles) {
        const got = articles.find((a) => (a.old?.num ?? null) === want.old && (a.new?.num ?? null) === want.new);
        expect(got, `step ${index + 1}: article ${want.old} -> ${want.new}`).toBeDefined();
        expect(got!.kind).toBe(want.kind);
        expect(new Set(got!.findings.map((f) => f.code))).toEqual(new Set(want.findings));
      }
      expect(articles).toHaveLength(step.articles.length);
    }
  });

  it("follows every article through renumbering: numbers per draft and each change with its findings", () => {
    const history = report.series.history.filter((h) => h.nums.some((num) => num !== null && num !== ''));
    expect(history).toHaveLength(expected.history.length);
    for (const want of expected.history) {
      const got = history.find((h) => JSON.stringify(h.nums) === JSON.stringify(want.nums));
      expect(got, `lineage ${want.origin} ${JSON.stringify(want.nums)}`).toBeDefined();
      expect(got!.events.map((e) => [e.from, e.to, e.kind])).toEqual(want.changes.map((c) => [c.from, c.to, c.kind]));
      for (const [i, change] of want.changes.entries()) expect(new Set(got!.events[i]!.findings)).toEqual(new Set(change.findings));
    }
    const training = history.find((h) => h.nums[0] === null)!;
    expect(training).toMatchObject({ nums: [null, '20', '19'], firstDraft: 2, lastDraft: 3 });
    const removed = history.find((h) => h.nums[2] === null)!;
    expect(removed).toMatchObject({ nums: ['17', '17', null], firstDraft: 1, lastDraft: 2 });
  });

  it('shows the history in text, Markdown and HTML', () => {
    const text = runCli(SERIES);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('=== Draft 1 -> draft 2 ===');
    expect(text.stdout).toContain('=== Draft 2 -> draft 3 ===');
    expect(text.stdout).toMatch(/Article 19 {2}Training of personnel {2}\(- -> 20 -> 19\)\n {4}draft 2: added as article 20 {2}article-added\n {4}draft 3: renumbered 20 -> 19 {2}article-renumbered/);
    expect(text.stdout).toContain('draft 3: removed (was article 17)  power-removed, article-removed');
    const markdown = runCli([...SERIES, '--format', 'markdown']).stdout;
    expect(markdown).toContain('| Article 19 Training of personnel | - | 20 | 19 | draft 2: added as article 20: `article-added`<br>draft 3: renumbered 20 -> 19: `article-renumbered` |');
    expect(markdown).toContain('## Draft 2 -> draft 3');
    const html = runCli([...SERIES, '--format', 'html']).stdout;
    expect(html.match(/<tr class="lineage">/g)).toHaveLength(expected.history.filter((h) => h.changes.length > 0).length);
    expect(html).toContain('id="c2-art_20"');
  });

  it('says in --help that drafts are taken in the order given', () => {
    const help = runCli(['--help']).stdout;
    expect(help).toContain('[more...]');
    expect(help).toContain('compared in the order given');
  });
});

describe('--fail-on and --article on a series', () => {
  it('--fail-on: exit 1 when any consecutive comparison has a selected finding, 0 when none has, 2 for an unknown code', () => {
    // safeguard-weakened only in draft 1 -> 2, power-removed only in draft 2 -> 3 (expected.json).
    expect(runCli([...SERIES, '--fail-on', 'safeguard-weakened']).code).toBe(1);
    expect(runCli([...SERIES, '--fail-on', 'power-removed']).code).toBe(1);
    expect(runCli([...SERIES, '--fail-on', 'safeguard-added,power-narrowed']).code).toBe(0);
    const bad = runCli([...SERIES, '--fail-on', 'safeguard-wekened']);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
  });

  it('--article: only that article in every comparison and in the history; the exit code follows it', () => {
    const result = runCli([...SERIES, '--article', '15', '--format', 'json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { series: { comparisons: { articles: { new?: { num: string } }[]; summary: unknown }[]; history: HistoryJson[] } };
    validate(report);
    expect(validate.errors ?? []).toEqual([]);
    for (const comparison of report.series.comparisons) expect(comparison.articles.map((a) => a.new?.num)).toEqual(['15']);
    expect(report.series.comparisons.map((c) => c.summary)).toEqual([
      { articles: { modified: 1 }, findings: { 'safeguard-weakened': 1, 'article-modified': 1, 'modal-shift': 1 } },
      { articles: { modified: 1 }, findings: { 'safeguard-removed': 1, 'article-modified': 1 } },
    ]);
    expect(report.series.history.map((h) => h.nums)).toEqual([['15', '15', '15']]);
    // Article 16 reads the same in all three drafts.
    expect(runCli([...SERIES, '--article', '16']).code).toBe(0);
    expect(runCli([...SERIES, '--article', '16', '--fail-on', 'any']).code).toBe(0);
  });

  it('selectArticles follows an article through renumbering: asked for by its draft-3 number, it is there from draft 1', async () => {
    const docs = await loadDrafts(SERIES, { workers: 'never' });
    const full = buildHistory(docs.slice(1).map((newDoc, i) => compareDrafts(docs[i]!, newDoc)));
    const search = selectArticles(full, ['18']);
    // Draft 3's article 18 (search and seizure) was article 19 before; draft 1's article 18 (production order) became 17.
    expect(search.articles.map((a) => [a.nums, a.firstDraft, a.lastDraft])).toEqual([
      [['18', '18', '17'], 1, 3],
      [['19', '19', '18'], 1, 3],
    ]);
    expect(search.comparisons[1]!.summary).toEqual({ articles: { renumbered: 2 }, findings: { 'article-renumbered': 2 } });
    expect(search.comparisons[0]!.summary).toEqual({ articles: { unchanged: 2 }, findings: {} });
    // A number that never changes gives what compareDrafts gives when asked for it directly.
    const direct = docs.slice(1).map((newDoc, i) => compareDrafts(docs[i]!, newDoc, { articles: ['15'] }));
    expect(selectArticles(full, ['15']).comparisons).toEqual(direct);
  });
});

describe('progress', () => {
  const recorder = (isTTY: boolean) => {
    const written: string[] = [];
    return { sink: { isTTY, write: (text: string) => void written.push(text) }, written };
  };

  it('says nothing when stderr is not a terminal', () => {
    const { sink, written } = recorder(false);
    let clock = 0;
    const progress = createProgress(sink, () => clock);
    clock = 10 * QUIET_MS;
    progress.reading(['a.pdf', 'b.pdf', 'c.pdf']);
    progress.read(3, 60);
    progress.finish();
    expect(written).toEqual([]);
    // End to end: the CLI's stderr is a pipe here, and stays empty.
    expect(runCli([...SERIES, '--format', 'json']).stderr).toBe('');
  });

  it('on a terminal, shows what is being read once the first moment is over, even if reading has not finished', () => {
    const { sink, written } = recorder(true);
    const timers: { task: () => void; ms: number; cancelled: boolean }[] = [];
    const schedule = (task: () => void, ms: number) => {
      const timer = { task, ms, cancelled: false };
      timers.push(timer);
      return () => void (timer.cancelled = true);
    };
    const progress = createProgress(sink, () => 0, schedule);
    progress.reading(['a.pdf', 'b.pdf']);
    expect(written).toEqual([]);
    expect(timers.map((t) => t.ms)).toEqual([QUIET_MS]);
    timers[0]!.task();
    expect(written).toEqual(['\r\u001b[2Ktreaty-diff: reading 2 drafts (a.pdf, b.pdf)']);
    progress.finish();
    expect(written.at(-1)).toBe('\r\u001b[2K');
    // Done within the moment: the timer is cancelled and nothing is ever written.
    const quick = recorder(true);
    const quickTimers: { cancelled: boolean }[] = [];
    const quickProgress = createProgress(quick.sink, () => 0, () => {
      const timer = { cancelled: false };
      quickTimers.push(timer);
      return () => void (timer.cancelled = true);
    });
    quickProgress.reading(['a.pdf', 'b.pdf']);
    quickProgress.finish();
    expect(quickTimers).toEqual([{ cancelled: true }]);
    expect(quick.written).toEqual([]);
  });

  it('on a terminal, stays quiet for a moment, then overwrites one line and clears it', () => {
    const { sink, written } = recorder(true);
    let clock = 0;
    const progress = createProgress(sink, () => clock);
    progress.reading(['a.pdf', 'b.pdf', 'c.pdf']);
    expect(written).toEqual([]);
    clock = QUIET_MS + 1;
    progress.read(3, 68);
    progress.comparing(2, 2);
    progress.finish();
    expect(written).toEqual([
      '\r\u001b[2Ktreaty-diff: read 3 drafts, 68 pages',
      '\r\u001b[2Ktreaty-diff: read 3 drafts, 68 pages; comparing draft 2 with draft 3 (2 of 2)',
      '\r\u001b[2K',
    ]);
  });
});
