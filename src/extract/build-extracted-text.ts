// Turns positioned pages into ExtractedText: furniture, masthead, footnotes apart; body lines with layout hints.

import { TreatyDiffError } from '../errors.js';
import { warningMessage } from '../messages.js';
import type { BodyLine, ExtractedText, Footnote, FurnitureLine, SourceInfo, Warning } from '../types.js';
import { cleanText, collectCompounds, joinHyphenated } from './clean.js';
import { findTwoColumnLayout } from './columns.js';
import { findRunningNumber, readCoverNote } from './cover-note.js';
import { findFootnotes, measureFootnoteIndents, type FoundFootnote, type PageFootnotes } from './footnotes.js';
import { findFurniture } from './furniture.js';
import { groupLines, promoteMarkers } from './group-lines.js';
import { isSymbol, readMasthead } from './masthead.js';
import type { PlacedLine, PlacedPage } from './page-model.js';

/** Below this many characters per page on average, the PDF has no usable text layer (a scan). */
const MIN_CHARS_PER_PAGE = 20;
/** Gaps to the column that differ by less than this (x the line size) count as equal. */
const CENTRE_TOLERANCE = 0.3;
/** A baseline gap this many times the usual line spacing opens a new paragraph. */
const PARAGRAPH_GAP = 1.3;

/**
 * Builds the ExtractedText of a PDF from its pages' positioned text runs.
 * Throws `no-text-layer` when the pages carry (almost) no text, and `amendment-table` when most pages
 * set their text in two columns side by side (read line by line, their cells would be merged).
 *
 * Example: a page with `A/AC.291/22` on top, `Article 1` centred, two body lines and `2/18` at the
 * bottom gives two furniture lines and three body lines, `Article 1` with `centred: true`.
 */
export function buildExtractedText(pages: PlacedPage[], source: SourceInfo): ExtractedText {
  const pageLines = pages.map((page) => ({ page: page.page, box: page.box, lines: groupLines(page.items, page.page) }));
  const charsPerPage = pageLines.map(({ lines }) => lines.reduce((sum, line) => sum + line.text.replace(/\s/g, '').length, 0));
  const totalChars = charsPerPage.reduce((sum, chars) => sum + chars, 0);
  if (totalChars < MIN_CHARS_PER_PAGE * Math.max(1, pages.length)) {
    const counted = `${totalChars} characters on ${pages.length} page${pages.length === 1 ? '' : 's'}`;
    // Pages that paint images are a scan; pages that paint neither text nor images are blank or damaged, and OCR would not help.
    const images = pages.reduce((sum, page) => sum + (page.images ?? 0), 0);
    const scanned = images > 0 || pages.every((page) => page.images === undefined);
    throw new TreatyDiffError(
      'no-text-layer',
      scanned
        ? `${source.path}: no text layer (${counted}); it looks scanned, so run OCR first, e.g. 'ocrmypdf ${source.path} ocr.pdf'`
        : `${source.path}: no text layer and no images (${counted}): its pages draw nothing readable, so it is blank or damaged; open it in a PDF reader to check, or get a fresh copy`,
    );
  }
  const columns = findTwoColumnLayout(pages);
  if (columns !== undefined) {
    throw new TreatyDiffError(
      'amendment-table',
      `${source.path}: not a consolidated draft but a list of amendments or a comparison table (text in two columns side by side on ${columns.pages} of ${columns.of} pages); reading it into a consolidated text is not supported, so compare the consolidated drafts it amends`,
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

  const footnoteLefts = measureFootnoteIndents(allLines.filter((line) => !furnitureKinds.has(line)), bodySize);
  const runningTexts = pageLines.flatMap(({ lines }) =>
    lines.filter((line) => ['running-header', 'running-footer'].includes(furnitureKinds.get(line) ?? '')).map((line) => cleanText(line.text)),
  );
  const runningNumber = findRunningNumber(runningTexts);
  let lastFootnote: FoundFootnote | undefined;
  const found: FoundFootnote[] = [];
  for (const { page, box, lines } of pageLines) {
    const content = lines.filter((line) => !furnitureKinds.has(line));
    if (page === pageLines[0]?.page) {
      // A UN masthead, else an EU cover note; both are metadata, not body.
      let masthead = readMasthead(content, box);
      if (masthead.lines.size === 0) masthead = readCoverNote(content, runningNumber);
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
    const pageFootnotes = findFootnotes(rest, bodySize, box, refs, lastFootnote?.marker, lastFootnote !== undefined, footnoteLefts);
    if (lastFootnote !== undefined) lastFootnote.lines.push(...pageFootnotes.continued);
    promoteTableMarkers(rest, pageFootnotes);
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
    lines: toBodyLines(bodyPlaced, allLines, bodySize, compounds),
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

/**
 * A footnote found on a page but cited by no body line there is often cited from a table, whose cells
 * sit on different baselines so that its small marker was not seen as raised and was read as text.
 * Where a body line of the page holds that marker as a small run, it becomes the reference.
 *
 * Example: footnote 66 under a budget table whose header cell reads `Diff./Non-diff.` with an 8 pt
 * `66` after it: the header row loses `66` from its text and cites footnote 66.
 */
function promoteTableMarkers(rest: PlacedLine[], pageFootnotes: PageFootnotes): void {
  const body = rest.filter((line) => !pageFootnotes.used.has(line));
  const cited = new Set(body.flatMap((line) => [...line.refs, ...(line.leadRaised === true && line.lead !== undefined ? [line.lead] : [])]));
  const uncited = new Set(pageFootnotes.footnotes.map((footnote) => footnote.marker).filter((marker) => !cited.has(marker)));
  if (uncited.size > 0) promoteMarkers(body, uncited);
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

/** Where text stands on a page: the body column, and the left edge of the whole text area. */
interface Column {
  left: number;
  right: number;
  /** Left edge of the text area, which is further left than `left` when body text is indented
   * throughout (UN style: headings centred between the margins, paragraphs indented 1.25 cm). */
  areaLeft: number;
}

/** The text column's edges from the body-size lines, and the text area's left edge from all lines
 * (odd and even pages apart, because mirrored margins move the column). */
function measureColumns(lines: PlacedLine[], allLines: PlacedLine[], bodySize: number): (page: number) => Column {
  const measure = (subset: PlacedLine[], everything: PlacedLine[]): Column | undefined => {
    const body = subset.filter((line) => Math.abs(line.size - bodySize) <= 0.5);
    if (body.length < 5) return undefined;
    // Percentiles shrug off a stray line in a long document; with few lines the extremes are the edges.
    const share = body.length >= 40 ? 0.05 : 0;
    const left = percentile(body.map((line) => line.x0).sort((a, b) => a - b), share);
    const areaLeft = percentile(everything.map((line) => line.x0).sort((a, b) => a - b), 0.02);
    return {
      left,
      right: percentile(body.map((line) => line.x1).sort((a, b) => a - b), 1 - share),
      areaLeft: Math.min(left, areaLeft),
    };
  };
  const all = measure(lines, allLines) ?? { left: 0, right: 0, areaLeft: 0 };
  // The text area's left edge shows only on pages where something stands at the margin (a
  // left-hand running header), so it is taken from the whole document.
  const withArea = (column: Column | undefined): Column | undefined =>
    column === undefined ? undefined : { ...column, areaLeft: Math.min(column.left, all.areaLeft) };
  const parity = (rest: number) => (line: PlacedLine) => line.page % 2 === rest;
  const odd = withArea(measure(lines.filter(parity(1)), allLines.filter(parity(1)))) ?? all;
  const even = withArea(measure(lines.filter(parity(0)), allLines.filter(parity(0)))) ?? all;
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
  allLines: PlacedLine[],
  bodySize: number,
  compounds: ReadonlySet<string>,
): BodyLine[] {
  const columnOf = measureColumns(placed, allLines, bodySize);
  const spacing = measureSpacing(placed, bodySize);
  const entries = placed
    .map((line) => ({ line, text: cleanText(line.text) }))
    .filter((entry) => entry.text !== '');
  const columnCentred = (line: PlacedLine): boolean => {
    const { left, right, areaLeft } = columnOf(line.page);
    const gapRight = right - line.x1;
    // Well clear of both edges: a short last line of a paragraph starts at the column's left.
    if (line.x0 - left <= 2 * line.size || gapRight <= 2 * line.size) return false;
    // Word processors centre exactly; a loose tolerance lets indented short lines pass by chance.
    const tolerance = CENTRE_TOLERANCE * line.size;
    return [left, areaLeft].some((edge) => Math.abs(line.x0 - edge - gapRight) <= tolerance);
  };
  /** A line that continues a full-width line above at normal spacing is running text, not a heading. */
  const continuesFullLine = (line: PlacedLine, above: PlacedLine | undefined): boolean =>
    above !== undefined &&
    above.page === line.page &&
    above.x1 >= columnOf(line.page).right - above.size &&
    above.y - line.y <= PARAGRAPH_GAP * spacing;
  const out: BodyLine[] = [];
  entries.forEach(({ line, text }, index) => {
    const above = entries[index - 1]?.line;
    const { left, right } = columnOf(line.page);
    const gapLeft = line.x0 - left;
    // Centred means equal gaps to the text column, not near the page centre: a short last line
    // of a paragraph starts at the column's left and is never centred.
    const centred = columnCentred(line) && !continuesFullLine(line, above);
    const indent = 0.5 * line.size;
    let breakBefore: boolean;
    if (above === undefined) {
      breakBefore = false;
    } else if (above.page !== line.page) {
      // A page's first line continues the previous page's last line when that line ran to the
      // right edge and this one does not stand out from it (further left: a new item; centred: a
      // heading). Otherwise only its own shape (indent, centring) says a paragraph starts.
      const aboveRanFull = above.x1 >= columnOf(above.page).right - 2 * above.size && !columnCentred(above);
      // A last line that stopped short ended its paragraph (or was a heading).
      const aboveShort = above.x1 < columnOf(above.page).right - 2 * above.size;
      breakBefore = aboveRanFull ? centred || line.x0 < above.x0 - indent : aboveShort || gapLeft > indent;
    } else if (centred && columnCentred(above) && !continuesFullLine(above, entries[index - 2]?.line)) {
      // The second line of a centred heading continues it unless a gap separates them.
      breakBefore = above.y - line.y > PARAGRAPH_GAP * spacing;
    } else {
      // Larger type (a title over several lines) is set with proportionally wider spacing.
      const wideGap = above.y - line.y > PARAGRAPH_GAP * spacing * Math.max(1, line.size / bodySize, above.size / bodySize);
      const aboveCentred = columnCentred(above) && !continuesFullLine(above, entries[index - 2]?.line);
      // A first-line indent: further right than the line above, which ended short of the right
      // edge (a paragraph's last line). A hanging indent's continuation follows a full line.
      const indented = line.x0 > (aboveCentred ? left : above.x0) + indent && (aboveCentred || above.x1 < right - 2 * above.size);
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
      ...(line.marked !== undefined && line.marked.struck + line.marked.inserted > 0 ? { marks: line.marked } : {}),
    });
  });
  return out;
}
