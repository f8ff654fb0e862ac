// Renders one compared article as HTML: findings as badges with evidence, an inline redline per provision, old and new side by side.

import type { ArticleDiff, DiffOp, Finding, ProvisionDiff } from '../types.js';
import { escapeHtml } from './html-escape.js';
import { articleLabel } from './sections.js';
import { provisionLabel } from './text.js';
import { quote } from './messages.js';

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

function renderFinding(finding: Finding): string {
  const topic = finding.topic === undefined ? '' : ` <span class="muted">(${escapeHtml(finding.topic)})</span>`;
  const badge = `<span class="badge ${finding.severity}" title="${finding.severity}">${finding.code}</span>`;
  const { old: oldText, new: newText } = finding.evidence;
  let evidence: string;
  if (oldText !== undefined && newText !== undefined) evidence = `<del>${escapeHtml(quote(oldText))}</del> → <ins>${escapeHtml(quote(newText))}</ins>`;
  else if (oldText !== undefined) evidence = `deleted <del>${escapeHtml(quote(oldText))}</del>`;
  else if (newText !== undefined) evidence = `inserted <ins>${escapeHtml(quote(newText))}</ins>`;
  else evidence = escapeHtml(finding.message);
  return `<li data-code="${finding.code}">${badge}${topic} <span class="evidence">${evidence}</span></li>`;
}

function renderProvision(provision: ProvisionDiff): string {
  const label = escapeHtml(provisionLabel(provision.id));
  const sideBySide =
    provision.kind === 'modified'
      ? `<details><summary>Old and new side by side</summary><div class="side-by-side"><div class="old"><h5>Old</h5>${renderSide(provision.ops, 'old')}</div><div class="new"><h5>New</h5>${renderSide(provision.ops, 'new')}</div></div></details>`
      : '';
  return `<div class="provision" data-provision="${escapeHtml(provision.id)}"><h4>${label}</h4><p class="redline">${renderHtmlOps(provision.ops)}</p>${sideBySide}</div>`;
}

/** The section of one changed article; `prefix` keeps anchors unique across comparisons. */
export function renderArticleHtml(article: ArticleDiff, prefix: string): string {
  const anchor = escapeHtml(articleAnchor(article, prefix));
  const findings = [...article.findings].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
  const references =
    article.referenceUpdates.length > 0
      ? `<p class="muted">References updated: ${article.referenceUpdates.map((r) => `${escapeHtml(r.old)} → ${escapeHtml(r.new)}`).join('; ')}</p>`
      : '';
  const provisions = article.provisions.filter((p) => p.kind !== 'unchanged' && p.referenceOnly !== true).map(renderProvision);
  return [
    `<article class="article" id="${anchor}" data-article="${escapeHtml(article.new?.id ?? article.old?.id ?? '')}" data-kind="${article.kind}">`,
    `<h3>${escapeHtml(articleLabel(article))}</h3>`,
    `<p class="pages">${escapeHtml(pagesLabel(article))}${article.new?.path.length ? ` · ${escapeHtml(article.new.path.join(', '))}` : ''}</p>`,
    findings.length > 0 ? `<ul class="findings">${findings.map(renderFinding).join('')}</ul>` : '',
    references,
    ...provisions,
    '</article>',
  ]
    .filter((part) => part !== '')
    .join('\n');
}
