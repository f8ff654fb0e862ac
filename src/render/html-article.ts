// Renders one compared article as HTML: findings as badges with evidence, an inline redline per provision, old and new side by side.

import type { ArticleDiff, DiffOp, Finding, FootnoteDiff, ProvisionDiff } from '../types.js';
import { escapeHtml } from './html-escape.js';
import { articleLabel } from './sections.js';
import { provisionLabel } from './text.js';
import { quote } from '../messages.js';

const SEVERITY_RANK: Record<Finding['severity'], number> = { high: 0, medium: 1, low: 2, info: 3 };

/** `art_15` -> `c1-art_15`: anchors stay unique when a report holds several comparisons. */
export function articleAnchor(article: ArticleDiff, prefix: string): string {
  return `${prefix}${article.new?.id ?? article.old?.id ?? 'article'}`;
}

/** The inline redline: every word of the provision, deletions in <del>, insertions in <ins>. */
export function renderHtmlOps(ops: DiffOp[]): string {
  return ops
    .map((op) => {
      const text = escapeHtml(op.text);
      if (op.op === 'delete') return `<del>${text}</del>`;
      if (op.op === 'insert') return `<ins>${text}</ins>`;
      return text;
    })
    .join('');
}

/** One side of the provision (old: equal + deleted words; new: equal + inserted), its changes marked. */
function renderSide(ops: DiffOp[], side: 'old' | 'new'): string {
  const skip = side === 'old' ? 'insert' : 'delete';
  return renderHtmlOps(ops.filter((op) => op.op !== skip));
}

function pagesLabel(article: ArticleDiff): string {
  const span = (pages: [number, number]): string => (pages[0] === pages[1] ? `p. ${pages[0]}` : `pp. ${pages[0]}–${pages[1]}`);
  if (article.old && article.new) return `old ${span(article.old.pages)} → new ${span(article.new.pages)}`;
  return article.new ? `new ${span(article.new.pages)}` : `old ${span(article.old!.pages)}`;
}

const pageSpan = (pages: [number, number]): string => (pages[0] === pages[1] ? `p. ${pages[0]}` : `pp. ${pages[0]}–${pages[1]}`);

/** Where a finding's evidence is: `p. 8` in the new draft, or `old p. 7` for wording only the old draft has. */
function findingPages(finding: Finding): string {
  if (finding.pages.new !== undefined) return pageSpan(finding.pages.new);
  return finding.pages.old !== undefined ? `old ${pageSpan(finding.pages.old)}` : '';
}

function renderFinding(finding: Finding): string {
  const topic = finding.topic === undefined ? '' : ` <span class="muted">(${escapeHtml(finding.topic)})</span>`;
  const badge = `<span class="badge ${finding.severity}" title="${finding.severity}">${finding.code}</span>`;
  const { old: oldText, new: newText } = finding.evidence;
  let evidence: string;
  if (finding.moved !== undefined) evidence = `moved <q>${escapeHtml(quote(oldText ?? ''))}</q> from ${escapeHtml(finding.moved.from)} to ${escapeHtml(finding.moved.to)}`;
  else if (oldText !== undefined && newText !== undefined) evidence = `<del>${escapeHtml(quote(oldText))}</del> → <ins>${escapeHtml(quote(newText))}</ins>`;
  else if (oldText !== undefined) evidence = `deleted <del>${escapeHtml(quote(oldText))}</del>`;
  else if (newText !== undefined) evidence = `inserted <ins>${escapeHtml(quote(newText))}</ins>`;
  else evidence = escapeHtml(finding.message);
  const pages = findingPages(finding);
  return `<li data-code="${finding.code}">${badge}${topic} <span class="evidence">${evidence}</span>${pages ? ` <span class="pages">${pages}</span>` : ''}</li>`;
}

function renderProvision(provision: ProvisionDiff): string {
  const label = escapeHtml(provisionLabel(provision.id));
  const sideBySide =
    provision.kind === 'modified'
      ? `<details class="side-by-side-view"><summary>Old and new side by side</summary><div class="side-by-side"><div class="old"><h5>Old</h5>${renderSide(provision.ops, 'old')}</div><div class="new"><h5>New</h5>${renderSide(provision.ops, 'new')}</div></div></details>`
      : '';
  return `<div class="provision" data-provision="${escapeHtml(provision.id)}"><h4>${label}</h4><p class="redline">${renderHtmlOps(provision.ops)}</p>${sideBySide}</div>`;
}

/** `2`, or `2 → 3` when the footnote was renumbered. */
function footnoteMarker(pair: FootnoteDiff): string {
  const oldMarker = pair.old?.marker;
  const newMarker = pair.new?.marker;
  return oldMarker !== undefined && newMarker !== undefined && oldMarker !== newMarker ? `${oldMarker} → ${newMarker}` : (newMarker ?? oldMarker ?? '');
}

function renderFootnote(pair: FootnoteDiff): string {
  let text: string;
  let state = '';
  if (pair.old !== undefined && pair.new !== undefined) {
    text = pair.ops !== undefined ? renderHtmlOps(pair.ops) : escapeHtml(pair.new.text);
    if (pair.kind === 'reworded') state = ' (reworded)';
  } else if (pair.new !== undefined) {
    text = `<ins>${escapeHtml(pair.new.text)}</ins>`;
    state = ' (new)';
  } else {
    text = `<del>${escapeHtml(pair.old!.text)}</del>`;
    state = ' (removed)';
  }
  const pages = [pair.old && `old p. ${pair.old.page}`, pair.new && `new p. ${pair.new.page}`].filter(Boolean).join(' → ');
  const marker = footnoteMarker(pair);
  return `<li data-footnote="${escapeHtml(pair.new?.marker ?? pair.old?.marker ?? '')}"><span class="marker">${escapeHtml(marker)}</span> ${text} <span class="pages">${escapeHtml(pages + state)}</span></li>`;
}

/** The article's footnotes (drafting notes often say what is still disputed), with their pages. */
function renderFootnotes(article: ArticleDiff): string {
  if (article.footnotes.length === 0) return '';
  return `<div class="footnotes"><h4>Footnotes</h4><ul>${article.footnotes.map(renderFootnote).join('')}</ul></div>`;
}

/**
 * The section of one changed article; `prefix` keeps anchors unique across comparisons. Its body folds
 * under its heading without scripts (`<details>`): open when the article has a high-severity finding,
 * closed otherwise, so that a report of a hundred changed articles opens on what matters.
 */
export function renderArticleHtml(article: ArticleDiff, prefix: string): string {
  const anchor = escapeHtml(articleAnchor(article, prefix));
  const findings = [...article.findings].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
  const references =
    article.referenceUpdates.length > 0
      ? `<p class="muted">References updated: ${article.referenceUpdates.map((r) => `${escapeHtml(r.old)} → ${escapeHtml(r.new)}`).join('; ')}</p>`
      : '';
  const provisions = article.provisions.filter((p) => p.kind !== 'unchanged' && p.referenceOnly !== true).map(renderProvision);
  const open = findings.some((finding) => finding.severity === 'high') ? ' open' : '';
  return [
    `<article class="article" id="${anchor}" data-article="${escapeHtml(article.new?.id ?? article.old?.id ?? '')}" data-kind="${article.kind}">`,
    `<details class="article-body"${open}><summary><h3>${escapeHtml(articleLabel(article))}</h3></summary>`,
    `<p class="pages">${escapeHtml(pagesLabel(article))}${article.new?.path.length ? ` · ${escapeHtml(article.new.path.join(', '))}` : ''}</p>`,
    findings.length > 0 ? `<ul class="findings">${findings.map(renderFinding).join('')}</ul>` : '',
    references,
    ...provisions,
    renderFootnotes(article),
    '</details>',
    '</article>',
  ]
    .filter((part) => part !== '')
    .join('\n');
}
