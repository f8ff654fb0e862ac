// Reads and parses drafts in worker threads: two drafts in the time of one, and a thread that hangs or
// runs out of memory is stopped from outside, whatever pdf.js is doing inside it.

import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { TreatyDiffError } from '../errors.js';
import { DEFAULT_TIMEOUT_MS, readingTimedOut } from '../extract/limits.js';
import type { ReadWorkerData, ReadWorkerReply } from './read-worker.js';
import type { DraftFile } from './read-file.js';
import type { ReadOptions, TreatyDocument } from '../types.js';
import { watchMemory } from './memory-watch.js';

/**
 * Heap bound of a reading thread. pdf.js holds one page at a time; the largest heap seen reading a
 * 1,000-page draft was about 150 MB (README, performance), so this is room to spare, and a file
 * built to exhaust memory stops here instead of taking the machine with it.
 */
const THREAD_HEAP_MB = 768;
/**
 * Time the thread gets past the reading bound before it is stopped from outside: the reader's own
 * timer (inside the thread) fires first and gives the same refusal, unless pdf.js never yields to it.
 * Parsing, after reading, is linear and takes well under a second per 100 pages.
 */
const GRACE_MS = 5_000;
/**
 * Resident memory of the whole process allowed while drafts are read, beyond the reading thread's heap
 * bound: room for the main thread, Node itself and the buffers pdf.js decodes into. With the default heap
 * bound, 1 GB; `--max-memory 256` makes it 512 MB.
 */
const PROCESS_HEADROOM_MB = 256;

/** The process memory bound for a heap bound of `heapMb` per reading thread. */
export function processBoundMb(heapMb: number): number {
  return heapMb + PROCESS_HEADROOM_MB;
}

/**
 * True when reading `count` drafts concurrently pays: more than one draft and more than one core.
 * pdf.js runs in the thread that calls it, so one draft cannot be split; two drafts on two cores
 * finish in the time of the larger one. A worker costs about 40 ms to start and loads its own pdf.js.
 */
export function shouldReadInWorkers(count: number, cores: number = availableParallelism()): boolean {
  return count > 1 && cores > 1;
}

/** What a reading thread may use beyond the read options; for tests. */
export interface ThreadBounds {
  /** Time past the reading bound before the thread is stopped from outside (default 5 s). */
  graceMs?: number;
  /** The thread's script (default the compiled read-worker.js next to this module). */
  script?: URL;
  /** Resident memory bound of the whole process in MB (default processBoundMb of the heap bound). */
  processMb?: number;
}

/**
 * Extracts and parses one draft, already read from disk, in a worker thread of its own, under the read
 * options' heap bound (`maxMemoryMb`) and a watchdog at the reading bound (`timeoutMs`) plus a grace
 * time. Rejects with the draft's failure: a TreatyDiffError keeps its code and one-line message.
 *
 * Example: `await parseInWorker(await readDraftFile('old.pdf'), { timeoutMs: 30_000 })` -> `oldDoc`.
 */
export function parseInWorker(file: DraftFile, options: ReadOptions = {}, bounds: ThreadBounds = {}): Promise<TreatyDocument> {
  const { path } = file;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const heapMb = options.maxMemoryMb ?? THREAD_HEAP_MB;
  const workerData: ReadWorkerData = { path, sha256: file.sha256, bytes: file.bytes, options };
  // The bytes move to the thread rather than being copied, unless they share a buffer with other data.
  const whole = file.bytes.byteOffset === 0 && file.bytes.byteLength === file.bytes.buffer.byteLength && file.bytes.buffer instanceof ArrayBuffer;
  return new Promise((resolve, reject) => {
    const worker = new Worker(bounds.script ?? new URL('./read-worker.js', import.meta.url), {
      workerData,
      transferList: whole ? [file.bytes.buffer as ArrayBuffer] : [],
      resourceLimits: { maxOldGenerationSizeMb: heapMb },
    });
    let settled = false;
    const settle = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(watchdog);
      unwatch();
      outcome();
    };
    // The backstop for memory that no heap bound sees (buffers a filter chain inflates into).
    const processMb = bounds.processMb ?? processBoundMb(heapMb);
    const unwatch = watchMemory(processMb, {
      stop: (rssMb) => {
        settle(() =>
          reject(
            new TreatyDiffError(
              'out-of-memory',
              `${path}: reading the PDF took the process to ${rssMb} MB of memory, past the bound of ${processMb} MB; the file may be damaged or built to exhaust memory (a decompression bomb); open it in a PDF reader and save a copy, or raise the bound with --max-memory <MB>`,
            ),
          ),
        );
        void worker.terminate();
      },
    });
    // The backstop for a draft on which pdf.js never yields to the reader's own timer.
    const watchdog = setTimeout(() => {
      settle(() => reject(readingTimedOut(path, timeoutMs)));
      void worker.terminate();
    }, timeoutMs + (bounds.graceMs ?? GRACE_MS));
    watchdog.unref();
    worker.once('message', (reply: ReadWorkerReply) => {
      settle(() => {
        if (reply.ok) resolve(reply.doc);
        else reject(reply.code !== undefined ? new TreatyDiffError(reply.code, reply.message) : Object.assign(new Error(reply.message), { stack: reply.stack }));
      });
    });
    worker.once('error', (error: Error & { code?: string }) => {
      settle(() =>
        reject(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new TreatyDiffError(
                'out-of-memory',
                `${path}: reading the PDF needed more than ${heapMb} MB of memory; the file may be damaged or built to exhaust memory (open it in a PDF reader and save a copy, or raise the bound with --max-memory <MB>)`,
              )
            : error,
        ),
      );
    });
    worker.once('exit', (code) => {
      settle(() => reject(new Error(`${path}: the reading thread stopped (exit code ${code}) without a result`)));
    });
  });
}
