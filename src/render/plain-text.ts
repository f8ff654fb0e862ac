// Renders a parsed draft as plain text for `git diff` (a textconv driver) and grep: one provision a line.

import type { Footnote, TreatyDocument, TreatyNode } from '../types.js';
import { showControlsIn } from '../messages.js';

const LABEL: Partial<Record<TreatyNode['kind'], string>> = {
  part: 'Part',
  title: 'Title',
  chapter: 'Chapter',
  section: 'Section',
  article: 'Article',
  annex: 'Annex',
  preamble: 'Preamble',
  conclusions: 'Final text',
};

/**
 * The draft's words and structure, nothing of its layout: each heading, intro, paragraph, point and
 * wrap-up on a line of its own (however the PDF wrapped or paged it), footnotes under the article that
 * cites them, a blank line between articles. No path, page number or furniture, so that two drafts differ
 * here only where their text or structure does, and a reflowed draft is the same text.
 *
 * Example: an article 15 "Conditions and safeguards" with paragraphs 1 and 2 and footnote 2 ->
 * `Article 15 – Conditions and safeguards`, `1. Each Party shall ...`, `2. Such ...`, `[^2] The ...`.
 */
export function renderPlainText(given: TreatyDocument): string {
  const doc = showControlsIn(given);
  const out: string[] = [];
  const { symbol, date, title } = doc.metadata;
  for (const fact of [symbol, date, title]) if (fact) out.push(oneLine(fact));
  for (const node of doc.nodes) {
    if (out.length > 0) out.push('');
    out.push(...nodeLines(node));
  }
  const loose = [...doc.footnotes.map(footnoteLine), ...doc.unplaced.map((item) => `Unplaced: ${oneLine(item.text)}`)];
  if (loose.length > 0) out.push('', ...loose);
  return out.join('\n') + '\n';
}

function nodeLines(node: TreatyNode): string[] {
  const out: string[] = [];
  const label = LABEL[node.kind];
  const head = [label !== undefined ? [label, node.num].filter(Boolean).join(' ') : node.num, node.heading].filter(Boolean).join(' – ');
  const isBlock = label !== undefined || node.kind === 'preface';
  if (isBlock && head !== '') out.push(oneLine(head));
  const own = oneLine(isBlock ? node.text : [node.num, node.text].filter(Boolean).join(' '));
  if (own !== '') out.push(own);
  for (const child of node.children) {
    // Containers and articles stand apart; provisions follow each other line by line.
    if (LABEL[child.kind] !== undefined && out.length > 0) out.push('');
    out.push(...nodeLines(child));
  }
  if (node.wrapUp) out.push(oneLine(node.wrapUp));
  if (node.kind === 'article' || node.kind === 'annex') out.push(...node.footnotes.map(footnoteLine));
  return out;
}

const footnoteLine = (note: Footnote): string => `[^${note.marker}] ${oneLine(note.text)}`;

/** Whitespace runs, line breaks included, as one space. */
const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();
