// Groups one page's positioned text runs into lines: baseline grouping, spacing, footnote markers.

import type { LooseMarker, PlacedItem, PlacedLine } from './page-model.js';

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
  const raisedFrom = findRaisedFrom(sorted);
  const lines: PlacedLine[] = [];
  for (const cluster of clusters) {
    const line = buildLine(cluster.items, page, raisedFrom);
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

/**
 * Marker-like runs (`75`) that start where a run on a lower baseline ends (`2027`), or a space after it, raised clear of it,
 * each with that run: a superscript in a table cell, whose row's other cells sit on other baselines so
 * that the marker's line says nothing of its raise. Only candidates: see `promoteMarkers`.
 *
 * Example: `2027` (8 pt, x 472.9 to 488.9, y 650.5) and `75` (8 pt, x 488.9, y 656.0) give `75 -> 2027`.
 */
function findRaisedFrom(items: PlacedItem[]): Map<PlacedItem, PlacedItem> {
  const found = new Map<PlacedItem, PlacedItem>();
  const markers = items.filter((item) => MARKER_TEXT.test(item.text.trim()));
  if (markers.length === 0) return found;
  const inked = items.filter((item) => item.text.trim() !== '');
  for (const marker of markers) {
    const base = inked.find((text) => {
      if (text === marker || text.size < marker.size) return false;
      const raise = marker.y - text.y;
      // It starts where the run ends, or one space after it (`yy zz 79`, the space set as a run of its own).
      const gap = marker.x - (text.x + text.width);
      return raise > MARKER_RAISE * text.size && raise <= MARKER_REACH * text.size && gap >= -0.1 * text.size && gap <= 0.6 * text.size;
    });
    if (base !== undefined) found.set(marker, base);
  }
  return found;
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

/**
 * Makes footnote references of marker-like runs that were read as text (`looseMarkers`), once the
 * page's footnotes show which markers are cited nowhere else: `markers` are those. A marker raised
 * from a run of another line (a table cell) moves to that line; otherwise it becomes a reference of
 * its own line. Lines are rebuilt from their runs in place.
 *
 * Example: footnote 75 cited nowhere, and a line `75 TOTAL` whose `75` stands raised at the end of
 * `2027` in the line below: `75 TOTAL` becomes `TOTAL`, and the `... 2027` line cites 75.
 */
export function promoteMarkers(lines: PlacedLine[], markers: ReadonlySet<string>): void {
  const promoted = new Map<PlacedLine, Set<PlacedItem>>();
  const dropped = new Map<PlacedLine, Set<PlacedItem>>();
  const add = (map: Map<PlacedLine, Set<PlacedItem>>, line: PlacedLine, run: PlacedItem): void => {
    map.set(line, (map.get(line) ?? new Set()).add(run));
  };
  const extraRefs = new Map<PlacedLine, string[]>();
  const done = new Set<string>();
  for (const line of lines) {
    for (const loose of line.looseMarkers ?? []) {
      if (!markers.has(loose.marker) || done.has(loose.marker)) continue;
      done.add(loose.marker);
      const base = loose.base === undefined ? undefined : lines.find((other) => other.runs?.includes(loose.base!) === true);
      if (base === undefined || base === line) {
        add(promoted, line, loose.run);
      } else {
        add(dropped, line, loose.run);
        extraRefs.set(base, [...(extraRefs.get(base) ?? []), loose.marker]);
      }
    }
  }
  for (const line of new Set([...promoted.keys(), ...dropped.keys()])) {
    const without = dropped.get(line);
    const runs = line.runs!.filter((run) => without?.has(run) !== true);
    const rebuilt = runs.length === 0 ? undefined : buildLine(runs, line.page, new Map(), promoted.get(line));
    delete line.lead;
    delete line.leadRaised;
    delete line.looseMarkers;
    // A line that held only the marker is left empty, and is dropped with the other empty lines.
    Object.assign(line, rebuilt ?? { text: '', afterLead: '', refs: [] });
  }
  for (const [line, refs] of extraRefs) line.refs.push(...refs);
}

function buildLine(
  clusterItems: PlacedItem[],
  page: number,
  raisedFrom: ReadonlyMap<PlacedItem, PlacedItem>,
  promoted?: ReadonlySet<PlacedItem>,
): PlacedLine | undefined {
  const items = [...clusterItems].sort((a, b) => a.x - b.x);
  const size = dominantSize(items);
  const baseline = items.reduce((best, item) => (item.size > best.size ? item : best)).y;
  // Smaller than the line's largest runs: in a table row of mixed sizes the marker may set the line's size.
  const largest = Math.max(...items.map((item) => item.size));
  const smallMarker = (item: PlacedItem): boolean =>
    (item.size < HIGH_MARKER_SIZE * largest || raisedFrom.has(item)) && MARKER_TEXT.test(item.text.trim());
  // Small and raised; or, in small print (a table at 9 pt citing an 8 pt footnote number), barely
  // smaller but raised well clear of the baseline; or a small number the page's footnotes show is
  // a marker (in a table whose cells sit on different baselines, "raised" has no one baseline).
  const isMarker = (item: PlacedItem): boolean =>
    (item.size < MARKER_SIZE * size && item.y - baseline > MARKER_RAISE * size) ||
    (item.size < HIGH_MARKER_SIZE * size && item.y - baseline > HIGH_MARKER_RAISE * size) ||
    promoted?.has(item) === true;
  const looseMarkers: LooseMarker[] = [];

  let text = '';
  let textEnd = -Infinity;
  let x0 = Infinity;
  let x1 = -Infinity;
  let boldChars = 0;
  let inkChars = 0;
  let marked: { struck: number; inserted: number } | undefined;
  const refs: string[] = [];
  /** Small raised runs read so far: a footnote marker, or (`th` in `5th`, a cell set small) text. */
  let pending: PlacedItem[] = [];
  let raisedLead: string | undefined;
  let afterMarker = false;

  const spaceGap = wordGap(items, size);
  // A run of spaces between two glyph runs is a word space however narrow it is set (pdf.js gives
  // the spaces of some headings as separate runs 0.19 em wide).
  let spaceRun = false;

  const appendText = (item: PlacedItem): void => {
    const gap = item.x - textEnd;
    // Punctuation right after a removed marker (`Council6,`) closes up to the word before it.
    const closesUp = afterMarker && /^[,.;:)\]]/.test(item.text);
    const spaced =
      !closesUp && (spaceRun || gap > spaceGap || (textEnd !== -Infinity && startsWithMarkerRun(text, item.text)));
    spaceRun = false;
    afterMarker = false;
    if (text !== '' && spaced && !/\s$/.test(text) && !/^\s/.test(item.text)) text += ' ';
    text += item.text;
    textEnd = item.x + item.width;
    x0 = Math.min(x0, item.x);
    x1 = Math.max(x1, item.x + item.width);
    const ink = item.text.replace(/\s/g, '').length;
    inkChars += ink;
    if (item.bold) boldChars += ink;
  };

  const flushMarker = (): void => {
    const runs = pending;
    pending = [];
    const marker = runs.map((run) => run.text).join('').trim();
    if (marker === '') return;
    if (!MARKER_TEXT.test(marker)) {
      // Raised small text that is not a marker (`th` in `5th`, a table cell set smaller and higher
      // than its row) stays in the text, spaced by its position like any other run.
      for (const run of runs) appendText(run);
      return;
    }
    if (text === '' && raisedLead === undefined) raisedLead = marker;
    else refs.push(marker);
    afterMarker = true;
  };

  for (const item of items) {
    if (item.marked !== undefined) {
      marked = { struck: (marked?.struck ?? 0) + item.marked.struck, inserted: (marked?.inserted ?? 0) + item.marked.inserted };
    }
    if (item.text.trim() === '') {
      if (text !== '') spaceRun = true;
      continue;
    }
    if (isMarker(item)) {
      // Markers a word space apart (`66 ... 67` across table cells) are two markers, not `6667`.
      const last = pending.at(-1);
      if (last !== undefined && item.x - (last.x + last.width) > spaceGap) flushMarker();
      pending.push(item);
      continue;
    }
    flushMarker();
    if (smallMarker(item)) {
      const base = raisedFrom.get(item);
      looseMarkers.push(base === undefined ? { marker: item.text.trim(), run: item } : { marker: item.text.trim(), run: item, base });
    }
    appendText(item);
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
    runs: clusterItems,
  };
  if (marked !== undefined) line.marked = marked;
  if (looseMarkers.length > 0) line.looseMarkers = looseMarkers;
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
