// What a run starts before the CLI is loaded: the compiled-code cache, and for a run on PDFs a reading thread.

import { openCache, resolveCacheDir } from '../drafts/cache.js';
import { compileCacheDir, enableCompileCache } from '../drafts/compile-cache.js';

/**
 * Turns on the compiled-code cache (Node 22+; not under `--no-cache`, which stores nothing in the cache
 * folder) so that it covers the modules the CLI loads, and, when the arguments name a PDF, starts a reading
 * thread that loads pdf.js while the main thread loads the CLI, parses the options and reads the files.
 * The thread is left alone for `--help` and `--version`, for `--max-memory`, whose heap bound must be
 * known before a thread starts (that run starts its threads once its options are read), and when the
 * parse cache already holds every PDF named: a warm run reads no PDF, and a thread loading pdf.js for
 * nothing would only cost it time at exit.
 *
 * Example: `await startEarly(['node', 'treaty-diff', 'old.pdf', 'new.pdf'], process.env)`.
 */
export async function startEarly(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<void> {
  const args = argv.slice(2);
  const cache = args.includes('--no-cache') ? undefined : compileCacheDir(resolveCacheDir(env));
  if (cache !== undefined) enableCompileCache(cache);
  if (!readsPdfs(args)) return;
  if (cache !== undefined && (await parsedBefore(args.filter(isPdfPath), env))) return;
  const { prestartReadingThread } = await import('../drafts/read-in-worker.js');
  prestartReadingThread(cache === undefined ? {} : { compileCacheDir: cache });
}

const ASIDE = new Set(['--help', '-h', '--version', '-V']);

const isPdfPath = (arg: string): boolean => /\.pdf$/i.test(arg);

/** True when the arguments name a PDF and ask for nothing that reads none or bounds the thread otherwise. */
function readsPdfs(args: readonly string[]): boolean {
  if (args.some((arg) => ASIDE.has(arg) || arg === '--max-memory' || arg.startsWith('--max-memory='))) return false;
  return args.some(isPdfPath);
}

/**
 * True when the parse cache holds an entry for every one of `paths` as read by default (a run with other
 * reading options keys its drafts otherwise and starts the thread for nothing, which costs it nothing
 * but a little time at exit). A path that cannot be read is left to the run to report.
 */
async function parsedBefore(paths: readonly string[], env: NodeJS.ProcessEnv): Promise<boolean> {
  const [{ readDraftFileAhead }, { parseKey }] = await Promise.all([import('../drafts/read-file.js'), import('../drafts/load-drafts.js')]);
  const cache = openCache(env);
  for (const path of paths) {
    // Read ahead: the run takes these bytes and hashes rather than reading the file again.
    const file = await readDraftFileAhead(path).catch(() => undefined);
    if (file === undefined || !cache.has(parseKey(file))) return false;
  }
  return true;
}
