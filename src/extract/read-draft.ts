// Reads one draft from disk: checks the file, hashes it, and sends it to the PDF or text extractor.

import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { TreatyDiffError } from '../errors.js';
import type { ExtractedText } from '../types.js';
import { extractPdf, hasPdfHeader, type ExtractPdfOptions } from './pdf.js';
import { extractText } from './text.js';
import { formatMegabytes } from './limits.js';

/** Limits for reading a draft. */
export interface ReadDraftOptions extends ExtractPdfOptions {
  /** Refuse files larger than this many bytes (default 100 MB). Compressed streams may expand to three
   * times this in all (`maxInflatedBytes`, unless given). */
  maxBytes?: number;
  /** Heap bound, in MB, of the worker thread a draft is read in (default 768; read-in-worker.ts). */
  maxMemoryMb?: number;
}

const DEFAULT_MAX_BYTES = 100 * 1024 * 1024;
/** How far the streams of a PDF may expand, as a multiple of the file-size bound. */
const INFLATE_FACTOR = 3;

/**
 * The environment variables that set the reading limits, so that they reach every thread that reads
 * a draft and so that a CI job can set them (and a password) without putting them on the command line.
 * The CLI's `--max-size`, `--max-pages`, `--timeout`, `--max-memory` and `--password` set the same variables.
 */
export const READ_LIMIT_VARIABLES = {
  /** Megabytes. */
  maxSize: 'TREATY_DIFF_MAX_SIZE',
  maxPages: 'TREATY_DIFF_MAX_PAGES',
  /** Seconds. */
  timeout: 'TREATY_DIFF_TIMEOUT',
  /** Megabytes of heap for the thread that reads a draft. */
  maxMemory: 'TREATY_DIFF_MAX_MEMORY',
  password: 'TREATY_DIFF_PASSWORD',
} as const;

/**
 * Reading limits from the environment; unset or invalid variables are left out (the defaults apply).
 *
 * Example: `{ TREATY_DIFF_MAX_PAGES: '50', TREATY_DIFF_TIMEOUT: '2.5' }` -> `{ maxPages: 50, timeoutMs: 2500 }`.
 */
export function readLimitsFromEnv(env: NodeJS.ProcessEnv): ReadDraftOptions {
  const positive = (name: string): number | undefined => {
    const value = Number(env[name]);
    return env[name] !== undefined && env[name] !== '' && Number.isFinite(value) && value > 0 ? value : undefined;
  };
  const options: ReadDraftOptions = {};
  const maxSize = positive(READ_LIMIT_VARIABLES.maxSize);
  const maxPages = positive(READ_LIMIT_VARIABLES.maxPages);
  const timeout = positive(READ_LIMIT_VARIABLES.timeout);
  const maxMemory = positive(READ_LIMIT_VARIABLES.maxMemory);
  const password = env[READ_LIMIT_VARIABLES.password];
  if (maxSize !== undefined) options.maxBytes = Math.round(maxSize * 1024 * 1024);
  if (maxPages !== undefined) options.maxPages = Math.floor(maxPages);
  if (timeout !== undefined) options.timeoutMs = Math.round(timeout * 1000);
  if (maxMemory !== undefined) options.maxMemoryMb = Math.ceil(maxMemory);
  if (password !== undefined && password !== '') options.password = password;
  return options;
}
const TEXT_EXTENSIONS = new Set(['.txt', '.md', '.text']);

/**
 * Reads a draft (PDF, or a .txt/.md/.text text draft) into ExtractedText.
 * Throws TreatyDiffError with a one-line message naming the file: `file-not-found`, `not-a-file`,
 * `empty-file`, `too-large`, `unreadable-file`, `not-a-pdf`, and the PDF errors of `extractPdf`.
 *
 * Example: `await readDraft('drafts/rev1.pdf')` -> `{ source: { path: 'drafts/rev1.pdf', format: 'pdf', pages: 18, ... }, ... }`.
 */
export async function readDraft(path: string, given: ReadDraftOptions = {}): Promise<ExtractedText> {
  // Options given in code win over the environment's.
  const options: ReadDraftOptions = { ...readLimitsFromEnv(process.env), ...given };
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new TreatyDiffError('not-a-file', `${path}: is a directory or special file, not a draft; give the path of a PDF or text file`);
    size = info.size;
  } catch (error) {
    if (error instanceof TreatyDiffError) throw error;
    throw fileError(path, error);
  }
  if (size === 0) throw new TreatyDiffError('empty-file', `${path}: the file is empty (0 bytes); check that the download or copy finished`);
  if (size > maxBytes) {
    throw new TreatyDiffError(
      'too-large',
      `${path}: the file is ${formatMegabytes(size)}, more than the limit of ${formatMegabytes(maxBytes)}; check that it is the draft meant, or raise the limit with --max-size <MB>`,
    );
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (error) {
    throw fileError(path, error);
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (hasPdfHeader(bytes)) {
    return extractPdf(bytes, { path, sha256, format: 'pdf' }, { maxInflatedBytes: maxBytes * INFLATE_FACTOR, ...options });
  }
  if (TEXT_EXTENSIONS.has(extname(path).toLowerCase())) {
    const text = new TextDecoder('utf-8').decode(bytes);
    return extractText(text, { path, sha256, format: 'text' });
  }
  throw new TreatyDiffError('not-a-pdf', `${path}: is neither a PDF nor a .txt/.md text draft; give the draft as a PDF (or its text as .txt/.md)`);
}

function fileError(path: string, error: unknown): TreatyDiffError {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new TreatyDiffError('file-not-found', `${path}: no such file; check the path`);
  if (code === 'EISDIR') return new TreatyDiffError('not-a-file', `${path}: is a directory, not a draft; give the path of a PDF or text file`);
  const reason = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : typeof code === 'string' ? code : 'read error';
  return new TreatyDiffError('unreadable-file', `${path}: cannot read the file (${reason}); check its permissions`);
}

