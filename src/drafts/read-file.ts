// Reads a draft file from disk once: checks what the path is, bounds its size, and hashes its bytes.

import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { TreatyDiffError } from '../errors.js';
import { DEFAULT_MAX_BYTES, formatMegabytes } from '../extract/limits.js';
import type { ReadOptions } from '../types.js';

/** A draft's bytes as read from disk, with their SHA-256: the cache keys and the reader use these same bytes. */
export interface DraftFile {
  /** The path as given. */
  path: string;
  bytes: Uint8Array;
  sha256: string;
}

/**
 * The bytes of the draft at `path`. Throws TreatyDiffError with a one-line message naming the file:
 * `file-not-found`, `not-a-file`, `empty-file`, `too-large` (over `maxBytes`, default 100 MB), `unreadable-file`.
 *
 * Example: `await readDraftFile('drafts/rev1.pdf')` -> `{ path: 'drafts/rev1.pdf', bytes, sha256: '9f2c...' }`.
 */
export async function readDraftFile(path: string, options: Pick<ReadOptions, 'maxBytes'> = {}): Promise<DraftFile> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const ahead = readAhead.get(path);
  if (ahead !== undefined) {
    readAhead.delete(path);
    // Taken once, within this run's own size bound; a read ahead that failed is done again here, for its error.
    const file = await ahead.catch(() => undefined);
    if (file !== undefined && file.bytes.byteLength <= maxBytes) return file;
  }
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
  // The file may have grown between stat and read.
  if (bytes.byteLength > maxBytes) {
    throw new TreatyDiffError('too-large', `${path}: the file is ${formatMegabytes(bytes.byteLength)}, more than the limit of ${formatMegabytes(maxBytes)}; check that it is the draft meant, or raise the limit with --max-size <MB>`);
  }
  return { path, bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** Reads started before the run asked for them (`readDraftFileAhead`), by path, until the run takes them. */
const readAhead = new Map<string, Promise<DraftFile>>();

/**
 * Reads the draft at `path` now, for a run that will ask for it: the next `readDraftFile(path)` takes this
 * read instead of reading and hashing the file again. The CLI reads ahead the PDFs it names to see whether
 * the parse cache holds them before anything else starts (cli/start-early.ts).
 *
 * Example: `await readDraftFileAhead('old.pdf')` -> the DraftFile; `readDraftFile('old.pdf')` then returns it.
 */
export function readDraftFileAhead(path: string): Promise<DraftFile> {
  const reading = readDraftFile(path);
  reading.catch(() => undefined);
  readAhead.set(path, reading);
  return reading;
}

function fileError(path: string, error: unknown): TreatyDiffError {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new TreatyDiffError('file-not-found', `${path}: no such file; check the path`);
  if (code === 'EISDIR') return new TreatyDiffError('not-a-file', `${path}: is a directory, not a draft; give the path of a PDF or text file`);
  const reason = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : typeof code === 'string' ? code : 'read error';
  return new TreatyDiffError('unreadable-file', `${path}: cannot read the file (${reason}); check its permissions`);
}
