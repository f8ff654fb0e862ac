// Renders many drafts as JSON: the two-draft contract for the latest comparison, plus the `series` extension.

import type { ArticleHistory, TreatyHistory } from '../types.js';
import { renderJson } from '../render/json.js';

/**
 * The JSON report of a series (schemaVersion 1, additive): the top level is exactly the
 * two-draft report of the latest comparison (so existing consumers keep working), and `series`
 * adds every draft, every consecutive comparison (each in the two-draft shape without
 * `schemaVersion`/`tool`) and the history of each article. Byte-stable like `renderJson`.
 */
export function renderHistoryJson(history: TreatyHistory): string {
  const reports = history.comparisons.map((comparison) => JSON.parse(renderJson(comparison)) as Record<string, unknown>);
  const latest = reports.at(-1);
  if (latest === undefined) throw new RangeError('renderHistoryJson needs at least one comparison');
  const drafts = [reports[0]!['old'], ...reports.map((report) => report['new'])];
  const comparisons = reports.map(({ schemaVersion: _version, tool: _tool, ...rest }) => rest);
  return JSON.stringify({ ...latest, series: { drafts, comparisons, history: history.articles.map(lineage) } }, null, 2) + '\n';
}

function lineage(a: ArticleHistory): object {
  return {
    nums: a.nums,
    ids: a.ids,
    heading: a.heading,
    firstDraft: a.firstDraft,
    lastDraft: a.lastDraft,
    events: a.events.map((e) => ({ kind: e.kind, from: e.from, to: e.to, oldNum: e.oldNum, newNum: e.newNum, findings: e.findings })),
  };
}
