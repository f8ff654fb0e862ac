// The on-disk result cache: where it lives (XDG), how entries are keyed, checked, written atomically and pruned.

import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TOOL_VERSION } from '../version.js';

/** Entry header tag; an entry without it (another tool's file, an older layout) is foreign and ignored. */
const ENTRY_FORMAT = 'treaty-diff-cache/2';
/** Default bound on the cache folder; the least recently used entries go first. */
const DEFAULT_MAX_BYTES = 256 * 1024 * 1024;
/** Pruning keeps this share of the bound, so that not every write has to prune again. */
const PRUNE_TO = 0.75;

/** An open cache folder. Every method swallows file-system failures: a cache never fails a run. */
export interface Cache {
  /** The folder, e.g. `~/.cache/treaty-diff`. */
  dir: string;
  /** True when an entry is stored under `key` (not yet checked: `read` does that). */
  has(key: string): boolean;
  /** The value stored under `key`, if present, intact, written for this key and accepted by `isValid`. */
  read<T>(key: string, isValid: (value: unknown) => value is T): Promise<T | undefined>;
  /** Stores `value` (JSON) under `key`: a temporary file, then a rename, then pruning if over the bound. */
  write(key: string, value: unknown): Promise<void>;
  /** The text stored under `key` by `writeText`, with its note, if present, intact and the note accepted by `isValid`. */
  readText<T>(key: string, isValid: (note: unknown) => note is T): Promise<{ note: T; text: string } | undefined>;
  /** Stores `text` as it is (a rendered report, not JSON to parse again), with a small JSON `note` about it. */
  writeText(key: string, note: unknown, text: string): Promise<void>;
}

/**
 * The cache folder by the XDG base-directory rules: `$XDG_CACHE_HOME/treaty-diff` when that is an
 * absolute path (the spec says to ignore relative ones), else `~/.cache/treaty-diff`.
 *
 * Example: `{ XDG_CACHE_HOME: '/tmp/c' }` -> `/tmp/c/treaty-diff`; `{}` -> `/home/ana/.cache/treaty-diff`.
 */
export function resolveCacheDir(env: NodeJS.ProcessEnv): string {
  const xdg = env['XDG_CACHE_HOME'];
  const base = xdg !== undefined && isAbsolute(xdg) ? xdg : join(env['HOME'] !== undefined && isAbsolute(env['HOME']) ? env['HOME'] : homedir(), '.cache');
  return join(base, 'treaty-diff');
}

/**
 * A cache key: the SHA-256 of everything that decides a result. The tool version and a fingerprint
 * of the installed code are always part of it, so a rebuilt or upgraded treaty-diff never reads
 * what an older one wrote.
 *
 * Example: `cacheKey(['parse', sha256OfPdf, '.pdf'])` -> 64 hex digits.
 */
export function cacheKey(parts: readonly string[]): string {
  const hash = createHash('sha256').update(`${ENTRY_FORMAT}\0${TOOL_VERSION}\0${codeFingerprint()}`);
  for (const part of parts) hash.update(`\0${part}`);
  return hash.digest('hex');
}

let fingerprint: string | undefined;

/**
 * SHA-256 over every compiled module of dist/ (about a hundred files): a changed parser or classifier
 * without a version bump still gets fresh results. `npm run build` writes it to dist/code-fingerprint.txt
 * (scripts/fingerprint.mjs, with `codeFingerprintOf`), so that a run reads one file; without that file (a
 * build by other means) the modules are hashed here, once per process.
 */
function codeFingerprint(): string {
  if (fingerprint !== undefined) return fingerprint;
  // dist/, this module being dist/drafts/cache.js: every stage of the pipeline, not the drafts folder alone.
  const root = dirname(dirname(fileURLToPath(import.meta.url)));
  try {
    const written = readFileSync(join(root, 'code-fingerprint.txt'), 'utf8').trim();
    if (/^[0-9a-f]{64}$/.test(written)) fingerprint = written;
  } catch {
    // Not built by npm run build: hash the modules.
  }
  fingerprint ??= codeFingerprintOf(root);
  return fingerprint;
}

/**
 * The fingerprint of the compiled modules under `root`: their names and contents, in name order.
 * Example: `codeFingerprintOf('dist')` -> 64 hex digits.
 */
export function codeFingerprintOf(root: string): string {
  const hash = createHash('sha256');
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.js')).sort();
  for (const name of files) hash.update(name).update('\0').update(readFileSync(join(root, name))).update('\0');
  return hash.digest('hex');
}

/**
 * Opens the cache folder for `env` (see `resolveCacheDir`), creating nothing until the first write.
 * `maxBytes` bounds the folder's total size (default 256 MB).
 */
export function openCache(env: NodeJS.ProcessEnv, options: { dir?: string; maxBytes?: number } = {}): Cache {
  const dir = options.dir ?? resolveCacheDir(env);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const entryPath = (key: string): string => join(dir, `${key}.json`);
  const readEntry = (key: string): Promise<Buffer | undefined> => readFile(entryPath(key)).catch(() => undefined);
  /** Marks an entry as recently used, so that pruning removes the stale ones first. */
  const touch = async (key: string): Promise<void> => {
    const now = new Date();
    await utimes(entryPath(key), now, now).catch(() => undefined);
  };
  const writeEntry = async (key: string, bytes: Buffer): Promise<void> => {
    const path = entryPath(key);
    const temporary = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      await writeFile(temporary, bytes, { mode: 0o600 });
      await rename(temporary, path);
    } catch {
      await unlink(temporary).catch(() => undefined);
      return;
    }
    await pruneCache(dir, maxBytes).catch(() => undefined);
  };
  return {
    dir,
    has: (key) => existsSync(entryPath(key)),
    async read<T>(key: string, isValid: (value: unknown) => value is T): Promise<T | undefined> {
      const entry = decodeEntry(await readEntry(key), key, 'json');
      if (entry === undefined) return undefined;
      try {
        const value = JSON.parse(entry.body.toString('utf8')) as unknown;
        if (!isValid(value)) return undefined;
        await touch(key);
        return value;
      } catch {
        return undefined;
      }
    },
    write: (key, value) => writeEntry(key, encodeEntry(key, 'json', Buffer.from(JSON.stringify(value)))),
    async readText<T>(key: string, isValid: (note: unknown) => note is T): Promise<{ note: T; text: string } | undefined> {
      const entry = decodeEntry(await readEntry(key), key, 'text');
      if (entry === undefined || !isValid(entry.note)) return undefined;
      await touch(key);
      return { note: entry.note, text: entry.body.toString('utf8') };
    },
    writeText: (key, note, text) => writeEntry(key, encodeEntry(key, 'text', Buffer.from(text), note)),
  };
}

/** What an entry's body is: JSON to parse (`read`), or a text kept as it is (`readText`). */
type BodyKind = 'json' | 'text';

/** One header line (format, key, body kind, checksum of the body, and a text's note) and the body. */
function encodeEntry(key: string, body: BodyKind, bytes: Buffer, note?: unknown): Buffer {
  const header = { format: ENTRY_FORMAT, key, body, sha256: createHash('sha256').update(bytes).digest('hex'), ...(note === undefined ? {} : { note }) };
  return Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), bytes]);
}

/** The body (and note) of an entry, or undefined when it is absent, foreign (other format, key or kind), truncated or altered. */
function decodeEntry(bytes: Buffer | undefined, key: string, body: BodyKind): { body: Buffer; note: unknown } | undefined {
  if (bytes === undefined) return undefined;
  const newline = bytes.indexOf(0x0a);
  if (newline < 0) return undefined;
  try {
    const header = JSON.parse(bytes.toString('utf8', 0, newline)) as { format?: unknown; key?: unknown; body?: unknown; sha256?: unknown; note?: unknown } | null;
    if (header?.format !== ENTRY_FORMAT || header.key !== key || header.body !== body) return undefined;
    const rest = bytes.subarray(newline + 1);
    if (createHash('sha256').update(rest).digest('hex') !== header.sha256) return undefined;
    return { body: rest, note: header.note };
  } catch {
    return undefined;
  }
}

/** Deletes the least recently used entries (and stray temporary files older than a minute) until
 * the folder holds at most `PRUNE_TO` of `maxBytes`; does nothing while it is under the bound. */
async function pruneCache(dir: string, maxBytes: number): Promise<void> {
  const entries: { path: string; size: number; mtimeMs: number }[] = [];
  for (const name of await readdir(dir)) {
    if (!name.endsWith('.json') && !name.endsWith('.tmp')) continue;
    const path = join(dir, name);
    const info = await stat(path).catch(() => undefined);
    if (info === undefined || !info.isFile()) continue;
    if (name.endsWith('.tmp')) {
      if (Date.now() - info.mtimeMs > 60_000) await unlink(path).catch(() => undefined);
      continue;
    }
    entries.push({ path, size: info.size, mtimeMs: info.mtimeMs });
  }
  let total = entries.reduce((sum, entry) => sum + entry.size, 0);
  if (total <= maxBytes) return;
  entries.sort((a, b) => a.mtimeMs - b.mtimeMs);
  for (const entry of entries) {
    if (total <= maxBytes * PRUNE_TO) break;
    await unlink(entry.path).catch(() => undefined);
    total -= entry.size;
  }
}
