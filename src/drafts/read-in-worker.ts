// Reads and parses drafts in worker threads: a thread that hangs or runs out of memory is stopped from
// outside, whatever pdf.js is doing inside it, and threads are started only where they pay.

import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { TreatyDiffError } from '../errors.js';
import { DEFAULT_TIMEOUT_MS, readingTimedOut } from '../extract/limits.js';
import { draftFormat } from '../extract/draft-format.js';
import type { ReadWorkerData } from './read-worker.js';
import type { ReadJob, ReadWorkerReply } from './read-job.js';
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
 * Young generation of a reading thread. pdf.js makes short-lived objects by the million; V8's own default
 * let the young generation of two threads grow to some 30 MB more resident memory than this bound, for
 * no measurable speed (EU pair, 7 runs each: 3.47 s and 237 MB by default, 3.49 s and 206 MB at 16 MB).
 */
const THREAD_YOUNG_MB = 16;
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
export async function parseInWorker(file: DraftFile, options: ReadOptions = {}, bounds: ThreadBounds = {}): Promise<TreatyDocument> {
  const pool = new ReadingPool(options, { ...bounds, cores: 1 });
  try {
    return await pool.parse(file);
  } finally {
    pool.close();
  }
}

/**
 * The smallest draft (in bytes) worth a reading thread of its own on a machine of two cores. Each thread
 * loads and compiles pdf.js and runs its first pages unoptimised, and on two cores two reading threads
 * also share them with V8's compiler threads. Measured on two cores (whole runs, medians of 5): two drafts
 * of 150 KB (20 pages) took 1.11 s in two threads and 1.00 s one after the other in one, two of 480 KB
 * (100 pages) 2.08 s and 2.12 s, and the EU pair (1.35 MB and 1.0 MB) 3.32 s in two against 3.58 s in one.
 */
const PARALLEL_MIN_BYTES = 512 * 1024;

/**
 * True when a draft of `next` bytes should start a thread of its own rather than wait, while drafts of
 * `reading` bytes are being read, one per thread: never past one thread per core; always with more than
 * two cores; on two, when it and every draft being read are large enough to outweigh a second pdf.js
 * warming up beside the first (PARALLEL_MIN_BYTES). The first draft always gets a thread.
 *
 * Example: `startsAnotherThread(150_000, [160_000], 2) === false`; `startsAnotherThread(1_000_000, [1_300_000], 2) === true`.
 */
export function startsAnotherThread(next: number, reading: readonly number[], cores: number): boolean {
  if (reading.length === 0) return true;
  if (reading.length >= cores) return false;
  if (cores > 2) return true;
  return [next, ...reading].every((bytes) => bytes >= PARALLEL_MIN_BYTES);
}

/** How a pool reads; for tests and callers that know their machine. */
export interface PoolBounds extends ThreadBounds {
  /** Cores to count on (default `availableParallelism()`). */
  cores?: number;
  /** Folder of the compiled-code cache for the threads (Node 22+); none when absent. */
  compileCacheDir?: string;
}

interface Job {
  file: DraftFile;
  /** The file's size, kept: its bytes move to the thread that reads it. */
  bytes: number;
  format: 'pdf' | 'text';
  resolve(doc: TreatyDocument): void;
  reject(error: unknown): void;
}

/**
 * Reading threads for the drafts of one run. Each draft is read in a worker thread under the read options'
 * heap bound (`maxMemoryMb`), a watchdog at the reading bound (`timeoutMs`) plus a grace time, and the
 * process memory bound. A thread reads one draft at a time and then the next one queued, so that pdf.js is
 * loaded and warmed up once for several drafts; a second thread starts only where it pays (`startsAnotherThread`).
 * A thread stopped from outside is dropped, and the drafts still queued go to a fresh one. `close()` ends
 * the threads once the run has its drafts.
 *
 * Example: `const pool = new ReadingPool({ timeoutMs: 30_000 }); const [a, b] = await Promise.all([pool.parse(oldFile), pool.parse(newFile)]); pool.close();`
 */
export class ReadingPool {
  private readonly threads: ReadingThread[] = [];
  /** Threads started so far, stopped ones included; for tests and figures. */
  started = 0;
  private readonly queue: Job[] = [];
  private readonly cores: number;
  private closed = false;

  constructor(
    private readonly options: ReadOptions = {},
    private readonly bounds: PoolBounds = {},
  ) {
    this.cores = bounds.cores ?? availableParallelism();
  }

  /** The draft `file` parsed, or its refusal. */
  parse(file: DraftFile): Promise<TreatyDocument> {
    return new Promise((resolve, reject) => {
      // Decided here, before the bytes move to the thread: a failure there names the kind of draft it was reading.
      this.queue.push({ file, bytes: file.bytes.byteLength, format: draftFormat(file.bytes, file.path) ?? 'pdf', resolve, reject });
      this.dispatch();
    });
  }

  /** Ends every thread; a draft still being read, or still waiting, is refused as stopped. */
  close(): void {
    this.closed = true;
    for (const thread of this.threads.splice(0)) thread.stop();
    for (const job of this.queue.splice(0)) job.reject(new Error(`${job.file.path}: reading stopped before the draft was read`));
  }

  private dispatch(): void {
    // A thread that ended between drafts (its process gone, an error after its last reply) takes no more.
    for (let k = this.threads.length - 1; k >= 0; k--) if (this.threads[k]!.ended) this.threads.splice(k, 1);
    while (this.queue.length > 0 && !this.closed) {
      const idle = this.threads.find((thread) => thread.idle);
      if (idle !== undefined) {
        this.start(idle, this.queue.shift()!);
        continue;
      }
      // No thread is idle: every one is reading a draft.
      if (!startsAnotherThread(this.queue[0]!.bytes, this.threads.map((thread) => thread.job?.bytes ?? 0), this.cores)) return;
      const heapMb = this.options.maxMemoryMb ?? THREAD_HEAP_MB;
      const thread =
        (this.bounds.script === undefined ? takePrestarted(heapMb) : undefined) ??
        new ReadingThread(heapMb, { preloadPdf: this.queue[0]!.format === 'pdf', script: this.bounds.script, compileCacheDir: this.bounds.compileCacheDir });
      this.threads.push(thread);
      this.started += 1;
    }
  }

  private start(thread: ReadingThread, job: Job): void {
    const timeoutMs = this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const heapMb = this.options.maxMemoryMb ?? THREAD_HEAP_MB;
    const { path } = job.file;
    thread.run(job, this.options, {
      watchdogMs: timeoutMs + (this.bounds.graceMs ?? GRACE_MS),
      processMb: this.bounds.processMb ?? processBoundMb(heapMb),
      timedOut: () => readingTimedOut(path, timeoutMs, job.format),
      outOfMemory: (used) => outOfMemory(path, job.format, used),
      done: (stopped) => {
        if (stopped) this.threads.splice(this.threads.indexOf(thread), 1);
        this.dispatch();
      },
    });
  }
}

/** What a thread needs to watch one job. */
interface JobWatch {
  watchdogMs: number;
  processMb: number;
  timedOut(): TreatyDiffError;
  outOfMemory(used: { heapMb: number } | { rssMb: number; processMb: number }): TreatyDiffError;
  /** Called once the job is settled; `stopped` when the thread was stopped with it and cannot be used again. */
  done(stopped: boolean): void;
}

/** One worker thread that reads the drafts it is given, one at a time. */
class ReadingThread {
  private readonly worker: Worker;
  private alive = true;
  /** The draft being read, and how to settle it once (with `stop` when the thread must go with it). */
  private current: { job: Job; settle(outcome: (job: Job) => void, stop: boolean): void; watch: JobWatch } | undefined;

  constructor(
    readonly heapMb: number,
    data: ReadWorkerData & { script?: URL | undefined },
  ) {
    const workerData: ReadWorkerData = { preloadPdf: data.preloadPdf, ...(data.compileCacheDir === undefined ? {} : { compileCacheDir: data.compileCacheDir }) };
    this.worker = new Worker(data.script ?? new URL('./read-worker.js', import.meta.url), {
      workerData,
      resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: THREAD_YOUNG_MB },
    });
    this.worker.on('message', (reply: ReadWorkerReply) => {
      this.current?.settle((job) => {
        if (reply.ok) job.resolve(reply.doc);
        else job.reject(reply.code !== undefined ? new TreatyDiffError(reply.code, reply.message) : Object.assign(new Error(reply.message), { stack: reply.stack }));
      }, false);
    });
    this.worker.on('error', (error: Error & { code?: string }) => {
      this.alive = false;
      const current = this.current;
      current?.settle((job) => job.reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? current.watch.outOfMemory({ heapMb }) : error), true);
    });
    this.worker.on('exit', (code) => {
      this.alive = false;
      this.current?.settle((job) => job.reject(new Error(`${job.file.path}: the reading thread stopped (exit code ${code}) without a result`)), true);
    });
    // An idle thread never keeps the process alive (listeners added after unref() would hold it again).
    this.worker.unref();
  }

  /** True when the thread can take a draft. */
  get idle(): boolean {
    return this.alive && this.current === undefined;
  }

  /** True when the thread has ended and holds no draft: it can be dropped. */
  get ended(): boolean {
    return !this.alive && this.current === undefined;
  }

  /** The draft being read, if any. */
  get job(): Job | undefined {
    return this.current?.job;
  }

  /** Sends `job` to the thread, under `watch`'s watchdog and process memory bound. */
  run(job: Job, options: ReadOptions, watch: JobWatch): void {
    let settled = false;
    const settle = (outcome: (job: Job) => void, stop: boolean): void => {
      if (settled) return;
      settled = true;
      clearTimeout(watchdog);
      unwatch();
      this.current = undefined;
      if (stop) this.stop();
      else this.worker.unref();
      outcome(job);
      watch.done(stop);
    };
    this.current = { job, settle, watch };
    this.worker.ref();
    // The backstop for memory that no heap bound sees (buffers a filter chain inflates into).
    const unwatch = watchMemory(watch.processMb, {
      stop: (rssMb) => settle((stopped) => stopped.reject(watch.outOfMemory({ rssMb, processMb: watch.processMb })), true),
    });
    // The backstop for a draft on which pdf.js never yields to the reader's own timer.
    const watchdog = setTimeout(() => settle((stopped) => stopped.reject(watch.timedOut()), true), watch.watchdogMs);
    watchdog.unref();
    const { file } = job;
    const message: ReadJob = { path: file.path, sha256: file.sha256, bytes: file.bytes, options };
    // The bytes move to the thread rather than being copied, unless they share a buffer with other data.
    const whole = file.bytes.byteOffset === 0 && file.bytes.byteLength === file.bytes.buffer.byteLength && file.bytes.buffer instanceof ArrayBuffer;
    this.worker.postMessage(message, whole ? [file.bytes.buffer as ArrayBuffer] : []);
  }

  /** Ends the thread; a draft it holds is refused as stopped. */
  stop(): void {
    this.alive = false;
    void this.worker.terminate();
  }
}

let prestarted: ReadingThread | undefined;

/**
 * Starts a reading thread before the run knows its drafts, so that pdf.js loads while the main thread parses
 * options and reads files. The first pool of the run with the same heap bound takes it; an unused one
 * keeps nothing alive and goes with the process.
 *
 * Example: `prestartReadingThread({ heapMb: 768, compileCacheDir })` at the top of the CLI.
 */
export function prestartReadingThread(options: { heapMb?: number; compileCacheDir?: string } = {}): void {
  if (prestarted !== undefined) return;
  prestarted = new ReadingThread(options.heapMb ?? THREAD_HEAP_MB, {
    preloadPdf: true,
    ...(options.compileCacheDir === undefined ? {} : { compileCacheDir: options.compileCacheDir }),
  });
}

/** The prestarted thread, when there is one with this heap bound (any other is ended). */
function takePrestarted(heapMb: number): ReadingThread | undefined {
  const thread = prestarted;
  prestarted = undefined;
  if (thread === undefined || (thread.heapMb === heapMb && thread.idle)) return thread;
  thread.stop();
  return undefined;
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
