// Node 22+ keeps the compiled code of the tool's modules between runs, in the user's cache folder.

import module from 'node:module';
import { join } from 'node:path';
import { resolveCacheDir } from '../drafts/cache.js';

/**
 * Turns on Node's module compile cache (Node 22.1+; absent on Node 20, where this does nothing) in
 * `<cache folder>/compile`, the user's own folder rather than a shared temporary one. A cold run then
 * skips compiling commander, pdf.js and the tool itself. Node checks each entry against its source, and
 * a cache that cannot be used is ignored, never an error.
 *
 * Example: `enableCompileCache(process.env)` -> `~/.cache/treaty-diff/compile` on Node 22; nothing on 20.
 */
export function enableCompileCache(env: NodeJS.ProcessEnv): void {
  const enable = (module as { enableCompileCache?: (dir?: string) => unknown }).enableCompileCache;
  if (typeof enable !== 'function') return;
  try {
    enable(join(resolveCacheDir(env), 'compile'));
  } catch {
    // A read-only or missing home: run without the cache.
  }
}
