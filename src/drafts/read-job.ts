// Reads one draft in a reading thread and puts the outcome in the form the thread posts back.

import { isTreatyDiffError, type ErrorCode } from '../errors.js';
import { extractDraft } from '../extract/extract-draft.js';
import { loadPdfParse } from '../extract/load-pdfjs.js';
import { parseDraft } from '../parse/parse-draft.js';
import type { ReadOptions, TreatyDocument } from '../types.js';

/** One draft to read: the bytes already read and hashed in the main thread, and the read options. */
export interface ReadJob {
  path: string;
  sha256: string;
  bytes: Uint8Array;
  options: ReadOptions;
}

/** What a reading thread posts for each job: the parsed draft, or the failure in a form that survives
 * structured cloning (an Error loses its class and code on the way). */
export type ReadWorkerReply = { ok: true; doc: TreatyDocument } | { ok: false; code?: ErrorCode; message: string; stack?: string };

/** Loads pdf.js ahead of the first PDF (the same load that reading it will wait for). */
export function preloadPdfReader(): Promise<unknown> {
  return loadPdfParse();
}

/**
 * Extracts and parses the job's draft. Never throws: a failure becomes a reply, a TreatyDiffError with its
 * code and one-line message, anything else with its stack for the report of an internal error.
 */
export async function readJob({ path, sha256, bytes, options }: ReadJob): Promise<ReadWorkerReply> {
  try {
    return { ok: true, doc: parseDraft(await extractDraft(bytes, { path, sha256 }, options)) };
  } catch (error) {
    return isTreatyDiffError(error)
      ? { ok: false, code: error.code, message: error.message }
      : { ok: false, message: error instanceof Error ? error.message : String(error), ...(error instanceof Error && error.stack !== undefined ? { stack: error.stack } : {}) };
  }
}
