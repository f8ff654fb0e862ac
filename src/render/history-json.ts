// Renders many drafts as JSON: the two-draft contract for the latest comparison, plus the `series` extension.

import type { ArticleHistory, TreatyHistory } from '../types.js';
import { comparisonJson, SCHEMA_VERSION } from './json.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import { escapeJsonControls } from '../messages.js';

/**
 * The JSON report of a series (schemaVersion 1, additive): the top level is exactly the
 * two-draft report of the latest comparison (so existing consumers keep working), and `series`
 * adds every draft, every consecutive comparison (each in the two-draft shape without
 * `schemaVersion`/`tool`) and the history of each article. Byte-stable like `renderJson`, whose comparison object it reuses.
 */
export function renderHistoryJson(history: TreatyHistory): string {
  const comparisons = history.comparisons.map(comparisonJson);
  const latest = comparisons.at(-1);
  if (latest === undefined) throw new RangeError('renderHistoryJson needs at least one comparison');
  const drafts = [comparisons[0]!.old, ...comparisons.map((comparison) => comparison.new)];
  const series = { drafts, comparisons, history: history.articles.map(lineage) };
  return escapeJsonControls(JSON.stringify({ schemaVersion: SCHEMA_VERSION, tool: { name: TOOL_NAME, version: TOOL_VERSION }, ...latest, series }, null, 2)) + '\n';
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
