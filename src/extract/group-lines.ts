// Groups one page's positioned text runs into lines: baseline grouping, spacing, footnote markers.

import type { PlacedItem, PlacedLine } from './page-model.js';

/** Runs whose baselines differ by less than this share a line (x the larger font size). */
const BASELINE_TOLERANCE = 0.45;
/** A horizontal gap wider than this (x the line size) is a word space. Narrower gaps are kerning:
 * treating them as spaces glues nothing apart, but missing a real one glues `3` and `V.23-03951`. */
const SPACE_GAP = 0.2;
/** Footnote markers are set smaller than this share of the line size ... */
const MARKER_SIZE = 0.75;
/** ... and raised by more than this share of the line size. */
const MARKER_RAISE = 0.15;
/** A run only a little smaller than the line (below this share) is a marker when raised by more than ... */
const HIGH_MARKER_SIZE = 0.95;
/** ... this share of the line size. */
const HIGH_MARKER_RAISE = 0.3;
/** What a footnote marker may look like: a number, asterisks or daggers. */
const MARKER_TEXT = /^(?:\d{1,3}|\*{1,3}|[†‡§]{1,2})$/;
/** A footnote body that starts with its marker as plain text: `12 See ...`, `* A/AC.291/21.` */
const LEADING_MARKER = /^(\d{1,3}|\*{1,3}|[†‡§]{1,2})\s+(?=\S)/;

/**
 * Groups a page's runs into lines, top to bottom.
 *
 * Example: runs `operation` (10 pt), `2` (5.8 pt, raised 3.9 pt), `shall` (10 pt) on one baseline
 * give the line `operation shall` with `refs: ["2"]`.
 */
export function groupLines(items: PlacedItem[], page: number): PlacedLine[] {
  const sorted = items
    .filter((item) => item.text.length > 0 && item.size > 0)
    .sort((a, b) => b.y - a.y || a.x - b.x);
  const clusters: { y: number; size: number; items: PlacedItem[] }[] = [];
  let current: { y: number; size: number; items: PlacedItem[] } | undefined;
  for (const item of sorted) {
    if (current !== undefined && Math.abs(item.y - current.y) <= BASELINE_TOLERANCE * Math.max(current.size, item.size)) {
      current.items.push(item);
      // The line's baseline is that of its largest glyphs, so a raised marker read first does not set it.
      if (item.size > current.size) {
        current.size = item.size;
        current.y = item.y;
      }
      continue;
    }
    current = { y: item.y, size: item.size, items: [item] };
    clusters.push(current);
  }
  attachRaisedMarkers(clusters);
  const lines: PlacedLine[] = [];
  for (const cluster of clusters) {
    const line = buildLine(cluster.items, page);
    if (line !== undefined) lines.push(line);
  }
  return lines;
}

/** A raised marker stands at most this far (x the line size) above the baseline of its line. */
const MARKER_REACH = 0.75;

/**
 * Word's superscripts are raised by about a third of the line size, so with a small body size a
 * marker's baseline is further from its line's than the grouping tolerance and it forms a "line" of
 * its own: a marker in running text between two lines, or the number over a footnote's first line.
 * Such a cluster of small marker-like runs joins the line just below it, where it was raised from.
 *
 * Example: `63` (6.5 pt) at y 136.2 over `Regulation (EU) 2019/881 ...` (10 pt) at y 131.7 gives one
 * line opening with the raised marker `63`; `Article 7` (12 pt) 6 pt above a 12 pt line stays apart,
 * being neither small nor a marker.
 */
function attachRaisedMarkers(clusters: { y: number; size: number; items: PlacedItem[] }[]): void {
  for (let index = 0; index + 1 < clusters.length; index += 1) {
    const marker = clusters[index]!;
    const below = clusters[index + 1]!;
    const ink = marker.items.filter((item) => item.text.trim() !== '');
    if (ink.length === 0 || !ink.every((item) => MARKER_TEXT.test(item.text.trim()))) continue;
    const raise = marker.y - below.y;
    if (raise <= 0 || raise > MARKER_REACH * below.size || ink.some((item) => item.size >= HIGH_MARKER_SIZE * below.size)) continue;
    const left = Math.min(...below.items.map((item) => item.x));
    const right = Math.max(...below.items.map((item) => item.x + item.width));
    if (ink.some((item) => item.x < left - 4 * below.size || item.x > right + below.size)) continue;
    below.items.push(...marker.items);
    clusters.splice(index, 1);
    index -= 1;
  }
}

/** A footnote marker set as its own run, directly followed by words ("1" then "A/AC.291/21."):
 * the footnote's text starts there, so a space belongs between them even without a gap. */
function startsWithMarkerRun(textSoFar: string, next: string): boolean {
  return MARKER_TEXT.test(textSoFar.trim()) && /^[\p{L}"'(\[]/u.test(next);
}

/**
 * The gap above which two runs of a line are two words: SPACE_GAP x the size, or, in letter-spaced
 * text (capitals set one glyph per run with tracking), the usual gap between letters plus that.
 *
 * Example: `C`, `O`, `U`... 0.3 em apart and `OF` 0.6 em further give `COUNCIL OF`; in ordinary
 * text (few single-glyph runs) the bound stays 0.2 em.
 */
function wordGap(items: PlacedItem[], size: number): number {
  const letterGaps: number[] = [];
  let previous: PlacedItem | undefined;
  for (const item of items) {
    const glyph = item.text.trim();
    if (glyph === '') continue;
    if (previous !== undefined && [...glyph].length === 1 && [...previous.text.trim()].length === 1 && /\p{L}/u.test(glyph)) {
      letterGaps.push(item.x - (previous.x + previous.width));
    }
    previous = item;
  }
  if (letterGaps.length < 3) return SPACE_GAP * size;
  const sorted = letterGaps.sort((a, b) => a - b);
  const usual = sorted[Math.floor((sorted.length - 1) / 2)]!;
  return usual > 0.05 * size ? usual + SPACE_GAP * size : SPACE_GAP * size;
}

function dominantSize(items: PlacedItem[]): number {
  const weight = new Map<number, number>();
  for (const item of items) {
    const key = Math.round(item.size * 10) / 10;
    weight.set(key, (weight.get(key) ?? 0) + item.text.trim().length);
  }
  let best = 0;
  let bestWeight = -1;
  for (const [size, chars] of weight) {
    if (chars > bestWeight || (chars === bestWeight && size > best)) {
      best = size;
      bestWeight = chars;
    }
  }
  return best;
}

function buildLine(clusterItems: PlacedItem[], page: number): PlacedLine | undefined {
  const items = [...clusterItems].sort((a, b) => a.x - b.x);
  const size = dominantSize(items);
  const baseline = items.reduce((best, item) => (item.size > best.size ? item : best)).y;
  // Small and raised; or, in small print (a table at 9 pt citing an 8 pt footnote number), barely
  // smaller but raised well clear of the baseline.
  const isMarker = (item: PlacedItem): boolean =>
    (item.size < MARKER_SIZE * size && item.y - baseline > MARKER_RAISE * size) ||
    (item.size < HIGH_MARKER_SIZE * size && item.y - baseline > HIGH_MARKER_RAISE * size);

  let text = '';
  let textEnd = -Infinity;
  let x0 = Infinity;
  let x1 = -Infinity;
  let boldChars = 0;
  let inkChars = 0;
  let marked: { struck: number; inserted: number } | undefined;
  const refs: string[] = [];
  let pending = '';
  let raisedLead: string | undefined;

  const flushMarker = (): void => {
    const marker = pending.trim();
    pending = '';
    if (marker === '') return;
    if (!MARKER_TEXT.test(marker)) {
      // Raised small text that is not a marker (e.g. `th` in `5th`) stays in the text.
      text += marker;
      return;
    }
    if (text === '' && raisedLead === undefined) raisedLead = marker;
    else refs.push(marker);
  };

  const spaceGap = wordGap(items, size);
  // A run of spaces between two glyph runs is a word space however narrow it is set (pdf.js gives
  // the spaces of some headings as separate runs 0.19 em wide).
  let spaceRun = false;
  let afterMarker = false;
  for (const item of items) {
    if (item.marked !== undefined) {
      marked = { struck: (marked?.struck ?? 0) + item.marked.struck, inserted: (marked?.inserted ?? 0) + item.marked.inserted };
    }
    if (item.text.trim() === '') {
      if (text !== '') spaceRun = true;
      continue;
    }
    if (isMarker(item)) {
      pending += item.text;
      continue;
    }
    afterMarker = pending.trim() !== '' && MARKER_TEXT.test(pending.trim());
    flushMarker();
    const gap = item.x - textEnd;
    // Punctuation right after a removed marker (`Council6,`) closes up to the word before it.
    const closesUp = afterMarker && /^[,.;:)\]]/.test(item.text);
    const spaced =
      !closesUp && (spaceRun || gap > spaceGap || (textEnd !== -Infinity && startsWithMarkerRun(text, item.text)));
    spaceRun = false;
    if (text !== '' && spaced && !/\s$/.test(text) && !/^\s/.test(item.text)) text += ' ';
    text += item.text;
    textEnd = item.x + item.width;
    x0 = Math.min(x0, item.x);
    x1 = Math.max(x1, item.x + item.width);
    const ink = item.text.replace(/\s/g, '').length;
    inkChars += ink;
    if (item.bold) boldChars += ink;
  }
  flushMarker();
  text = text.replace(/\s+/g, ' ').trim();
  if (text === '') {
    // A lone raised number (a page number set small, say) is text, not a marker.
    if (raisedLead === undefined) return undefined;
    text = raisedLead;
    raisedLead = undefined;
  }
  if (x0 === Infinity) {
    x0 = items[0]?.x ?? 0;
    x1 = x0 + (items[0]?.width ?? 0);
  }
  const line: PlacedLine = {
    page,
    text,
    x0,
    x1,
    y: baseline,
    size,
    bold: inkChars > 0 && boldChars === inkChars,
    refs,
    afterLead: text,
  };
  if (marked !== undefined) line.marked = marked;
  if (raisedLead !== undefined) {
    line.lead = raisedLead;
    line.leadRaised = true;
  } else {
    const match = LEADING_MARKER.exec(text);
    if (match !== null && match[1] !== undefined) {
      line.lead = match[1];
      line.leadRaised = false;
      line.afterLead = text.slice(match[0].length);
    }
  }
  return line;
}
