// Renders a parsed draft for `treaty-diff extract`: an outline as text, the whole tree as JSON.

import type { FurnitureLine, TreatyDocument, TreatyNode } from '../types.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import { listArticles } from '../parse/walk.js';
import type { Highlighter } from './highlight.js';
import { escapeJsonControls, markedNote, quote, showControlsIn } from '../messages.js';

const CONTAINER_LABEL: Partial<Record<TreatyNode['kind'], string>> = {
  part: 'Part',
  chapter: 'Chapter',
  section: 'Section',
  title: 'Title',
  annex: 'Annex',
};

/** The outline: metadata, then one line per structural node with its pages, then what was set aside. */
export function renderOutline(given: TreatyDocument, hl: Highlighter): string {
  const doc = showControlsIn(given);
  const out: string[] = [];
  const meta = doc.metadata;
  const facts = [meta.symbol, meta.date, `${doc.source.pages} ${doc.source.pages === 1 ? 'page' : 'pages'}`, `${listArticles(doc).length} articles`];
  out.push(`${hl.heading(doc.source.path)}  ${facts.filter(Boolean).join(', ')}`);
  if (meta.title) out.push(`Title: ${meta.title}`);
  for (const [label, value] of [
    ['Body', meta.body],
    ['Session', meta.session],
    ['Agenda', meta.agendaItem],
    ['Distribution', meta.distribution],
    ['Original', meta.original],
    ['Job number', meta.jobNumber],
  ] as const) {
    if (value) out.push(`${label}: ${value}`);
  }
  if (doc.marks !== undefined) out.push(markedNote(doc.marks));
  out.push('');
  for (const node of doc.nodes) out.push(...outlineNode(node, 0, hl));
  out.push('');
  out.push(...renderSetAside(doc, hl));
  return out.join('\n') + '\n';
}

function outlineNode(node: TreatyNode, depth: number, hl: Highlighter): string[] {
  const indent = '  '.repeat(depth);
  const pages = hl.dim(pageSpan(node.pages));
  if (node.kind === 'article') {
    const details = [
      node.deleted ? '[deleted]' : '',
      countChildren(node),
      node.footnotes.length > 0 ? `${node.footnotes.length} footnote${node.footnotes.length === 1 ? '' : 's'} (${node.footnotes.map((f) => f.marker).join(', ')})` : '',
      node.brackets > 0 ? `${node.brackets} bracketed` : '',
    ].filter(Boolean);
    const head = `${indent}Article ${node.num ?? '?'}${node.heading ? `  ${node.heading}` : ''}`;
    return [`${head}  ${pages}${details.length > 0 ? hl.dim('  ' + details.join(', ')) : ''}`];
  }
  if (node.kind === 'preamble') {
    // Numbered recitals sit in a `recitals` group (EU acts), others directly in the preamble.
    const recitals = node.children.flatMap((c) => (c.kind === 'recitals' ? c.children : [c])).filter((c) => c.kind === 'recital').length;
    const citations = node.children.filter((c) => c.kind === 'citation').length;
    const cited = citations > 0 ? `${citations} citation${citations === 1 ? '' : 's'}, ` : '';
    return [`${indent}Preamble (${cited}${recitals} recital${recitals === 1 ? '' : 's'})  ${pages}`];
  }
  if (node.kind === 'conclusions') return [`${indent}Final text  ${pages}`];
  if (node.kind === 'preface') return [`${indent}Document title  ${pages}`];
  const label = CONTAINER_LABEL[node.kind];
  if (label === undefined) return [];
  const lines = [`${indent}${hl.heading(`${label}${node.num ? ` ${node.num}` : ''}${node.heading ? ` – ${node.heading}` : ''}`)}  ${pages}`];
  for (const child of node.children) lines.push(...outlineNode(child, depth + 1, hl));
  return lines;
}

function countChildren(article: TreatyNode): string {
  const paragraphs = article.children.filter((c) => c.kind === 'paragraph').length;
  const subparagraphs = article.children.filter((c) => c.kind === 'subparagraph').length;
  const sections = article.children.filter((c) => c.kind === 'section').length;
  const parts = [];
  // Sections inside an article (charters: `ARTICLE IV` / `Section 1`).
  if (sections > 0) parts.push(`${sections} section${sections === 1 ? '' : 's'}`);
  if (paragraphs > 0) parts.push(`${paragraphs} paragraph${paragraphs === 1 ? '' : 's'}`);
  if (subparagraphs > 0) parts.push(`${subparagraphs} subparagraph${subparagraphs === 1 ? '' : 's'}`);
  return parts.join(', ');
}

function pageSpan(pages: [number, number]): string {
  return pages[0] === pages[1] ? `p. ${pages[0]}` : `pp. ${pages[0]}-${pages[1]}`;
}

function renderSetAside(doc: TreatyDocument, hl: Highlighter): string[] {
  const out: string[] = [];
  if (doc.unplaced.length === 0) out.push('Unplaced text: none');
  else {
    out.push(hl.medium(`Unplaced text: ${doc.unplaced.length}`));
    for (const item of doc.unplaced) {
      const notes = item.footnotes?.length ? `, ${item.footnotes.length} footnote${item.footnotes.length === 1 ? '' : 's'} (${item.footnotes.map((f) => f.marker).join(', ')})` : '';
      out.push(`  p. ${item.page}: ${quote(item.text)} (${item.reason}${notes})`);
    }
  }
  if (doc.footnotes.length > 0) {
    out.push(hl.medium(`Footnotes not attached to an article: ${doc.footnotes.length}`));
    for (const note of doc.footnotes) out.push(`  ${note.marker} (p. ${note.page}): ${quote(note.text)}`);
  }
  out.push(`Page furniture removed: ${describeFurniture(doc.furniture)}`);
  for (const warning of doc.warnings) out.push(`${hl.medium('warning')} ${warning.code}: ${warning.message}`);
  return out;
}

function describeFurniture(lines: FurnitureLine[]): string {
  if (lines.length === 0) return 'none';
  const counts = new Map<FurnitureLine['kind'], number>();
  for (const line of lines) counts.set(line.kind, (counts.get(line.kind) ?? 0) + 1);
  const parts = [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([kind, count]) => `${count} ${kind}`);
  return `${lines.length} lines (${parts.join(', ')})`;
}

/** The whole parsed tree as JSON, stable key order from the types. */
export function renderDocumentJson(doc: TreatyDocument): string {
  // A marked draft's previous text is a second whole tree: the JSON says what was marked, not that tree again.
  const { marks, ...rest } = doc;
  const marked = marks === undefined ? {} : { marks: { struck: marks.struck, inserted: marks.inserted, note: markedNote(marks) } };
  return escapeJsonControls(JSON.stringify({ tool: { name: TOOL_NAME, version: TOOL_VERSION }, ...rest, ...marked }, null, 2)) + '\n';
}
