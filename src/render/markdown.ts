// Renders a comparison (or a series of drafts) as GitHub-flavoured Markdown for job summaries and pull requests.

import type { ArticleDiff, DiffOp, DraftSummary, Finding, TreatyDiff, TreatyHistory } from '../types.js';
import { FINDING_CODES, FINDING_INFO } from '../classify/findings.js';
import { ALIGNMENT_KINDS, articleLabel, compactNotes, groupArticles, isChanged } from './sections.js';
import { footnoteLabel, provisionLabel, renderOps, shortenChange } from './text.js';
import { isFootnoteChange } from '../diff/footnote-change.js';
import type { Highlighter } from './highlight.js';
import { describeMarks, quote, showControlsIn } from '../messages.js';
import { describeEvent, lineageLabel } from './describe-event.js';

const SEVERITY_RANK: Record<Finding['severity'], number> = { high: 0, medium: 1, low: 2, info: 3 };

/**
 * Backslash-escapes what Markdown would read as markup in text taken from a PDF: emphasis
 * (`*`, `_`, `~`), code, links and images (`[`, `]`, `!`), raw HTML and entities (`<`, `&`; a lone `>`
 * inside a line is plain text), table cells (`|`), and `#`. Example: `a <b>|[x]` -> `a \<b>\|\[x\]`.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_~[\]<&|#!]/g, (c) => `\\${c}`).replace(/\s+/g, ' ');
}

/** ASCII punctuation and Unicode punctuation: what CommonMark's flanking rules call punctuation. */
const PUNCTUATION = /[!-/:-@[-`{-~\p{P}]/u;
/** Also symbols (`€`, `©`): renderers disagree on them, so a marker next to one is never trusted. */
const PUNCTUATION_OR_SYMBOL = /[!-/:-@[-`{-~\p{P}\p{S}]/u;

/**
 * True when GFM reads `~~` / `**` around `core` as markup, given the characters just outside
 * (`''` at the start or end of the line). A delimiter run whose inner side is punctuation only
 * opens or closes when its outer side is whitespace or punctuation: in `authorities**, in
 * accordance**` the first `**` stays literal (CommonMark 0.31, 6.2, left- and right-flanking).
 */
export function canMark(before: string, core: string, after: string): boolean {
  const outerOk = (c: string): boolean => c === '' || /\s/u.test(c) || PUNCTUATION.test(c);
  const first = core.charAt(0);
  const last = core.charAt(core.length - 1);
  return (!PUNCTUATION_OR_SYMBOL.test(first) || outerOk(before)) && (!PUNCTUATION_OR_SYMBOL.test(last) || outerOk(after));
}

/**
 * Inline word diff in Markdown: PDF text escaped first, then deleted words marked `~~words~~`,
 * inserted `**words**`, the text renderer's layout (elision included) reused. GFM reads a marker
 * only when it does not touch a space on its inner side, so surrounding spaces are moved outside;
 * where a marker would touch a letter on its outer side and punctuation on its inner side (an
 * insertion `, in accordance with its domestic law,` right after a word), GFM would print the
 * marker literally, so that change is marked `<del>` / `<ins>` instead, which GitHub renders too.
 */
export function renderMarkdownOps(ops: DiffOp[]): string {
  const escaped = ops.map((op) => ({ op: op.op, text: escapeMarkdown(op.op === 'equal' ? op.text : shortenChange(op.text)) }));
  // The characters just outside each change as they will be printed: equal text keeps the words
  // next to a change through elision. A neighbouring change's marker is punctuation, but GitHub's
  // cmark-gfm does not let `~~` help a `**` open (`~~shall~~**[may]**` stays literal), so it counts
  // as a letter here.
  const edge = (index: number, side: 'before' | 'after'): string => {
    const op = escaped[index];
    if (op === undefined) return '';
    if (op.op === 'equal') return side === 'before' ? op.text.slice(-1) : op.text.charAt(0);
    const space = side === 'before' ? /\s$/.test(op.text) : /^\s/.test(op.text);
    return space ? ' ' : 'a';
  };
  // Each change wrapped where it stands, so the markers follow from its own neighbours; renderOps then
  // only lays the line out (elision included).
  const marked = escaped.map((op, index): DiffOp => {
    if (op.op === 'equal') return op;
    const [, lead = '', core = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(op.text) ?? [];
    if (core === '') return op;
    const [marker, tag] = op.op === 'delete' ? ['~~', 'del'] : ['**', 'ins'];
    const markdown = canMark(lead !== '' ? ' ' : edge(index - 1, 'before'), core, trail !== '' ? ' ' : edge(index + 1, 'after'));
    return { op: op.op, text: markdown ? `${lead}${marker}${core}${marker}${trail}` : `${lead}<${tag}>${core}</${tag}>${trail}` };
  });
  return renderOps(marked, PLAIN_ROLES);
}

/** Every highlighter role as the text itself: the Markdown markers are already in the text. */
const PLAIN_ROLES: Highlighter = {
  deleted: (text) => text,
  inserted: (text) => text,
  heading: (text) => text,
  dim: (text) => text,
  high: (text) => text,
  medium: (text) => text,
  low: (text) => text,
};

/**
 * GitHub refuses a job summary over 1 MiB (1,048,576 bytes) per step; a report stays under this many
 * bytes, so that it can be appended with room to spare.
 */
export const MARKDOWN_LIMIT_BYTES = 1_000_000;

/**
 * How much of each article a report shows: `full`, every word diff; `no-other-diffs`, the word diffs of
 * the "Other changes" left out (findings kept); `findings-only`, no word diff at all. Tried in this order
 * until the report fits MARKDOWN_LIMIT_BYTES.
 */
type Detail = 'full' | 'no-other-diffs' | 'findings-only';
const DETAILS: Detail[] = ['full', 'no-other-diffs', 'findings-only'];

/** The note that opens a report that had to leave word diffs out. */
function boundNote(detail: Detail): string[] {
  if (detail === 'full') return [];
  const what = detail === 'no-other-diffs' ? 'the word diffs of the other changes' : 'every word diff';
  return [`> This report leaves out ${what} to stay under GitHub's 1 MiB job-summary limit; every finding is listed, and the JSON and HTML reports have every word.`, ''];
}

/** The first of `render`'s details whose output fits MARKDOWN_LIMIT_BYTES (the last one whatever its size). */
function withinLimit(render: (detail: Detail) => string): string {
  for (const detail of DETAILS) {
    const text = render(detail);
    if (detail === 'findings-only' || Buffer.byteLength(text, 'utf8') <= MARKDOWN_LIMIT_BYTES) return text;
  }
  return render('full');
}

/**
 * The Markdown report of one comparison, under MARKDOWN_LIMIT_BYTES: word diffs are left out, least
 * important first, with a note saying so, when the whole report would not fit a CI job summary.
 * `level` is the level of its top heading (1, or 3 inside a series).
 */
export function renderMarkdown(given: TreatyDiff, level = 1): string {
  // Shown, not obeyed: a bidi override in a draft would reorder the words a reviewer sees.
  const diff = showControlsIn(given);
  return withinLimit((detail) => renderComparisonMarkdown(diff, level, detail));
}

function renderComparisonMarkdown(diff: TreatyDiff, level: number, detail: Detail): string {
  const h = (depth: number, text: string): string => `${'#'.repeat(level + depth)} ${text}`;
  const out: string[] = [h(0, `treaty-diff: ${escapeMarkdown(draftName(diff.old))} -> ${escapeMarkdown(draftName(diff.new))}`), ''];
  out.push(...boundNote(detail));
  out.push(...draftTable([diff.old, diff.new], ['old', 'new']), '');
  out.push(h(1, 'Summary'), '', ...summaryTables(diff), '');
  const changed = diff.articles.filter(isChanged);
  if (changed.length === 0) {
    out.push('No differences: every article reads the same in both drafts.', '');
  } else {
    const groups = groupArticles(diff.articles);
    const sections: [string, ArticleDiff[], Set<ArticleDiff>][] = [
      ['Safeguards', groups.safeguards, new Set()],
      ['Surveillance powers', groups.powers, new Set(groups.safeguards)],
      ['Other changes', groups.other, new Set()],
    ];
    for (const [title, articles, seenAbove] of sections) {
      if (articles.length === 0) continue;
      out.push(h(1, title), '');
      for (const article of articles) {
        if (seenAbove.has(article)) out.push(`- ${escapeMarkdown(articleLabel(article))}: see Safeguards above`, '');
        else out.push(...renderArticle(article, h(2, ''), detail === 'full' || (detail === 'no-other-diffs' && title !== 'Other changes')), '');
      }
    }
    if (groups.compact.length > 0) out.push(h(1, 'Renumbered or moved only'), '', ...compactTable(groups.compact), '');
  }
  if (diff.warnings.length > 0) {
    out.push(h(1, `Warnings (${diff.warnings.length})`), '');
    for (const warning of diff.warnings) out.push(`- \`${warning.code}\`${warning.draft ? ` (${warning.draft})` : ''}: ${escapeMarkdown(warning.message)}`);
    out.push('');
  }
  while (out.at(-1) === '') out.pop();
  return out.join('\n') + '\n';
}

/** The Markdown report of a series of drafts: the drafts, each consecutive comparison, the history of every article. */
export function renderHistoryMarkdown(given: TreatyHistory): string {
  const history = showControlsIn(given);
  const out: string[] = [`# treaty-diff: ${history.drafts.length} drafts`, '', 'Drafts are compared in the order given: each with the next.', ''];
  out.push(...draftTable(history.drafts, history.drafts.map((_, i) => `draft ${i + 1}`)), '');
  out.push(...renderHistoryTable(history), '');
  return withinLimit((detail) => {
    const steps = history.comparisons.flatMap((comparison, index) => [`## Draft ${index + 1} -> draft ${index + 2}`, '', renderComparisonMarkdown(comparison, 3, detail)]);
    const lines = [...out, ...steps];
    while (lines.at(-1) === '') lines.pop();
    return lines.join('\n') + '\n';
  });
}

function renderHistoryTable(history: TreatyHistory): string[] {
  const out = ['## History of articles', ''];
  const changed = history.articles.filter((article) => article.events.length > 0);
  if (changed.length === 0) return [...out, 'No article changed across the drafts.'];
  const draftCols = history.drafts.map((_, i) => `draft ${i + 1}`);
  out.push(`| article | ${draftCols.join(' | ')} | changes |`, `|---|${draftCols.map(() => '---:|').join('')}---|`);
  for (const article of changed) {
    const nums = article.nums.map((num) => (num === null ? '-' : escapeMarkdown(num)));
    const events = article.events.map((event) => {
      const codes = event.findings.length > 0 ? `: ${event.findings.map((code) => `\`${code}\``).join(', ')}` : '';
      return `${escapeMarkdown(describeEvent(event))}${codes}`;
    });
    out.push(`| ${escapeMarkdown(lineageLabel(article))} | ${nums.join(' | ')} | ${events.join('<br>')} |`);
  }
  const steady = history.articles.length - changed.length;
  if (steady > 0) out.push('', `${steady} other ${steady === 1 ? 'article reads' : 'articles read'} the same in every draft.`);
  return out;
}

function draftName(draft: DraftSummary): string {
  return draft.symbol ?? draft.path;
}

function draftTable(drafts: DraftSummary[], names: string[]): string[] {
  const row = (label: string, cell: (d: DraftSummary) => string): string => `| ${label} | ${drafts.map(cell).join(' | ')} |`;
  return [
    `| | ${names.join(' | ')} |`,
    `|---|${names.map(() => '---|').join('')}`,
    row('file', (d) => `\`${d.path.replace(/`/g, "'")}\``),
    row('symbol', (d) => escapeMarkdown(d.symbol ?? '-')),
    row('date', (d) => escapeMarkdown(d.date ?? '-')),
    row('pages', (d) => String(d.pages)),
    row('articles', (d) => String(d.articles)),
    ...(drafts.some((d) => d.marks !== undefined) ? [row('marks', (d) => (d.marks === undefined ? '-' : escapeMarkdown(describeMarks(d.marks))))] : []),
    row('sha256', (d) => `\`${d.sha256.slice(0, 12)}\``),
  ];
}

function summaryTables(diff: TreatyDiff): string[] {
  const kinds = ALIGNMENT_KINDS.filter((kind) => (diff.summary.articles[kind] ?? 0) > 0);
  const codes = FINDING_CODES.filter((code) => (diff.summary.findings[code] ?? 0) > 0);
  const out = ['| articles | count |', '|---|---:|', ...kinds.map((kind) => `| ${kind} | ${diff.summary.articles[kind]} |`)];
  if (kinds.length === 0) out.push('| none | 0 |');
  out.push('', '| finding | severity | count |', '|---|---|---:|');
  out.push(...codes.map((code) => `| \`${code}\` | ${FINDING_INFO[code].severity} | ${diff.summary.findings[code]} |`));
  if (codes.length === 0) out.push('| none | | 0 |');
  return out;
}

/** One article: heading, pages, findings, references; then its word diffs and footnote changes when `withDiffs`. */
function renderArticle(article: ArticleDiff, headingPrefix: string, withDiffs: boolean): string[] {
  const out = [`${headingPrefix}${escapeMarkdown(articleLabel(article))}`, '', `_${pagesLabel(article)}_`, ''];
  const bySeverity = [...article.findings].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
  for (const finding of bySeverity) out.push(`- ${renderFinding(finding)}`);
  if (article.referenceUpdates.length > 0) {
    out.push(`- references updated: ${article.referenceUpdates.map((r) => `${escapeMarkdown(r.old)} -> ${escapeMarkdown(r.new)}`).join('; ')}`);
  }
  const provisions = withDiffs ? article.provisions.filter((p) => p.kind !== 'unchanged' && p.referenceOnly !== true) : [];
  if (provisions.length > 0) out.push('');
  for (const provision of provisions) out.push(`**${provisionLabel(provision.id)}:** ${renderMarkdownOps(provision.ops)}`, '');
  const footnotes = withDiffs ? article.footnotes.filter(isFootnoteChange) : [];
  if (footnotes.length > 0 && out.at(-1) !== '') out.push('');
  for (const note of footnotes) {
    const ops: DiffOp[] = note.ops ?? (note.kind === 'added' ? [{ op: 'insert', text: note.new!.text }] : [{ op: 'delete', text: note.old!.text }]);
    out.push(`**${escapeMarkdown(footnoteLabel(note))}:** ${renderMarkdownOps(ops)}`, '');
  }
  while (out.at(-1) === '') out.pop();
  return out;
}

/** `**safeguard-weakened** (high, judicial-review): "old" -> "new"`; findings without evidence use their message. */
function renderFinding(finding: Finding): string {
  const topic = finding.topic === undefined ? '' : `, ${escapeMarkdown(finding.topic)}`;
  const head = `**${finding.code}** (${finding.severity}${topic})`;
  const { old: oldText, new: newText } = finding.evidence;
  if (oldText === undefined && newText === undefined) return `${head}: ${escapeMarkdown(finding.message)}`;
  const q = (text: string): string => escapeMarkdown(quote(text));
  if (oldText !== undefined && newText !== undefined) return `${head}: ${q(oldText)} -> ${q(newText)}`;
  return oldText !== undefined ? `${head}: deleted ${q(oldText)}` : `${head}: inserted ${q(newText ?? '')}`;
}

function pagesLabel(article: ArticleDiff): string {
  const span = (pages: [number, number]): string => (pages[0] === pages[1] ? `p. ${pages[0]}` : `pp. ${pages[0]}-${pages[1]}`);
  if (article.old && article.new) return `${span(article.old.pages)} -> ${span(article.new.pages)}`;
  return span((article.new ?? article.old)!.pages);
}

function compactTable(compact: ArticleDiff[]): string[] {
  const out = ['| old | new | heading | note |', '|---:|---:|---|---|'];
  for (const article of compact) {
    const notes = compactNotes(article);
    if (article.referenceUpdates.length > 0) notes.push(`references: ${article.referenceUpdates.map((r) => `${r.old} -> ${r.new}`).join('; ')}`);
    const heading = article.new?.heading ?? article.old?.heading ?? '';
    out.push(`| ${escapeMarkdown(article.old?.num ?? '-')} | ${escapeMarkdown(article.new?.num ?? '-')} | ${escapeMarkdown(heading)} | ${escapeMarkdown(notes.join('; '))} |`);
  }
  return out;
}
