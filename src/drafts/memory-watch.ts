// Watches the whole process's memory while drafts are read, and stops the reading threads past the bound.

/**
 * How often the resident memory is sampled. pdf.js decodes a stream into one buffer at a time; at the
 * 1-2 GB/s a decompression bomb inflates, 20 ms lets it overshoot the bound by a few tens of MB at most.
 */
const SAMPLE_MS = 10;

interface Watched {
  /** Called once when the process is past the bound, to stop this reading and refuse it. */
  stop(rssMb: number): void;
}

const watched = new Set<Watched>();
let timer: NodeJS.Timeout | undefined;
let limitMb = Number.POSITIVE_INFINITY;

/**
 * Holds the process's resident memory (every thread, every buffer: heap and the array buffers pdf.js
 * decodes into) to `boundMb` while `reading` runs: past it, every reading under watch is stopped
 * (`stop`), since memory cannot be told apart by thread. The heap bound of each thread catches
 * JavaScript objects; this catches what lies outside any heap, such as a stream inflated by a filter
 * chain or an encrypted stream that no size check before decoding could see.
 *
 * Example: `watchMemory(1024, { stop: (mb) => worker.terminate() })` -> a function that ends the watch.
 */
export function watchMemory(boundMb: number, reading: Watched): () => void {
  watched.add(reading);
  limitMb = Math.min(limitMb, boundMb);
  if (timer === undefined) {
    timer = setInterval(sample, SAMPLE_MS);
    timer.unref();
  }
  return () => {
    watched.delete(reading);
    if (watched.size > 0) return;
    clearInterval(timer);
    timer = undefined;
    limitMb = Number.POSITIVE_INFINITY;
  };
}

function sample(): void {
  const rssMb = process.memoryUsage.rss() / (1024 * 1024);
  if (rssMb <= limitMb) return;
  for (const reading of [...watched]) reading.stop(Math.round(rssMb));
}
