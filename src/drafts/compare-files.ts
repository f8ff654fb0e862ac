// Compares two draft files: the cached comparison when both drafts and the options were seen before, else
// load (parse cache, worker threads), compare, and store.

import type { Cache } from './cache.js';
import type { CompareOptions } from '../compare.js';
import { fingerprintDraft, loadDrafts } from './load-drafts.js';
import type { TreatyDiff } from '../types.js';

/**
 * The comparison of the drafts at `oldPath` and `newPath`. With a cache, an analyst who re-runs the
 * tool on unchanged drafts gets the stored comparison (keyed by both files' bytes, the options, the
 * tool version and code) without reading a PDF or diffing anything.
 *
 * Example: `await compareFiles('old.pdf', 'new.pdf', { articles: ['15'] }, openCache(process.env))`.
 */
export async function compareFiles(oldPath: string, newPath: string, options: CompareOptions, cache?: Cache): Promise<TreatyDiff> {
  const key = cache === undefined ? undefined : await comparisonKey(oldPath, newPath, options);
  if (cache !== undefined && key !== undefined) {
    const cached = await cache.read(key.key, (value): value is TreatyDiff => isTreatyDiff(value, key.oldSha256, key.newSha256));
    // The same bytes may sit under other names: the report names the paths given this time.
    if (cached !== undefined) return { ...cached, old: { ...cached.old, path: oldPath }, new: { ...cached.new, path: newPath } };
  }
  const [[oldDoc, newDoc], { compareDrafts }] = await Promise.all([loadDrafts([oldPath, newPath], cache === undefined ? {} : { cache }), import('../compare.js')]);
  if (oldDoc === undefined || newDoc === undefined) throw new Error('loadDrafts returned fewer drafts than asked for');
  const diff = compareDrafts(oldDoc, newDoc, options);
  if (cache !== undefined && key !== undefined && diff.old.sha256 === key.oldSha256 && diff.new.sha256 === key.newSha256) await cache.write(key.key, diff);
  return diff;
}

async function comparisonKey(oldPath: string, newPath: string, options: CompareOptions) {
  const [oldDraft, newDraft] = await Promise.all([fingerprintDraft(oldPath), fingerprintDraft(newPath)]);
  if (oldDraft === undefined || newDraft === undefined) return undefined;
  const { cacheKey } = await import('./cache.js');
  // Every option that changes the result is part of the key; the parse keys carry bytes, extension and code.
  const key = cacheKey(['compare', oldDraft.key, newDraft.key, JSON.stringify(options.lexicon ?? null), JSON.stringify(options.articles ?? null), String(options.diffTimeoutMs ?? '')]);
  return { key, oldSha256: oldDraft.sha256, newSha256: newDraft.sha256 };
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
