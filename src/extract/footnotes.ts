// Finds a page's footnote bodies: small lines below the body text that open with a marker.

import type { PlacedLine } from './page-model.js';

/** A line this much smaller than the body size (or more) may be a footnote. */
const SMALLER = 0.9;
/** Footnotes sit in the lower part of the page: below this share of its height, from the bottom. */
const LOWER_SHARE = 0.6;

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
 * Finds footnotes on one page. `lines` are the page's non-furniture lines top to bottom; `refs` are
 * the markers cited in the body lines of this page (a plain `15 of the Convention` line is only
 * taken for footnote 15 when 15 is cited or follows the previous footnote's number).
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
): PageFootnotes {
  const result: PageFootnotes = { footnotes: [], continued: [], used: new Set() };
  const height = box[3] - box[1];
  let start = lines.length;
  while (start > 0) {
    const line = lines[start - 1]!;
    const small = line.size < SMALLER * bodySize;
    const low = (line.y - box[1]) / height < LOWER_SHARE;
    if (!small || !low) break;
    start -= 1;
  }
  const zone = lines.slice(start);
  if (zone.length === 0) return result;
  let lastMarker = previousMarker;
  let current: FoundFootnote | undefined;
  const opened = (line: PlacedLine): boolean => {
    if (line.lead === undefined) return false;
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
