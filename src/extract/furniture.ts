// Finds page furniture (running headers and footers, page numbers, job numbers, barcodes) by position and repetition.

import type { FurnitureLine } from '../types.js';
import type { PlacedLine } from './page-model.js';

/** A page's lines with its box, as furniture detection needs them. */
export interface PageLines {
  page: number;
  box: [number, number, number, number];
  lines: PlacedLine[];
}

type FurnitureKind = FurnitureLine['kind'];

/** Share of the page height at the top and at the bottom where headers and footers live. */
const EDGE_SHARE = 0.1;
/** Job numbers and barcodes sit in the first-page footer, which can reach higher than 10 %. */
const JOB_ZONE_SHARE = 0.25;
/** A line repeating (digits aside) on at least this share of pages is a running header or footer. */
const REPEAT_SHARE = 0.3;
/** A header or footer block is set off from the body by a gap wider than this (x the line size). */
const BLOCK_GAP = 1.6;
/** Baselines within this many points count as the same place. */
const SAME_PLACE = 2.5;
/** Lines of a running header or footer peeled off one at a time from the page edge, at most this many. */
const MAX_ROUNDS = 4;

/** Page numbers in the common forms: `3`, `- 3 -`, `– 3 –`, `Page 3`, `Page 3 of 18`, `2/18`, `iv`. */
const PAGE_NUMBER = [
  /^[-–—]?\s*\d{1,4}\s*[-–—]?$/,
  /^page\s+\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$/i,
  /^\d{1,4}\s*(?:\/|of)\s*\d{1,4}$/i,
  /^[ivxlc]{1,7}$/,
];
/** UN job numbers: `V.23-03951`, `V.23-03951 (E)`, optionally followed by dates and a barcode. */
const JOB_NUMBER = /\b[A-Z]{1,2}\.\d{2}-\d{4,6}\b/;
/** Barcode strings as printed in a barcode font: `*2303951*`. */
const BARCODE = /^\*\d{5,}\*$/;
/** Structural headings may top many pages at one place; they are never furniture. */
const STRUCTURAL_HEADING = /^(?:article|chapter|section|part|annex|title)\b/i;

/** True when the text is a page number in one of the usual forms. */
export function isPageNumber(text: string): boolean {
  const flat = text.replace(/\s+/g, ' ').trim();
  return PAGE_NUMBER.some((pattern) => pattern.test(flat));
}

/** The UN job number in a line, e.g. `V.23-03951`, if any. */
export function findJobNumber(text: string): string | undefined {
  return JOB_NUMBER.exec(text)?.[0];
}

/**
 * The lines at the very top and very bottom of a page up to the first wide gap: where running
 * headers and footers stand. A body line that merely happens to repeat lies beyond that gap.
 */
function edgeBlocks(lines: PlacedLine[]): Set<PlacedLine> {
  const block = new Set<PlacedLine>();
  const wideGap = (a: PlacedLine, b: PlacedLine): boolean => Math.abs(a.y - b.y) > BLOCK_GAP * Math.max(a.size, b.size);
  for (let i = 0; i < lines.length; i += 1) {
    block.add(lines[i]!);
    const next = lines[i + 1];
    if (next === undefined || wideGap(lines[i]!, next)) break;
  }
  for (let i = lines.length - 1; i >= 0; i -= 1) {
    block.add(lines[i]!);
    const previous = lines[i - 1];
    if (previous === undefined || wideGap(lines[i]!, previous)) break;
  }
  return block;
}

/** Text with digits masked, so that `A/AC.291/22 page 3` and `... page 4` compare equal. */
function repeatKey(text: string): string {
  return text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}

/**
 * Classifies the furniture lines of a document.
 *
 * Example: on a 10-page draft, `A/AC.291/22` at the top of 9 pages (left on even pages, right on
 * odd ones, same baseline) is `running-header`; `3` alone at the bottom is `page-number`;
 * `V.23-03951 (E)` low on page 1 is `job-number`.
 */
export function findFurniture(pages: PageLines[], bodySize: number): Map<PlacedLine, FurnitureKind> {
  const kinds = new Map<PlacedLine, FurnitureKind>();
  // A footer of several lines set apart by more than a line's spacing (`15698/22 RB/ek 93` over
  // `TREE.2.B EN`) is found a line at a time: once the outer line is known as furniture, the line
  // inside it becomes the page's edge and is judged by its own repetition.
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const before = kinds.size;
    classifyEdges(pages, bodySize, kinds);
    if (kinds.size === before) break;
  }
  return kinds;
}

/** One round of `findFurniture`: judges the edge lines of each page that are not yet furniture. */
function classifyEdges(pages: PageLines[], bodySize: number, kinds: Map<PlacedLine, FurnitureKind>): void {
  const edgeLines: { line: PlacedLine; top: boolean; key: string }[] = [];
  for (const { box, lines: allLines } of pages) {
    const lines = allLines.filter((line) => !kinds.has(line));
    const blocks = edgeBlocks(lines);
    const bottom = box[1];
    const height = box[3] - box[1];
    for (const line of lines) {
      const fromBottom = (line.y - bottom) / height;
      const top = fromBottom > 1 - EDGE_SHARE;
      const low = fromBottom < EDGE_SHARE;
      if (fromBottom < JOB_ZONE_SHARE || top) {
        if (BARCODE.test(line.text)) {
          kinds.set(line, 'barcode');
          continue;
        }
        if (findJobNumber(line.text) !== undefined && line.text.length < 80) {
          kinds.set(line, 'job-number');
          continue;
        }
      }
      if (!top && !low) continue;
      if (isPageNumber(line.text)) {
        kinds.set(line, 'page-number');
        continue;
      }
      if (STRUCTURAL_HEADING.test(line.text) || !blocks.has(line)) continue;
      // A small line opening with a marker is a footnote, however alike the footnotes are.
      if (line.lead !== undefined && (line.leadRaised === true || line.size < 0.9 * bodySize)) continue;
      edgeLines.push({ line, top, key: repeatKey(line.text) });
    }
  }
  const needed = Math.max(2, Math.ceil(REPEAT_SHARE * pages.length));
  const byKey = new Map<string, { line: PlacedLine; top: boolean }[]>();
  for (const entry of edgeLines) {
    const group = byKey.get(entry.key);
    if (group === undefined) byKey.set(entry.key, [entry]);
    else group.push(entry);
  }
  for (const group of byKey.values()) {
    if (group.length < needed) continue;
    for (const entry of group) {
      const pagesHere = new Set<number>();
      for (const other of group) {
        if (Math.abs(other.line.y - entry.line.y) <= SAME_PLACE) pagesHere.add(other.line.page);
      }
      if (pagesHere.size >= needed) kinds.set(entry.line, entry.top ? 'running-header' : 'running-footer');
    }
  }
}
