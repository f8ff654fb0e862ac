// The only door to pdf-parse and pdf.js: loads a PDF safely, reads positioned text runs, maps library errors.

import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createInflate, type Inflate } from 'node:zlib';
import { TreatyDiffError } from '../errors.js';
import type { ExtractedText, SourceInfo } from '../types.js';
import { buildExtractedText } from './build-extracted-text.js';
import { hasMarkRules, markedItems, readGlyphsAndRules } from './glyph-runs.js';
import { resolveMarks } from './resolve-marks.js';
import type { PlacedItem, PlacedPage } from './page-model.js';
import { guardAllocations, LARGEST_STREAM_BYTES } from './allocation-guard.js';
import { loadPdfParse } from './load-pdfjs.js';
import { HEADER_WINDOW, hasPdfHeader } from './draft-format.js';
import { DEFAULT_MAX_PAGES, DEFAULT_TIMEOUT_MS, formatMegabytes, readingTimedOut, tooManyPages } from './limits.js';
import { warningMessage } from '../messages.js';

/** Limits that keep a hostile or broken PDF from running forever. */
export interface ExtractPdfOptions {
  /** Whole-extraction time bound in milliseconds (default 60 000). */
  timeoutMs?: number;
  /** Refuse PDFs with more pages than this (default 2000). */
  maxPages?: number;
  /** Refuse PDFs whose compressed streams expand to more than this many bytes in all (default 300 MB):
   * pdf.js decodes a content stream whole, so a small file of zeros could otherwise fill the memory. */
  maxInflatedBytes?: number;
  /** Password for an encrypted PDF (the user password, or the owner password). */
  password?: string;
  /** `read` (default): read the draft's own change marks (struck, bold, underlined); `ignore`: every word plain. */
  marks?: 'read' | 'ignore';
  /** Also build a marked draft's text before its marks. */
  previousText?: boolean;
}

const DEFAULT_MAX_INFLATED_BYTES = 300 * 1024 * 1024;
/** How the limits are named to the user, so a refusal can say which option raises them. */
const OPTION_HINT = { size: '--max-size' } as const;
/** Font names that mean a bold face (`Arial-BoldMT`, `TimesNewRomanPS-BoldItalicMT`, `Calibri,Bold`). */
const BOLD_FONT = /bold|black|heavy|semibold|demibold/i;

// The few pdf.js shapes used here, so the rest of the code never sees the library's types.
interface PdfTextItem {
  str: string;
  transform: number[];
  width: number;
  fontName: string;
}
interface PdfPage {
  view: number[];
  getTextContent(params?: { disableNormalization?: boolean; includeMarkedContent?: boolean }): Promise<{ items: unknown[] }>;
  getOperatorList(): Promise<{ fnArray?: ArrayLike<number>; argsArray?: ArrayLike<unknown> }>;
  commonObjs: { has(id: string): boolean; get(id: string): unknown };
  cleanup(): unknown;
}
interface PdfDocument {
  numPages: number;
  getPage(pageNumber: number): Promise<PdfPage>;
}
interface PdfParser {
  destroy(): Promise<void>;
}

/** True when `%%EOF` occurs in the last 1024 bytes: a complete PDF ends with it (trailing junk aside). */
function hasEndMarker(bytes: Uint8Array): boolean {
  const from = Math.max(0, bytes.byteLength - HEADER_WINDOW);
  return Buffer.from(bytes.buffer, bytes.byteOffset + from, bytes.byteLength - from).toString('latin1').includes('%%EOF');
}

/**
 * Reads a PDF draft's text with positions and hands it to the layout analysis.
 * Throws TreatyDiffError: `not-a-pdf`, `damaged-pdf`, `encrypted-pdf`, `no-text-layer`, `amendment-table`, `timeout`, `too-many-pages`.
 *
 * Example: `await extractPdf(bytes, { path: 'draft.pdf', sha256, format: 'pdf' })` ->
 * `{ source: { ..., pages: 18 }, metadata: { symbol: 'A/AC.291/22', ... }, lines: [...], ... }`.
 */
export async function extractPdf(
  bytes: Uint8Array,
  source: Omit<SourceInfo, 'pages'>,
  options: ExtractPdfOptions = {},
): Promise<ExtractedText> {
  const { path } = source;
  if (!hasPdfHeader(bytes)) {
    throw new TreatyDiffError('not-a-pdf', `${path}: not a PDF (no %PDF- header); give a PDF or a .txt/.md text draft`);
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  ignorePdfJsRejections();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(readingTimedOut(path, timeoutMs)), timeoutMs);
  });
  expired.catch(() => undefined);
  const bounded = <T>(step: Promise<T>): Promise<T> => Promise.race([step, expired]);

  let parser: PdfParser | undefined;
  const maxInflatedBytes = options.maxInflatedBytes ?? DEFAULT_MAX_INFLATED_BYTES;
  // Zlib streams are counted before anything is read; any other filter chain, or an encrypted stream,
  // is held to the same bound as pdf.js decodes it (`guardAllocations`), which pdf.js may swallow, so
  // it is asked after every step.
  const guard = guardAllocations(maxInflatedBytes);
  const guardRefusal = (): TreatyDiffError | undefined => {
    const refused = guard.refused();
    return refused === undefined ? undefined : refused === 'one-stream' ? streamBomb(path) : decompressionBomb(path, maxInflatedBytes);
  };
  const checkGuard = (): void => {
    const refusal = guardRefusal();
    if (refusal !== undefined) throw refusal;
  };
  try {
    await bounded(checkInflatedSize(bytes, maxInflatedBytes, path));
    // Loaded on demand: importing pdf.js costs about a quarter of a second that --help should not pay.
    const { PDFParse } = await bounded(loadPdfParse());
    const password = options.password === undefined ? {} : { password: options.password };
    const created = new PDFParse({ data: bytes.slice(), ...safeLoadOptions(), ...password });
    parser = created;
    const doc = await bounded(openDocument(created, path, options.password !== undefined));
    checkGuard();
    if (doc.numPages > maxPages) throw tooManyPages(path, doc.numPages, maxPages);
    if (doc.numPages === 0) throw damaged(path, 'it has no pages');
    const pages: PlacedPage[] = [];
    const fontIsBold = new Map<string, boolean>();
    const marks: MarkReading = { read: options.marks !== 'ignore', eager: false, statement: false };
    for (let pageNumber = 1; pageNumber <= doc.numPages; pageNumber += 1) {
      pages.push(await bounded(readPage(doc, pageNumber, fontIsBold, path, marks)));
      checkGuard();
    }
    const info = { ...source, pages: doc.numPages };
    const resolved = marks.read ? resolveMarks(pages, marks.statement, options.previousText === true) : undefined;
    const extracted = buildExtractedText(resolved?.current ?? pages, info);
    if (resolved !== undefined) {
      const count = (kind: 'struck' | 'inserted'): number => extracted.lines.reduce((sum, line) => sum + (line.marks?.[kind] ?? 0), 0);
      extracted.marks = { struck: count('struck'), inserted: count('inserted') };
      if (resolved.previous !== undefined) {
        const { marks: _none, ...previous } = buildExtractedText(resolved.previous, info);
        extracted.marks.previous = previous;
      }
    }
    const pageObjects = countPageObjects(bytes);
    if (pageObjects > doc.numPages) {
      // pdf.js reads the pages its page tree counts; more page objects in the file may be pages it never reached.
      const detail = `the file holds ${pageObjects} page objects but its page tree lists ${doc.numPages}`;
      extracted.warnings.push({ code: 'unread-pages', message: warningMessage('unread-pages', { detail }) });
    }
    return extracted;
  } catch (error) {
    const refusal =
      guardRefusal() ??
      (error instanceof TreatyDiffError ? error
      : damaged(path, describe(error)));
    // A damaged file without its end marker was most likely cut short: say so, the remedy differs.
    if (refusal.code === 'damaged-pdf' && !hasEndMarker(bytes)) {
      throw new TreatyDiffError(
        'truncated-pdf',
        `${path}: the PDF is truncated (it stops before its end marker, %%EOF) and cannot be read; the download or copy was probably interrupted, so fetch the file again`,
      );
    }
    throw refusal;
  } finally {
    clearTimeout(timer);
    // Destroying stops pdf.js's remaining work, also after a timeout.
    await parser?.destroy().catch(() => undefined);
    guard.release();
  }
}

/** pdf.js options for untrusted files: no eval, no font loading, silent, and nothing fetched from the
 * network. CMaps and standard fonts come from pdfjs-dist's own folders on disk (read with fs), so
 * CJK and non-embedded fonts still give text. */
function safeLoadOptions(): Record<string, unknown> {
  const pdfjsRoot = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return {
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
    useWorkerFetch: false,
    disableAutoFetch: true,
    disableStream: true,
    enableXfa: false,
    stopAtErrors: false,
    cMapUrl: `${join(pdfjsRoot, 'cmaps')}/`,
    cMapPacked: true,
    standardFontDataUrl: `${join(pdfjsRoot, 'standard_fonts')}/`,
  };
}

/** pdf-parse wraps the pdf.js document it loads; its loader is the one way to reach positions
 * (getText drops them). pdf-parse is pinned at 2.4.5, where `load()` exists. */
async function openDocument(parser: object, path: string, passwordGiven: boolean): Promise<PdfDocument> {
  const load = (parser as { load?: () => Promise<PdfDocument> }).load;
  if (typeof load !== 'function') {
    throw new TreatyDiffError('internal', `${path}: the installed pdf-parse has no document loader; reinstall treaty-diff`);
  }
  try {
    return await load.call(parser);
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'PasswordException') {
      // pdf.js says NEED_PASSWORD (1) or INCORRECT_PASSWORD (2) in the wrapped error's code.
      const cause = (error as { cause?: { code?: unknown } }).cause;
      if (passwordGiven || cause?.code === 2) {
        throw new TreatyDiffError('wrong-password', `${path}: the password given does not open this PDF; check it (--password or TREATY_DIFF_PASSWORD)`);
      }
      throw new TreatyDiffError(
        'encrypted-pdf',
        `${path}: the PDF is password-protected; give the password with --password <password> (or TREATY_DIFF_PASSWORD), or save an unprotected copy (e.g. 'qpdf --password=... --decrypt ${path} open.pdf')`,
      );
    }
    throw damaged(path, describe(error));
  }
}

/**
 * How far marks are read (issue 12). Glyph positions cost a second pass over a page's drawing (its operator
 * list), so that pass is made only where marks may be: on every page once the draft has shown a mark or said
 * how it marks changes (`eager`: the drawing is then read first, and the text content only when the page
 * turns out to carry no marks), and before that on pages where bold runs share a line with plain text.
 */
interface MarkReading {
  read: boolean;
  /** A page showed strike or underline rules, or the draft stated its convention: read every page's drawing first. */
  eager: boolean;
  /** The draft says it marks additions in bold ("additions are marked with bold, deletions with strikethrough"). */
  statement: boolean;
}

/** A draft's own note on its marks: bold (or underlining) for additions, strike-through for deletions. */
const MARKS_STATEMENT = /\b(?:bold|underlin\w*)\b[^.]{0,120}\b(?:strike-?\s?through|struck|crossed out)|\b(?:strike-?\s?through|struck|crossed out)\b[^.]{0,120}\b(?:bold|underlin\w*)\b/i;

async function readPage(doc: PdfDocument, pageNumber: number, fontIsBold: Map<string, boolean>, path: string, marks: MarkReading): Promise<PlacedPage> {
  let page: PdfPage;
  try {
    page = await doc.getPage(pageNumber);
  } catch (error) {
    throw damaged(path, `page ${pageNumber}: ${describe(error)}`);
  }
  const [x0 = 0, y0 = 0, x1 = 612, y1 = 792] = page.view;
  const box: [number, number, number, number] = [x0, y0, x1, y1];
  if (marks.read && marks.eager) {
    // The drawing is read anyway: its glyphs are the page's text, marked or not, and pdf.js need not
    // read the page a second time for its text content.
    const drawn = await readMarkedRuns(page, true, true);
    if (drawn !== undefined) {
      page.cleanup();
      return { page: pageNumber, box, items: drawn };
    }
  }
  let content: { items: unknown[] };
  try {
    // Unicode normalisation is ours (clean.ts, NFKC over whole lines): pdf.js need not do it per glyph.
    content = await page.getTextContent({ disableNormalization: true });
  } catch (error) {
    throw damaged(path, `page ${pageNumber}: ${describe(error)}`);
  }
  const runs = content.items.filter(isTextItem);
  await learnFonts(page, runs, fontIsBold);
  let items: PlacedItem[] = [];
  for (const run of runs) {
    const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = run.transform;
    // Rotated runs (margin stamps, vertical labels) are not part of the reading text.
    if (Math.abs(b) > 0.1 * Math.abs(a) || a <= 0) continue;
    items.push({ text: run.str, x, y, width: run.width, size: Math.hypot(c, d), bold: fontIsBold.get(run.fontName) ?? false });
  }
  if (marks.read && !marks.eager) {
    if (!marks.statement && MARKS_STATEMENT.test(items.map((item) => item.text).join(' '))) {
      marks.statement = true;
      marks.eager = true;
    }
    if (mixesBold(items)) {
      const drawn = await readMarkedRuns(page, marks.statement, false);
      if (drawn !== undefined) {
        items = drawn;
        marks.eager = true;
      }
    }
  }
  const images = items.reduce((sum, item) => sum + item.text.trim().length, 0) < FEW_CHARACTERS ? await countImages(page) : undefined;
  page.cleanup();
  return { page: pageNumber, box, items, ...(images === undefined ? {} : { images }) };
}

/**
 * The page's runs read glyph by glyph from its drawing, with their strike and underline marks, when some
 * thin rule on the page sits at a mark's height over a glyph, or `always`; undefined when the page has no
 * such rule (its text content is then read as usual), no glyphs, or its drawing cannot be built.
 */
async function readMarkedRuns(page: PdfPage, underlines: boolean, always: boolean): Promise<PlacedItem[] | undefined> {
  let list: { fnArray?: ArrayLike<number>; argsArray?: ArrayLike<unknown> };
  try {
    list = await page.getOperatorList();
  } catch {
    return undefined;
  }
  if (list.fnArray === undefined || list.argsArray === undefined) return undefined;
  const fontNameOf = (id: string): string => {
    try {
      return page.commonObjs.has(id) ? String((page.commonObjs.get(id) as { name?: unknown }).name ?? '') : '';
    } catch {
      return '';
    }
  };
  const { glyphs, rules } = readGlyphsAndRules({ fnArray: list.fnArray, argsArray: list.argsArray }, (id) => ({ name: fontNameOf(id) }));
  if (glyphs.length === 0 || (!always && !hasMarkRules(glyphs, rules, underlines))) return undefined;
  return markedItems(glyphs, rules, (font) => BOLD_FONT.test(font));
}

/** True when a bold run shares its baseline with plain text: inline bold, the way insertions are marked. */
function mixesBold(items: PlacedItem[]): boolean {
  const bold = items.filter((item) => item.bold && item.text.trim() !== '');
  if (bold.length === 0) return false;
  return bold.some((run) => items.some((other) => !other.bold && other.text.trim() !== '' && Math.abs(other.y - run.y) < 0.2 * run.size && Math.abs(other.size - run.size) < 0.2 * run.size));
}

/** A page with fewer characters than this is checked for images (a scan) or nothing (blank or damaged). */
const FEW_CHARACTERS = 20;
/** pdf.js operator codes (`OPS.paint*Image*`) that paint an image or an image mask. */
const IMAGE_OPERATORS = new Set([82, 83, 84, 85, 86, 87, 88, 89, 90]);

/** Images a page paints, from its operator list; 0 when the list cannot be built. */
async function countImages(page: PdfPage): Promise<number> {
  try {
    const { fnArray = [] } = await page.getOperatorList();
    let count = 0;
    for (let i = 0; i < fnArray.length; i++) if (IMAGE_OPERATORS.has(fnArray[i]!)) count += 1;
    return count;
  } catch {
    return 0;
  }
}

/** Font names are known only after a page's operator list is built; fonts are shared across pages,
 * so this runs only on pages that bring a font not seen before (a few pages per document). */
async function learnFonts(page: PdfPage, runs: PdfTextItem[], fontIsBold: Map<string, boolean>): Promise<void> {
  const unknown = [...new Set(runs.map((run) => run.fontName))].filter((name) => !fontIsBold.has(name));
  if (unknown.length === 0) return;
  try {
    await page.getOperatorList();
  } catch {
    // Bold is a hint; a page whose drawing fails still has its text.
  }
  for (const name of unknown) {
    let fontName = '';
    try {
      if (page.commonObjs.has(name)) fontName = String((page.commonObjs.get(name) as { name?: unknown }).name ?? '');
    } catch {
      fontName = '';
    }
    fontIsBold.set(name, BOLD_FONT.test(fontName));
  }
}

function isTextItem(item: unknown): item is PdfTextItem {
  return typeof item === 'object' && item !== null && typeof (item as PdfTextItem).str === 'string' && Array.isArray((item as PdfTextItem).transform);
}

/**
 * Counts what the file's zlib streams expand to, without keeping the output, and refuses the file past
 * `limit`. Each `stream` keyword's data is fed to an inflater until it ends or fails; data that is not
 * zlib (images in other codecs, encrypted streams) fails at once and counts nothing. A stream nested in
 * a second Flate layer counts its first layer only.
 *
 * Example: a 300 KB file whose one content stream inflates to 1 GB of zeros -> `decompression-bomb`.
 */
async function checkInflatedSize(bytes: Uint8Array, limit: number, path: string): Promise<void> {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let total = 0;
  for (let at = data.indexOf('stream', 0, 'latin1'); at !== -1; at = data.indexOf('stream', at + 6, 'latin1')) {
    // `endstream` contains `stream`: skip it.
    if (at >= 3 && data.toString('latin1', at - 3, at) === 'end') continue;
    let start = at + 6;
    // Readers accept spaces or tabs before the end of line (the spec does not): so must the check.
    while (data[start] === 0x20 || data[start] === 0x09) start += 1;
    if (data[start] === 0x0d) start += 1;
    if (data[start] === 0x0a) start += 1;
    if (!looksLikeZlib(data, start)) continue;
    const end = data.indexOf('endstream', start, 'latin1');
    total += await countInflated(data.subarray(start, end === -1 ? data.length : end), limit - total);
    if (total > limit) throw decompressionBomb(path, limit);
  }
}

/** The refusal of a draft whose streams expand past `limit` bytes. */
function decompressionBomb(path: string, limit: number): TreatyDiffError {
  return new TreatyDiffError(
    'decompression-bomb',
    `${path}: the PDF's compressed streams expand to more than ${formatMegabytes(limit)}, which looks like a decompression bomb; refusing to read it (streams may expand to 3 times --max-size; if the draft is genuine, raise the bound with ${OPTION_HINT.size} <MB>)`,
  );
}

/** The refusal of a draft one of whose streams decodes past what any text PDF holds in one stream. */
function streamBomb(path: string): TreatyDiffError {
  return new TreatyDiffError(
    'decompression-bomb',
    `${path}: one of the PDF's streams expands past ${formatMegabytes(LARGEST_STREAM_BYTES)}, which looks like a decompression bomb; refusing to read it (the text of a treaty draft never needs a stream near this size)`,
  );
}

/** A zlib header: compression method 8 and a header checksum that divides by 31. */
function looksLikeZlib(data: Buffer, at: number): boolean {
  const cmf = data[at];
  const flg = data[at + 1];
  return cmf !== undefined && flg !== undefined && (cmf & 0x0f) === 8 && ((cmf << 8) | flg) % 31 === 0;
}

/**
 * Bytes `compressed` inflates to; counting stops just past `budget`, and corrupt data counts what came
 * out before the error. Output that is itself zlib data (`/Filter [/FlateDecode /FlateDecode]`, the
 * classic way to hide a bomb) is inflated again, up to four layers, and every layer's output counts.
 * Nothing is kept: chunks are counted and dropped.
 */
function countInflated(compressed: Buffer, budget: number): Promise<number> {
  return new Promise((resolve) => {
    const layers: Inflate[] = [];
    let count = 0;
    let settled = false;
    const finish = (): void => {
      if (settled) return;
      settled = true;
      for (const layer of layers) {
        layer.removeAllListeners('data');
        layer.destroy();
      }
      resolve(count);
    };
    const addLayer = (): Inflate => {
      const layer = createInflate();
      layers.push(layer);
      let first = true;
      let inner: Inflate | undefined;
      layer.on('data', (chunk: Buffer) => {
        count += chunk.length;
        if (count > budget) return finish();
        if (first) {
          first = false;
          if (layers.length < 4 && looksLikeZlib(chunk, 0)) inner = addLayer();
        }
        inner?.write(chunk);
      });
      const done = (): void => {
        if (inner === undefined) finish();
        else inner.end();
      };
      layer.on('end', done);
      layer.on('error', done);
      return layer;
    };
    addLayer().end(compressed);
  });
}

let pdfJsRejectionsIgnored = false;

/**
 * pdf.js leaves promises of its own rejected without a handler when a damaged document fails part way
 * (e.g. `XRefEntryException` from a page still being prepared); Node would then end the process with a
 * stack trace and exit 1 after the clear message was already printed. The failure itself already
 * reached the caller through the awaited call, so these echoes are dropped. Any other unhandled
 * rejection is rethrown unchanged, as if no handler were installed. Installed once per thread.
 */
function ignorePdfJsRejections(): void {
  if (pdfJsRejectionsIgnored) return;
  pdfJsRejectionsIgnored = true;
  process.on('unhandledRejection', (reason) => {
    if (isPdfJsError(reason)) return;
    throw reason;
  });
}

const PDFJS_ERROR_NAMES = new Set([
  'XRefEntryException',
  'XRefParseException',
  'FormatError',
  'InvalidPDFException',
  'PasswordException',
  'UnknownErrorException',
  'MissingPDFException',
  'UnexpectedResponseException',
  'ResponseException',
  'AbortException',
  'MissingDataException',
  'ParserEOFException',
]);

function isPdfJsError(reason: unknown): boolean {
  if (!(reason instanceof Error) && (typeof reason !== 'object' || reason === null)) return false;
  const { name, stack } = reason as { name?: unknown; stack?: unknown };
  return (typeof name === 'string' && PDFJS_ERROR_NAMES.has(name)) || (typeof stack === 'string' && /[\\/](pdfjs-dist|pdf-parse)[\\/]/.test(stack));
}


function damaged(path: string, detail: string): TreatyDiffError {
  return new TreatyDiffError(
    'damaged-pdf',
    `${path}: the PDF is damaged and cannot be read (${detail}); open it in a PDF reader and save a copy, or get a fresh copy from where it was published`,
  );
}

/** pdf.js messages that name a known kind of damage, in words a reader of the draft understands. */
const PDFJS_MESSAGES: [pattern: RegExp, words: string][] = [
  [/circular reference/i, 'its page tree loops back on itself'],
  [/^Invalid PDF structure/i, 'no cross-reference table or readable objects were found'],
  [/kid reference points to wrong type|Page dictionary.*(missing|wrong type)/i, 'its page tree points to something that is not a page'],
  [/^Bad (FCHECK|FDICT)|Invalid (block|codelen|huffman)|Unknown compression method/i, 'a compressed stream is corrupt'],
];

/** A library error as a short clause: its first line, without a stack; known pdf.js messages in plain words. */
function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const first = (text.split(/\r?\n/)[0] ?? '').trim();
  const known = PDFJS_MESSAGES.find(([pattern]) => pattern.test(first));
  if (known !== undefined) return known[1];
  return first.replace(/[\u0000-\u001f\u007f]/g, ' ').slice(0, 120) || 'unknown error';
}

/**
 * Page dictionaries written out in the file (`/Type /Page`, not `/Pages`), counted in its raw bytes.
 * Pages inside compressed object streams are not seen, so this can only undercount: it is used to
 * notice a page tree that lists fewer pages than the file holds (a `/Count` that lies low, or pages
 * dropped by an incremental update), never to refuse a file.
 *
 * Example: a two-page Word export -> 2.
 */
function countPageObjects(bytes: Uint8Array): number {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return text.match(/\/Type\s*\/Page(?![A-Za-z0-9])/g)?.length ?? 0;
}
