// Tells side-by-side two-column pages (amendment and comparison tables) from running text, by x-position.

import type { PlacedItem, PlacedPage } from './page-model.js';

/** The gutter is looked for in this middle band of the page width. */
const BAND = [0.3, 0.7] as const;
/** Candidate gutter positions this many points apart. */
const STEP = 2;
/** Baselines closer than this many points are one line. */
const SAME_LINE = 2;
/** A gutter is crossed by at most this share of the page's lines ... */
const MAX_CROSSING = 0.05;
/** ... and at least this share of them (and MIN_SIDE lines) stand right of it, beside a left cell or
 * alone (an amendment that inserts text has an empty left cell) ... */
const MIN_RIGHT_SHARE = 0.4;
const MIN_SIDE = 8;
/** ... with a left cell beside them on at least this many lines (the table's column heads at least). */
const MIN_PAIRED = 2;
/** Pages with fewer lines than this say nothing about columns. */
const MIN_LINES = 12;
/** A document is a two-column one when at least this share of its pages with text are. */
const DOCUMENT_SHARE = 0.5;

/**
 * True when the page sets its text in two columns side by side: some x in the middle of the page
 * that (almost) no line crosses, with text right of it on many lines and beside a left cell on some.
 *
 * Example: a "Text proposed by the Commission | Amendment" table, 40 lines with cells at x 71-290
 * and 315-521 -> true; a page of running text whose lines span x 71-524 -> false.
 */
export function isTwoColumnPage(page: PlacedPage): boolean {
  const lines = new Map<number, PlacedItem[]>();
  for (const item of page.items) {
    if (item.text.trim() === '' || item.width <= 0) continue;
    const key = Math.round(item.y / SAME_LINE);
    const line = lines.get(key);
    if (line === undefined) lines.set(key, [item]);
    else line.push(item);
  }
  const all = [...lines.values()];
  if (all.length < MIN_LINES) return false;
  const [x0, , x1] = page.box;
  const width = x1 - x0;
  for (let x = x0 + BAND[0] * width; x <= x0 + BAND[1] * width; x += STEP) {
    let crossing = 0;
    let paired = 0;
    let right = 0;
    for (const items of all) {
      if (items.some((item) => item.x < x && item.x + item.width > x)) {
        crossing += 1;
        continue;
      }
      if (!items.some((item) => item.x >= x)) continue;
      right += 1;
      if (items.some((item) => item.x + item.width <= x)) paired += 1;
    }
    if (crossing <= MAX_CROSSING * all.length && paired >= MIN_PAIRED && right >= MIN_SIDE && right >= MIN_RIGHT_SHARE * all.length) return true;
  }
  return false;
}

/**
 * How many of the document's pages with text are two-column pages, when they are most of them;
 * undefined for a document of running text (a few tables in an annex do not make it a table).
 *
 * Example: 349 pages of amendment tables -> `{ pages: 340, of: 349 }`; a treaty with one
 * correlation table -> undefined.
 */
export function findTwoColumnLayout(pages: PlacedPage[]): { pages: number; of: number } | undefined {
  let withText = 0;
  let twoColumn = 0;
  for (const page of pages) {
    if (page.items.filter((item) => item.text.trim() !== '').length < MIN_LINES) continue;
    withText += 1;
    if (isTwoColumnPage(page)) twoColumn += 1;
  }
  return withText > 0 && twoColumn >= 2 && twoColumn >= DOCUMENT_SHARE * withText ? { pages: twoColumn, of: withText } : undefined;
}
