// Splits an article's body lines into its intro, paragraphs, subparagraphs, points and wrap-ups.

import type { BodyLine, NodeKind } from '../types.js';
import { createDraft, linePiece, type DraftNode } from './draft-node.js';
import type { Heading } from './headings.js';
import { containerKey, idPart, joinId, type IdRegistry } from './ids.js';
import { endsBlock, matchMarker, type MarkerMatch, type ProvisionKind } from './patterns.js';

// A section inside an article (charters: `ARTICLE IV` / `Section 1`) sits between the article and its paragraphs.
const LEVEL: Partial<Record<NodeKind, number>> = { article: 0, section: 0.5, paragraph: 1, subparagraph: 2, point: 3 };

/**
 * Fills `article` (already holding its heading lines) from its body lines, in one pass:
 * a marker at the start of a block opens a provision at its level (`1.` paragraph, `(a)`
 * subparagraph, `(i)` point), closing deeper ones; other lines continue the open provision.
 * A block that starts at a paragraph break without a marker after a list of subparagraphs
 * or points is the wrap-up of the list's parent. Text before the first provision is the
 * article's intro. `sections` (headings among the body lines) divide the article: each opens a
 * `section` child (`art_4__sec_1`) that holds the provisions up to the next one.
 *
 * @example
 * // "For the purposes of this Convention:" / "a) ..." / "c) ..." / "(i) ..." / "(ii) ..." / "d) ..."
 * // -> article text "For the purposes of this Convention:", subparagraphs a..d, points i, ii under c
 */
export function fillArticle(article: DraftNode, bodyLines: number[], lines: BodyLine[], ids: IdRegistry, sections: Heading[] = []): void {
  const stack: DraftNode[] = [article];
  // Where continuation text goes: the open node's text, or its wrap-up once one has begun.
  let wrapOwner: DraftNode | undefined;
  // The last number of each kind seen under each parent, for sequence checks.
  const lastToken = new Map<DraftNode, string>();
  const sectionAt = new Map(sections.map((s) => [s.lines[0]!, s]));
  const sectionLines = new Set(sections.flatMap((s) => s.lines));

  bodyLines.forEach((index, position) => {
    const line = lines[index]!;
    const section = sectionAt.get(index);
    if (section !== undefined) {
      stack.length = 1;
      const extra = section.heading !== undefined ? { num: section.num, heading: section.heading } : { num: section.num };
      const node = createDraft('section', ids.claim(joinId(article.id, idPart('section', containerKey(section.num)))).id, line.page, extra);
      node.lines.push(...section.lines);
      article.children.push(node);
      stack.push(node);
      wrapOwner = undefined;
      return;
    }
    if (sectionLines.has(index)) return;
    const previous = position === 0 ? undefined : lines[bodyLines[position - 1]!];
    // A page's first line may look indented; after a line that ends mid-sentence it goes on.
    const carriesOn = previous !== undefined && previous.page !== line.page && !endsBlock(previous.text);
    const atBreak = position === 0 || ((line.breakBefore || line.centred || line.bold) && !carriesOn);
    const atBlock = atBreak || (previous !== undefined && endsBlock(previous.text));
    const marker = atBlock ? matchMarker(line.text) : undefined;
    const kind = marker ? provisionKind(marker, stack) : undefined;

    if (marker && kind && (atBreak || followsInSequence(kind, marker.token, stack, lastToken))) {
      let current: MarkerMatch = marker;
      let currentKind: ProvisionKind = kind;
      // `3. (a) Each Party ...`: a paragraph whose first subparagraph starts on the same line
      // (and `(a) (i) ...` likewise). The line belongs to the innermost node, which holds its
      // text (and so the footnote markers in it); the outer ones keep only their number.
      for (;;) {
        const level = LEVEL[currentKind]!;
        while (stack.length > 1 && LEVEL[stack[stack.length - 1]!.kind]! >= level) stack.pop();
        const parent = stack[stack.length - 1]!;
        const node = createDraft(currentKind, ids.claim(joinId(parent.id, idPart(currentKind, current.token))).id, line.page, { num: current.num });
        parent.children.push(node);
        lastToken.set(parent, current.token);
        stack.push(node);
        const inner = matchMarker(current.rest);
        const innerKind = inner ? provisionKind(inner, stack) : undefined;
        if (inner && innerKind && LEVEL[innerKind]! > level && (inner.token === 'a' || inner.token === 'i')) {
          current = inner;
          currentKind = innerKind;
          continue;
        }
        node.lines.push(index);
        node.textParts.push(linePiece(lines, index, current.bracket ? `[${current.rest}` : current.rest));
        break;
      }
      wrapOwner = undefined;
      return;
    }

    const deepest = stack[stack.length - 1]!;
    const closesList = atBreak && line.breakBefore && position > 0 && endsBlock(previous!.text) && !/^\p{Ll}/u.test(line.text);
    if (wrapOwner === undefined && closesList && LEVEL[deepest.kind]! >= 2 && stack.length >= 2) {
      // A closing sentence after a list: it belongs to the list's parent, after the list.
      stack.pop();
      wrapOwner = stack[stack.length - 1]!;
    }
    const target = wrapOwner ?? deepest;
    target.lines.push(index);
    (wrapOwner ? target.wrapParts : target.textParts).push(linePiece(lines, index));
  });
}

/** The kind a marker opens, resolving `(i)`, `(v)`, `(x)` by what is open. */
function provisionKind(marker: MarkerMatch, stack: DraftNode[]): ProvisionKind {
  switch (marker.type) {
    case 'number':
      return 'paragraph';
    case 'letter':
      return 'subparagraph';
    case 'roman':
      return 'point';
    case 'ambiguous': {
      const openPoint = findOpen(stack, 'point');
      if (openPoint && nextRoman(openPoint.num ?? '') === marker.token) return 'point';
      const openSub = findOpen(stack, 'subparagraph');
      // `(i)` right after `(h)` continues the letters; `(v)` after `(u)`, `(x)` after `(w)`.
      if (openSub && nextLetter(tokenOf(openSub)) === marker.token) return 'subparagraph';
      if (marker.token === 'i') return 'point';
      return openPoint ? 'point' : 'subparagraph';
    }
  }
}

/** For a marker not preceded by a paragraph break: it must continue the sequence at its level. */
function followsInSequence(kind: NodeKind, token: string, stack: DraftNode[], lastToken: Map<DraftNode, string>): boolean {
  const level = LEVEL[kind]!;
  let parent: DraftNode | undefined;
  for (let i = stack.length - 1; i >= 0; i--) {
    if (LEVEL[stack[i]!.kind]! < level) {
      parent = stack[i]!;
      break;
    }
  }
  const last = parent ? lastToken.get(parent) : undefined;
  const sibling = parent?.children.at(-1);
  const previous = sibling && sibling.kind === kind ? last : undefined;
  if (kind === 'paragraph') return previous === undefined ? token === '1' : token === String(Number.parseInt(previous, 10) + 1);
  if (kind === 'subparagraph') return previous === undefined ? token === 'a' : nextLetter(previous) === token;
  return previous === undefined ? token === 'i' : nextRoman(previous) === token;
}

function findOpen(stack: DraftNode[], kind: NodeKind): DraftNode | undefined {
  for (let i = stack.length - 1; i >= 0; i--) if (stack[i]!.kind === kind) return stack[i];
  return undefined;
}

function tokenOf(node: DraftNode): string {
  return (node.num ?? '').replace(/[^a-z]/gi, '').toLowerCase();
}

function nextLetter(token: string): string {
  if (token.length !== 1) return '';
  return String.fromCharCode(token.charCodeAt(0) + 1);
}

const ROMANS = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii', 'xiii', 'xiv', 'xv', 'xvi', 'xvii', 'xviii', 'xix', 'xx'];

function nextRoman(numOrToken: string): string {
  const token = numOrToken.replace(/[^ivxl]/gi, '').toLowerCase();
  const at = ROMANS.indexOf(token);
  return at === -1 ? '' : (ROMANS[at + 1] ?? '');
}
