// Finds a page's footnote bodies: small lines below the body text that open with a marker.

import type { PlacedLine } from './page-model.js';

/** A line this much smaller than the body size (or more) may be a footnote. */
const SMALLER = 0.9;
/** Footnotes sit in the lower part of the page: below this share of its height, from the bottom. */
const LOWER_SHARE = 0.6;
/** A footnote line starts this close (x its size) to the footnote text's indent. */
const ALIGNED = 0.5;
/** Word-style footnote text indents seen on fewer lines than this are chance. */
const MIN_INDENT_LINES = 2;

/** A footnote as found on the page, before its lines are cleaned and joined. */
export interface FoundFootnote {
  marker: string;
  page: number;
  lines: PlacedLine[];
}

/** A page's footnote lines: new footnotes, and lines that continue the last footnote of an earlier page. */
export interface PageFootnotes {
  footnotes: FoundFootnote[];
  /** Lines at the top of the footnote area that continue a footnote from the page before. */
  continued: PlacedLine[];
  /** Every line used (new footnotes and continuations). */
  used: Set<PlacedLine>;
}

/**
 * Where Word-style footnotes (a raised number, then text at a fixed indent) stand in the document:
 * the left edges of their first lines' text, each seen at least twice. Empty when the document's
 * footnotes open with a plain-text number (or there are none), and then nothing is required of a
 * footnote's alignment.
 *
 * Example: 8 pt lines opening with a raised `1`, `2`, `3`, text at x 106.8 -> `[106.8]`; the
 * `1 A/AC.291/21.` style (number as plain text) -> `[]`.
 */
export function measureFootnoteIndents(lines: PlacedLine[], bodySize: number): number[] {
  const counts = new Map<number, number>();
  for (const line of lines) {
    if (line.leadRaised !== true || line.size >= SMALLER * bodySize) continue;
    const key = Math.round(line.x0);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].filter(([, count]) => count >= MIN_INDENT_LINES).map(([left]) => left);
}

/**
 * Finds footnotes on one page. `lines` are the page's non-furniture lines top to bottom; `refs` are
 * the markers cited in the body lines of this page (a plain `15 of the Convention` line is only
 * taken for footnote 15 when 15 is cited or follows the previous footnote's number). `textLefts` are
 * the Word-style footnote indents (`measureFootnoteIndents`): when there are any, the footnote area
 * is the run of small lines at the page foot that start there or open with a raised number.
 *
 * Example: body lines at 10 pt, then `1 A/AC.291/21.` and `2 See the proposal ...` at 8 pt at the
 * bottom give footnotes `1` and `2`.
 */
export function findFootnotes(
  lines: PlacedLine[],
  bodySize: number,
  box: [number, number, number, number],
  refs: ReadonlySet<string>,
  previousMarker: string | undefined,
  hasPrevious: boolean,
  textLefts: readonly number[] = [],
): PageFootnotes {
  const result: PageFootnotes = { footnotes: [], continued: [], used: new Set() };
  const height = box[3] - box[1];
  // Word-style footnotes (raised number, text at a fixed indent): every line of their text starts
  // at that indent, which tells them from small table rows that happen to end a page.
  const wordStyle = textLefts.length > 0;
  const aligned = (line: PlacedLine): boolean =>
    line.leadRaised === true || textLefts.some((left) => Math.abs(line.x0 - left) <= ALIGNED * line.size);
  let start = lines.length;
  while (start > 0) {
    const line = lines[start - 1]!;
    const small = line.size < SMALLER * bodySize;
    const low = (line.y - box[1]) / height < LOWER_SHARE;
    if (!small || !low || (wordStyle && !aligned(line))) break;
    start -= 1;
  }
  const zone = lines.slice(start);
  if (zone.length === 0) return result;
  let lastMarker = previousMarker;
  let current: FoundFootnote | undefined;
  const opened = (line: PlacedLine): boolean => {
    if (line.lead === undefined) return false;
    // Where footnotes carry raised numbers, a plain number opening a small line is a table's figure.
    if (wordStyle && line.leadRaised !== true) return false;
    if (line.leadRaised === true || !/^\d+$/.test(line.lead)) return true;
    const expected = lastMarker !== undefined && /^\d+$/.test(lastMarker) ? String(Number(lastMarker) + 1) : undefined;
    return refs.has(line.lead) || line.lead === expected || (lastMarker === undefined && line.lead === '1');
  };
  const candidates: PageFootnotes = { footnotes: [], continued: [], used: new Set() };
  for (const line of zone) {
    if (opened(line)) {
      current = { marker: line.lead!, page: line.page, lines: [line] };
      candidates.footnotes.push(current);
      lastMarker = line.lead;
    } else if (current !== undefined) {
      current.lines.push(line);
    } else {
      candidates.continued.push(line);
    }
    candidates.used.add(line);
  }
  // Small text with no marker and nothing to continue is not a footnote (a table note, a caption).
  if (candidates.footnotes.length === 0 && !hasPrevious) return result;
  if (!hasPrevious && candidates.continued.length > 0) {
    for (const line of candidates.continued) candidates.used.delete(line);
    candidates.continued = [];
  }
  return candidates;
}
