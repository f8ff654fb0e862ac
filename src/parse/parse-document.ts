// ExtractedText -> TreatyDocument: finds the preamble, containers, articles, final text and annexes, in one pass.

import type { BodyLine, DocumentMetadata, ExtractedText, Footnote, TreatyDocument, TreatyNode, UnplacedText, Warning } from '../types.js';
import { warningMessage } from '../messages.js';
import { createDraft, finishNode, joinPieces, linePiece, type DraftNode } from './draft-node.js';
import { FootnoteResolver } from './footnotes.js';
import { findHeading, takeTitle, wrapsSentence, type Heading } from './headings.js';
import { articleKey, containerKey, idPart, IdRegistry, joinId } from './ids.js';
import { warnNumbering } from './numbering.js';
import { CONTAINER_KINDS, endsBlock, matchArticleHeading, isConclusionsStart, isPreambleStart, startsRecital, TITLE_FIRST_KINDS, type ContainerKind } from './patterns.js';
import { buildPreamble } from './preamble.js';
import { fillArticle } from './provisions.js';
import { isArticleSubdivision } from './subdivisions.js';

/** Where the pass is in the document: title block and front matter, preamble, articles, final text. */
type Phase = 'front' | 'preamble' | 'body' | 'conclusions';

/** Where body text goes: the current article's body lines, or a container's, annex's or final text's own text. */
interface Target {
  node: DraftNode;
  /** Set for an article: its lines are split into provisions once all are known. */
  body?: number[];
}

/** Everything the pass builds, in one place; each step below reads and extends it. */
interface ParseState {
  readonly lines: BodyLine[];
  readonly ids: IdRegistry;
  readonly warnings: Warning[];
  readonly metadata: DocumentMetadata;
  /** Top-level nodes in document order (the preamble is spliced in at `preamble.at` at the end). */
  readonly roots: DraftNode[];
  readonly unplaced: UnplacedText[];
  /** Open containers, outermost first. */
  readonly containers: { node: DraftNode; rank: number }[];
  /** Articles and annexes, filled with provisions (paragraphs, points) once all their lines are known;
   * `sections` divide an article (charters). */
  readonly articles: { node: DraftNode; body: number[]; sections: Heading[] }[];
  phase: Phase;
  /** Lines seen before the preamble or the first heading. */
  readonly front: number[];
  /** The preamble's title lines, its own lines, and its place among `roots` (-1: no preamble). */
  readonly preamble: { at: number; title: number[]; lines: number[] };
  target?: Target;
  /** The previous line was (part of) a structural heading: the next one starts a block. */
  afterHeading: boolean;
  annexCount: number;
  /** See `laterArticleFollows`; computed on first use. */
  highestArticleAfter?: number[];
  /** Container ranks, outermost first: fixed by the first container below a part (a title first: EU order). */
  containerKinds?: readonly ContainerKind[];
}

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
  const state = createState(extracted);
  for (let i = 0; i < state.lines.length; i++) i = readLine(state, i);
  return finishDocument(state, extracted);
}

function createState(extracted: ExtractedText): ParseState {
  return {
    lines: extracted.lines,
    ids: new IdRegistry(),
    warnings: [...extracted.warnings],
    metadata: { ...extracted.metadata },
    roots: [],
    unplaced: [],
    containers: [],
    articles: [],
    phase: 'front',
    front: [],
    preamble: { at: -1, title: [], lines: [] },
    afterHeading: false,
    annexCount: 0,
  };
}

/** Reads the line at `i` (and the heading lines after it, if it opens a heading); returns the last line read. */
function readLine(state: ParseState, i: number): number {
  const { lines } = state;
  const line = lines[i]!;
  const atBlock = i === 0 || state.afterHeading || line.breakBefore || line.centred || line.bold || endsBlock(lines[i - 1]!.text);
  const heading = atBlock ? acceptHeading(state, i, findHeading(lines, i, state.target?.body !== undefined ? state.target.node.num : undefined)) : undefined;
  state.afterHeading = heading !== undefined;
  if (heading !== undefined && state.target?.body !== undefined && isArticleSubdivision(lines, heading, state.target.node.num)) {
    // `Section 1. ...` inside a Roman-numbered article: its lines stay in the article's body.
    state.target.body.push(...heading.lines);
    state.articles.at(-1)!.sections.push(heading);
    return heading.lines.at(-1)!;
  }
  if (heading !== undefined) {
    if (state.phase === 'front') closeFrontWithoutPreamble(state);
    state.phase = 'body';
    state.target = openHeading(state, heading);
    return heading.lines.at(-1)!;
  }
  if (state.phase === 'front') readFrontLine(state, i, atBlock);
  else if (state.phase === 'preamble') state.preamble.lines.push(i);
  else readBodyLine(state, i, atBlock);
  return i;
}

/**
 * A heading-shaped line that is not a heading by its place: a cross-reference a line wrap put at
 * the start of a line (`... referred to in` / `Annex IV. The Commission shall ...`), or an `ANNEX`
 * before any article (a cover note's "Delegations will find in Annex ..." wrapping the whole draft:
 * annexes follow the articles), or an `ANNEX` that a later article heading follows (`... LISTED IN` /
 * `ANNEX III` in a TITLE heading, or `Annex VIII` wrapped to a line's start in an inserted passage).
 */
function acceptHeading(state: ParseState, i: number, found: Heading | undefined): Heading | undefined {
  if (found === undefined) return undefined;
  if (found.kind === 'annex' && (state.articles.length === 0 || laterArticleFollows(state, i))) return undefined;
  if (!state.afterHeading && wrapsSentence(state.lines, i, found, state.phase !== 'front')) return undefined;
  return found;
}

/**
 * Whether an article heading with a higher number than the last article's stands after line `i`, set
 * apart (centred or after a break): annexes follow the articles, so an annex cannot open before one.
 * The article-shaped lines are found once per document; each question is then a lookup.
 */
function laterArticleFollows(state: ParseState, i: number): boolean {
  const last = state.articles.filter((entry) => entry.node.kind === 'article').at(-1)?.node.num;
  const lastBase = last === undefined ? Number.NaN : Number.parseInt(articleKey(last), 10);
  if (Number.isNaN(lastBase)) return false;
  state.highestArticleAfter ??= highestArticleAfter(state.lines);
  return (state.highestArticleAfter[i + 1] ?? -Infinity) > lastBase;
}

/** For each line index, the highest article number set apart as a heading at or after it (-Infinity: none). */
function highestArticleAfter(lines: BodyLine[]): number[] {
  const highest = new Array<number>(lines.length + 1).fill(-Infinity);
  for (let j = lines.length - 1; j >= 0; j--) {
    const line = lines[j]!;
    const found = line.centred || line.breakBefore ? matchArticleHeading(line.text) : undefined;
    const base = found === undefined ? Number.NaN : Number.parseInt(articleKey(found.num), 10);
    highest[j] = Number.isNaN(base) ? highest[j + 1]! : Math.max(base, highest[j + 1]!);
  }
  return highest;
}

/**
 * A line before any heading: the parties' opening words are distinctive enough to start the preamble
 * even right under a title without a visible break; a bare recital word needs a block start.
 */
function readFrontLine(state: ParseState, i: number, atBlock: boolean): void {
  const text = state.lines[i]!.text;
  if (!(isPreambleStart(text) || (atBlock && state.front.length > 0 && startsRecital(text)))) {
    state.front.push(i);
    return;
  }
  state.phase = 'preamble';
  state.preamble.at = state.roots.length;
  // `THE EUROPEAN PARLIAMENT AND THE COUNCIL ...,` over the first citation: the opening words, not the title.
  const opener = !isPreambleStart(text) && state.front.length > 1 && /,$/.test(state.lines[state.front.at(-1)!]!.text) ? state.front.pop() : undefined;
  state.preamble.title = takeTitle(state.front, state.lines);
  unplaceRun(state, state.front.slice(0, state.front.length - state.preamble.title.length), 'before the preamble');
  state.front.length = 0;
  if (opener !== undefined) state.preamble.lines.push(opener);
  state.preamble.lines.push(i);
}

/** A draft without a preamble reaches its first heading: its title block is the preface; anything above it is unplaced. */
function closeFrontWithoutPreamble(state: ParseState): void {
  const { front, lines } = state;
  if (front.length === 0) return;
  const title = takeTitle(front, lines);
  unplaceRun(state, front.slice(0, front.length - title.length), 'before the first article');
  if (title.length > 0) {
    const preface = createDraft('preface', 'preface', lines[title[0]!]!.page, { heading: joinPieces(title.map((t) => linePiece(lines, t))) });
    preface.lines.push(...title);
    state.roots.push(preface);
    state.metadata.title ??= preface.heading;
  }
  front.length = 0;
}

/** A line after the first heading: the final text may start here; else it joins the current target. */
function readBodyLine(state: ParseState, i: number, atBlock: boolean): void {
  const line = state.lines[i]!;
  if (state.phase === 'body' && atBlock && isConclusionsStart(line.text)) {
    state.phase = 'conclusions';
    state.containers.length = 0;
    const conclusions = createDraft('conclusions', state.ids.claim('conclusions').id, line.page);
    state.roots.push(conclusions);
    state.target = { node: conclusions };
  }
  const target = state.target;
  if (target?.body) target.body.push(i);
  else if (target) {
    target.node.lines.push(i);
    target.node.textParts.push(linePiece(state.lines, i));
  }
}

/** Opens the node a heading starts and returns where the lines after it go. */
function openHeading(state: ParseState, found: Heading): Target {
  if (found.kind === 'article') return openArticle(state, found);
  if (found.kind === 'annex') return openAnnex(state, found);
  return openContainer(state, { ...found, kind: found.kind });
}

function headingExtra(found: Heading): { num: string; heading?: string } {
  return found.heading !== undefined ? { num: found.num, heading: found.heading } : { num: found.num };
}

function openArticle(state: ParseState, found: Heading): Target {
  const page = state.lines[found.lines[0]!]!.page;
  const claimed = state.ids.claim(idPart('article', articleKey(found.num)));
  const node = createDraft('article', claimed.id, page, headingExtra(found));
  node.lines.push(...found.lines);
  // `Article 24 [deleted]`: the placeholder is the article's text (the line is the heading's too).
  if (found.deleted) node.textParts.push({ text: '[deleted]', line: found.lines[0]!, joinNext: false });
  if (claimed.duplicate) {
    state.warnings.push({
      code: 'duplicate-article',
      page,
      at: claimed.id,
      message: warningMessage('duplicate-article', { page, at: claimed.id, detail: found.num }),
    });
  }
  attach(state, node);
  const body: number[] = [];
  state.articles.push({ node, body, sections: [] });
  return { node, body };
}

/** An annex closes every container: it stands at the top level after the articles, its points read like an article's. */
function openAnnex(state: ParseState, found: Heading): Target {
  const page = state.lines[found.lines[0]!]!.page;
  state.annexCount++;
  state.containers.length = 0;
  const key = found.num === '' ? String(state.annexCount) : containerKey(found.num);
  const node = createDraft('annex', state.ids.claim(idPart('annex', key)).id, page, headingExtra(found));
  node.lines.push(...found.lines);
  state.roots.push(node);
  // An annex's numbered paragraphs and points are read as an article's are, so that it is compared the same way.
  const body: number[] = [];
  state.articles.push({ node, body, sections: [] });
  return { node, body };
}

/** A part, title, chapter or section closes the open containers of its rank or below and nests in the rest. */
function openContainer(state: ParseState, found: Heading & { kind: ContainerKind }): Target {
  const page = state.lines[found.lines[0]!]!.page;
  if (state.containerKinds === undefined && found.kind !== 'part') state.containerKinds = found.kind === 'title' ? TITLE_FIRST_KINDS : CONTAINER_KINDS;
  const rank = (state.containerKinds ?? CONTAINER_KINDS).indexOf(found.kind);
  const { containers } = state;
  while (containers.length > 0 && containers.at(-1)!.rank >= rank) containers.pop();
  const parentId = containers.at(-1)?.node.id ?? '';
  const node = createDraft(found.kind, state.ids.claim(joinId(parentId, idPart(found.kind, containerKey(found.num)))).id, page, headingExtra(found));
  node.lines.push(...found.lines);
  attach(state, node);
  containers.push({ node, rank });
  return { node };
}

/** Adds a node to the innermost open container, or to the top level. */
function attach(state: ParseState, node: DraftNode): void {
  const parent = state.containers.at(-1)?.node;
  (parent ? parent.children : state.roots).push(node);
}

function unplaceRun(state: ParseState, run: number[], reason: string): void {
  if (run.length === 0) return;
  const { lines } = state;
  state.unplaced.push({ text: joinPieces(run.map((i) => linePiece(lines, i))), page: lines[run[0]!]!.page, lines: [...run], reason });
}

/** Builds the preamble and the articles' provisions, attaches footnotes, and warns about numbering and unplaced text. */
function finishDocument(state: ParseState, extracted: ExtractedText): TreatyDocument {
  const { lines, roots, warnings, metadata, unplaced } = state;
  // Only a draft without preamble or any heading ends still in front matter.
  if (state.front.length > 0) unplaceRun(state, state.front, 'before the first article');
  if (state.preamble.at >= 0) {
    const preamble = buildPreamble(state.preamble.title, state.preamble.lines, lines);
    if (state.preamble.title.length > 0 && metadata.title === undefined && preamble.heading) metadata.title = preamble.heading;
    roots.splice(state.preamble.at, 0, preamble);
  }
  for (const { node, body, sections } of state.articles) fillArticle(node, body, lines, state.ids, sections);

  const resolver = new FootnoteResolver(extracted.footnotes, warnings);
  const nodes: TreatyNode[] = roots.map((root) => finishNode(root, lines, resolver));
  for (const entry of unplaced) attachFootnotes(entry, lines, resolver);
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
}

/** Attaches the footnotes cited in text set aside as unplaced (front matter before the preamble, say) to it. */
function attachFootnotes(entry: UnplacedText, lines: BodyLine[], resolver: FootnoteResolver): void {
  const found: Footnote[] = [];
  for (const index of entry.lines) {
    const line = lines[index]!;
    for (const marker of line.footnoteRefs) {
      const footnote = resolver.resolve(marker, line.page, 'unplaced');
      if (footnote !== undefined && !found.includes(footnote)) found.push(footnote);
    }
  }
  if (found.length > 0) entry.footnotes = found;
}
