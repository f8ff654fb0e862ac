// The parser's mutable node under construction, and its conversion into a finished TreatyNode.

import type { BodyLine, Footnote, NodeKind, PageRange, TreatyNode } from '../types.js';
import type { FootnoteResolver } from './footnotes.js';
import { isDeletedPlaceholder, withoutPlaceholders } from './patterns.js';

/** A piece of text from one body line (a whole line, or part of a run-on line). */
export interface Piece {
  text: string;
  /** Index of the body line the piece comes from. */
  line: number;
  /** True when the piece ends its line and that line ends inside a word (no space before the next piece). */
  joinNext: boolean;
}

/** A node while the parser is still adding to it. */
export interface DraftNode {
  kind: NodeKind;
  id: string;
  num?: string;
  heading?: string;
  textParts: Piece[];
  wrapParts: Piece[];
  children: DraftNode[];
  /** Lines this node owns (num, heading, text, wrap-up). */
  lines: number[];
  /** Page to report when the node owns no line (a recital split out of a run-on line). */
  pageHint: number;
}

/** A new, empty draft node. */
export function createDraft(kind: NodeKind, id: string, pageHint: number, extra: { num?: string; heading?: string } = {}): DraftNode {
  const node: DraftNode = { kind, id, textParts: [], wrapParts: [], children: [], lines: [], pageHint };
  if (extra.num !== undefined) node.num = extra.num;
  if (extra.heading !== undefined) node.heading = extra.heading;
  return node;
}

/** A piece for a whole body line. */
export function linePiece(lines: BodyLine[], index: number, text?: string): Piece {
  const line = lines[index]!;
  return { text: text ?? line.text, line: index, joinNext: line.joinNext };
}

/**
 * Joins pieces with single spaces, without a space after a piece whose line ends inside a word.
 *
 * @example joinPieces([{ text: 'pro-', joinNext: true, line: 0 }, { text: 'cedure', joinNext: false, line: 1 }]) // 'pro-cedure'
 */
export function joinPieces(pieces: Piece[]): string {
  let out = '';
  let glue = false;
  for (const piece of pieces) {
    if (piece.text === '') {
      glue = piece.joinNext;
      continue;
    }
    // A line that opens with a full stop or comma (struck text before it left out, in a marked draft) closes up.
    const closesUp = /^[.,;:](?!\.)/.test(piece.text);
    out = out === '' ? piece.text : glue || closesUp ? out + piece.text : `${out} ${piece.text}`;
    glue = piece.joinNext;
  }
  return out;
}

/**
 * Count of square-bracketed segments, counted by their opening bracket: a negotiation
 * bracket can open in one provision and close in another, and each opening is one segment.
 * A `[deleted]` placeholder is not negotiation text and is not counted.
 *
 * @example countBrackets('States Parties [shall][may] adopt') // 2
 * @example countBrackets('[deleted]') // 0
 */
export function countBrackets(text: string): number {
  let count = 0;
  for (const ch of withoutPlaceholders(text)) if (ch === '[') count++;
  return count;
}

/**
 * Turns a draft tree into TreatyNodes, in document order: joins text, works out pages,
 * attaches footnotes cited on the node's own lines (articles also collect their provisions'),
 * counts brackets (articles over the whole article, heading included).
 */
export function finishNode(draft: DraftNode, lines: BodyLine[], footnotes: FootnoteResolver): TreatyNode {
  const ownLines = [...draft.lines].sort((a, b) => a - b);
  const own: Footnote[] = [];
  for (const index of ownLines) {
    const line = lines[index]!;
    for (const marker of line.footnoteRefs) {
      const found = footnotes.resolve(marker, line.page, draft.id);
      if (found && !own.includes(found)) own.push(found);
    }
  }
  const children = draft.children.map((child) => finishNode(child, lines, footnotes));
  const text = joinPieces(draft.textParts);
  const wrapUp = draft.wrapParts.length > 0 ? joinPieces(draft.wrapParts) : undefined;

  let first = Infinity;
  let last = -Infinity;
  const span = (page: number): void => {
    if (page < first) first = page;
    if (page > last) last = page;
  };
  for (const index of ownLines) span(lines[index]!.page);
  for (const child of children) {
    span(child.pages[0]);
    span(child.pages[1]);
  }
  if (first === Infinity) span(draft.pageHint);
  const pages: PageRange = [first, last];

  let brackets = countBrackets(text) + countBrackets(wrapUp ?? '');
  let nodeFootnotes = own;
  if (draft.kind === 'article') {
    brackets += countBrackets(draft.num ?? '') + countBrackets(draft.heading ?? '');
    nodeFootnotes = [...own];
    for (const descendant of descendantsOf(children)) {
      brackets += countBrackets(descendant.text) + countBrackets(descendant.wrapUp ?? '');
      for (const footnote of descendant.footnotes) if (!nodeFootnotes.includes(footnote)) nodeFootnotes.push(footnote);
    }
  }

  const node: TreatyNode = { kind: draft.kind, id: draft.id, text, children, pages, footnotes: nodeFootnotes, brackets, lines: ownLines };
  if (draft.num !== undefined) node.num = draft.num;
  if (draft.heading !== undefined) node.heading = draft.heading;
  // A provision deleted in place: its whole text is the placeholder (`Article 24` / `[deleted]`, `(c) [deleted]`).
  if (children.length === 0 && wrapUp === undefined && isDeletedPlaceholder(text)) node.deleted = true;
  if (wrapUp !== undefined) node.wrapUp = wrapUp;
  // Key order as documented in types.ts, so JSON output reads naturally.
  return orderKeys(node);
}

function descendantsOf(nodes: TreatyNode[]): TreatyNode[] {
  const out: TreatyNode[] = [];
  const visit = (node: TreatyNode): void => {
    out.push(node);
    for (const child of node.children) visit(child);
  };
  for (const node of nodes) visit(node);
  return out;
}

function orderKeys(node: TreatyNode): TreatyNode {
  const ordered: TreatyNode = { kind: node.kind, id: node.id } as TreatyNode;
  if (node.num !== undefined) ordered.num = node.num;
  if (node.heading !== undefined) ordered.heading = node.heading;
  if (node.deleted !== undefined) ordered.deleted = node.deleted;
  ordered.text = node.text;
  if (node.wrapUp !== undefined) ordered.wrapUp = node.wrapUp;
  ordered.children = node.children;
  ordered.pages = node.pages;
  ordered.footnotes = node.footnotes;
  ordered.brackets = node.brackets;
  ordered.lines = node.lines;
  return ordered;
}
