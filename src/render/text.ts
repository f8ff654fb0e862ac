// Renders a TreatyDiff for the terminal: summary, safeguards, surveillance powers, other changes.

import type { ArticleDiff, DiffOp, DraftSummary, Finding, FootnoteDiff, TreatyDiff, Warning } from '../types.js';
import { isFootnoteChange } from '../diff/footnote-change.js';
import { FINDING_INFO, FINDING_CODES } from '../classify/findings.js';
import { ALIGNMENT_KINDS, articleLabel, groupArticles } from './sections.js';
import type { Highlighter } from './highlight.js';
import { describeMarks, quote, showControlsIn } from '../messages.js';

const SEVERITY_RANK: Record<Finding['severity'], number> = { high: 0, medium: 1, low: 2, info: 3 };

/** Words of unchanged text kept on each side of a change before the rest is elided. */
const CONTEXT_WORDS = 8;
/** Words kept at the start and at the end of a long inserted or deleted run; the middle is counted, not shown. */
const CHANGE_HEAD_WORDS = 60;
const CHANGE_TAIL_WORDS = 20;
/** A provision line longer than this (visible characters) goes on over several lines. */
const LINE_LIMIT = 300;
/** Articles listed in the opening table of high-severity findings before the rest is counted. */
const HIGH_TABLE_ROWS = 12;

/** The terminal report. Ends with a newline. */
export function renderText(given: TreatyDiff, hl: Highlighter): string {
  // Nothing from a draft or a file name reaches the terminal as a control character.
  const diff = showControlsIn(given);
  const out: string[] = [];
  out.push(hl.heading('treaty-diff'), `  old  ${describeDraft(diff.old)}`, `  new  ${describeDraft(diff.new)}`, '');
  out.push(...renderSummary(diff, hl), '');
  out.push(...renderHighSeverityTable(diff.articles, hl));

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
  return [hl.heading('Summary'), ...wrapList(kinds.length > 0 ? kinds : ['none'], 'articles  ', 80), ...wrapList(findings.length > 0 ? findings : ['none'], 'findings  ', 80)];
}

/**
 * The first screen's table: each article with a high-severity finding (safeguard removed or weakened,
 * power added or expanded...), its heading and those codes, so that what matters most is seen before
 * any word diff. At most HIGH_TABLE_ROWS rows, then how many more.
 */
function renderHighSeverityTable(articles: readonly ArticleDiff[], hl: Highlighter): string[] {
  const rows = articles
    .map((article) => ({ article, codes: [...new Set(article.findings.filter((f) => f.severity === 'high').map((f) => f.code))] }))
    .filter((row) => row.codes.length > 0);
  if (rows.length === 0) return [];
  const label = (article: ArticleDiff): string => {
    const side = article.new ?? article.old!;
    const name = side.element === undefined ? `Article ${side.num}` : articleLabel(article);
    return name.length > 12 ? `${name.slice(0, 11)}…` : name;
  };
  const heading = (article: ArticleDiff): string => {
    const text = article.new?.heading ?? article.old?.heading ?? '';
    return text.length > 24 ? `${text.slice(0, 23)}…` : text;
  };
  const out = [hl.heading(`High-severity findings (${rows.length} ${rows.length === 1 ? 'article' : 'articles'})`)];
  for (const { article, codes } of rows.slice(0, HIGH_TABLE_ROWS)) {
    // Two codes at most, so that a row fits 80 columns; the article's section below lists them all.
    const shown = codes.slice(0, 2).map((code) => hl.high(code)).join(', ') + (codes.length > 2 ? ` +${codes.length - 2}` : '');
    out.push(`  ${label(article).padEnd(12)}  ${heading(article).padEnd(24)}  ${shown}`);
  }
  if (rows.length > HIGH_TABLE_ROWS) out.push(hl.dim(`  ... and ${rows.length - HIGH_TABLE_ROWS} more, below`));
  out.push('');
  return out;
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
    out.push(...breakLongLine(`    ${hl.dim(label + ':')} ${renderOps(provision.ops, hl)}`));
  }
  for (const note of article.footnotes.filter(isFootnoteChange)) {
    const text = note.ops !== undefined ? renderOps(note.ops, hl) : note.kind === 'added' ? hl.inserted(shortenChange(note.new!.text)) : hl.deleted(shortenChange(note.old!.text));
    out.push(...breakLongLine(`    ${hl.dim(`${footnoteLabel(note)}:`)} ${text}`));
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

/** `footnote 3 (reworded)`, `footnote 2 -> 3 (reworded)`, `footnote 4 (added)`. */
export function footnoteLabel(note: FootnoteDiff): string {
  const oldMarker = note.old?.marker;
  const newMarker = note.new?.marker;
  const marker = oldMarker !== undefined && newMarker !== undefined && oldMarker !== newMarker ? `${oldMarker} -> ${newMarker}` : (newMarker ?? oldMarker ?? '');
  return `footnote ${marker} (${note.kind})`;
}

/**
 * `art_15__para_2__subpara_a` -> `para 2 (a)`; `art_15__heading` -> `heading`; `art_15` -> `text`;
 * `preamble__recital_5a` -> `recital 5a`; `preamble__citation_2` -> `citation 2`; `preamble__recitals` -> `recitals`.
 */
export function provisionLabel(id: string): string {
  const parts = id.split('__').slice(1);
  if (parts.length === 0) return 'text';
  return parts
    .map((part) => {
      const [kind, ...rest] = part.split('_');
      const num = rest.join('_');
      if (kind === 'para') return `para ${num}`;
      if (kind === 'subpara' || kind === 'point') return `(${num})`;
      if (kind === 'recital' || kind === 'citation') return `${kind} ${num}`;
      if (kind === 'sec') return `section ${num}`;
      return kind === 'heading' ? 'heading' : part;
    })
    .join(' ');
}

/** Inline word diff; long unchanged runs are cut to CONTEXT_WORDS words each side of a change. */
export function renderOps(ops: DiffOp[], hl: Highlighter): string {
  return ops
    .map((op, index) => {
      if (op.op === 'delete') return hl.deleted(shortenChange(op.text));
      if (op.op === 'insert') return hl.inserted(shortenChange(op.text));
      return elide(op.text, index > 0, index < ops.length - 1, hl);
    })
    .join('');
}

/**
 * A long inserted or deleted run cut to its first CHANGE_HEAD_WORDS and last CHANGE_TAIL_WORDS words,
 * the middle counted: a report shows where a whole paragraph went in or out, the JSON keeps every word.
 *
 * Example: a 200-word deletion -> its first 60 words, ` … (120 more words) … `, its last 20; a 100-word one is kept whole.
 */
export function shortenChange(text: string): string {
  const words = text.split(/(?<=\s)/);
  // Cut only where it saves a good run of words: never "(3 more words)".
  if (words.length <= CHANGE_HEAD_WORDS + CHANGE_TAIL_WORDS + 20) return text;
  const hidden = words.length - CHANGE_HEAD_WORDS - CHANGE_TAIL_WORDS;
  return `${words.slice(0, CHANGE_HEAD_WORDS).join('').trimEnd()} … (${hidden} more words) … ${words.slice(-CHANGE_TAIL_WORDS).join('')}`;
}

/** ANSI colour sequences, which take no room on the screen. */
const ANSI = /\u001b\[[0-9;]*m/g;

/**
 * A line of more than LINE_LIMIT visible characters broken at spaces into lines of at most that many,
 * the later ones indented under the first one's text: a provision with many changes stays readable and
 * no line runs to thousands of characters.
 */
function breakLongLine(line: string): string[] {
  const visible = (text: string): number => text.replace(ANSI, '').length;
  if (visible(line) <= LINE_LIMIT) return [line];
  const indent = '      ';
  const lines: string[] = [];
  let current = '';
  for (const word of line.split(/(?<= )/)) {
    if (current !== '' && visible(current) + visible(word) > LINE_LIMIT) {
      lines.push(current.trimEnd());
      current = indent;
    }
    current += word;
  }
  if (current.trim() !== '') lines.push(current.trimEnd());
  return lines;
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
