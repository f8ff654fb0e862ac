// Structural headings (article, annex, part/chapter/section/title) and the title block, read from body lines.

import type { BodyLine } from '../types.js';
import {
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
export function takeTitle(front: number[], lines: BodyLine[]): number[] {
  let from = front.length;
  while (from > 0 && front.length - from < MAX_TITLE_LINES) {
    const line = lines[front[from - 1]!]!;
    if (!(line.centred || line.bold || isUpperCase(line.text) || looksLikeHeading(line.text))) break;
    from--;
  }
  return front.slice(from);
}
