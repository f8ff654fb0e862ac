// Decides what a marked draft's runs mean (struck, inserted, plain) and splits its pages into the current and the previous text.

import type { PlacedItem, PlacedPage } from './page-model.js';

/** Runs whose baselines differ by less than this (x the larger size) share a line, as in group-lines.ts. */
const BASELINE_TOLERANCE = 0.45;
/** Two runs closer than this (x the size) touch: removing a run between touching runs joins their words. */
const TOUCH = 0.08;
/** Lines that open a structural heading: `Article 4a`, `TITLE III`, `CHAPTER 2`, `ANNEX I`, `[Article 17]`. */
const HEADING_LINE = /^\[?\s*(?:article|art\.|title|chapter|section|part|annex)\s+[\p{L}\p{N}]/iu;
/** A list label that opens a line: `1.`, `(a)`, `(52)`, `iv)`. Inserted paragraphs often keep it plain. */
const LABEL = /^\(?[\p{L}\p{N}]{1,5}[.)]?$/u;
/** What a heading's own title may be: a short line (this share of the page's widest line) right under it. */
const HEADING_TITLE_WIDTH = 0.75;

/** A marked draft's two readings, as pages of runs; the current text's runs carry the marked word counts (`marked`). */
export interface ResolvedMarks {
  /** Struck runs left out; runs that stood in a gap a struck run left are joined. */
  current: PlacedPage[];
  /** Inserted runs left out (the text before the marks); only when asked for. */
  previous?: PlacedPage[];
}

/**
 * The current and previous texts of a draft whose runs carry strike and underline marks, or undefined
 * when nothing is marked (then the draft is read as before, to the byte).
 *
 * Which runs are insertions: underlined runs; and bold runs, when bold is the draft's convention for
 * additions, which it is when the draft says so (`boldMeansInserted`, from a note such as "additions are
 * marked with bold, deletions with strikethrough") or when it also strikes text, on the pages from its
 * first marked page on (a cover page's bold is layout). Bold also sets headings, whatever changed: a
 * wholly bold heading line (`Article 5`, `TITLE III`, and a short title line right under it) is an
 * insertion only when the block it heads is inserted too (its first line of text that is not struck is
 * all inserted); otherwise it is plain.
 *
 * Example: runs `relating to `, `n` (bold), `N` (struck), `otified bodies` -> current `relating to notified
 * bodies` (the `n` and `otified` runs joined), previous `relating to Notified bodies`.
 */
export function resolveMarks(pages: PlacedPage[], boldMeansInserted: boolean, withPrevious = true): ResolvedMarks | undefined {
  // Underlining alone is emphasis (headings of a financial statement, links): a draft marks its changes
  // when it strikes text through or says how it marks them.
  const struckAnywhere = pages.some((page) => page.items.some((item) => item.struck === true));
  if (!struckAnywhere && !boldMeansInserted) return undefined;
  const firstRuled = pages.findIndex((page) => page.items.some((item) => item.struck === true || item.underlined === true));
  const from = firstRuled === -1 ? 0 : firstRuled;
  const linesByPage = pages.map((page) => groupByBaseline(page.items));
  const allLines = linesByPage.flat();
  pages.forEach((page, pageIndex) => {
    for (const line of linesByPage[pageIndex]!) {
      for (const item of line.items) {
        if (item.struck === true) continue;
        if (item.underlined === true && item.text.trim() !== '') item.inserted = true;
      }
    }
    if (pageIndex < from) return;
    markBoldInsertions(linesByPage[pageIndex]!, allLines);
  });
  countMarkedWords(linesByPage);
  const current = pages.map((page, index) => ({ ...page, items: keepRuns(linesByPage[index]!, (item) => item.struck !== true) }));
  if (!withPrevious) return { current };
  return {
    current,
    previous: pages.map((page, index) => ({ ...page, items: keepRuns(linesByPage[index]!, (item) => item.inserted !== true).map(withoutCounts) })),
  };
}

interface Line {
  y: number;
  size: number;
  items: PlacedItem[];
}

/** The page's runs by line (top to bottom), each line's runs left to right. */
function groupByBaseline(items: PlacedItem[]): Line[] {
  const sorted = items.filter((item) => item.text.length > 0 && item.size > 0).sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Line[] = [];
  let current: Line | undefined;
  for (const item of sorted) {
    if (current !== undefined && Math.abs(item.y - current.y) <= BASELINE_TOLERANCE * Math.max(current.size, item.size)) {
      current.items.push(item);
      if (item.size > current.size) current.size = item.size;
      continue;
    }
    current = { y: item.y, size: item.size, items: [item] };
    lines.push(current);
  }
  for (const line of lines) line.items.sort((a, b) => a.x - b.x);
  return lines;
}

const ink = (item: PlacedItem): boolean => item.text.trim() !== '';
/** The runs of a line that stay in the current text and carry ink. */
const liveInk = (line: Line): PlacedItem[] => line.items.filter((item) => ink(item) && item.struck !== true);
const lineText = (line: Line): string => liveInk(line).map((item) => item.text).join(' ').replace(/\s+/g, ' ').trim();
const wholeBold = (line: Line): boolean => {
  const live = liveInk(line);
  return live.length > 0 && live.every((item) => item.bold);
};

/** Marks the page's bold runs as insertions, headings apart (see resolveMarks). */
function markBoldInsertions(lines: Line[], allLines: Line[]): void {
  const widest = Math.max(1, ...lines.map((line) => lineWidth(line)));
  const centred = centredIn(lines);
  const headingAt = new Set<Line>();
  lines.forEach((line, index) => {
    if (!wholeBold(line)) return;
    const above = lines[index - 1];
    // `Annex VIII` is a heading line only when nothing else is printed on it: `Annex VIII` before struck text
    // that runs to the margin is a cross-reference at a line's start.
    const shortAsPrinted = lineWidth(line) < HEADING_TITLE_WIDTH * widest;
    const isHeading =
      (HEADING_LINE.test(lineText(line)) && shortAsPrinted) ||
      centred(line) ||
      (above !== undefined && headingAt.has(above) && lineWidth(line) < HEADING_TITLE_WIDTH * widest);
    if (isHeading) headingAt.add(line);
  });
  // A heading wrapped over two lines: a wholly bold line set close above a heading line belongs to it.
  for (let index = lines.length - 1; index > 0; index -= 1) {
    const line = lines[index]!;
    const above = lines[index - 1]!;
    if (headingAt.has(line) && !headingAt.has(above) && wholeBold(above) && above.y - line.y <= 1.5 * Math.max(above.size, line.size)) headingAt.add(above);
  }
  for (const line of lines) {
    const bold = line.items.filter((item) => item.bold && item.struck !== true && ink(item));
    if (bold.length === 0) continue;
    if (headingAt.has(line) && !headsInsertedBlock(line, allLines, headingAt)) continue;
    for (const item of bold) item.inserted = true;
    // A plain label before an inserted paragraph (`1.` then bold text) is part of the insertion.
    const [first, ...rest] = liveInk(line);
    if (first !== undefined && rest.length > 0 && LABEL.test(first.text.trim()) && rest.every((item) => item.inserted === true)) first.inserted = true;
  }
}

/** Gaps to the page's text column that differ by less than this (x the size) are equal: the line is centred. */
const CENTRE_TOLERANCE = 0.5;

/** Whether a line is centred in the page's text column (the extent of all its lines), clear of both edges. */
function centredIn(lines: Line[]): (line: Line) => boolean {
  const inked = lines.flatMap((line) => line.items.filter(ink));
  if (inked.length === 0) return () => false;
  const left = Math.min(...inked.map((item) => item.x));
  const right = Math.max(...inked.map((item) => item.x + item.width));
  return (line) => {
    const own = line.items.filter(ink);
    if (own.length === 0) return false;
    const gapLeft = Math.min(...own.map((item) => item.x)) - left;
    const gapRight = right - Math.max(...own.map((item) => item.x + item.width));
    return gapLeft > 2 * line.size && gapRight > 2 * line.size && Math.abs(gapLeft - gapRight) <= CENTRE_TOLERANCE * line.size;
  };
}

/** The width of a line as printed: its inked runs, struck ones included. */
function lineWidth(line: Line): number {
  const live = line.items.filter(ink);
  if (live.length === 0) return 0;
  return Math.max(...live.map((item) => item.x + item.width)) - Math.min(...live.map((item) => item.x));
}

/** True when the first line of text under a heading (not a heading, not wholly struck) is all bold or
 * underlined: the heading opens an inserted block (`Article 4a` over inserted text). */
function headsInsertedBlock(heading: Line, allLines: Line[], headingAt: Set<Line>): boolean {
  const start = allLines.indexOf(heading);
  for (let index = start + 1; index < allLines.length; index += 1) {
    const line = allLines[index]!;
    if (headingAt.has(line)) continue;
    const live = liveInk(line);
    const text = live.filter((item, at) => at > 0 || !LABEL.test(item.text.trim()));
    if (text.length === 0) continue;
    return text.every((item) => item.bold || item.underlined === true);
  }
  return false;
}

/** Words in the runs of a line that `pick` selects, touching runs read as one word. */
function countWords(line: Line, pick: (item: PlacedItem) => boolean): number {
  let text = '';
  let end = -Infinity;
  for (const item of line.items) {
    if (!pick(item)) {
      text += '\u0000';
      continue;
    }
    text += item.x - end > TOUCH * item.size ? ` ${item.text}` : item.text;
    end = item.x + item.width;
  }
  return text.split('\u0000').reduce((sum, part) => sum + (part.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0), 0);
}

/**
 * Puts each line's marked word counts on its first live run: its inserted words, and its struck words;
 * struck words of a wholly struck line go to the last live line above it (across pages), or, before any,
 * to the first live line.
 */
function countMarkedWords(linesByPage: Line[][]): void {
  let lastLive: PlacedItem | undefined;
  let pending = 0;
  for (const lines of linesByPage) {
    for (const line of lines) {
      const struck = countWords(line, (item) => item.struck === true);
      const inserted = countWords(line, (item) => item.inserted === true);
      const first = liveInk(line)[0];
      if (first === undefined) {
        if (lastLive?.marked !== undefined) lastLive.marked.struck += struck;
        else pending += struck;
        continue;
      }
      first.marked = { struck: struck + pending, inserted };
      pending = 0;
      lastLive = first;
    }
  }
}

const withoutCounts = (item: PlacedItem): PlacedItem => {
  if (item.marked === undefined) return item;
  const { marked: _marked, ...rest } = item;
  return rest;
};

/**
 * The runs of a page's lines that `keep` selects, as copies. Where a run left out sat between two runs that touch it with no
 * space on either side (`n` | `N` | `otified`), the run after it joins the run before it, so the word is
 * not split by the gap it left.
 */
function keepRuns(lines: Line[], keep: (item: PlacedItem) => boolean): PlacedItem[] {
  const out: PlacedItem[] = [];
  for (const line of lines) {
    const lineStart = out.length;
    let previousKept: PlacedItem | undefined;
    let dropped: PlacedItem[] = [];
    for (const item of line.items) {
      if (!keep(item)) {
        dropped.push(item);
        continue;
      }
      const copy: PlacedItem = { ...item, ...(item.marked === undefined ? {} : { marked: { ...item.marked } }) };
      // Bold that marks an insertion is not a heading's bold: the parser reads bold lines as headings.
      if (item.inserted === true) copy.bold = false;
      if (previousKept !== undefined && dropped.length > 0 && joinsAcross(previousKept, dropped, copy)) {
        previousKept.text += copy.text;
        previousKept.width = copy.x + copy.width - previousKept.x;
        previousKept.bold = previousKept.bold && copy.bold;
        if (copy.marked !== undefined) {
          previousKept.marked = {
            struck: (previousKept.marked?.struck ?? 0) + copy.marked.struck,
            inserted: (previousKept.marked?.inserted ?? 0) + copy.marked.inserted,
          };
        }
        dropped = [];
        continue;
      }
      out.push(copy);
      previousKept = copy;
      dropped = [];
    }
    spanPrintedLine(out.slice(lineStart), line.items);
  }
  return out;
}

/**
 * A line keeps the place it is printed at: where runs left out stood at its start or end, its first kept
 * run is stretched to the line's left edge and its last to the right edge, so indents, centring and full
 * lines read as printed (`Amendments to Annex IImplementing acts` stays a centred heading, text after a
 * struck start of a paragraph still starts at the margin).
 */
function spanPrintedLine(kept: PlacedItem[], printed: PlacedItem[]): void {
  const inked = printed.filter(ink);
  const first = kept.find(ink);
  const last = [...kept].reverse().find(ink);
  if (inked.length === 0 || first === undefined || last === undefined) return;
  const left = Math.min(...inked.map((item) => item.x));
  const right = Math.max(...inked.map((item) => item.x + item.width));
  if (left < first.x) {
    first.width += first.x - left;
    first.x = left;
  }
  if (right > last.x + last.width) last.width = right - last.x;
}

/** True when `before`, the `dropped` runs and `after` touch end to end with no space at either join. */
function joinsAcross(before: PlacedItem, dropped: PlacedItem[], after: PlacedItem): boolean {
  const first = dropped[0]!;
  const last = dropped[dropped.length - 1]!;
  const size = Math.max(before.size, after.size);
  return (
    !/\s$/.test(before.text) &&
    !/^\s/.test(after.text) &&
    !/^\s/.test(first.text) &&
    !/\s$/.test(last.text) &&
    Math.abs(first.x - (before.x + before.width)) <= TOUCH * size &&
    Math.abs(after.x - (last.x + last.width)) <= TOUCH * size
  );
}
