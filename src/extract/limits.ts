// The reading bounds' shared pieces: the time bound's default and refusal, and how sizes are worded in refusals.

import { TreatyDiffError } from '../errors.js';

/** Default bound on reading one draft (`--timeout`, TREATY_DIFF_TIMEOUT). */
export const DEFAULT_TIMEOUT_MS = 60_000;

/**
 * The refusal for a draft that took longer than `timeoutMs` to read, the same whether the reader's own
 * timer saw it or the thread it ran in had to be stopped; worded for a PDF or a text draft.
 *
 * Example: `readingTimedOut('a.pdf', 60000).message` ->
 * `a.pdf: reading the PDF took longer than the limit of 60 s; ... (raise the limit with --timeout <seconds>)`.
 */
export function readingTimedOut(path: string, timeoutMs: number, format: 'pdf' | 'text' = 'pdf'): TreatyDiffError {
  const limit = timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`;
  return new TreatyDiffError(
    'timeout',
    format === 'text'
      ? `${path}: reading the text draft took longer than the limit of ${limit}; check that the file is the draft meant (raise the limit with --timeout <seconds>)`
      : `${path}: reading the PDF took longer than the limit of ${limit}; the file may be damaged or unusually complex (raise the limit with --timeout <seconds>)`,
  );
}

/** Default bound on a draft's pages (`--max-pages`, TREATY_DIFF_MAX_PAGES). */
export const DEFAULT_MAX_PAGES = 2000;

/**
 * The refusal for a draft of more pages than `maxPages`, the same whether it is read afresh or found
 * in the cache (a cached draft is held to the limits of this run).
 *
 * Example: `tooManyPages('a.pdf', 2400, 2000).message` -> `a.pdf: 2400 pages, more than the limit of 2000; ...`.
 */
export function tooManyPages(path: string, pages: number, maxPages: number): TreatyDiffError {
  return new TreatyDiffError('too-many-pages', `${path}: ${pages} pages, more than the limit of ${maxPages}; split the draft or raise the limit with --max-pages <n>`);
}

/**
 * A size as refusals print it: megabytes with at most one decimal, under 1 MB in kB, so that a
 * small bound never reads "0 MB".
 *
 * Example: `314572800` -> `300 MB`; `1572864` -> `1.5 MB`; `10486` -> `11 kB`.
 */
export function formatMegabytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} kB` : `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;
}

/** Default bound on a draft file's size (`--max-size`, TREATY_DIFF_MAX_SIZE). */
export const DEFAULT_MAX_BYTES = 100 * 1024 * 1024;
