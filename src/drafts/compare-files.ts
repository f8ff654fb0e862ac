// Compares two draft files: the cached comparison (or its stored report) when both drafts and the options
// were seen before, else load (parse cache, worker threads), compare, and store.

import { cacheKey, type Cache } from './cache.js';
import type { CompareOptions } from '../compare.js';
import { cacheFor, loadDraftFiles, parseKey, readDraftFiles } from './load-drafts.js';
import type { DraftFile } from './read-file.js';
import { exitFactsOf, type ExitFacts } from '../exit-codes.js';
import { DEFAULT_MAX_PAGES, tooManyPages } from '../extract/limits.js';
import type { ReadOptions, TreatyDiff } from '../types.js';

/**
 * The comparison of the drafts at `oldPath` and `newPath`. Each file is read and hashed once. With a
 * cache, an analyst who re-runs the tool on unchanged drafts gets the stored comparison (keyed by both
 * files' bytes, the options, the tool version and code) without reading a PDF or diffing anything.
 *
 * Example: `await compareFiles('old.pdf', 'new.pdf', { articles: ['15'] }, { cache: openCache(process.env) })`.
 */
export async function compareFiles(oldPath: string, newPath: string, options: CompareOptions, load: LoadOptions = {}): Promise<TreatyDiff> {
  return comparePair(await openPair(oldPath, newPath, options, load), options, load);
}

/** A way of rendering a comparison: `id` names everything the text depends on besides the comparison
 * itself (format, colour level), so that a stored rendering is served only to a run that asks for the same. */
export interface ReportFormat {
  id: string;
  render(diff: TreatyDiff): Promise<string>;
  /** Whether a stored rendering may be printed as it is (it holds only what the renderer writes); one
   * that may not is rendered afresh. */
  accepts(text: string): boolean;
}

/** A comparison rendered, with what decides its exit code. */
export interface FileReport {
  text: string;
  exit: ExitFacts;
}

/**
 * The comparison of the drafts at `oldPath` and `newPath`, rendered by `format`. With a cache, a rerun on
 * unchanged drafts with the same options and format is served the stored report: no comparison is read
 * back and nothing is rendered again (on a 300-page pair that is most of a warm run). Without a stored
 * report it is `compareFiles` then `format.render`, and the report is stored beside the comparison.
 *
 * Example: `await reportFiles('old.pdf', 'new.pdf', {}, { cache }, { id: 'json/0', render: async (d) => renderJson(d), accepts: (t) => isSafeToPrint(t, false) })`
 * -> `{ text: '{"schemaVersion":...', exit: { differences: true, codes: ['power-expanded'] } }`.
 */
export async function reportFiles(oldPath: string, newPath: string, options: CompareOptions, load: LoadOptions, format: ReportFormat): Promise<FileReport> {
  const pair = await openPair(oldPath, newPath, options, load);
  const { cache, key, oldFile, newFile } = pair;
  // The paths are part of the key: a report names the files as given.
  const reportKey = key === undefined ? undefined : cacheKey(['report', key, format.id, oldPath, newPath]);
  if (cache !== undefined && reportKey !== undefined && oldFile !== undefined && newFile !== undefined) {
    const stored = await cache.readText(reportKey, (note): note is ReportNote => isReportNote(note, oldFile.sha256, newFile.sha256));
    if (stored !== undefined && format.accepts(stored.text)) {
      holdToPageLimit([[oldPath, stored.note.old.pages], [newPath, stored.note.new.pages]], load.read);
      return { text: stored.text, exit: stored.note.exit };
    }
  }
  const diff = await comparePair(pair, options, load);
  const report = { text: await format.render(diff), exit: exitFactsOf(diff) };
  if (cache !== undefined && reportKey !== undefined && !cutShort(diff)) {
    const note: ReportNote = { old: { sha256: diff.old.sha256, pages: diff.old.pages }, new: { sha256: diff.new.sha256, pages: diff.new.pages }, exit: report.exit };
    await cache.writeText(reportKey, note, report.text);
  }
  return report;
}

type LoadOptions = { cache?: Cache; read?: ReadOptions };

/** Both files read and hashed, and the comparison's cache key when there is a cache and both could be read. */
interface OpenPair {
  files: Promise<DraftFile>[];
  cache: Cache | undefined;
  key: string | undefined;
  oldFile: DraftFile | undefined;
  newFile: DraftFile | undefined;
}

async function openPair(oldPath: string, newPath: string, options: CompareOptions, load: LoadOptions): Promise<OpenPair> {
  const cache = cacheFor(load);
  const files = readDraftFiles([oldPath, newPath], load.read);
  const read = await Promise.allSettled(files);
  const [oldFile, newFile] = read.map((result) => (result.status === 'fulfilled' ? result.value : undefined));
  // A file that cannot be read is reported by loadDraftFiles, in path order.
  const key = cache === undefined || oldFile === undefined || newFile === undefined ? undefined : comparisonKey([parseKey(oldFile, load.read), parseKey(newFile, load.read)], options);
  return { files, cache, key, oldFile, newFile };
}

/** The stored comparison of an opened pair, else the drafts loaded and compared (and the comparison stored). */
async function comparePair(pair: OpenPair, options: CompareOptions, load: LoadOptions): Promise<TreatyDiff> {
  const { files, cache, key, oldFile, newFile } = pair;
  if (cache !== undefined && key !== undefined && oldFile !== undefined && newFile !== undefined) {
    const cached = await cache.read(key, (value): value is TreatyDiff => isTreatyDiff(value, oldFile.sha256, newFile.sha256));
    if (cached !== undefined) {
      holdToPageLimit([[oldFile.path, cached.old.pages], [newFile.path, cached.new.pages]], load.read);
      // The same bytes may sit under other names: the report names the paths given this time.
      return { ...cached, old: { ...cached.old, path: oldFile.path }, new: { ...cached.new, path: newFile.path } };
    }
  }
  const [[oldDoc, newDoc], { compareDrafts }] = await Promise.all([loadDraftFiles(files, load), import('../compare.js')]);
  if (oldDoc === undefined || newDoc === undefined) throw new Error('loadDraftFiles returned fewer drafts than asked for');
  const diff = compareDrafts(oldDoc, newDoc, options);
  if (cache !== undefined && key !== undefined && !cutShort(diff)) await cache.write(key, diff);
  return diff;
}

/** A diff cut short by a time bound depends on the machine's pace that day: never served again. */
const cutShort = (diff: TreatyDiff): boolean => diff.warnings.some((w) => w.code === 'diff-fallback');

/** A stored result is held to this run's page limit, as fresh drafts would be (in path order). */
function holdToPageLimit(drafts: readonly (readonly [string, number])[], read: ReadOptions | undefined): void {
  const maxPages = read?.maxPages ?? DEFAULT_MAX_PAGES;
  for (const [path, pages] of drafts) if (pages > maxPages) throw tooManyPages(path, pages, maxPages);
}

/** What is stored beside a rendered report: its exit facts, and the two drafts it describes. */
interface ReportNote {
  old: { sha256: string; pages: number };
  new: { sha256: string; pages: number };
  exit: ExitFacts;
}

function isReportNote(value: unknown, oldSha256: string, newSha256: string): value is ReportNote {
  const note = value as Partial<ReportNote> | null;
  return (
    describesFiles(note, oldSha256, newSha256) &&
    typeof note.old.pages === 'number' &&
    typeof note.new.pages === 'number' &&
    typeof note.exit?.differences === 'boolean' &&
    Array.isArray(note.exit.codes) &&
    note.exit.codes.every((code) => typeof code === 'string')
  );
}

/** Every option that changes the result is part of the key; the parse keys carry bytes, extension and code. */
function comparisonKey(parseKeys: [string, string], options: CompareOptions): string {
  return cacheKey(['compare', ...parseKeys, JSON.stringify(options.lexicon ?? null), JSON.stringify(options.articles ?? null), String(options.diffTimeoutMs ?? '')]);
}
/** A cached comparison is used only when it has the shape of one and describes exactly these two files. */
function isTreatyDiff(value: unknown, oldSha256: string, newSha256: string): value is TreatyDiff {
  const diff = value as Partial<TreatyDiff> | null;
  return (
    describesFiles(diff, oldSha256, newSha256) &&
    typeof diff.summary === 'object' &&
    diff.summary !== null &&
    Array.isArray(diff.articles) &&
    Array.isArray(diff.findings) &&
    Array.isArray(diff.warnings)
  );
}

/** True when a stored value is an object that names exactly these two files (by their bytes' SHA-256). */
function describesFiles(value: { old?: { sha256?: unknown }; new?: { sha256?: unknown } } | null, oldSha256: string, newSha256: string): value is { old: { sha256: string }; new: { sha256: string } } {
  return typeof value === 'object' && value !== null && value.old?.sha256 === oldSha256 && value.new?.sha256 === newSha256;
}
