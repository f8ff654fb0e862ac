// Reads and parses several drafts at once, each in its own worker thread, so two drafts take the time of one.

import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { TreatyDiffError } from './errors.js';
import type { ReadWorkerReply } from './read-worker.js';
import type { TreatyDocument } from './types.js';

/**
 * True when reading `count` drafts in worker threads pays: more than one draft and more than one
 * core. pdf.js runs in the thread that calls it, so one draft cannot be split; two drafts on two
 * cores finish in the time of the larger one (measured: 100-page pair 1.73 s read one after the
 * other, see the README's figures). A worker costs about 40 ms to start and loads its own pdf.js.
 */
export function shouldReadInWorkers(count: number, cores: number = availableParallelism()): boolean {
  return count > 1 && cores > 1;
}

/**
 * Reads and parses each draft in a worker thread of its own, all at once. Rejects with the first
 * draft's failure in path order: a TreatyDiffError keeps its code and one-line message.
 *
 * Example: `await readDraftsInWorkers(['old.pdf', 'new.pdf'])` -> `[oldDoc, newDoc]`.
 */
export async function readDraftsInWorkers(paths: readonly string[]): Promise<TreatyDocument[]> {
  const settled = await Promise.allSettled(paths.map((path) => readDraftInWorker(path)));
  return settled.map((result) => {
    if (result.status === 'rejected') throw result.reason;
    return result.value;
  });
}

function readDraftInWorker(path: string): Promise<TreatyDocument> {
  return new Promise((resolve, reject) => {
    // The compiled worker sits next to this module (dist/read-worker.js).
    const worker = new Worker(new URL('./read-worker.js', import.meta.url), { workerData: { path } });
    let replied = false;
    worker.once('message', (reply: ReadWorkerReply) => {
      replied = true;
      if (reply.ok) resolve(reply.doc);
      else reject(reply.code !== undefined ? new TreatyDiffError(reply.code, reply.message) : Object.assign(new Error(reply.message), { stack: reply.stack }));
    });
    worker.once('error', (error) => {
      replied = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!replied) reject(new Error(`${path}: the reading thread stopped (exit code ${code}) without a result`));
    });
  });
}
