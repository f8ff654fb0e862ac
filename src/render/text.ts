// Renders a TreatyDiff for the terminal: summary, safeguards, surveillance powers, other changes.

import type { ArticleDiff, DiffOp, DraftSummary, Finding, FootnoteDiff, TreatyDiff, Warning } from '../types.js';
import { isFootnoteChange } from '../diff/diff-footnotes.js';
import { FINDING_INFO, FINDING_CODES } from '../classify/findings.js';
import { ALIGNMENT_KINDS, articleLabel, groupArticles } from './sections.js';
import type { Highlighter } from './highlight.js';
import { describeMarks, quote } from '../messages.js';

const SEVERITY_RANK: Record<Finding['severity'], number> = { high: 0, medium: 1, low: 2, info: 3 };

/** Words of unchanged text kept on each side of a change before the rest is elided. */
const CONTEXT_WORDS = 8;

/** The terminal report. Ends with a newline. */
export function renderText(diff: TreatyDiff, hl: Highlighter): string {
  const out: string[] = [];
  out.push(`${hl.heading('treaty-diff')}  ${describeDraft(diff.old)}  ->  ${describeDraft(diff.new)}`, '');
  out.push(...renderSummary(diff, hl), '');

  const noDifferences = diff.articles.every((a) => a.kind === 'unchanged' && a.findings.length === 0 && a.provisions.every((p) => p.kind === 'unchanged'));
  if (noDifferences) {
    out.push('No differences: every article reads the same in both drafts.');
  } else {
    const groups = groupArticles(diff.articles);
    for (const [title, articles, seenAbove] of [
      ['Safeguards', groups.safeguards, new Set<ArticleDiff>()],
      ['Surveillance powers', groups.powers, new Set(groups.safeguards)],
      ['Other changes', groups.other, new Set<ArticleDiff>()],
    ] as const) {
      if (articles.length === 0) continue;
      out.push(hl.heading(title));
      for (const article of articles) {
        if (seenAbove.has(article)) out.push(`  ${articleLabel(article)}: see Safeguards above`);
        else out.push(...renderArticle(article, hl));
      }
      out.push('');
    }
    out.push(...renderCompact(groups.compact, hl));
  }
  if (diff.warnings.length > 0) out.push(...renderWarnings(diff.warnings, hl));
  while (out.at(-1) === '') out.pop();
  return out.join('\n') + '\n';
}

function describeDraft(draft: DraftSummary): string {
  const facts = [draft.symbol, draft.date, `${draft.pages} ${draft.pages === 1 ? 'page' : 'pages'}`, `${draft.articles} articles`].filter(Boolean);
  return `${draft.path} (${facts.join(', ')})${draft.marks === undefined ? '' : `, ${describeMarks(draft.marks)}`}`;
}

function renderSummary(diff: TreatyDiff, hl: Highlighter): string[] {
  const kinds = ALIGNMENT_KINDS.filter((kind) => (diff.summary.articles[kind] ?? 0) > 0).map((kind) => `${diff.summary.articles[kind]} ${kind}`);
  const findings = FINDING_CODES.filter((code) => (diff.summary.findings[code] ?? 0) > 0).map(
    (code) => `${diff.summary.findings[code]} ${severityColour(FINDING_INFO[code].severity, hl)(code)}`,
  );
  return [
    hl.heading('Summary'),
    `  articles  ${kinds.join(', ') || 'none'}`,
    `  findings  ${findings.join(', ') || 'none'}`,
  ];
}

function renderArticle(article: ArticleDiff, hl: Highlighter): string[] {
  const out = [`  ${hl.heading(articleLabel(article))}  ${hl.dim(pagesLabel(article))}`];
  const bySeverity = [...article.findings].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
  for (const finding of bySeverity) out.push(`    ${renderFinding(finding, hl)}`);
  if (article.referenceUpdates.length > 0) {
    out.push(`    ${hl.dim('references updated: ' + article.referenceUpdates.map((r) => `${r.old} -> ${r.new}`).join('; '))}`);
  }
  for (const provision of article.provisions) {
    if (provision.kind === 'unchanged' || provision.referenceOnly) continue;
    const label = provisionLabel(provision.id);
    out.push(`    ${hl.dim(label + ':')} ${renderOps(provision.ops, hl)}`);
  }
  for (const note of article.footnotes.filter(isFootnoteChange)) {
    const text = note.ops !== undefined ? renderOps(note.ops, hl) : note.kind === 'added' ? hl.inserted(note.new!.text) : hl.deleted(note.old!.text);
    out.push(`    ${hl.dim(`${footnoteLabel(note)}:`)} ${text}`);
  }
  return out;
}

/** `safeguard-weakened (judicial-review): "old words" -> "new words"`; findings without evidence use their message. */
function renderFinding(finding: Finding, hl: Highlighter): string {
  const code = severityColour(finding.severity, hl)(finding.code);
  const topic = finding.topic === undefined ? '' : ` ${hl.dim(`(${finding.topic})`)}`;
  const { old: oldText, new: newText } = finding.evidence;
  if (oldText === undefined && newText === undefined) return `${code}${topic}: ${finding.message}`;
  const evidence =
    oldText !== undefined && newText !== undefined
      ? `${quote(oldText)} -> ${quote(newText)}`
      : oldText !== undefined
        ? `deleted ${quote(oldText)}`
        : `inserted ${quote(newText ?? '')}`;
  return `${code}${topic}: ${evidence}`;
}

function severityColour(severity: Finding['severity'], hl: Highlighter): (text: string) => string {
  if (severity === 'high') return hl.high;
  if (severity === 'medium') return hl.medium;
  if (severity === 'low') return hl.low;
  return hl.dim;
}

function pagesLabel(article: ArticleDiff): string {
  const span = (pages: [number, number]): string => (pages[0] === pages[1] ? `p. ${pages[0]}` : `pp. ${pages[0]}-${pages[1]}`);
  if (article.old && article.new) return `${span(article.old.pages)} -> ${span(article.new.pages)}`;
  return span((article.new ?? article.old)!.pages);
}

/** `art_15__para_2__subpara_a` -> `para 2 (a)`; `art_15__heading` -> `heading`; `art_15` -> `text`. */
/** `footnote 3 (reworded)`, `footnote 2 -> 3 (reworded)`, `footnote 4 (added)`. */
export function footnoteLabel(note: FootnoteDiff): string {
  const oldMarker = note.old?.marker;
  const newMarker = note.new?.marker;
  const marker = oldMarker !== undefined && newMarker !== undefined && oldMarker !== newMarker ? `${oldMarker} -> ${newMarker}` : (newMarker ?? oldMarker ?? '');
  return `footnote ${marker} (${note.kind})`;
}

export function provisionLabel(id: string): string {
  const parts = id.split('__').slice(1);
  if (parts.length === 0) return 'text';
  return parts
    .map((part) => {
      const [kind, ...rest] = part.split('_');
      const num = rest.join('_');
      if (kind === 'para') return `para ${num}`;
      if (kind === 'subpara' || kind === 'point') return `(${num})`;
      if (kind === 'recital') return `recital ${num}`;
      return kind === 'heading' ? 'heading' : part;
    })
    .join(' ');
}

/** Inline word diff; long unchanged runs are cut to CONTEXT_WORDS words each side of a change. */
export function renderOps(ops: DiffOp[], hl: Highlighter): string {
  return ops
    .map((op, index) => {
      if (op.op === 'delete') return hl.deleted(op.text);
      if (op.op === 'insert') return hl.inserted(op.text);
      return elide(op.text, index > 0, index < ops.length - 1, hl);
    })
    .join('');
}

function elide(text: string, changeBefore: boolean, changeAfter: boolean, hl: Highlighter): string {
  const words = text.split(/(?<=\s)/);
  const keepHead = changeBefore ? CONTEXT_WORDS : 0;
  const keepTail = changeAfter ? CONTEXT_WORDS : 0;
  if (words.length <= keepHead + keepTail + 2) return text;
  const head = words.slice(0, keepHead).join('');
  const tail = words.slice(words.length - keepTail).join('');
  return `${head}${hl.dim('...')}${tail.length > 0 && !head.endsWith(' ') ? ' ' : ''}${tail}`;
}

function renderCompact(compact: ArticleDiff[], hl: Highlighter): string[] {
  if (compact.length === 0) return [];
  const out = [hl.heading('Renumbered, moved or references updated only')];
  const moves = compact.map((article) => {
    const notes = [
      article.kind === 'moved' ? `now in ${article.new?.path.join(', ') || 'the body'}` : '',
      article.referenceUpdates.length > 0 ? `references: ${article.referenceUpdates.map((r) => `${r.old} -> ${r.new}`).join('; ')}` : '',
    ].filter(Boolean);
    const num = article.old?.num === article.new?.num ? `${article.new?.num ?? '?'}` : `${article.old?.num ?? '?'} -> ${article.new?.num ?? '?'}`;
    return `${num}${notes.length > 0 ? ` (${notes.join('; ')})` : ''}`;
  });
  out.push(...wrapList(moves, 'articles  ', 96), '');
  return out;
}

function wrapList(items: string[], prefix: string, width: number): string[] {
  const lines: string[] = [];
  let line = `  ${prefix}`;
  const indent = ' '.repeat(line.length);
  for (const [index, item] of items.entries()) {
    const piece = index < items.length - 1 ? `${item}, ` : item;
    if (line.length + piece.length > width && line.trim().length > prefix.trim().length) {
      lines.push(line.trimEnd());
      line = indent;
    }
    line += piece;
  }
  lines.push(line.trimEnd());
  return lines;
}

function renderWarnings(warnings: Warning[], hl: Highlighter): string[] {
  return [
    hl.heading(`Warnings (${warnings.length})`),
    ...warnings.map((warning) => `  ${hl.medium(warning.code)} ${warning.draft ? `[${warning.draft}] ` : ''}${warning.message}`),
  ];
}
