// Structural headings (article, annex, part/chapter/section/title) and the title block, read from body lines.

import type { BodyLine } from '../types.js';
import {
  endsBlock,
  isConclusionsStart,
  isDeletedPlaceholder,
  isStructuralShape,
  isUpperCase,
  looksLikeHeading,
  matchAnnexHeading,
  matchArticleHeading,
  matchContainerHeading,
  matchMarker,
  type ContainerKind,
  type HeadingMatch,
} from './patterns.js';
import { isLineStartReference } from './references.js';

/** A structural heading found at a line, with the lines its heading text took. */
export interface Heading {
  kind: 'article' | 'annex' | ContainerKind;
  num: string;
  heading?: string;
  /** The heading line and any following heading-text lines. */
  lines: number[];
  /** `Article 24 [deleted]` on one line: the heading line is also the provision's whole text. */
  deleted?: true;
}

// Title lines kept as the preamble's heading; longer front matter is reported as unplaced.
const MAX_TITLE_LINES = 6;

/**
 * The structural heading starting at line `i` (already known to start a block), with its
 * heading text from the same line or the next ones, or undefined. `previousArticle` is the
 * number of the article open at that line, if any: article numbers go up, so a bare `Article 5`
 * inside article 43 is a cross-reference unless layout sets it apart.
 */
export function findHeading(lines: BodyLine[], i: number, previousArticle?: string): Heading | undefined {
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
  // `Article 5.` / `shall apply ...`, `Annex IV. The Commission shall adopt ...`: a reference a line wrap put first.
  if ((kind === 'article' || kind === 'annex') && isLineStartReference(lines, i, { kind, ...found }, previousArticle)) return undefined;
  const taken = [i];
  let heading = found.heading;
  let last = i;
  if (heading === undefined && isHeadingText(lines, i, i + 1, kind)) {
    heading = lines[i + 1]!.text;
    last = i + 1;
    taken.push(last);
    if (wrapsHeading(lines[last]!, lines[last + 1]) && endsTwoLineHeading(lines, last)) {
      heading = `${heading} ${lines[last + 1]!.text}`;
      last++;
      taken.push(last);
    }
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
  if (found.deleted) result.deleted = true;
  return result;
}

/** Whether line `j` is the heading of the numbered heading at line `i` (two-line headings). */
function isHeadingText(lines: BodyLine[], i: number, j: number, kind: Heading['kind']): boolean {
  const next = lines[j];
  if (!next || next.joinNext) return false;
  if (isStructuralShape(next.text) || matchMarker(next.text) || isConclusionsStart(next.text) || isDeletedPlaceholder(next.text)) return false;
  if (next.centred || next.bold) return true;
  if (kind !== 'article' && isUpperCase(next.text) && next.text.length <= 200) return true;
  if (!looksLikeHeading(next.text)) return false;
  // A plain line reads as a heading only if it stands alone: the line after it begins a new
  // block, not the rest of a sentence (a short first line of body text would otherwise pass).
  const after = lines[j + 1];
  if (after === undefined) return true;
  if (/^\p{Ll}/u.test(after.text)) return endsTwoLineHeading(lines, j);
  if (after.breakBefore || after.centred || after.bold || after.page !== next.page || lines[i]!.page !== next.page || next.breakBefore) return true;
  // Without layout (text drafts with no blank lines): a numbered provision or a new heading
  // follows, the heading goes on for one more line, or the line is short as headings are (`Scope`, `Definitions`).
  if (matchMarker(after.text) || isStructuralShape(after.text)) return true;
  if (wrapsHeading(next, after) && endsTwoLineHeading(lines, j)) return true;
  return next.text.length <= 60 && next.text.split(' ').length <= 8;
}

// A heading's second line is short: the end of a heading the column was too narrow for.
const MAX_HEADING_TAIL_WORDS = 8;
// A heading line this long may have wrapped: the line under it, without a break, may be its end.
const MIN_WRAPPED_HEADING_CHARS = 50;
// Two-line headings run longer than one-line ones (`looksLikeHeading` allows 20 words).
const MAX_TWO_LINE_HEADING_WORDS = 30;

/** Whether `tail` may be the rest of heading line `head`: it goes on in lower case, or `head` filled its line and no break comes between. */
function wrapsHeading(head: BodyLine, tail: BodyLine | undefined): boolean {
  if (tail === undefined) return false;
  return /^\p{Ll}/u.test(tail.text) || (!tail.breakBefore && head.text.length >= MIN_WRAPPED_HEADING_CHARS);
}

/**
 * Whether the heading line `j` and the lower-case line after it are one heading on two lines
 * (`Further processing of personal data ... in` / `the AI regulatory sandbox`), not the first
 * sentence of the body: the second line is short, ends without punctuation (a sentence that
 * stops there ends in `.` or `:`), and the line after it starts a new block (a numbered
 * paragraph or a paragraph break) on the same page.
 *
 * @example // "Requirements for ... providers of such" / "systems" / "1. General purpose ..." -> true
 * @example // "The provider shall inform the" / "authority of any change." / "2. ..." -> false (ends in a full stop)
 */
function endsTwoLineHeading(lines: BodyLine[], j: number): boolean {
  const head = lines[j]!;
  const tail = lines[j + 1]!;
  const after = lines[j + 2];
  if (head.joinNext || tail.page !== head.page || /[.;:,]$/.test(tail.text)) return false;
  if (tail.text.split(/\s+/).length > MAX_HEADING_TAIL_WORDS || `${head.text} ${tail.text}`.split(/\s+/).length > MAX_TWO_LINE_HEADING_WORDS) return false;
  if (after === undefined) return true;
  if (/^\p{Ll}/u.test(after.text)) return false;
  return after.page !== tail.page || after.breakBefore || matchMarker(after.text) !== undefined || isStructuralShape(after.text);
}

/**
 * Whether the heading-shaped line `i` is a cross-reference that a line wrap put at the start of a
 * line: the line before it stops mid-sentence (a lower-case word or a comma, no closing
 * punctuation), and the line reads as the sentence's end or goes on in the next line: it ends in
 * a full stop without a break before it (`Article 49.`), its text after `Annex IV.` continues in
 * lower case on the next line, or (`inText`: past the front matter, where a title line may stop
 * without punctuation) nothing sets it apart (no break, centring or bold of its own).
 *
 * @example // "... in accordance with" / "Article 49." -> true
 * @example // "... referred to in" / "Annex IV. The Commission shall adopt ... detailed" / "provisions ..." -> true
 * @example // "... shall apply." / "Article 5" -> false
 */
export function wrapsSentence(lines: BodyLine[], i: number, found: Heading, inText: boolean): boolean {
  const line = lines[i]!;
  const previous = lines[i - 1];
  if (previous === undefined || endsBlock(previous.text) || !/[\p{Ll},]$/u.test(previous.text)) return false;
  if (/\.$/.test(line.text) && found.lines.length === 1 && !line.breakBefore) return true;
  const next = lines[found.lines.at(-1)! + 1];
  if (found.lines.length === 1 && found.heading !== undefined && next !== undefined && /^\p{Ll}/u.test(next.text)) return true;
  const setApart = line.breakBefore || (line.centred && !previous.centred) || (boldAsStyle(line) && !previous.bold);
  return inText && !setApart;
}

/**
 * Bold that sets a line apart as a heading would: not where the draft's own marks make the bold an
 * insertion (a compromise text sets what it adds in bold, headings' cross-references included).
 *
 * Example: `Annex VIII` in bold under `... except for the information listed in`, in a compromise text
 * that inserted it: an insertion, so the line continues the sentence.
 */
export function boldAsStyle(line: BodyLine): boolean {
  return line.bold && (line.marks?.inserted ?? 0) === 0;
}

function continuesHeading(previous: BodyLine, next: BodyLine, kind: Heading['kind']): boolean {
  if (next.page !== previous.page || isStructuralShape(next.text) || matchMarker(next.text) || /[.:;]$/.test(previous.text)) return false;
  // A capitalised sentence under a heading in capitals begins the body, however it is set (compromise
  // texts set their additions in bold); a lower-case line may still end it (`... referred to in Article 11`).
  if (isUpperCase(previous.text) && !isUpperCase(next.text) && /^\p{Lu}/u.test(next.text)) return false;
  // A heading line that fills the column is not seen as centred, and the short line under it
  // then looks like a new paragraph; bold or capitals on both lines still tie them together.
  if (previous.bold && next.bold) return true;
  if (kind !== 'article' && isUpperCase(previous.text) && isUpperCase(next.text) && matchContainerHeading(previous.text) === undefined) return true;
  return !next.breakBefore && previous.centred && next.centred;
}

/**
 * The title: the heading-like lines right before the preamble (at most a few); earlier front matter
 * is not, nor a structural line above it (the `ANNEX` of a cover note that wraps the whole draft),
 * nor a first line that begins with a number (a file number such as `2021/0106 (COD)`).
 */
export function takeTitle(front: number[], lines: BodyLine[]): number[] {
  let from = front.length;
  while (from > 0 && front.length - from < MAX_TITLE_LINES) {
    const line = lines[front[from - 1]!]!;
    if (!(line.centred || line.bold || isUpperCase(line.text) || looksLikeHeading(line.text)) || isStructuralShape(line.text)) break;
    from--;
  }
  // A title does not begin with a number: `2021/0106 (COD)` over it is a file reference.
  while (from < front.length - 1 && /^\d/.test(lines[front[from]!]!.text)) from++;
  return front.slice(from);
}
