// Renders a comparison (or a series of drafts) as one self-contained HTML file: a redline people read, print and share.

import type { ArticleDiff, DraftSummary, TreatyDiff, TreatyHistory } from '../types.js';
import { FINDING_CODES, FINDING_INFO } from '../classify/findings.js';
import { ALIGNMENT_KINDS, articleLabel, compactNotes, groupArticles, isChanged } from './sections.js';
import { escapeHtml } from './html-escape.js';
import { HTML_STYLE } from './html-style.js';
import { articleAnchor, renderArticleHtml } from './html-article.js';
import { describeEvent, lineageLabel } from './describe-event.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import { describeMarks, showControlsIn } from '../messages.js';

/**
 * Defence in depth behind escaping: no script, frame, font, connection or remote image may load,
 * only the inline style sheet and data: images.
 */
export const HTML_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** The HTML report of one comparison: a complete document without external resources or scripts. */
export function renderHtml(given: TreatyDiff): string {
  const diff = showControlsIn(given);
  const title = `treaty-diff: ${draftName(diff.old)} → ${draftName(diff.new)}`;
  return page(title, [`<header><h1>${escapeHtml(title)}</h1>${draftTable([diff.old, diff.new], ['Old', 'New'])}</header>`, comparisonBody(diff, '', 2)]);
}

/** The HTML report of a series of drafts: the drafts, the history of every article, each consecutive comparison. */
export function renderHistoryHtml(given: TreatyHistory): string {
  const history = showControlsIn(given);
  const title = `treaty-diff: ${history.drafts.length} drafts`;
  const names = history.drafts.map((_, i) => `Draft ${i + 1}`);
  const parts = [
    `<header><h1>${escapeHtml(title)}</h1><p>Drafts are compared in the order given: each with the next.</p>${draftTable(history.drafts, names)}</header>`,
    historySection(history),
    ...history.comparisons.map(
      (comparison, i) =>
        `<section class="comparison" id="c${i + 1}"><h2>Draft ${i + 1} → draft ${i + 2}</h2>${comparisonBody(comparison, `c${i + 1}-`, 3)}</section>`,
    ),
  ];
  return page(title, parts);
}

function page(title: string, parts: string[]): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${HTML_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${TOOL_NAME} ${TOOL_VERSION}">
<title>${escapeHtml(title)}</title>
<style>${HTML_STYLE}</style>
</head>
<body>
${parts.join('\n')}
</body>
</html>
`;
}

function draftName(draft: DraftSummary): string {
  return draft.symbol ?? draft.path;
}

function draftTable(drafts: DraftSummary[], names: string[]): string {
  const row = (label: string, cell: (d: DraftSummary) => string): string =>
    `<tr><th>${label}</th>${drafts.map((d) => `<td>${cell(d)}</td>`).join('')}</tr>`;
  return [
    '<table class="drafts">',
    `<tr><th></th>${names.map((n) => `<th>${escapeHtml(n)}</th>`).join('')}</tr>`,
    row('File', (d) => `<span class="mono">${escapeHtml(d.path)}</span>`),
    row('Symbol', (d) => escapeHtml(d.symbol ?? '–')),
    row('Date', (d) => escapeHtml(d.date ?? '–')),
    row('Pages', (d) => String(d.pages)),
    row('Articles', (d) => String(d.articles)),
    ...(drafts.some((d) => d.marks !== undefined) ? [row('Marks', (d) => (d.marks === undefined ? '–' : escapeHtml(describeMarks(d.marks))))] : []),
    row('SHA-256', (d) => `<span class="mono" title="${escapeHtml(d.sha256)}">${escapeHtml(d.sha256.slice(0, 16))}…</span>`),
    '</table>',
  ].join('\n');
}

/** Summary, contents and article sections of one comparison; `level` is the level of its section headings. */
function comparisonBody(diff: TreatyDiff, prefix: string, level: number): string {
  const h = (text: string): string => `<h${level}>${text}</h${level}>`;
  const out: string[] = [`<section class="summary">${h('Summary')}${summaryTables(diff)}</section>`];
  if (!diff.articles.some(isChanged)) {
    out.push('<p class="no-differences">No differences: every article reads the same in both drafts.</p>');
  } else {
    const groups = groupArticles(diff.articles);
    const sections: [string, string, ArticleDiff[]][] = [
      ['safeguards', 'Safeguards', groups.safeguards],
      ['powers', 'Surveillance powers', groups.powers],
      ['other', 'Other changes', groups.other],
    ];
    out.push(contents(sections, groups.compact, prefix, level));
    const rendered = new Set<ArticleDiff>();
    for (const [key, title, articles] of sections) {
      if (articles.length === 0) continue;
      out.push(`<section class="group" id="${prefix}${key}" data-group="${key}">${h(title)}`);
      for (const article of articles) {
        if (rendered.has(article)) {
          out.push(`<p class="see-above" data-article="${escapeHtml(article.new?.id ?? article.old?.id ?? '')}">${escapeHtml(articleLabel(article))}: <a href="#${escapeHtml(articleAnchor(article, prefix))}">see above</a></p>`);
        } else {
          out.push(renderArticleHtml(article, prefix));
          rendered.add(article);
        }
      }
      out.push('</section>');
    }
    if (groups.compact.length > 0) out.push(compactTable(groups.compact, prefix, h));
  }
  if (diff.warnings.length > 0) {
    out.push(`<section class="warnings">${h(`Warnings (${diff.warnings.length})`)}<ul>`);
    for (const w of diff.warnings) out.push(`<li><code>${w.code}</code>${w.draft ? ` (${w.draft})` : ''}: ${escapeHtml(w.message)}</li>`);
    out.push('</ul></section>');
  }
  return out.join('\n');
}

function summaryTables(diff: TreatyDiff): string {
  const kinds = ALIGNMENT_KINDS.filter((kind) => (diff.summary.articles[kind] ?? 0) > 0);
  const codes = FINDING_CODES.filter((code) => (diff.summary.findings[code] ?? 0) > 0);
  const kindRows = kinds.map((kind) => `<tr data-kind="${kind}"><th>${kind}</th><td class="num">${diff.summary.articles[kind]}</td></tr>`);
  const codeRows = codes.map(
    (code) =>
      `<tr data-code="${code}"><th><span class="badge ${FINDING_INFO[code].severity}">${code}</span></th><td>${FINDING_INFO[code].title}</td><td class="num">${diff.summary.findings[code]}</td></tr>`,
  );
  return [
    '<table class="counts articles"><tr><th>Articles</th><th>Count</th></tr>',
    ...kindRows,
    '</table>',
    '<table class="counts findings"><tr><th>Finding</th><th></th><th>Count</th></tr>',
    ...(codeRows.length > 0 ? codeRows : ['<tr><td colspan="3">none</td></tr>']),
    '</table>',
  ].join('\n');
}

function contents(sections: [string, string, ArticleDiff[]][], compact: ArticleDiff[], prefix: string, level: number): string {
  const out = [`<nav class="contents"><h${level}>Contents</h${level}>`];
  for (const [key, title, articles] of sections) {
    if (articles.length === 0) continue;
    out.push(`<h${level + 1}><a href="#${prefix}${key}">${title}</a> (${articles.length})</h${level + 1}><ul>`);
    for (const article of articles) out.push(`<li><a href="#${escapeHtml(articleAnchor(article, prefix))}">${escapeHtml(articleLabel(article))}</a></li>`);
    out.push('</ul>');
  }
  if (compact.length > 0) out.push(`<h${level + 1}><a href="#${prefix}compact">Renumbered or moved only</a> (${compact.length})</h${level + 1}>`);
  out.push('</nav>');
  return out.join('\n');
}

function compactTable(compact: ArticleDiff[], prefix: string, h: (text: string) => string): string {
  const rows = compact.map((article) => {
    const notes = compactNotes(article);
    if (article.referenceUpdates.length > 0) notes.push(`references updated: ${article.referenceUpdates.map((r) => `${r.old} → ${r.new}`).join('; ')}`);
    return `<tr data-article="${escapeHtml(article.new?.id ?? article.old?.id ?? '')}" data-kind="${article.kind}"><td class="num">${escapeHtml(article.old?.num ?? '–')}</td><td class="num">${escapeHtml(article.new?.num ?? '–')}</td><td>${escapeHtml(article.new?.heading ?? article.old?.heading ?? '')}</td><td>${escapeHtml(notes.join('; '))}</td></tr>`;
  });
  return `<section class="group" id="${prefix}compact" data-group="compact">${h('Renumbered or moved only')}<table><tr><th>Old</th><th>New</th><th>Heading</th><th>Note</th></tr>${rows.join('')}</table></section>`;
}

function historySection(history: TreatyHistory): string {
  const changed = history.articles.filter((article) => article.events.length > 0);
  const out = ['<section class="history" id="history"><h2>History of articles</h2>'];
  if (changed.length === 0) return `${out[0]}<p>No article changed across the drafts.</p></section>`;
  out.push(`<table><tr><th>Article</th>${history.drafts.map((_, i) => `<th>Draft ${i + 1}</th>`).join('')}<th>Changes</th></tr>`);
  for (const article of changed) {
    const nums = article.nums.map((num) => `<td class="num">${escapeHtml(num ?? '–')}</td>`).join('');
    const events = article.events
      .map((event) => {
        const badges = event.findings.map((code) => `<span class="badge ${FINDING_INFO[code].severity}">${code}</span>`).join('');
        return `<li><a href="#c${event.from}">${escapeHtml(describeEvent(event))}</a> ${badges}</li>`;
      })
      .join('');
    out.push(`<tr class="lineage"><td>${escapeHtml(lineageLabel(article))}</td>${nums}<td><ul>${events}</ul></td></tr>`);
  }
  out.push('</table>');
  const steady = history.articles.length - changed.length;
  if (steady > 0) out.push(`<p class="muted">${steady} other ${steady === 1 ? 'article reads' : 'articles read'} the same in every draft.</p>`);
  out.push('</section>');
  return out.join('\n');
}
