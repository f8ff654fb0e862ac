// Renders a TreatyDiff as the documented JSON contract (schemaVersion 1), byte-stable.

import type { ArticleDiff, ArticleSummary, DraftSummary, Finding, Footnote, FootnoteDiff, ProvisionDiff, TreatyDiff, Warning } from '../types.js';
import { isFootnoteChange } from '../diff/footnote-change.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import { escapeJsonControls } from '../messages.js';

export const SCHEMA_VERSION = 1;

/**
 * The JSON report. Keys are written in a fixed order and nothing depends on time or place, so the
 * same drafts always give byte-identical output. Optional fields are omitted, never `null`.
 */
export function renderJson(diff: TreatyDiff): string {
  return escapeJsonControls(JSON.stringify({ schemaVersion: SCHEMA_VERSION, tool: { name: TOOL_NAME, version: TOOL_VERSION }, ...comparisonJson(diff) }, null, 2)) + '\n';
}

/** One comparison in the contract's shape, without `schemaVersion` and `tool`: the top level of
 * `renderJson`, and each of `series.comparisons` in a series report. Keys in the written order. */
export function comparisonJson(diff: TreatyDiff): { old: object; new: object; summary: object; articles: object[]; findings: object[]; warnings: object[] } {
  return {
    old: draft(diff.old),
    new: draft(diff.new),
    summary: { articles: { ...diff.summary.articles }, findings: { ...diff.summary.findings } },
    articles: diff.articles.map(article),
    findings: diff.findings.map(finding),
    warnings: diff.warnings.map(warning),
  };
}

function draft(d: DraftSummary): object {
  return { path: d.path, sha256: d.sha256, pages: d.pages, symbol: d.symbol, date: d.date, articles: d.articles, marks: d.marks };
}

function articleSummary(a: ArticleSummary | undefined): object | undefined {
  return (
    a && {
      element: a.element,
      num: a.num,
      heading: a.heading,
      deleted: a.deleted,
      id: a.id,
      pages: a.pages,
      path: a.path,
      footnotes: a.footnotes?.map(footnote),
    }
  );
}

function article(a: ArticleDiff): object {
  return {
    kind: a.kind,
    old: articleSummary(a.old),
    new: articleSummary(a.new),
    matchedBy: a.matchedBy,
    similarity: a.similarity,
    topics: a.topics,
    referenceUpdates: a.referenceUpdates.map((r) => ({ old: r.old, new: r.new })),
    provisions: a.provisions.map(provision),
    footnoteChanges: a.footnotes.some(isFootnoteChange) ? a.footnotes.filter(isFootnoteChange).map(footnoteChange) : undefined,
    findings: a.findings.map(finding),
  };
}

const footnote = (note: Footnote): object => ({ marker: note.marker, text: note.text, page: note.page });

/** A footnote reworded, added or removed; renumberings alone show in the two sides' `footnotes`. */
function footnoteChange(f: FootnoteDiff): object {
  return { kind: f.kind, old: f.old && footnote(f.old), new: f.new && footnote(f.new), ops: f.ops?.map((op) => ({ op: op.op, text: op.text })) };
}

function provision(p: ProvisionDiff): object {
  return {
    id: p.id,
    oldId: p.oldId,
    newId: p.newId,
    kind: p.kind,
    referenceOnly: p.referenceOnly,
    fallback: p.fallback,
    ops: p.ops.map((op) => ({ op: op.op, text: op.text })),
  };
}

function finding(f: Finding): object {
  return {
    code: f.code,
    severity: f.severity,
    topic: f.topic,
    article: { old: f.article.old, new: f.article.new, id: f.article.id },
    at: f.at,
    pages: { old: f.pages.old, new: f.pages.new },
    evidence: { old: f.evidence.old, new: f.evidence.new },
    moved: f.moved === undefined ? undefined : { from: f.moved.from, to: f.moved.to },
    message: f.message,
  };
}

function warning(w: Warning): object {
  return { code: w.code, draft: w.draft, page: w.page, at: w.at, message: w.message };
}
