// The only door to pdf-parse and pdf.js: loads a PDF safely, reads positioned text runs, maps library errors.

import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { TreatyDiffError } from '../errors.js';
import type { ExtractedText, SourceInfo } from '../types.js';
import { buildExtractedText } from './build-extracted-text.js';
import type { PlacedItem, PlacedPage } from './page-model.js';

/** Limits that keep a hostile or broken PDF from running forever. */
export interface ExtractPdfOptions {
  /** Whole-extraction time bound in milliseconds (default 60 000). */
  timeoutMs?: number;
  /** Refuse PDFs with more pages than this (default 2000). */
  maxPages?: number;
}

const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_MAX_PAGES = 2000;
/** Where a PDF header may start: readers accept junk before `%PDF-` within the first 1024 bytes. */
const HEADER_WINDOW = 1024;
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
  getTextContent(): Promise<{ items: unknown[] }>;
  getOperatorList(): Promise<unknown>;
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

/** True when `%PDF-` occurs in the first 1024 bytes. */
export function hasPdfHeader(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, HEADER_WINDOW)).toString('latin1');
  return head.includes('%PDF-');
}

/**
 * Reads a PDF draft's text with positions and hands it to the layout analysis.
 * Throws TreatyDiffError: `not-a-pdf`, `damaged-pdf`, `encrypted-pdf`, `no-text-layer`, `timeout`, `too-many-pages`.
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
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new TreatyDiffError('timeout', `${path}: reading the PDF took longer than ${Math.round(timeoutMs / 1000)} s; the file may be damaged or unusually complex`)),
      timeoutMs,
    );
  });
  expired.catch(() => undefined);
  const bounded = <T>(step: Promise<T>): Promise<T> => Promise.race([step, expired]);

  let parser: PdfParser | undefined;
  try {
    // Loaded on demand: importing pdf.js costs about a quarter of a second that --help should not pay.
    const { PDFParse } = await bounded(import('pdf-parse'));
    const created = new PDFParse({ data: bytes.slice(), ...safeLoadOptions() });
    parser = created;
    const doc = await bounded(openDocument(created, path));
    if (doc.numPages > maxPages) {
      throw new TreatyDiffError('too-many-pages', `${path}: ${doc.numPages} pages, more than the limit of ${maxPages}; split the draft or raise the limit`);
    }
    if (doc.numPages === 0) throw damaged(path, 'it has no pages');
    const pages: PlacedPage[] = [];
    const fontIsBold = new Map<string, boolean>();
    for (let pageNumber = 1; pageNumber <= doc.numPages; pageNumber += 1) {
      pages.push(await bounded(readPage(doc, pageNumber, fontIsBold, path)));
    }
    return buildExtractedText(pages, { ...source, pages: doc.numPages });
  } catch (error) {
    if (error instanceof TreatyDiffError) throw error;
    throw damaged(path, describe(error));
  } finally {
    clearTimeout(timer);
    // Destroying stops pdf.js's remaining work, also after a timeout.
    await parser?.destroy().catch(() => undefined);
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
async function openDocument(parser: object, path: string): Promise<PdfDocument> {
  const load = (parser as { load?: () => Promise<PdfDocument> }).load;
  if (typeof load !== 'function') {
    throw new TreatyDiffError('internal', `${path}: the installed pdf-parse has no document loader; reinstall treaty-diff`);
  }
  try {
    return await load.call(parser);
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'PasswordException') {
      throw new TreatyDiffError('encrypted-pdf', `${path}: the PDF is password-protected; open it with the password and save an unprotected copy (e.g. 'qpdf --password=... --decrypt ${path} open.pdf')`);
    }
    throw damaged(path, describe(error));
  }
}

async function readPage(doc: PdfDocument, pageNumber: number, fontIsBold: Map<string, boolean>, path: string): Promise<PlacedPage> {
  let page: PdfPage;
  let content: { items: unknown[] };
  try {
    page = await doc.getPage(pageNumber);
    content = await page.getTextContent();
  } catch (error) {
    throw damaged(path, `page ${pageNumber}: ${describe(error)}`);
  }
  const runs = content.items.filter(isTextItem);
  await learnFonts(page, runs, fontIsBold);
  const items: PlacedItem[] = [];
  for (const run of runs) {
    const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = run.transform;
    // Rotated runs (margin stamps, vertical labels) are not part of the reading text.
    if (Math.abs(b) > 0.1 * Math.abs(a) || a <= 0) continue;
    items.push({ text: run.str, x, y, width: run.width, size: Math.hypot(c, d), bold: fontIsBold.get(run.fontName) ?? false });
  }
  const [x0 = 0, y0 = 0, x1 = 612, y1 = 792] = page.view;
  page.cleanup();
  return { page: pageNumber, box: [x0, y0, x1, y1], items };
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

function damaged(path: string, detail: string): TreatyDiffError {
  return new TreatyDiffError('damaged-pdf', `${path}: the PDF is damaged and cannot be read (${detail}); try re-saving or re-exporting it`);
}

/** A library error as a short clause: its first line, without a stack. */
function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (text.split('\n')[0] ?? '').slice(0, 120) || 'unknown error';
}
