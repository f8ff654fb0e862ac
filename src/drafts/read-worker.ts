// Worker-thread entry: extracts and parses the one draft whose bytes are in workerData and posts the result back.

import { parentPort, workerData } from 'node:worker_threads';
import { isTreatyDiffError, type ErrorCode } from '../errors.js';
import { extractDraft } from '../extract/extract-draft.js';
import { parseDraft } from '../parse/parse-draft.js';
import type { ReadOptions, TreatyDocument } from '../types.js';

/** What the thread is given: the bytes already read and hashed in the main thread, and the read options. */
export interface ReadWorkerData {
  path: string;
  sha256: string;
  bytes: Uint8Array;
  options: ReadOptions;
}

/** What the worker posts: the parsed draft, or the failure in a form that survives structured cloning
 * (an Error loses its class and code on the way). */
export type ReadWorkerReply = { ok: true; doc: TreatyDocument } | { ok: false; code?: ErrorCode; message: string; stack?: string };

const { path, sha256, bytes, options } = workerData as ReadWorkerData;
let reply: ReadWorkerReply;
try {
  reply = { ok: true, doc: parseDraft(await extractDraft(bytes, { path, sha256 }, options)) };
} catch (error) {
  reply = isTreatyDiffError(error)
    ? { ok: false, code: error.code, message: error.message }
    : { ok: false, message: error instanceof Error ? error.message : String(error), ...(error instanceof Error && error.stack !== undefined ? { stack: error.stack } : {}) };
}
parentPort?.postMessage(reply);
