// Worker-thread entry: reads the drafts the main thread sends, one at a time, and posts each result back.

import { parentPort, workerData } from 'node:worker_threads';
import { enableCompileCache } from './compile-cache.js';
import type { ReadJob } from './read-job.js';

/** What the thread is given when it starts, before any draft. */
export interface ReadWorkerData {
  /** Load pdf.js at once, while the main thread is still busy with options and files: the first draft is a PDF. */
  preloadPdf: boolean;
  /** The compiled-code cache folder (Node 22+), when the run may write to the cache folder. */
  compileCacheDir?: string;
}

const { preloadPdf, compileCacheDir } = (workerData ?? {}) as Partial<ReadWorkerData>;
// Before the reader's modules are loaded, so that the cache covers them and pdf.js.
if (compileCacheDir !== undefined) enableCompileCache(compileCacheDir);

const reader = import('./read-job.js');
if (preloadPdf === true) {
  // The import is shared with the first draft's read; a failure here is that read's to report.
  reader.then(({ preloadPdfReader }) => preloadPdfReader()).catch(() => undefined);
}

// The main thread sends the next job only after this one's reply: one draft at a time, each under its own bounds.
parentPort?.on('message', (job: ReadJob) => {
  void reader
    .then(({ readJob }) => readJob(job))
    .then((reply) => parentPort?.postMessage(reply));
});
