// Turns positioned pages into ExtractedText: furniture, masthead, footnotes apart; body lines with layout hints.

import { TreatyDiffError } from '../errors.js';
import { warningMessage } from '../render/messages.js';
import type { BodyLine, ExtractedText, Footnote, FurnitureLine, SourceInfo, Warning } from '../types.js';
import { cleanText, collectCompounds, joinHyphenated } from './clean.js';
import { findFootnotes, type FoundFootnote } from './footnotes.js';
import { findFurniture } from './furniture.js';
import { groupLines } from './group-lines.js';
import { isSymbol, readMasthead } from './masthead.js';
import type { PlacedLine, PlacedPage } from './page-model.js';

/** Below this many characters per page on average, the PDF has no usable text layer (a scan). */
const MIN_CHARS_PER_PAGE = 20;
/** A baseline gap this many times the usual line spacing opens a new paragraph. */
const PARAGRAPH_GAP = 1.3;

/**
 * Builds the ExtractedText of a PDF from its pages' positioned text runs.
 * Throws `no-text-layer` when the pages carry (almost) no text.
 *
 * Example: a page with `A/AC.291/22` on top, `Article 1` centred, two body lines and `2/18` at the
 * bottom gives two furniture lines and three body lines, `Article 1` with `centred: true`.
 */
export function buildExtractedText(pages: PlacedPage[], source: SourceInfo): ExtractedText {
  const pageLines = pages.map((page) => ({ page: page.page, box: page.box, lines: groupLines(page.items, page.page) }));
  const charsPerPage = pageLines.map(({ lines }) => lines.reduce((sum, line) => sum + line.text.replace(/\s/g, '').length, 0));
  const totalChars = charsPerPage.reduce((sum, chars) => sum + chars, 0);
  if (totalChars < MIN_CHARS_PER_PAGE * Math.max(1, pages.length)) {
    throw new TreatyDiffError(
      'no-text-layer',
      `${source.path}: no text layer (${totalChars} characters on ${pages.length} page${pages.length === 1 ? '' : 's'}); it looks scanned, so run OCR first, e.g. 'ocrmypdf ${source.path} ocr.pdf'`,
    );
  }
  const warnings: Warning[] = [];
  charsPerPage.forEach((chars, index) => {
    if (chars < MIN_CHARS_PER_PAGE) {
      const page = pageLines[index]!.page;
      warnings.push({ code: 'empty-page', page, message: warningMessage('empty-page', { page }) });
    }
  });

  const allLines = pageLines.flatMap(({ lines }) => lines);
  const bodySize = dominantSize(allLines);
  const furnitureKinds = findFurniture(pageLines, bodySize);
  const furniture: FurnitureLine[] = [];
  const footnotes: Footnote[] = [];
  const bodyPlaced: PlacedLine[] = [];
  let metadata = {};
  const mastheadLines = new Set<PlacedLine>();
  const mastheadMarkers = new Set<string>();

  let lastFootnote: FoundFootnote | undefined;
  const found: FoundFootnote[] = [];
  for (const { page, box, lines } of pageLines) {
    const content = lines.filter((line) => !furnitureKinds.has(line));
    if (page === pageLines[0]?.page) {
      const masthead = readMasthead(content, box);
      metadata = masthead.metadata;
      for (const line of masthead.lines) {
        mastheadLines.add(line);
        for (const ref of line.refs) mastheadMarkers.add(ref);
        const trailing = /([*†‡]+)$/.exec(line.text);
        if (trailing?.[1] !== undefined) mastheadMarkers.add(trailing[1]);
      }
    }
    const rest = content.filter((line) => !mastheadLines.has(line));
    const refs = new Set(rest.flatMap((line) => line.refs));
    for (const marker of mastheadMarkers) if (page === pageLines[0]?.page) refs.add(marker);
    const pageFootnotes = findFootnotes(rest, bodySize, box, refs, lastFootnote?.marker, lastFootnote !== undefined);
    if (lastFootnote !== undefined) lastFootnote.lines.push(...pageFootnotes.continued);
    for (const footnote of pageFootnotes.footnotes) {
      found.push(footnote);
      lastFootnote = footnote;
    }
    for (const line of lines) {
      const kind = furnitureKinds.get(line) ?? (mastheadLines.has(line) ? 'masthead' : undefined);
      if (kind !== undefined) furniture.push({ text: cleanText(line.text), page, kind });
    }
    for (const line of rest) if (!pageFootnotes.used.has(line)) bodyPlaced.push(line);
  }

  // Footnote text is joined with the same de-hyphenation as the body.
  const compounds = collectCompounds([...bodyPlaced, ...found.flatMap((footnote) => footnote.lines)].map((line) => cleanText(line.text)));
  for (const footnote of found) {
    const texts = footnote.lines.map((line, index) => cleanText(index === 0 ? line.afterLead : line.text)).filter((text) => text !== '');
    const text = joinTexts(texts, compounds);
    if (footnote.page === pageLines[0]?.page && mastheadMarkers.has(footnote.marker)) {
      // The masthead's own footnote ("* A/AC.291/21.") describes the document, not an article.
      furniture.push({ text: `${footnote.marker} ${text}`, page: footnote.page, kind: 'masthead' });
      continue;
    }
    footnotes.push({ marker: footnote.marker, text, page: footnote.page });
  }

  const extracted: ExtractedText = {
    source,
    metadata,
    lines: toBodyLines(bodyPlaced, bodySize, compounds),
    footnotes,
    furniture,
    warnings,
  };
  if (extracted.metadata.symbol === undefined) {
    const header = furniture.find((line) => line.kind === 'running-header' && isSymbol(line.text));
    if (header !== undefined) extracted.metadata.symbol = header.text;
  }
  const jobLine = furniture.find((line) => line.kind === 'job-number');
  const job = jobLine === undefined ? undefined : /\b[A-Z]{1,2}\.\d{2}-\d{4,6}\b/.exec(jobLine.text)?.[0];
  if (job !== undefined) extracted.metadata.jobNumber = job;
  return extracted;
}

/** Lines of one footnote joined: a space between lines, none where a word was split. */
function joinTexts(texts: string[], compounds: ReadonlySet<string>): string {
  let joined = '';
  texts.forEach((text, index) => {
    const { text: own, joinNext } = joinHyphenated(text, texts[index + 1], compounds);
    joined += own + (joinNext || index === texts.length - 1 ? '' : ' ');
  });
  return joined;
}

/** The size with the most characters (sizes rounded to 0.5 pt so that 9.96 and 10 count together). */
function dominantSize(lines: PlacedLine[]): number {
  const weight = new Map<number, number>();
  for (const line of lines) {
    const key = Math.round(line.size * 2) / 2;
    weight.set(key, (weight.get(key) ?? 0) + line.text.length);
  }
  let best = 0;
  let bestWeight = -1;
  for (const [size, chars] of weight) {
    if (chars > bestWeight) {
      best = size;
      bestWeight = chars;
    }
  }
  return best;
}

/** The value below which `share` of the sorted values lie. */
function percentile(sorted: number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.floor(share * (sorted.length - 1))))] ?? 0;
}

/** The text column's left and right edges, from the body-size lines (odd and even pages apart,
 * because mirrored margins move the column). */
function measureColumns(lines: PlacedLine[], bodySize: number): (page: number) => { left: number; right: number } {
  const measure = (subset: PlacedLine[]): { left: number; right: number } | undefined => {
    const body = subset.filter((line) => Math.abs(line.size - bodySize) <= 0.5);
    if (body.length < 5) return undefined;
    return {
      left: percentile(body.map((line) => line.x0).sort((a, b) => a - b), 0.05),
      right: percentile(body.map((line) => line.x1).sort((a, b) => a - b), 0.95),
    };
  };
  const all = measure(lines) ?? { left: 0, right: 0 };
  const odd = measure(lines.filter((line) => line.page % 2 === 1)) ?? all;
  const even = measure(lines.filter((line) => line.page % 2 === 0)) ?? all;
  return (page) => (page % 2 === 1 ? odd : even);
}

/** The usual distance between consecutive body-size baselines: the most common gap. */
function measureSpacing(lines: PlacedLine[], bodySize: number): number {
  const counts = new Map<number, number>();
  for (let i = 1; i < lines.length; i += 1) {
    const above = lines[i - 1]!;
    const line = lines[i]!;
    if (above.page !== line.page || Math.abs(line.size - bodySize) > 0.5 || Math.abs(above.size - bodySize) > 0.5) continue;
    const gap = Math.round((above.y - line.y) * 2) / 2;
    if (gap > 0) counts.set(gap, (counts.get(gap) ?? 0) + 1);
  }
  let best = bodySize * 1.2;
  let bestCount = 0;
  for (const [gap, count] of counts) {
    if (count > bestCount || (count === bestCount && gap < best)) {
      best = gap;
      bestCount = count;
    }
  }
  return best;
}

function toBodyLines(
  placed: PlacedLine[],
  bodySize: number,
  compounds: ReadonlySet<string>,
): BodyLine[] {
  const columnOf = measureColumns(placed, bodySize);
  const spacing = measureSpacing(placed, bodySize);
  const entries = placed
    .map((line) => ({ line, text: cleanText(line.text) }))
    .filter((entry) => entry.text !== '');
  const columnCentred = (line: PlacedLine): boolean => {
    const { left, right } = columnOf(line.page);
    const gapLeft = line.x0 - left;
    const gapRight = right - line.x1;
    return gapLeft > 2 * line.size && gapRight > 2 * line.size && Math.abs(gapLeft - gapRight) <= Math.max(line.size, 0.03 * (right - left));
  };
  const out: BodyLine[] = [];
  entries.forEach(({ line, text }, index) => {
    const above = entries[index - 1]?.line;
    const below = entries[index + 1]?.line;
    const { left } = columnOf(line.page);
    const gapLeft = line.x0 - left;
    // Centred means equal gaps to the text column, not near the page centre: a short last line
    // of a paragraph starts at the column's left and is never centred.
    const centred = columnCentred(line);
    const indent = 0.5 * line.size;
    let breakBefore: boolean;
    if (above === undefined) {
      breakBefore = false;
    } else if (above.page !== line.page) {
      // A page's first line: only its own shape (indent, centring) says a paragraph starts.
      breakBefore = gapLeft > indent;
    } else if (centred && columnCentred(above)) {
      // The second line of a centred heading continues it unless a gap separates them.
      breakBefore = above.y - line.y > PARAGRAPH_GAP * spacing;
    } else {
      const wideGap = above.y - line.y > PARAGRAPH_GAP * spacing;
      const aboveCentred = columnCentred(above);
      // A first-line indent: further right than the line above, and the line below (if it goes on
      // the paragraph) returns to the left. A block indented throughout is not a break per line.
      const indented =
        line.x0 > (aboveCentred ? left : above.x0) + indent &&
        (below === undefined || below.page !== line.page || below.x0 < line.x0 - indent || below.y - line.y > 0);
      // Text after a centred heading starts a new block, and so does a heading after text.
      breakBefore = wideGap || indented || centred || aboveCentred;
    }
    // A word split across lines: a soft hyphen as printed, or a hyphen before a lower-case start.
    const softSplit = /\u00AD\s*$/.test(line.text);
    const nextText = entries[index + 1]?.text;
    const join = softSplit ? { text, joinNext: nextText !== undefined } : joinHyphenated(text, nextText, compounds);
    out.push({
      text: join.text,
      joinNext: join.joinNext,
      page: line.page,
      centred,
      bold: line.bold,
      breakBefore,
      // A raised marker that opens a body line is a reference like any other, and comes first.
      footnoteRefs: [...(line.leadRaised === true && line.lead !== undefined ? [line.lead] : []), ...line.refs],
    });
  });
  return out;
}
