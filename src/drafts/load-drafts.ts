// Turns draft paths into parsed drafts: from the parse cache when the bytes were seen before, else read
// (concurrently in worker threads when that pays) and stored for next time.

import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { cacheKey, type Cache } from './cache.js';
import { TreatyDiffError } from '../errors.js';
import type { TreatyDocument, TreatyNode } from '../types.js';

/** Files above this size are not hashed for the cache; reading them fails with its own message anyway. */
const MAX_HASHED_BYTES = 200 * 1024 * 1024;

/** How `loadDrafts` reads. */
export interface LoadDraftsOptions {
  /** The parse cache; no caching when absent (`--no-cache`). */
  cache?: Cache;
  /** `auto` (default): every draft is read in a worker thread, two or more at once when there are cores
   * to spare; `never`: in this thread. */
  workers?: 'auto' | 'never';
}

/** A file's identity for the cache: its SHA-256 and the key of its parse entry. */
export interface DraftFingerprint {
  sha256: string;
  key: string;
}

/**
 * Reads and parses drafts, in the order given. A draft in which no article is found is refused
 * (TreatyDiffError `no-articles`); so are unreadable files, with the extractor's own messages.
 *
 * Example: `await loadDrafts(['old.pdf', 'new.pdf'], { cache: openCache(process.env) })` -> `[oldDoc, newDoc]`.
 */
export async function loadDrafts(paths: readonly string[], options: LoadDraftsOptions = {}): Promise<TreatyDocument[]> {
  const { cache } = options;
  const fingerprints = await Promise.all(paths.map((path) => (cache === undefined ? undefined : fingerprintDraft(path))));
  const docs: (TreatyDocument | undefined)[] = await Promise.all(
    paths.map(async (path, index) => {
      const fingerprint = fingerprints[index];
      if (cache === undefined || fingerprint === undefined) return undefined;
      const doc = await cache.read(fingerprint.key, (value): value is TreatyDocument => isTreatyDocument(value, fingerprint.sha256));
      // The same bytes may sit under another name: the report names the path given this time.
      return doc === undefined ? undefined : { ...doc, source: { ...doc.source, path } };
    }),
  );
  const missing = paths.filter((_, index) => docs[index] === undefined);
  if (missing.length > 0) {
    const read = await readUncached(missing, options.workers ?? 'auto');
    let next = 0;
    for (let index = 0; index < paths.length; index++) {
      if (docs[index] !== undefined) continue;
      const doc = read[next++];
      docs[index] = doc;
      const fingerprint = fingerprints[index];
      // Stored only when the bytes read are the bytes hashed (the file did not change in between).
      if (cache !== undefined && doc !== undefined && fingerprint !== undefined && doc.source.sha256 === fingerprint.sha256) {
        await cache.write(fingerprint.key, doc);
      }
    }
  }
  const { listArticles } = await import('../parse/walk.js');
  return docs.map((doc, index) => {
    const path = paths[index] ?? '';
    if (doc === undefined) throw new TreatyDiffError('internal', `${path}: the draft was not read`);
    if (listArticles(doc).length === 0) {
      throw new TreatyDiffError(
        'no-articles',
        `${path}: no articles found (no heading such as "Article 1", "ARTICLE 24" or "Article 6 bis"); if this is a treaty draft, please report it with the file so that its headings can be read`,
      );
    }
    return doc;
  });
}

/** Reads drafts that were not in the cache, each in a worker thread (`auto`): concurrently when there are
 * cores to spare, and always under a thread that can be stopped from outside if a hostile PDF keeps
 * pdf.js busy past the reading bound. `never`, or a caller that is a worker thread itself, reads in this thread. */
async function readUncached(paths: readonly string[], workers: 'auto' | 'never'): Promise<TreatyDocument[]> {
  // A caller that is a worker thread already (an embedding, the fuzzer's thread runner) can be stopped
  // from outside as it is: reading in place spares it a second pdf.js.
  if (workers === 'auto' && isMainThread) {
    const { shouldReadInWorkers, readDraftsInWorkers } = await import('./read-in-worker.js');
    return readDraftsInWorkers(paths, shouldReadInWorkers(paths.length));
  }
  const [{ readDraft }, { parseDocument }] = await Promise.all([import('../extract/read-draft.js'), import('../parse/parse-document.js')]);
  const docs: TreatyDocument[] = [];
  for (const path of paths) docs.push(parseDocument(await readDraft(path)));
  return docs;
}

/**
 * The SHA-256 of a draft file and its parse-cache key (content, extension, tool version, code), or
 * undefined when the file cannot be read: the reader then reports that with its own message.
 */
export function fingerprintDraft(path: string): Promise<DraftFingerprint | undefined> {
  // Once per path and process: the comparison key and the parse key need the same hash.
  let fingerprint = fingerprints.get(path);
  if (fingerprint === undefined) {
    fingerprint = hashDraft(path);
    fingerprints.set(path, fingerprint);
  }
  return fingerprint;
}

const fingerprints = new Map<string, Promise<DraftFingerprint | undefined>>();

async function hashDraft(path: string): Promise<DraftFingerprint | undefined> {
  try {
    const info = await stat(path);
    if (!info.isFile() || info.size === 0 || info.size > MAX_HASHED_BYTES) return undefined;
    const sha256 = createHash('sha256').update(await readFile(path)).digest('hex');
    // The extension decides how a file without a PDF header is read (.txt/.md as text).
    return { sha256, key: cacheKey(['parse', sha256, extname(path).toLowerCase()]) };
  } catch {
    return undefined;
  }
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
