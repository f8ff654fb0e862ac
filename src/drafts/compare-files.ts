// Compares two draft files: the cached comparison when both drafts and the options were seen before, else
// load (parse cache, worker threads), compare, and store.

import { cacheKey, type Cache } from './cache.js';
import type { CompareOptions } from '../compare.js';
import { cacheFor, loadDraftFiles, parseKey, readDraftFiles } from './load-drafts.js';
import { DEFAULT_MAX_PAGES, tooManyPages } from '../extract/limits.js';
import type { ReadOptions, TreatyDiff } from '../types.js';

/**
 * The comparison of the drafts at `oldPath` and `newPath`. Each file is read and hashed once. With a
 * cache, an analyst who re-runs the tool on unchanged drafts gets the stored comparison (keyed by both
 * files' bytes, the options, the tool version and code) without reading a PDF or diffing anything.
 *
 * Example: `await compareFiles('old.pdf', 'new.pdf', { articles: ['15'] }, { cache: openCache(process.env) })`.
 */
export async function compareFiles(oldPath: string, newPath: string, options: CompareOptions, load: { cache?: Cache; read?: ReadOptions } = {}): Promise<TreatyDiff> {
  const cache = cacheFor(load);
  const files = readDraftFiles([oldPath, newPath], load.read);
  const read = await Promise.allSettled(files);
  const [oldFile, newFile] = read.map((result) => (result.status === 'fulfilled' ? result.value : undefined));
  // A file that cannot be read is reported by loadDraftFiles, in path order.
  const key = cache === undefined || oldFile === undefined || newFile === undefined ? undefined : comparisonKey([parseKey(oldFile, load.read), parseKey(newFile, load.read)], options);
  if (cache !== undefined && key !== undefined && oldFile !== undefined && newFile !== undefined) {
    const cached = await cache.read(key, (value): value is TreatyDiff => isTreatyDiff(value, oldFile.sha256, newFile.sha256));
    if (cached !== undefined) {
      // Held to this run's limits, as fresh drafts would be (in path order).
      const maxPages = load.read?.maxPages ?? DEFAULT_MAX_PAGES;
      for (const [path, pages] of [[oldPath, cached.old.pages], [newPath, cached.new.pages]] as const) if (pages > maxPages) throw tooManyPages(path, pages, maxPages);
      // The same bytes may sit under other names: the report names the paths given this time.
      return { ...cached, old: { ...cached.old, path: oldPath }, new: { ...cached.new, path: newPath } };
    }
  }
  const [[oldDoc, newDoc], { compareDrafts }] = await Promise.all([loadDraftFiles(files, load), import('../compare.js')]);
  if (oldDoc === undefined || newDoc === undefined) throw new Error('loadDraftFiles returned fewer drafts than asked for');
  const diff = compareDrafts(oldDoc, newDoc, options);
  // A diff cut short by a time bound depends on the machine's pace that day: never served again.
  const timed = diff.warnings.some((w) => w.code === 'diff-fallback');
  if (cache !== undefined && key !== undefined && !timed) await cache.write(key, diff);
  return diff;
}

/** Every option that changes the result is part of the key; the parse keys carry bytes, extension and code. */
function comparisonKey(parseKeys: [string, string], options: CompareOptions): string {
  return cacheKey(['compare', ...parseKeys, JSON.stringify(options.lexicon ?? null), JSON.stringify(options.articles ?? null), String(options.diffTimeoutMs ?? '')]);
}
/** A cached comparison is used only when it has the shape of one and describes exactly these two files. */
function isTreatyDiff(value: unknown, oldSha256: string, newSha256: string): value is TreatyDiff {
  const diff = value as Partial<TreatyDiff> | null;
  return (
    typeof diff === 'object' &&
    diff !== null &&
    diff.old?.sha256 === oldSha256 &&
    diff.new?.sha256 === newSha256 &&
    typeof diff.summary === 'object' &&
    diff.summary !== null &&
    Array.isArray(diff.articles) &&
    Array.isArray(diff.findings) &&
    Array.isArray(diff.warnings)
  );
}
