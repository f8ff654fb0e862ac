// ExtractedText -> TreatyDocument: finds the preamble, containers, articles, final text and annexes, in one pass.

import type { BodyLine, ExtractedText, TreatyDocument, TreatyNode, UnplacedText, Warning } from '../types.js';
import { warningMessage } from '../messages.js';
import { createDraft, finishNode, joinPieces, linePiece, type DraftNode } from './draft-node.js';
import { FootnoteResolver } from './footnotes.js';
import { containerKey, idPart, IdRegistry, joinId, numKey } from './ids.js';
import {
  CONTAINER_KINDS,
  endsBlock,
  isConclusionsStart,
  isPreambleStart,
  isStructuralShape,
  isUpperCase,
  looksLikeHeading,
  matchAnnexHeading,
  matchArticleHeading,
  matchContainerHeading,
  matchMarker,
  startsRecital,
  type ContainerKind,
  type HeadingMatch,
} from './patterns.js';
import { buildPreamble } from './preamble.js';
import { fillArticle } from './provisions.js';

/** A structural heading found at a line, with the lines its heading text took. */
interface Heading {
  kind: 'article' | 'annex' | ContainerKind;
  num: string;
  heading?: string;
  /** The heading line and any following heading-text lines. */
  lines: number[];
}

// Title lines kept as the preamble's heading; longer front matter is reported as unplaced.
const MAX_TITLE_LINES = 6;

/**
 * Parses a draft's body lines into its structure (Akoma Ntoso vocabulary): preamble with
 * recitals and formula, parts / chapters / sections / titles, articles with paragraphs,
 * subparagraphs and points, final text and annexes. Never refuses: text that fits nowhere is
 * kept in `unplaced` with a warning, so every body line is in exactly one node or unplaced
 * entry (see `checkCoverage`). Linear in the number of lines.
 *
 * @example
 * parseDocument(extractText('Article 1 – Scope\n\nThis Convention applies.\n', source)).nodes[0]
 * // { kind: 'article', id: 'art_1', num: '1', heading: 'Scope', text: 'This Convention applies.', ... }
 */
export function parseDocument(extracted: ExtractedText): TreatyDocument {
  const lines = extracted.lines;
  const warnings: Warning[] = [...extracted.warnings];
  const ids = new IdRegistry();
  const metadata = { ...extracted.metadata };

  const roots: DraftNode[] = [];
  const unplaced: UnplacedText[] = [];
  // Open containers, outermost first.
  const containers: { node: DraftNode; rank: number }[] = [];
  // Articles are filled once all their lines are known.
  const articles: { node: DraftNode; body: number[] }[] = [];

  let state: 'front' | 'preamble' | 'body' | 'conclusions' = 'front';
  const front: number[] = [];
  const preambleLines: number[] = [];
  let preambleTitle: number[] = [];
  let preambleAt = -1;
  // Where body text goes: the current article's body, or a container's / annex's / final text's own text.
  let current: { node: DraftNode; body?: number[] } | undefined;
  let previousWasHeading = false;
  let annexCount = 0;

  const attach = (node: DraftNode): void => {
    const parent = containers.at(-1)?.node;
    (parent ? parent.children : roots).push(node);
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const atBlock = i === 0 || previousWasHeading || line.breakBefore || line.centred || line.bold || endsBlock(lines[i - 1]!.text);
    const heading = atBlock ? findHeading(lines, i) : undefined;

    if (heading) {
      previousWasHeading = true;
      i = heading.lines.at(-1)!;
      if (state === 'front' && front.length > 0) {
        // A draft without a preamble: its title block is the preface; anything above it is unplaced.
        const title = takeTitle(front, lines);
        unplaceRun(front.slice(0, front.length - title.length), 'before the first article');
        if (title.length > 0) {
          const preface = createDraft('preface', 'preface', lines[title[0]!]!.page, { heading: joinPieces(title.map((t) => linePiece(lines, t))) });
          preface.lines.push(...title);
          roots.push(preface);
          metadata.title ??= preface.heading;
        }
      }
      front.length = 0;
      state = 'body';
      current = openHeading(heading);
      continue;
    }
    previousWasHeading = false;

    if (state === 'front') {
      // The parties' opening words are distinctive enough to start the preamble even right
      // under a title without a visible break; a bare recital word needs a block start.
      if (isPreambleStart(line.text) || (atBlock && front.length > 0 && startsRecital(line.text))) {
        state = 'preamble';
        preambleAt = roots.length;
        preambleTitle = takeTitle(front, lines);
        unplaceRun(front.slice(0, front.length - preambleTitle.length), 'before the preamble');
        front.length = 0;
        preambleLines.push(i);
      } else {
        front.push(i);
      }
      continue;
    }
    if (state === 'preamble') {
      preambleLines.push(i);
      continue;
    }
    if (state === 'body' && atBlock && isConclusionsStart(line.text)) {
      state = 'conclusions';
      containers.length = 0;
      const conclusions = createDraft('conclusions', ids.claim('conclusions').id, line.page);
      roots.push(conclusions);
      current = { node: conclusions };
    }
    if (current?.body) current.body.push(i);
    else if (current) {
      current.node.lines.push(i);
      current.node.textParts.push(linePiece(lines, i));
    }
  }
  // Only a draft without preamble or any heading ends still in front matter.
  if (front.length > 0) unplaceRun(front, 'before the first article');

  if (preambleAt >= 0) {
    const preamble = buildPreamble(preambleTitle, preambleLines, lines);
    if (preambleTitle.length > 0 && metadata.title === undefined && preamble.heading) metadata.title = preamble.heading;
    roots.splice(preambleAt, 0, preamble);
  }
  for (const { node, body } of articles) fillArticle(node, body, lines, ids);

  const resolver = new FootnoteResolver(extracted.footnotes, warnings);
  const nodes: TreatyNode[] = roots.map((root) => finishNode(root, lines, resolver));
  warnNumbering(nodes, warnings);
  const footnotes = resolver.takeOrphans();
  for (const entry of unplaced) {
    warnings.push({ code: 'unplaced-text', page: entry.page, message: warningMessage('unplaced-text', { page: entry.page, text: entry.text }) });
  }

  return {
    source: extracted.source,
    metadata,
    nodes,
    unplaced,
    footnotes,
    lineCount: lines.length,
    furniture: extracted.furniture,
    warnings,
  };

  function openHeading(found: Heading): { node: DraftNode; body?: number[] } {
    const page = lines[found.lines[0]!]!.page;
    const extra: { num: string; heading?: string } = { num: found.num };
    if (found.heading !== undefined) extra.heading = found.heading;
    if (found.kind === 'article') {
      const base = idPart('article', numKey(found.num));
      const claimed = ids.claim(base);
      const node = createDraft('article', claimed.id, page, extra);
      node.lines.push(...found.lines);
      if (claimed.duplicate) {
        warnings.push({
          code: 'duplicate-article',
          page,
          at: claimed.id,
          message: warningMessage('duplicate-article', { page, at: claimed.id, detail: found.num }),
        });
      }
      attach(node);
      const body: number[] = [];
      articles.push({ node, body });
      return { node, body };
    }
    if (found.kind === 'annex') {
      annexCount++;
      containers.length = 0;
      const key = found.num === '' ? String(annexCount) : containerKey(found.num);
      const node = createDraft('annex', ids.claim(idPart('annex', key)).id, page, extra);
      node.lines.push(...found.lines);
      roots.push(node);
      return { node };
    }
    const rank = CONTAINER_KINDS.indexOf(found.kind);
    while (containers.length > 0 && containers.at(-1)!.rank >= rank) containers.pop();
    const parentId = containers.at(-1)?.node.id ?? '';
    const node = createDraft(found.kind, ids.claim(joinId(parentId, idPart(found.kind, containerKey(found.num)))).id, page, extra);
    node.lines.push(...found.lines);
    attach(node);
    containers.push({ node, rank });
    return { node };
  }

  function unplaceRun(run: number[], reason: string): void {
    if (run.length === 0) return;
    unplaced.push({ text: joinPieces(run.map((i) => linePiece(lines, i))), page: lines[run[0]!]!.page, lines: [...run], reason });
  }
}

/**
 * The structural heading starting at line `i` (already known to start a block), with its
 * heading text from the same line or the next ones, or undefined.
 */
function findHeading(lines: BodyLine[], i: number): Heading | undefined {
  const line = lines[i]!;
  const strong = line.centred || line.bold;
  let kind: Heading['kind'];
  let found: HeadingMatch | undefined = matchArticleHeading(line.text);
  if (found) kind = 'article';
  else {
    const container = matchContainerHeading(line.text);
    if (container) {
      kind = container.kind;
      found = container;
    } else {
      found = matchAnnexHeading(line.text);
      kind = 'annex';
    }
  }
  if (!found) return undefined;
  // `Article 16. Each Party shall ...` at a line start is more likely a sentence than a heading:
  // a heading after a full stop or colon must read like one (or be set apart by layout).
  if (found.heading !== undefined && (found.separator === '.' || found.separator === ':') && !strong && !looksLikeHeading(found.heading)) {
    return undefined;
  }
  const taken = [i];
  let heading = found.heading;
  let last = i;
  if (heading === undefined && isHeadingText(lines, i, i + 1, kind)) {
    heading = lines[i + 1]!.text;
    last = i + 1;
    taken.push(last);
  }
  if (heading !== undefined) {
    // Two-line headings: a further line set the same way (centred, bold, or capitals) without a break.
    while (last + 1 < lines.length && continuesHeading(lines[last]!, lines[last + 1]!, kind)) {
      last++;
      heading = lines[last - 1]!.joinNext ? heading + lines[last]!.text : `${heading} ${lines[last]!.text}`;
      taken.push(last);
    }
  }
  const result: Heading = { kind, num: found.num, lines: taken };
  if (heading !== undefined) result.heading = heading;
  return result;
}

/** Whether line `j` is the heading of the numbered heading at line `i` (two-line headings). */
function isHeadingText(lines: BodyLine[], i: number, j: number, kind: Heading['kind']): boolean {
  const next = lines[j];
  if (!next || next.joinNext) return false;
  if (isStructuralShape(next.text) || matchMarker(next.text) || isConclusionsStart(next.text)) return false;
  if (next.centred || next.bold) return true;
  if (kind !== 'article' && isUpperCase(next.text) && next.text.length <= 200) return true;
  if (!looksLikeHeading(next.text)) return false;
  // A plain line reads as a heading only if it stands alone: the line after it begins a new
  // block, not the rest of a sentence (a short first line of body text would otherwise pass).
  const after = lines[j + 1];
  if (after === undefined) return true;
  if (/^\p{Ll}/u.test(after.text)) return false;
  if (after.breakBefore || after.centred || after.bold || after.page !== next.page || lines[i]!.page !== next.page || next.breakBefore) return true;
  // Without layout (text drafts with no blank lines): a numbered provision or a new heading
  // follows, or the line is short as headings are (`Scope`, `Definitions`).
  if (matchMarker(after.text) || isStructuralShape(after.text)) return true;
  return next.text.length <= 60 && next.text.split(' ').length <= 8;
}

function continuesHeading(previous: BodyLine, next: BodyLine, kind: Heading['kind']): boolean {
  if (next.page !== previous.page || isStructuralShape(next.text) || matchMarker(next.text) || /[.:;]$/.test(previous.text)) return false;
  // A heading line that fills the column is not seen as centred, and the short line under it
  // then looks like a new paragraph; bold or capitals on both lines still tie them together.
  if (previous.bold && next.bold) return true;
  if (kind !== 'article' && isUpperCase(previous.text) && isUpperCase(next.text) && matchContainerHeading(previous.text) === undefined) return true;
  return !next.breakBefore && previous.centred && next.centred;
}

/** The title: the heading-like lines right before the preamble (at most a few); earlier front matter is not. */
function takeTitle(front: number[], lines: BodyLine[]): number[] {
  let from = front.length;
  while (from > 0 && front.length - from < MAX_TITLE_LINES) {
    const line = lines[front[from - 1]!]!;
    if (!(line.centred || line.bold || isUpperCase(line.text) || looksLikeHeading(line.text))) break;
    from--;
  }
  return front.slice(from);
}

/** Warns where plain article numbers skip or go backwards (`4, 5, 7`). */
function warnNumbering(nodes: TreatyNode[], warnings: Warning[]): void {
  let previous: number | undefined;
  const visit = (node: TreatyNode): void => {
    if (node.kind === 'article') {
      const key = numKey(node.num ?? '');
      if (/^\d+$/.test(key)) {
        const value = Number(key);
        if (previous !== undefined && value !== previous + 1 && value !== previous) {
          const detail = `article ${previous} is followed by article ${value}`;
          warnings.push({ code: 'numbering-gap', page: node.pages[0], at: node.id, message: warningMessage('numbering-gap', { page: node.pages[0], detail }) });
        }
        previous = value;
      }
      return;
    }
    for (const child of node.children) visit(child);
  };
  for (const node of nodes) visit(node);
}
