// Reads and parses drafts in worker threads: two drafts in the time of one, and a thread that hangs or
// runs out of memory is stopped from outside, whatever pdf.js is doing inside it.

import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { TreatyDiffError } from '../errors.js';
import { DEFAULT_TIMEOUT_MS, readingTimedOut } from '../extract/limits.js';
import { draftFormat } from '../extract/draft-format.js';
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
 * bound: room for the main thread, Node itself and the buffers pdf.js decodes into (the buffers of decoded
 * streams are bounded as they are made, see extract/allocation-guard.ts; this is the backstop). Never
 * below 512 MB, so that a small heap bound is met by the thread's own refusal first. With the default heap
 * bound, 896 MB; `--max-memory 256` makes it 512 MB.
 */
const PROCESS_HEADROOM_MB = 128;
const PROCESS_FLOOR_MB = 512;

/** The process memory bound for a heap bound of `heapMb` per reading thread. */
export function processBoundMb(heapMb: number): number {
  return Math.max(heapMb + PROCESS_HEADROOM_MB, PROCESS_FLOOR_MB);
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
  // Decided here, before the bytes move to the thread: a failure there names the kind of draft it was reading.
  const format = draftFormat(file.bytes, path) ?? 'pdf';
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
        settle(() => reject(outOfMemory(path, format, { rssMb, processMb })));
        void worker.terminate();
      },
    });
    // The backstop for a draft on which pdf.js never yields to the reader's own timer.
    const watchdog = setTimeout(() => {
      settle(() => reject(readingTimedOut(path, timeoutMs, format)));
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
            ? outOfMemory(path, format, { heapMb })
            : error,
        ),
      );
    });
    worker.once('exit', (code) => {
      settle(() => reject(new Error(`${path}: the reading thread stopped (exit code ${code}) without a result`)));
    });
  });
}

/**
 * The refusal for a reading thread that ran out of memory: past its heap bound (`heapMb`), or the process
 * past its resident bound (`rssMb` over `processMb`). Worded for the kind of draft: a PDF may be a
 * decompression bomb, to be saved again from a PDF reader; a text draft holds no compression, so it is simply
 * too large for the bound.
 *
 * Example: `outOfMemory('big.txt', 'text', { heapMb: 64 }).message` ->
 * `big.txt: out of memory reading the text draft: it needed more than 64 MB; ... --max-memory <MB>`.
 */
export function outOfMemory(path: string, format: 'pdf' | 'text', used: { heapMb: number } | { rssMb: number; processMb: number }): TreatyDiffError {
  if (format === 'text') {
    const how = 'heapMb' in used ? `it needed more than ${used.heapMb} MB` : `it took the process to ${used.rssMb} MB, past the bound of ${used.processMb} MB`;
    return new TreatyDiffError(
      'out-of-memory',
      `${path}: out of memory reading the text draft: ${how}; check that the file is the draft meant (a text draft of a thousand pages is a few MB), or raise the bound with --max-memory <MB>`,
    );
  }
  return new TreatyDiffError(
    'out-of-memory',
    'heapMb' in used
      ? `${path}: reading the PDF needed more than ${used.heapMb} MB of memory; the file may be damaged or built to exhaust memory (open it in a PDF reader and save a copy, or raise the bound with --max-memory <MB>)`
      : `${path}: reading the PDF took the process to ${used.rssMb} MB of memory, past the bound of ${used.processMb} MB; the file may be damaged or built to exhaust memory (a decompression bomb); open it in a PDF reader and save a copy, or raise the bound with --max-memory <MB>`,
  );
}
