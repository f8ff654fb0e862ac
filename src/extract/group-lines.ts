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
  const lines: PlacedLine[] = [];
  for (const cluster of clusters) {
    const line = buildLine(cluster.items, page);
    if (line !== undefined) lines.push(line);
  }
  return lines;
}

/** A footnote marker set as its own run, directly followed by words ("1" then "A/AC.291/21."):
 * the footnote's text starts there, so a space belongs between them even without a gap. */
function startsWithMarkerRun(textSoFar: string, next: string): boolean {
  return MARKER_TEXT.test(textSoFar.trim()) && /^[\p{L}"'(\[]/u.test(next);
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
  const isMarker = (item: PlacedItem): boolean =>
    item.size < MARKER_SIZE * size && item.y - baseline > MARKER_RAISE * size;

  let text = '';
  let textEnd = -Infinity;
  let x0 = Infinity;
  let x1 = -Infinity;
  let boldChars = 0;
  let inkChars = 0;
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

  for (const item of items) {
    if (item.text.trim() === '') continue;
    if (isMarker(item)) {
      pending += item.text;
      continue;
    }
    flushMarker();
    const gap = item.x - textEnd;
    const spaced = gap > SPACE_GAP * size || (textEnd !== -Infinity && startsWithMarkerRun(text, item.text));
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
