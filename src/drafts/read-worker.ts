// Worker-thread entry: reads and parses the one draft named in workerData and posts the result back.

import { parentPort, workerData } from 'node:worker_threads';
import { isTreatyDiffError } from '../errors.js';
import { readDraft } from '../extract/read-draft.js';
import { parseDocument } from '../parse/parse-document.js';
import type { TreatyDocument } from '../types.js';

/** What the worker posts: the parsed draft, or the failure in a form that survives structured cloning
 * (an Error loses its class and code on the way). */
export type ReadWorkerReply =
  | { ok: true; doc: TreatyDocument }
  | { ok: false; code?: import('../errors.js').ErrorCode; message: string; stack?: string };

const { path } = workerData as { path: string };
let reply: ReadWorkerReply;
try {
  reply = { ok: true, doc: parseDocument(await readDraft(path)) };
} catch (error) {
  reply = isTreatyDiffError(error)
    ? { ok: false, code: error.code, message: error.message }
    : { ok: false, message: error instanceof Error ? error.message : String(error), ...(error instanceof Error && error.stack !== undefined ? { stack: error.stack } : {}) };
}
parentPort?.postMessage(reply);
