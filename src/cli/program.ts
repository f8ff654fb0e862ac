// The command-line program: parse options, read drafts, compare, render, write, set the exit code.

import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { TreatyDiffError, isTreatyDiffError } from '../errors.js';
import { EXIT_TROUBLE, exitCodeFor, exitCodeFrom, type ExitFacts, type FailOn } from '../exit-codes.js';
import { TOOL_VERSION } from '../version.js';
import { describeFsError, emit, guardOutput, removeTemporaryFiles } from './output-file.js';
import { processIo, type Io } from './io.js';
import { isSafeToPrint, showControls } from '../messages.js';

export type { Io } from './io.js';
import { detectColorLevel, type ColorLevel } from '../render/color-level.js';
import type { Highlighter } from '../render/highlight.js';
import type { FindingCode, ReadOptions, TreatyDiff, TreatyDocument, TreatyHistory } from '../types.js';
import type { LoadDraftsOptions } from '../drafts/load-drafts.js';

/** Report formats of the compare command; a Record so each format must have a renderer. */
const COMPARE_FORMATS = ['text', 'json', 'markdown', 'html'] as const;
type CompareFormat = (typeof COMPARE_FORMATS)[number];
const EXTRACT_FORMATS = ['text', 'json', 'plain'] as const;
type ExtractFormat = (typeof EXTRACT_FORMATS)[number];

/** Groups accepted by `--fail-on` besides single finding codes. */
const FAIL_ON_GROUPS: Record<string, FailOn> = {
  any: () => true,
  safeguards: (code) => code.startsWith('safeguard-'),
  powers: (code) => code.startsWith('power-'),
};

/** The reading bounds, the password and --debug as commander gives them (sizes in MB, time in seconds). */
interface ReadFlags {
  password?: string;
  maxPages?: number;
  maxSize?: number;
  timeout?: number;
  maxMemory?: number;
  /** `read` (default) or `ignore`: how a draft's own change marks (struck, bold, underlined) are read. */
  marks?: 'read' | 'ignore';
  debug?: boolean;
}

interface CompareOptions extends ReadFlags {
  format: CompareFormat;
  output?: string;
  failOn?: string;
  rules?: string;
  article?: string[];
  color: boolean;
  /** False with `--no-cache`: read and compare afresh, store nothing. */
  cache: boolean;
}

interface ExtractOptions extends ReadFlags {
  format: ExtractFormat;
  output?: string;
  color: boolean;
  cache: boolean;
}

const EXAMPLES = `
Examples:
  $ treaty-diff zero-draft.pdf revised-draft.pdf
  $ treaty-diff old.pdf new.pdf --format json | jq '.findings[] | select(.code == "safeguard-weakened")'
  $ treaty-diff old.pdf new.pdf --fail-on safeguards,power-expanded   # CI: exit 1 only on these
  $ treaty-diff old.pdf new.pdf --article 15 21 --no-color
  $ treaty-diff old.pdf new.pdf --format markdown >> "$GITHUB_STEP_SUMMARY"
  $ treaty-diff old.pdf new.pdf --format html -o report.html          # one self-contained file
  $ treaty-diff draft-1.pdf draft-2.pdf draft-3.pdf                   # 1 -> 2, 2 -> 3, and each article's history
  $ treaty-diff extract draft.pdf                                      # what was read, as an outline
  $ treaty-diff marked compromise.pdf                                  # the changes a draft marks itself (struck, bold)

Several drafts are compared in the order given (earliest first), never re-sorted by date.

Exit codes: 0 no differences (or none matching --fail-on), 1 differences (or a --fail-on match),
2 trouble (unreadable or unsupported draft, no articles found, bad option).`;

/** Builds the program; `io` is where reports, errors and the exit code go (the process, or a test). */
function buildProgram(io: Io, run: RunState): Command {
  const program = new Command('treaty-diff')
    .description('Compare treaty drafts (PDF, or .txt/.md text): safeguards and surveillance powers first. Two drafts, or several in the order given.')
    .version(TOOL_VERSION, '-V, --version')
    .argument('<old>', 'the earlier draft')
    .argument('<new>', 'the later draft')
    .argument('[more...]', 'later drafts still, in order: each is compared with the one before it')
    .addOption(new Option('--format <format>', 'report format').choices(COMPARE_FORMATS).default('text'))
    .option('-o, --output <file>', 'write the report to this file instead of stdout')
    .option('--fail-on <codes>', 'exit 1 only for these finding codes or groups (safeguards, powers, any), comma-separated')
    .option('--rules <file>', 'a JSON lexicon that extends or replaces the default classification rules')
    .option('--article <num...>', 'only report these articles (old or new number)')
    .option('--no-color', 'no colour (also NO_COLOR=1; never coloured when not a terminal)')
    .option('--no-cache', 'read the drafts afresh and store nothing in the cache ($XDG_CACHE_HOME/treaty-diff)');
  addReadOptions(program)
    .addHelpText('after', EXAMPLES)
    .showSuggestionAfterError()
    // Options after 'extract' belong to extract, not to the compare command.
    .enablePositionalOptions()
    .action(async (oldPath: string, newPath: string, more: string[], options: CompareOptions) => {
      run.debug ||= options.debug === true;
      if (more.length > 0) await runSeries([oldPath, newPath, ...more], options, io);
      else await runCompare(oldPath, newPath, options, io);
    });

  const extract = program
    .command('extract')
    .description('Print the structure read from one draft: an outline with pages (text) or the whole tree (json).')
    .argument('<draft>', 'the draft to read')
    .addOption(new Option('--format <format>', 'output format: an outline (text), the whole tree (json), or the text one provision a line (plain, for git diff)').choices(EXTRACT_FORMATS).default('text'))
    .option('-o, --output <file>', 'write to this file instead of stdout')
    .option('--no-color', 'no colour')
    .option('--no-cache', 'read the draft afresh and store nothing in the cache');
  addReadOptions(extract).action(async (draftPath: string, options: ExtractOptions) => {
    run.debug ||= options.debug === true;
    await runExtract(draftPath, options, io);
  });

  const marked = program
    .command('marked')
    .description(
      'Report the changes one draft marks itself (deletions struck through, additions in bold or underlined): its text before the marks compared with its text as marked, with the same findings and formats as two drafts.',
    )
    .argument('<draft>', 'the marked draft (a compromise text, a track-changes print)')
    .addOption(new Option('--format <format>', 'report format').choices(COMPARE_FORMATS).default('text'))
    .option('-o, --output <file>', 'write the report to this file instead of stdout')
    .option('--fail-on <codes>', 'exit 1 only for these finding codes or groups (safeguards, powers, any), comma-separated')
    .option('--rules <file>', 'a JSON lexicon that extends or replaces the default classification rules')
    .option('--article <num...>', 'only report these articles (number before or after the marks)')
    .option('--no-color', 'no colour')
    .option('--no-cache', 'read the draft afresh and store nothing in the cache');
  addReadOptions(marked).action(async (draftPath: string, options: CompareOptions) => {
    run.debug ||= options.debug === true;
    await runMarked(draftPath, options, io);
  });

  for (const command of [program, ...program.commands]) {
    command.exitOverride();
    command.configureOutput({
      writeOut: (text) => io.stdout(text),
      writeErr: (text) => io.stderr(text),
      // commander's own usage errors: one line, our prefix, and where to look.
      outputError: (text, write) => write(`treaty-diff: ${text.replace(/^error: /, '').trim()} (see treaty-diff --help)\n`),
    });
  }
  return program;
}

/** The reading bounds, the password and --debug, on the compare command and on extract. */
function addReadOptions(command: Command): Command {
  return command
    .option('--password <password>', 'password of an encrypted PDF (also TREATY_DIFF_PASSWORD, which keeps it out of the process list)')
    .addOption(new Option('--max-pages <n>', 'refuse drafts with more pages (default 2000)').argParser(parsePositive('--max-pages')))
    .addOption(new Option('--max-size <MB>', 'refuse larger files; streams may expand to 3x this (default 100)').argParser(parsePositive('--max-size')))
    .addOption(new Option('--timeout <seconds>', 'give up reading a draft after this long; a comparison that takes longer shows the provisions left as whole-text replacements (default 60)').argParser(parsePositive('--timeout')))
    .addOption(new Option('--max-memory <MB>', 'memory for reading one draft (default 768)').argParser(parsePositive('--max-memory')))
    .addOption(
      new Option('--marks <mode>', "a draft's own change marks: read (struck text left out, bold or underlined insertions noted) or ignore (every word plain)")
        .choices(['read', 'ignore'] as const)
        .default('read'),
    )
    .option('--debug', 'on an internal error, print the details (also TREATY_DIFF_DEBUG=1)');
}

function parsePositive(name: string): (value: string) => number {
  return (value) => {
    const parsed = Number(value);
    if (value.trim() === '' || !Number.isFinite(parsed) || parsed <= 0) throw new InvalidArgumentError(`${name} needs a positive number, got "${value}".`);
    return parsed;
  };
}

/**
 * The environment variables a user (or a CI job) may set instead of the reading flags; the password's keeps
 * it out of the process list. A flag given wins over its variable.
 */
const READ_VARIABLES = {
  maxSize: 'TREATY_DIFF_MAX_SIZE',
  maxPages: 'TREATY_DIFF_MAX_PAGES',
  timeout: 'TREATY_DIFF_TIMEOUT',
  maxMemory: 'TREATY_DIFF_MAX_MEMORY',
  password: 'TREATY_DIFF_PASSWORD',
} as const;

/**
 * The read options from the flags, else from the environment; unset or invalid variables are left out
 * (the reader's defaults apply). From here they travel as data, to the reading threads included.
 *
 * Example: `{ maxPages: 50 }` with `{ TREATY_DIFF_TIMEOUT: '2.5' }` -> `{ maxPages: 50, timeoutMs: 2500 }`.
 */
export function readOptionsFrom(flags: ReadFlags, env: NodeJS.ProcessEnv): ReadOptions {
  const positive = (flag: number | undefined, name: string): number | undefined => {
    if (flag !== undefined) return flag;
    const text = env[name];
    const value = Number(text);
    return text !== undefined && text.trim() !== '' && Number.isFinite(value) && value > 0 ? value : undefined;
  };
  const maxSize = positive(flags.maxSize, READ_VARIABLES.maxSize);
  const maxPages = positive(flags.maxPages, READ_VARIABLES.maxPages);
  const timeout = positive(flags.timeout, READ_VARIABLES.timeout);
  const maxMemory = positive(flags.maxMemory, READ_VARIABLES.maxMemory);
  const password = flags.password ?? env[READ_VARIABLES.password];
  return {
    ...(maxSize !== undefined ? { maxBytes: Math.round(maxSize * 1024 * 1024) } : {}),
    ...(maxPages !== undefined ? { maxPages: Math.floor(maxPages) } : {}),
    ...(timeout !== undefined ? { timeoutMs: Math.round(timeout * 1000) } : {}),
    ...(maxMemory !== undefined ? { maxMemoryMb: Math.ceil(maxMemory) } : {}),
    ...(password !== undefined && password !== '' ? { password } : {}),
    ...(flags.marks === 'ignore' ? { marks: 'ignore' as const } : {}),
  };
}

/** What every comparison checks before reading a draft: --fail-on and --rules parsed, -o kept off the
 * drafts; and the progress line it reports on. */
async function prepareComparison(paths: string[], options: CompareOptions, io: Io) {
  const failOn = options.failOn === undefined ? undefined : await parseFailOn(options.failOn);
  const lexicon = options.rules === undefined ? undefined : await loadRulesFile(options.rules);
  await guardOutput(options.output, paths);
  const { createProgress } = await import('./progress.js');
  const progress = createProgress({ isTTY: io.stderrStream?.isTTY === true, write: (text) => io.stderr(text) });
  return { failOn, lexicon, progress };
}

async function runCompare(oldPath: string, newPath: string, options: CompareOptions, io: Io): Promise<void> {
  const { failOn, lexicon, progress } = await prepareComparison([oldPath, newPath], options, io);
  const { reportFiles } = await import('../drafts/compare-files.js');
  // Only the text format is coloured.
  const level = options.format === 'text' ? colorLevelFor(options, io) : 0;
  // A report depends on the comparison, the format and the colour level: a rerun asking the same is served
  // the stored text.
  const format = {
    id: `${options.format}/${level}`,
    render: (diff: TreatyDiff) => renderReport(diff, options.format, level),
    // Printed as it is: only what the renderer writes, colour sequences in coloured text, never a control from elsewhere.
    accepts: (text: string) => isSafeToPrint(text, level > 0),
  };
  let report: { text: string; exit: ExitFacts };
  try {
    progress.reading([oldPath, newPath]);
    const load = await loadOptionsFor(options, io);
    report = await reportFiles(oldPath, newPath, { lexicon, articles: options.article, ...compareBound(load) }, load, format);
  } finally {
    progress.finish();
  }
  await emit(report.text, options.output, io);
  io.setExitCode(exitCodeFrom(report.exit, failOn));
}

/** Three or more drafts: consecutive comparisons and each article's history; exit 1 when any step differs. */
async function runSeries(paths: string[], options: CompareOptions, io: Io): Promise<void> {
  const { failOn, lexicon, progress } = await prepareComparison(paths, options, io);
  const [{ loadDrafts }, { compareDrafts, checkArticlesExist }, { buildHistory }, { selectArticles }] = await Promise.all([
    import('../drafts/load-drafts.js'),
    import('../compare.js'),
    import('../history/build-history.js'),
    import('../history/select-articles.js'),
  ]);
  let history: TreatyHistory;
  try {
    progress.reading(paths);
    const load = await loadOptionsFor(options, io);
    const docs = await loadDrafts(paths, load);
    progress.read(docs.length, docs.reduce((sum, doc) => sum + doc.source.pages, 0));
    if (options.article !== undefined) checkArticlesExist(options.article, docs);
    const comparisons = docs.slice(1).map((newDoc, index) => {
      progress.comparing(index + 1, docs.length - 1);
      // Every article is compared: --article then keeps whole lineages, so an article renumbered
      // into the number asked for still shows where it came from.
      return compareDrafts(docs[index]!, newDoc, { lexicon, ...compareBound(load) });
    });
    const full = buildHistory(comparisons);
    history = options.article === undefined ? full : selectArticles(full, options.article);
  } finally {
    progress.finish();
  }
  const report = await renderSeriesReport(history, options.format, colorLevelFor(options, io));
  await emit(report, options.output, io);
  io.setExitCode(Math.max(...history.comparisons.map((diff) => exitCodeFor(diff, failOn))));
}

/** One marked draft: the changes its marks propose, reported as a comparison of its two texts. */
async function runMarked(draftPath: string, options: CompareOptions, io: Io): Promise<void> {
  const { failOn, lexicon, progress } = await prepareComparison([draftPath], options, io);
  const { compareMarkedDraft } = await import('../compare.js');
  let diff: TreatyDiff;
  try {
    progress.reading([draftPath]);
    const load = await loadOptionsFor(options, io);
    const doc = await loadDraft(draftPath, { ...load, read: { ...load.read, previousText: true } });
    diff = compareMarkedDraft(doc, { lexicon, articles: options.article, ...compareBound(load) });
  } finally {
    progress.finish();
  }
  const report = await renderReport(diff, options.format, colorLevelFor(options, io));
  await emit(report, options.output, io);
  io.setExitCode(exitCodeFor(diff, failOn));
}

async function runExtract(draftPath: string, options: ExtractOptions, io: Io): Promise<void> {
  await guardOutput(options.output, [draftPath]);
  const doc = await loadDraft(draftPath, await loadOptionsFor(options, io));
  const renderers: Record<ExtractFormat, () => Promise<string>> = {
    text: async () => (await import('../render/outline.js')).renderOutline(doc, await highlighterAt(colorLevelFor(options, io))),
    json: async () => (await import('../render/outline.js')).renderDocumentJson(doc),
    plain: async () => (await import('../render/plain-text.js')).renderPlainText(doc),
  };
  const text = await renderers[options.format]();
  await emit(text, options.output, io);
  io.setExitCode(0);
}

/** Reads and parses one draft (through the parse cache); a draft in which no article is found is refused. */
async function loadDraft(path: string, load: LoadDraftsOptions): Promise<TreatyDocument> {
  const { loadDrafts } = await import('../drafts/load-drafts.js');
  const [doc] = await loadDrafts([path], load);
  if (doc === undefined) throw new TreatyDiffError('internal', `${path}: the draft was not read`);
  return doc;
}

/** The user's cache, unless `--no-cache`, and the read options from the flags and the environment. */
async function loadOptionsFor(options: ReadFlags & { cache: boolean }, io: Io): Promise<LoadDraftsOptions> {
  const read = readOptionsFrom(options, io.env);
  if (!options.cache) return { read };
  const { openCache } = await import('../drafts/cache.js');
  return { cache: openCache(io.env), read };
}

/** --timeout bounds each comparison's diffs as it bounds reading each draft. */
const compareBound = (load: LoadDraftsOptions): { timeoutMs?: number } =>
  load.read?.timeoutMs === undefined ? {} : { timeoutMs: load.read.timeoutMs };

/** The report in `format`; the text format alone is highlighted, so only it loads chalk. */
async function renderReport(diff: TreatyDiff, format: CompareFormat, level: ColorLevel): Promise<string> {
  const renderers: Record<CompareFormat, () => Promise<string>> = {
    text: async () => (await import('../render/text.js')).renderText(diff, await highlighterAt(level)),
    json: async () => (await import('../render/json.js')).renderJson(diff),
    markdown: async () => (await import('../render/markdown.js')).renderMarkdown(diff),
    html: async () => (await import('../render/html.js')).renderHtml(diff),
  };
  return renderers[format]();
}

async function renderSeriesReport(history: TreatyHistory, format: CompareFormat, level: ColorLevel): Promise<string> {
  const renderers: Record<CompareFormat, () => Promise<string>> = {
    text: async () => (await import('../render/history-text.js')).renderHistoryText(history, await highlighterAt(level)),
    json: async () => (await import('../render/history-json.js')).renderHistoryJson(history),
    markdown: async () => (await import('../render/markdown.js')).renderHistoryMarkdown(history),
    html: async () => (await import('../render/html.js')).renderHistoryHtml(history),
  };
  return renderers[format]();
}

/** `safeguards,power-expanded` -> a predicate; an unknown name is a usage error listing the valid ones. */
async function parseFailOn(value: string): Promise<FailOn> {
  const { FINDING_CODES } = await import('../classify/findings.js');
  const names = value.split(',').map((name) => name.trim()).filter(Boolean);
  if (names.length === 0) throw new TreatyDiffError('bad-option', '--fail-on needs at least one finding code or group');
  const known = new Set<string>([...FINDING_CODES, ...Object.keys(FAIL_ON_GROUPS)]);
  for (const name of names) {
    if (!known.has(name)) {
      throw new TreatyDiffError(
        'bad-option',
        `--fail-on: unknown finding code or group "${name}" (groups: ${Object.keys(FAIL_ON_GROUPS).join(', ')}; codes: ${FINDING_CODES.join(', ')})`,
      );
    }
  }
  return (code: FindingCode) => names.some((name) => name === code || FAIL_ON_GROUPS[name]?.(code) === true);
}

async function loadRulesFile(path: string): Promise<import('../classify/lexicon.js').Lexicon> {
  const { readFile } = await import('node:fs/promises');
  const [{ parseRules, mergeLexicon }, { DEFAULT_LEXICON }] = await Promise.all([import('../classify/rules.js'), import('../classify/lexicon.js')]);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new TreatyDiffError('bad-rules', `${path}: cannot read the rules file (${describeFsError(error)}); check the path given to --rules`);
  }
  return mergeLexicon(DEFAULT_LEXICON, parseRules(text, path));
}

/** The highlighter for a colour level; chalk is loaded only by a run that renders text. */
async function highlighterAt(level: ColorLevel): Promise<Highlighter> {
  return (await import('../render/highlight.js')).createHighlighter(level);
}

/** No colour in a file written with -o; else as the terminal, the flags and the environment say. */
function colorLevelFor(options: { color: boolean; output?: string }, io: Io): ColorLevel {
  if (options.output !== undefined) return 0;
  return detectColorLevel({ colorFlag: options.color, env: io.env, stream: io.stdoutStream });
}

/**
 * Runs the program on `argv` (as process.argv: node, script, args...). Expected failures print one
 * line and exit 2; an unexpected one prints one line asking for a report (details with TREATY_DIFF_DEBUG=1).
 */
export async function main(argv: string[], io: Io = processIo): Promise<void> {
  const run: RunState = { debug: debugEnabled(io.env) };
  if (io === processIo) {
    catchStrayErrors(io, run);
    cleanUpOnSignals();
    ignoreClosedStdout(run);
  }
  const program = buildProgram(io, run);
  try {
    await program.parseAsync(argv);
  } catch (error) {
    io.setExitCode(handleError(error, io, run));
  }
}

/**
 * An error thrown outside the awaited chain (a library's timer or stray promise) would end the process
 * with a stack trace and exit 1, which reads as "differences found". It gets the same one line and exit 2.
 */
function catchStrayErrors(io: Io, run: RunState): void {
  process.on('uncaughtException', (error) => {
    io.setExitCode(handleError(error, io, run));
  });
}

/**
 * `treaty-diff old.pdf new.pdf | head` closes the pipe before the report is written: that is the reader's
 * choice, not a failure, so the rest of the report is dropped silently (the exit code stands).
 */
function ignoreClosedStdout(run: RunState): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') return;
    // A full disk or a closed terminal is the output's trouble, not a bug.
    const failure = typeof error.code === 'string' ? new TreatyDiffError('output-failed', `standard output: cannot write the report (${describeFsError(error)})`) : error;
    process.exitCode = handleError(failure, processIo, run);
  });
}

/** The signals that cancel a run. */
const CANCELLING_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Ctrl-C, `kill` or a closed terminal while a report is being written to `-o`: the temporary file beside
 * it is removed, then the signal is raised again, so that the run ends as a cancelled command does (the
 * shell reports 130, 143, 129) and at once, even with a thread still blocked on a file.
 */
function cleanUpOnSignals(): void {
  for (const signal of CANCELLING_SIGNALS) {
    process.once(signal, () => {
      removeTemporaryFiles();
      process.kill(process.pid, signal);
    });
  }
}

/** What the run learnt that error handling needs: whether to print an internal error's details. */
interface RunState {
  /** `--debug`, or TREATY_DIFF_DEBUG set. */
  debug: boolean;
}

function handleError(error: unknown, io: Io, run: RunState): number {
  if (error instanceof CommanderError) {
    // Help and version are successes; every other commander error is a usage error (2, not 1).
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0;
    return EXIT_TROUBLE;
  }
  if (isTreatyDiffError(error)) {
    // A file name may carry terminal controls: shown, never obeyed.
    io.stderr(`treaty-diff: ${showControls(error.message)}\n`);
    return EXIT_TROUBLE;
  }
  const detail = showControls((error instanceof Error ? error.message : String(error)).split(/\r?\n/)[0]?.trim() || 'unknown error');
  io.stderr(
    `treaty-diff: internal error (${detail}); this is a bug in treaty-diff: please report it with the command and the drafts; --debug or TREATY_DIFF_DEBUG=1 shows the details\n`,
  );
  if (run.debug) io.stderr(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return EXIT_TROUBLE;
}

/** TREATY_DIFF_DEBUG: any value but empty, `0` or `false` turns the details on, as `--debug` does. */
function debugEnabled(env: NodeJS.ProcessEnv): boolean {
  const value = env['TREATY_DIFF_DEBUG']?.trim().toLowerCase();
  return value !== undefined && value !== '' && value !== '0' && value !== 'false';
}
