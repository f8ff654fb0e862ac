// Turns draft paths into parsed drafts: each file read and hashed once, then from the parse cache when
// those bytes were seen before, else extracted and parsed (in worker threads) and stored for next time.

import { extname } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { cacheKey, type Cache } from './cache.js';
import { TreatyDiffError } from '../errors.js';
import type { ReadOptions, TreatyDocument, TreatyNode } from '../types.js';
import { readDraftFile, type DraftFile } from './read-file.js';
import { DEFAULT_MAX_PAGES, tooManyPages } from '../extract/limits.js';

/** How `loadDrafts` reads. */
export interface LoadDraftsOptions {
  /** The parse cache; no caching when absent (`--no-cache`). */
  cache?: Cache;
  /** Bounds and password for every draft. */
  read?: ReadOptions;
  /** `auto` (default): every draft is parsed in a worker thread, two or more at once when there are cores
   * to spare; `never`: in this thread. */
  workers?: 'auto' | 'never';
}

/**
 * Reads and parses drafts, in the order given. A draft in which no article is found is refused
 * (TreatyDiffError `no-articles`); so are unreadable files, with the reader's own messages. When several
 * drafts fail, the first in the order given is reported.
 *
 * Example: `await loadDrafts(['old.pdf', 'new.pdf'], { cache: openCache(process.env) })` -> `[oldDoc, newDoc]`.
 */
export function loadDrafts(paths: readonly string[], options: LoadDraftsOptions = {}): Promise<TreatyDocument[]> {
  return loadDraftFiles(readDraftFiles(paths, options.read), options);
}

/**
 * Starts reading each file (one promise each, in the order given), so that a caller can key its own cache
 * on the same bytes before they are parsed. A failure is kept in its promise for `loadDraftFiles` to report.
 */
export function readDraftFiles(paths: readonly string[], read: ReadOptions = {}): Promise<DraftFile>[] {
  return paths.map((path) => {
    const reading = readDraftFile(path, read);
    reading.catch(() => undefined);
    return reading;
  });
}

/** `loadDrafts` on files being read by `readDraftFiles`. */
export async function loadDraftFiles(files: readonly Promise<DraftFile>[], options: LoadDraftsOptions = {}): Promise<TreatyDocument[]> {
  const { read = {} } = options;
  const cache = cacheFor(options);
  const parser = await parserFor(options.workers ?? 'auto', options);
  const outcomes = Promise.allSettled(
    files.map(async (reading) => {
      const file = await reading;
      const key = parseKey(file, read);
      const cached = cache === undefined ? undefined : await cache.read(key, (value): value is TreatyDocument => isTreatyDocument(value, file.sha256));
      if (cached !== undefined) {
        // A cached draft is held to this run's limits, as a fresh one would be.
        const maxPages = read.maxPages ?? DEFAULT_MAX_PAGES;
        if (cached.source.pages > maxPages) throw tooManyPages(file.path, cached.source.pages, maxPages);
        // The same bytes may sit under another name: the report names the path given this time.
        return { ...cached, source: { ...cached.source, path: file.path } };
      }
      const doc = await parser.parse(file);
      if (cache !== undefined) await cache.write(key, doc);
      return doc;
    }),
  );
  const settled = await outcomes.finally(() => parser.close());
  const { listArticles } = await import('../parse/walk.js');
  return settled.map((result) => {
    if (result.status === 'rejected') throw result.reason;
    const doc = result.value;
    if (listArticles(doc).length === 0) {
      throw new TreatyDiffError(
        'no-articles',
        `${doc.source.path}: no articles found (no heading such as "Article 1", "ARTICLE 24" or "Article 6 bis"); if this is a treaty draft, please report it with the file so that its headings can be read`,
      );
    }
    return doc;
  });
}

/**
 * The cache a load may use: none when a password is given, so that the text of an encrypted draft is
 * never written to disk in the clear, and a later run without the password reads nothing from it.
 */
export function cacheFor(options: LoadDraftsOptions): Cache | undefined {
  return options.read?.password === undefined ? options.cache : undefined;
}

/**
 * The key of a draft's parse in the cache: its bytes' hash and its extension (which decides how a file
 * without a PDF header is read), `--marks ignore` when given (the same bytes then read otherwise), and
 * whether a marked draft's text before its marks was read too; the cache adds the tool version and code.
 */
export function parseKey(file: DraftFile, read: Pick<ReadOptions, 'marks' | 'previousText'> = {}): string {
  const reading = [...(read.marks === 'ignore' ? ['marks:ignore'] : []), ...(read.previousText === true && read.marks !== 'ignore' ? ['previous-text'] : [])];
  return cacheKey(['parse', file.sha256, extname(file.path).toLowerCase(), ...reading]);
}

/**
 * How drafts not in the cache are parsed: in reading threads (`auto`), which can be stopped from outside if
 * a hostile PDF keeps pdf.js busy past the reading bound, as many at once as pays (see ReadingPool); `close`
 * ends them once every draft is read. `never`, or a caller that is a worker thread itself (an embedding, the
 * fuzzer's thread runner, which can be stopped from outside as it is), parses in this thread and spares a
 * second pdf.js.
 */
async function parserFor(workers: 'auto' | 'never', load: LoadDraftsOptions): Promise<{ parse: (file: DraftFile) => Promise<TreatyDocument>; close(): void }> {
  const read = load.read ?? {};
  if (workers === 'auto' && isMainThread) {
    const [{ ReadingPool }, { compileCacheDir }] = await Promise.all([import('./read-in-worker.js'), import('./compile-cache.js')]);
    // The compiled-code cache goes where the parse cache is, and nowhere under --no-cache.
    const pool = new ReadingPool(read, load.cache === undefined ? {} : { compileCacheDir: compileCacheDir(load.cache.dir) });
    return { parse: (file) => pool.parse(file), close: () => pool.close() };
  }
  const [{ extractDraft }, { parseDraft }] = await Promise.all([import('../extract/extract-draft.js'), import('../parse/parse-draft.js')]);
  return { parse: oneAtATime(async (file) => parseDraft(await extractDraft(file.bytes, file, read))), close: () => undefined };
}

/** `task`, run for one call at a time, in the order of the calls. */
function oneAtATime<T, R>(task: (value: T) => Promise<R>): (value: T) => Promise<R> {
  let previous: Promise<unknown> = Promise.resolve();
  return (value) => {
    const run = previous.then(() => task(value));
    previous = run.catch(() => undefined);
    return run;
  };
}

/** A cached value is used only when it has the shape of a parsed draft of exactly these bytes. */
function isTreatyDocument(value: unknown, sha256: string): value is TreatyDocument {
  const doc = value as Partial<TreatyDocument> | null;
  if (typeof doc !== 'object' || doc === null) return false;
  const source = doc.source as Partial<TreatyDocument['source']> | undefined;
  if (source?.sha256 !== sha256 || typeof source.pages !== 'number' || (source.format !== 'pdf' && source.format !== 'text')) return false;
  if (typeof doc.metadata !== 'object' || doc.metadata === null || typeof doc.lineCount !== 'number') return false;
  if (![doc.nodes, doc.unplaced, doc.footnotes, doc.furniture, doc.warnings].every(Array.isArray)) return false;
  return (doc.nodes ?? []).every(isTreatyNode);
}

function isTreatyNode(value: unknown): boolean {
  const node = value as Partial<TreatyNode> | null;
  return (
    typeof node === 'object' &&
    node !== null &&
    typeof node.kind === 'string' &&
    typeof node.id === 'string' &&
    typeof node.text === 'string' &&
    Array.isArray(node.pages) &&
    Array.isArray(node.footnotes) &&
    Array.isArray(node.lines) &&
    Array.isArray(node.children) &&
    node.children.every(isTreatyNode)
  );
}
