// Node 22+ keeps the compiled code of the tool's modules between runs, in the user's cache folder.

import module from 'node:module';
import { join } from 'node:path';

/**
 * The folder of the compiled-code cache in the cache folder `cacheDir` (see `resolveCacheDir`): the user's
 * own folder rather than a shared temporary one. Example: `compileCacheDir('~/.cache/treaty-diff')` ->
 * `~/.cache/treaty-diff/compile`.
 */
export function compileCacheDir(cacheDir: string): string {
  return join(cacheDir, 'compile');
}

/**
 * Turns on Node's module compile cache in `dir` for this thread (Node 22.1+; absent on Node 20, where this
 * does nothing). A cold run then skips compiling commander, pdf.js and the tool itself. Each thread turns it
 * on for itself: the main thread's call does not reach worker threads. Node checks each entry against its
 * source, and a cache that cannot be used is ignored, never an error.
 *
 * Example: `enableCompileCache(compileCacheDir(resolveCacheDir(process.env)))` -> modules loaded after it are cached on Node 22.
 */
export function enableCompileCache(dir: string): void {
  const enable = (module as { enableCompileCache?: (dir?: string) => unknown }).enableCompileCache;
  if (typeof enable !== 'function') return;
  try {
    enable(dir);
  } catch {
    // A read-only or missing home: run without the cache.
  }
}
