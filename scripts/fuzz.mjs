// Seeded mutation fuzzer: mutates the fixture PDFs and runs the built CLI on each case under a time and memory bound.
//
// Usage: npm run fuzz -- [--cases N] [--seed S] [--jobs J] [--timeout MS] [--memory MB] [--only K] [--save DIR] [--json FILE]
//                        [--runner process|thread] [--quiet]
//
// Every case k is a pure function of (seed, k): `--seed S --only K` rebuilds and reruns exactly that case.
// A case passes when the CLI ends by itself with exit 0, 1 or 2 within the time bound (`--timeout`, the
// process is killed past it; the CLI itself is given half of it as its own `--timeout`, so its reading
// bound is what should stop a slow case), its peak resident memory stays under `--memory` (measured
// by the child itself at exit, and sampled from /proc while it runs), stderr is empty or one line
// without a stack trace or "internal error", and, when it prints a parsed draft, the coverage invariant
// holds (every body line in exactly one node or in `unplaced`). Needs `npm run build` first (it runs
// bin/treaty-diff.js on dist/).
//
// Two runners. `process` (the default) starts the built CLI once per case: the real program, its real exit
// code, its peak resident memory. `thread` runs the same `main()` of dist/cli/program.js with a recording Io in
// long-lived worker threads, so that pdf.js is loaded once per thread rather than once per case (about
// five times faster; the bounded run in `npm test` uses it): exit code, stderr and coverage are judged
// the same way, a case past the time bound is stopped by terminating its thread, and the memory bound is
// the thread's V8 heap limit (a case that exceeds it ends its thread with ERR_WORKER_OUT_OF_MEMORY).

import { spawn } from 'node:child_process';
import { getHeapStatistics } from 'node:v8';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { inflateSync } from 'node:zlib';
import { ENCODERS, encodeChain, lzwSpaces } from './pdf-filters.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'treaty-diff.js');

/**
 * Seed inputs, with weights: small drafts more often, because most of a case's time is reading.
 * Every file here is a real fixture; missing ones (fixtures not built) are skipped.
 */
const SEEDS = [
  ['fixtures/negotiation-draft.pdf', 4],
  ['fixtures/pairs/renumber-only/old.pdf', 3],
  ['fixtures/pairs/renumber-only/new.pdf', 2],
  ['fixtures/un-draft.pdf', 1],
  ['fixtures/coe-convention.pdf', 1],
  ['fixtures/bad/owner-restricted.pdf', 1],
  ['fixtures/hostile/javascript.pdf', 1],
  ['fixtures/hostile/form-and-attachment.pdf', 1],
  ['fixtures/hostile/uncompressed.pdf', 2],
  ['fixtures/hostile/object-streams.pdf', 2],
];

/** Mutation operators, each `(bytes, rng) -> bytes`. Names appear in the report. */
const MUTATIONS = {
  /** A few random bytes set to random values. */
  'flip-bytes': (bytes, rng) => {
    const out = Uint8Array.from(bytes);
    const count = 1 + rng.int(16);
    for (let i = 0; i < count; i += 1) out[rng.int(out.length)] = rng.int(256);
    return out;
  },
  /** Single bits flipped. */
  'flip-bits': (bytes, rng) => {
    const out = Uint8Array.from(bytes);
    const count = 1 + rng.int(32);
    for (let i = 0; i < count; i += 1) {
      const at = rng.int(out.length);
      out[at] = out[at] ^ (1 << rng.int(8));
    }
    return out;
  },
  /** The file cut short at a random place (an interrupted download). */
  truncate: (bytes, rng) => bytes.slice(0, rng.int(bytes.length)),
  /** A chunk copied and inserted elsewhere (a broken mirror, a concatenation). */
  'duplicate-chunk': (bytes, rng) => {
    const length = 1 + rng.int(Math.min(8192, bytes.length));
    const from = rng.int(bytes.length - length + 1);
    const to = rng.int(bytes.length + 1);
    return concat(bytes.slice(0, to), bytes.slice(from, from + length), bytes.slice(to));
  },
  /** A chunk removed. */
  'delete-chunk': (bytes, rng) => {
    const length = 1 + rng.int(Math.min(4096, bytes.length));
    const from = rng.int(bytes.length - length + 1);
    return concat(bytes.slice(0, from), bytes.slice(from + length));
  },
  /** Bytes inside a stream's data overwritten: the compressed content is corrupt but the file structure holds. */
  'corrupt-stream': (bytes, rng) => {
    const starts = findAll(bytes, 'stream');
    if (starts.length === 0) return MUTATIONS['flip-bytes'](bytes, rng);
    const out = Uint8Array.from(bytes);
    const start = starts[rng.int(starts.length)] + 8;
    const span = 1 + rng.int(64);
    for (let i = 0; i < span; i += 1) {
      const at = start + rng.int(512);
      if (at < out.length) out[at] = rng.int(256);
    }
    return out;
  },
  /** Digits in the cross-reference table, the trailer or an object header changed (lying offsets, counts, references). */
  'corrupt-numbers': (bytes, rng) => {
    const anchors = [...findAll(bytes, 'xref'), ...findAll(bytes, '/Count'), ...findAll(bytes, '/Length'), ...findAll(bytes, ' 0 R'), ...findAll(bytes, '/Size')];
    if (anchors.length === 0) return MUTATIONS['flip-bytes'](bytes, rng);
    const out = Uint8Array.from(bytes);
    const count = 1 + rng.int(6);
    for (let i = 0; i < count; i += 1) {
      const anchor = anchors[rng.int(anchors.length)];
      for (let at = anchor; at < Math.min(out.length, anchor + 48); at += 1) {
        if (out[at] >= 0x30 && out[at] <= 0x39 && rng.int(3) === 0) out[at] = 0x30 + rng.int(10);
      }
    }
    return out;
  },
  /**
   * One Flate stream decoded and encoded again through a chain of one to three filters (Flate, LZW,
   * RunLength, ASCIIHex, ASCII85) with its /Filter and /Length rewritten; one time in four its content
   * is replaced by an LZW run of 256 MB to 1 GB of spaces under the chain: a bomb no zlib count sees.
   */
  'refilter-stream': (bytes, rng) => {
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    const streams = [...text.matchAll(/<<((?:(?!>>\s*stream)[^])*?)\/Filter\s*\/FlateDecode((?:(?!>>\s*stream)[^])*?)>>\s*stream\r?\n/g)].filter((m) => /\/Length\s+\d+(?!\s+\d+\s+R)/.test(m[0]));
    if (streams.length === 0) return MUTATIONS['flip-bytes'](bytes, rng);
    const match = streams[rng.int(streams.length)];
    const dataStart = match.index + match[0].length;
    const length = Number(/\/Length\s+(\d+)/.exec(match[0])[1]);
    let content;
    try {
      content = inflateSync(bytes.subarray(dataStart, dataStart + length), { maxOutputLength: 16 * 1024 * 1024 });
    } catch {
      return MUTATIONS['flip-bytes'](bytes, rng);
    }
    const names = Object.keys(ENCODERS);
    const chain = Array.from({ length: 1 + rng.int(3) }, () => names[rng.int(names.length)]);
    const bomb = rng.int(4) === 0;
    const encoded = bomb ? encodeChain(lzwSpaces((256 + rng.int(768)) * 1024 * 1024), chain) : encodeChain(content, chain);
    const filters = bomb ? [...chain, 'LZWDecode'] : chain;
    const dict = match[0].replace(/\/Filter\s*\/FlateDecode/, `/Filter [${filters.map((name) => `/${name}`).join(' ')}]`).replace(/\/Length\s+\d+/, `/Length ${encoded.length}`);
    return concat(bytes.subarray(0, match.index), Buffer.from(dict, 'latin1'), encoded, bytes.subarray(dataStart + length));
  },
  /** PDF tokens spliced in at random places: structure that lies (huge numbers, self references, unbalanced dictionaries). */
  'insert-tokens': (bytes, rng) => {
    const tokens = ['<<', '>>', '[', ']', ' 0 R ', ' 1 0 R ', '/Kids [1 0 R]', '/Count 999999999', '/Length 99999999', 'endobj', 'stream\n', 'endstream', '/Type /Pages', '9999999999', '-1', '(', ')', '/Filter /FlateDecode'];
    let out = bytes;
    const count = 1 + rng.int(4);
    for (let i = 0; i < count; i += 1) {
      const at = rng.int(out.length + 1);
      out = concat(out.slice(0, at), Buffer.from(tokens[rng.int(tokens.length)], 'latin1'), out.slice(at));
    }
    return out;
  },
};

const MUTATION_NAMES = Object.keys(MUTATIONS);

/** mulberry32: small, fast, and the same sequence on every machine. */
function createRng(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n) => (n <= 0 ? 0 : Math.floor(next() * n)) };
}

/** murmur3's 32-bit finaliser: every input bit reaches every output bit. */
function mix32(value) {
  let h = value >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * The case's own seed: independent of how many cases run before it or in which order. The run's seed is
 * mixed before the index joins it, so that runs whose seeds differ in a few low bits (20261203, 20261204)
 * draw unrelated cases; XORed raw, they drew the same cases under other numbers.
 */
export function caseSeed(seed, index) {
  return mix32((mix32(seed) + Math.imul(index + 1, 0x9e3779b9)) >>> 0);
}

function concat(...parts) {
  return new Uint8Array(Buffer.concat(parts.map((part) => Buffer.from(part.buffer, part.byteOffset, part.byteLength))));
}

function findAll(bytes, needle) {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const found = [];
  for (let at = text.indexOf(needle, 0, 'latin1'); at !== -1 && found.length < 5000; at = text.indexOf(needle, at + 1, 'latin1')) found.push(at);
  return found;
}

function parseArgs(argv) {
  const options = { cases: 300, seed: 1, jobs: 2, timeout: 20_000, memory: 1024, only: undefined, save: undefined, json: undefined, quiet: false, runner: 'process' };
  for (let i = 0; i < argv.length; i += 1) {
    const name = argv[i];
    const value = argv[i + 1];
    const number = () => {
      const parsed = Number(value);
      if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`${name} needs a whole number, got ${value}`);
      i += 1;
      return parsed;
    };
    if (name === '--cases') options.cases = number();
    else if (name === '--seed') options.seed = number();
    else if (name === '--jobs') options.jobs = Math.max(1, number());
    else if (name === '--timeout') options.timeout = number();
    else if (name === '--memory') options.memory = number();
    else if (name === '--only') options.only = number();
    else if (name === '--save') (options.save = value), (i += 1);
    else if (name === '--json') (options.json = value), (i += 1);
    else if (name === '--quiet') options.quiet = true;
    else if (name === '--runner') {
      if (value !== 'process' && value !== 'thread') throw new Error(`--runner is process or thread, got ${value}`);
      options.runner = value;
      i += 1;
    }
    else throw new Error(`unknown option ${name} (see the usage line at the top of scripts/fuzz.mjs)`);
  }
  return options;
}

/** Builds case `index`: which seed file, which mutations, which command. Pure in (seed, index). */
export function buildCase(seed, index, seeds) {
  const rng = createRng(caseSeed(seed, index));
  const total = seeds.reduce((sum, [, weight]) => sum + weight, 0);
  let pick = rng.int(total);
  let source = seeds[0];
  for (const entry of seeds) {
    if (pick < entry[1]) {
      source = entry;
      break;
    }
    pick -= entry[1];
  }
  let bytes = new Uint8Array(readFileSync(join(ROOT, source[0])));
  const applied = [];
  const rounds = 1 + rng.int(3);
  for (let round = 0; round < rounds; round += 1) {
    const name = MUTATION_NAMES[rng.int(MUTATION_NAMES.length)];
    bytes = MUTATIONS[name](bytes, rng);
    applied.push(name);
  }
  // One case in eight compares the mutated draft with its intact original: the whole pipeline, not only reading.
  const mode = rng.int(8) === 0 ? 'compare' : 'extract';
  return { index, source: source[0], mutations: applied, mode, bytes };
}

/** The command line of a case, without the reading bound. */
function caseArgs(testCase, file) {
  return testCase.mode === 'compare'
    ? [join(ROOT, testCase.source), file, '--format', 'json', '--no-cache']
    : ['extract', file, '--format', 'json', '--no-cache'];
}

/** The CLI's own reading bound: half the kill bound, so that the CLI stops a slow case itself. */
function readTimeoutSeconds(options) {
  return Math.max(1, Math.floor(options.timeout / 2000));
}

/** Preloaded into every child: writes the process's peak resident set (kB, all threads) to fd 3 at exit. */
const PEAK_REPORTER = 'report-peak.cjs';
// Preloads also run in worker threads (execArgv is inherited): only the main thread reports.
const PEAK_REPORTER_SOURCE = `if (require('node:worker_threads').isMainThread) process.on('exit', () => { try { require('node:fs').writeSync(3, String(process.resourceUsage().maxRSS) + '\\n'); } catch {} });\n`;

/** Runs one case as a child process; resolves with what happened. */
function runCase(testCase, options, workDir) {
  const file = join(workDir, `case-${testCase.index}.pdf`);
  writeFileSync(file, testCase.bytes);
  const args = [...caseArgs(testCase, file), '--timeout', String(readTimeoutSeconds(options))];
  const started = process.hrtime.bigint();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [`--max-old-space-size=${options.memory}`, '--require', join(workDir, PEAK_REPORTER), BIN, ...args], {
      // TREATY_DIFF_MAX_MEMORY: the thread a draft is read in gets the same heap bound (src/drafts/read-in-worker.ts).
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: workDir, XDG_CACHE_HOME: workDir, NO_COLOR: '1', TREATY_DIFF_MAX_MEMORY: String(options.memory) },
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    });
    const stdout = [];
    const stderr = [];
    const peak = [];
    child.stdout.on('data', (chunk) => stdout.push(chunk));
    child.stderr.on('data', (chunk) => stderr.push(chunk));
    child.stdio[3].on('data', (chunk) => peak.push(chunk));
    let peakKb = 0;
    let killedFor;
    const sample = () => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const hwm = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
        peakKb = Math.max(peakKb, hwm);
        if (hwm > options.memory * 1024 && !killedFor) {
          killedFor = 'memory';
          child.kill('SIGKILL');
        }
      } catch {
        // Not Linux, or the child already ended: the last sample stands.
      }
    };
    const sampler = setInterval(sample, 100);
    const timer = setTimeout(() => {
      killedFor = 'timeout';
      child.kill('SIGKILL');
    }, options.timeout);
    child.on('close', (code, signal) => {
      clearInterval(sampler);
      clearTimeout(timer);
      rmSync(file, { force: true });
      // The child's own high-water mark (all threads), written as it exits; absent when it was killed.
      peakKb = Math.max(peakKb, Number(Buffer.concat(peak).toString('latin1').trim().split('\n').pop()) || 0);
      resolve({
        code,
        signal,
        killedFor,
        peakMb: Math.round(peakKb / 1024),
        ms: Number((process.hrtime.bigint() - started) / 1_000_000n),
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      });
    });
  });
}

/** Cases a runner thread handles before it is replaced, so that what one case leaves behind stays bounded. */
const CASES_PER_THREAD = 40;

/**
 * The `thread` runner: one worker thread at a time per job, running dist/cli/program.js's `main()` on each case
 * it is sent. `run(testCase)` resolves like `runCase`; `close()` ends the thread.
 */
function createThreadRunner(options, workDir) {
  let thread;
  let handled = 0;
  const start = () => {
    handled = 0;
    thread = new Worker(fileURLToPath(import.meta.url), {
      workerData: { role: 'fuzz-runner' },
      // The drafts are read in threads of their own (src/drafts/read-in-worker.ts): TREATY_DIFF_MAX_MEMORY
      // holds them to the same bound as this runner thread.
      env: { PATH: process.env.PATH, HOME: workDir, XDG_CACHE_HOME: workDir, NO_COLOR: '1', TREATY_DIFF_MAX_MEMORY: String(options.memory) },
      resourceLimits: { maxOldGenerationSizeMb: options.memory },
      stdout: true,
      stderr: true,
    });
    // pdf.js is silenced (verbosity 0); anything else a thread prints is dropped with it.
    thread.stdout.resume();
    thread.stderr.resume();
    thread.unref();
  };
  const stop = async () => {
    const old = thread;
    thread = undefined;
    await old?.terminate();
  };
  const run = async (testCase) => {
    if (thread === undefined || handled >= CASES_PER_THREAD) {
      await stop();
      start();
    }
    handled += 1;
    const file = join(workDir, `case-${testCase.index}.pdf`);
    writeFileSync(file, testCase.bytes);
    const args = [...caseArgs(testCase, file), '--timeout', String(readTimeoutSeconds(options))];
    const started = process.hrtime.bigint();
    const current = thread;
    const outcome = await new Promise((resolve) => {
      const done = (value) => {
        clearTimeout(timer);
        current.off('message', onMessage);
        current.off('error', onError);
        current.off('exit', onExit);
        resolve(value);
      };
      const onMessage = (reply) => done({ reply });
      const onError = (error) => done({ error });
      const onExit = (code) => done({ error: new Error(`the runner thread stopped (exit code ${code})`) });
      const timer = setTimeout(() => done({ killedFor: 'timeout' }), options.timeout);
      current.on('message', onMessage);
      current.on('error', onError);
      current.on('exit', onExit);
      current.postMessage({ args });
    });
    rmSync(file, { force: true });
    const ms = Number((process.hrtime.bigint() - started) / 1_000_000n);
    if (outcome.reply === undefined) {
      // Timed out, out of memory or crashed: that thread is not reused.
      if (thread === current) await stop();
      const outOfMemory = outcome.error?.code === 'ERR_WORKER_OUT_OF_MEMORY';
      return {
        code: null,
        signal: outcome.killedFor === 'timeout' ? 'terminated' : 'thread-error',
        killedFor: outcome.killedFor ?? (outOfMemory ? 'memory' : undefined),
        peakMb: outOfMemory ? options.memory : 0,
        ms,
        stdout: '',
        stderr: outcome.error === undefined ? '' : `uncaught in the runner thread: ${String(outcome.error.stack ?? outcome.error)}\n`,
      };
    }
    const { reply } = outcome;
    return { code: reply.code, signal: null, killedFor: undefined, peakMb: reply.heapMb, ms, stdout: reply.stdout, stderr: reply.stderr };
  };
  return { run, close: stop };
}

/** Inside a runner thread: runs `main()` on each case posted, with a recording Io, and posts the result. */
async function serveCases() {
  const { main } = await import(pathToFileURL(join(ROOT, 'dist', 'cli', 'program.js')).href);
  parentPort.on('message', async ({ args }) => {
    const stdout = [];
    const stderr = [];
    let code = null;
    const io = {
      stdout: (text) => void stdout.push(text),
      stderr: (text) => void stderr.push(text),
      setExitCode: (value) => {
        code = value;
      },
      env: process.env,
      stdoutStream: { isTTY: false },
      stderrStream: { isTTY: false },
    };
    try {
      await main([process.execPath, BIN, ...args], io);
    } catch (error) {
      // main() must never throw: this is judged like a crash of the program.
      stderr.push(`main() threw: ${String(error?.stack ?? error)}\n`);
      code = null;
    }
    // The heap this thread holds after the case: its peak is bounded by the thread's heap limit.
    const heapMb = Math.round(getHeapStatistics().total_heap_size / (1024 * 1024));
    parentPort.postMessage({ code, stdout: stdout.join(''), stderr: stderr.join(''), heapMb });
  });
}

/** Judges one result; returns the list of problems (empty when the case passed). */
function judge(testCase, result, checkCoverage, memoryBound) {
  const problems = [];
  if (result.killedFor === 'timeout') problems.push('hang: killed at the time bound');
  // The reading thread's own heap bound (the same as ours) refuses a draft with exit 2: still over the bound.
  if (result.killedFor === 'memory' || /needed more than \d+ MB of memory/.test(result.stderr ?? '')) problems.push('memory: killed over the memory bound');
  else if (result.peakMb > memoryBound) problems.push(`memory: peak ${result.peakMb} MB, over the bound of ${memoryBound} MB`);
  if (!result.killedFor && ![0, 1, 2].includes(result.code)) problems.push(`crash: exit ${result.code ?? result.signal}`);
  const lines = result.stderr.split('\n').filter((line) => line.length > 0);
  if (lines.length > 1) problems.push(`stderr has ${lines.length} lines`);
  if (/^\s+at /m.test(result.stderr)) problems.push('stack trace on stderr');
  if (result.stderr.includes('internal error')) problems.push('internal error');
  if (result.code === 2 && lines.length !== 1) problems.push('exit 2 without a one-line message');
  if (testCase.mode === 'extract' && result.code === 0) {
    try {
      const doc = JSON.parse(result.stdout);
      const { missing, duplicated } = checkCoverage(doc);
      if (missing.length > 0 || duplicated.length > 0) problems.push(`coverage: ${missing.length} lines missing, ${duplicated.length} duplicated`);
    } catch (error) {
      problems.push(`output is not the JSON of a parsed draft (${String(error).slice(0, 80)})`);
    }
  }
  if (testCase.mode === 'compare' && (result.code === 0 || result.code === 1)) {
    try {
      const diff = JSON.parse(result.stdout);
      if (diff.schemaVersion !== 1 || !Array.isArray(diff.articles) || !Array.isArray(diff.findings)) problems.push('output is not a comparison report');
    } catch (error) {
      problems.push(`output is not JSON (${String(error).slice(0, 80)})`);
    }
  }
  if (result.code !== 0 && result.code !== 1 && result.stdout !== '') problems.push('output on stdout although the run failed');
  return problems;
}

/** What a refusal says, reduced to a category for the summary ("the PDF is damaged", "not a PDF"...). */
function refusalKind(stderr) {
  const line = stderr.split('\n')[0] ?? '';
  const rules = [
    // The bounds first: their messages say the file "may be damaged" too.
    [/took longer than the limit/, 'timeout'],
    [/needed more than \d+ MB of memory/, 'out-of-memory'],
    [/decompression bomb/, 'decompression-bomb'],
    [/the PDF is truncated/, 'truncated-pdf'],
    [/no text layer and no images/, 'blank-or-damaged'],
    [/damaged/, 'damaged-pdf'],
    [/not a PDF|neither a PDF/, 'not-a-pdf'],
    [/password given does not open/, 'wrong-password'],
    [/password-protected/, 'encrypted-pdf'],
    [/OCR/, 'no-text-layer'],
    [/no articles/, 'no-articles'],
    [/pages, more than the limit/, 'too-many-pages'],
    [/the file is .* more than the limit/, 'too-large'],
    [/empty/, 'empty-file'],
  ];
  return rules.find(([pattern]) => pattern.test(line))?.[1] ?? 'other';
}

/**
 * Runs `options.cases` cases (or the one `--only` case), `options.jobs` at a time.
 * Returns the summary; `failures` lists every failing case with what reproduces it.
 */
export async function runFuzz(options, log = (line) => process.stderr.write(line)) {
  if (!existsSync(join(ROOT, 'dist', 'cli', 'program.js'))) throw new Error('dist/ is missing: run npm run build first');
  const { checkCoverage } = await import(pathToFileURL(join(ROOT, 'dist', 'parse', 'coverage.js')).href);
  const seeds = SEEDS.filter(([path]) => existsSync(join(ROOT, path)));
  const workDir = mkdtempSync(join(tmpdir(), 'treaty-diff-fuzz-'));
  writeFileSync(join(workDir, PEAK_REPORTER), PEAK_REPORTER_SOURCE);
  const indices = options.only === undefined ? Array.from({ length: options.cases }, (_, i) => i) : [options.only];
  const runner = options.runner ?? 'process';
  const summary = { seed: options.seed, runner, cases: 0, exit: { 0: 0, 1: 0, 2: 0 }, refusals: {}, coverageChecked: 0, maxMs: 0, maxPeakMb: 0, totalMs: 0, failures: [] };
  let next = 0;
  const started = Date.now();
  const threadRunners = [];
  const worker = async () => {
    const threadRunner = runner === 'thread' ? createThreadRunner(options, workDir) : undefined;
    if (threadRunner !== undefined) threadRunners.push(threadRunner);
    while (next < indices.length) {
      const index = indices[next];
      next += 1;
      const testCase = buildCase(options.seed, index, seeds);
      const result = threadRunner === undefined ? await runCase(testCase, options, workDir) : await threadRunner.run(testCase);
      const problems = judge(testCase, result, checkCoverage, options.memory);
      summary.cases += 1;
      summary.totalMs += result.ms;
      summary.maxMs = Math.max(summary.maxMs, result.ms);
      summary.maxPeakMb = Math.max(summary.maxPeakMb, result.peakMb);
      if (result.code in summary.exit) summary.exit[result.code] += 1;
      if (result.code === 2) {
        const kind = refusalKind(result.stderr);
        summary.refusals[kind] = (summary.refusals[kind] ?? 0) + 1;
      }
      if (testCase.mode === 'extract' && result.code === 0) summary.coverageChecked += 1;
      if (problems.length > 0) {
        const failure = {
          index,
          source: testCase.source,
          mutations: testCase.mutations,
          mode: testCase.mode,
          problems,
          exit: result.code ?? result.signal,
          ms: result.ms,
          peakMb: result.peakMb,
          stderr: result.stderr.slice(0, 2000),
          reproduce: `npm run fuzz -- --seed ${options.seed} --only ${index}${runner === 'thread' ? ' --runner thread' : ''}`,
        };
        summary.failures.push(failure);
        if (options.save) {
          mkdirSync(options.save, { recursive: true });
          writeFileSync(join(options.save, `seed-${options.seed}-case-${index}.pdf`), testCase.bytes);
        }
        log(`FAIL case ${index} (${testCase.source}; ${testCase.mutations.join(', ')}; ${testCase.mode}): ${problems.join('; ')}\n  ${result.stderr.split('\n').slice(0, 3).join('\n  ')}\n`);
      }
      if (!options.quiet && summary.cases % 100 === 0) {
        log(`${summary.cases}/${indices.length} cases, ${summary.failures.length} failing, ${Math.round((Date.now() - started) / 1000)} s\n`);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(options.jobs, indices.length) }, worker));
  } finally {
    await Promise.all(threadRunners.map((threadRunner) => threadRunner.close()));
    rmSync(workDir, { recursive: true, force: true });
  }
  summary.failures.sort((a, b) => a.index - b.index);
  summary.wallSeconds = Math.round((Date.now() - started) / 1000);
  summary.meanMs = summary.cases === 0 ? 0 : Math.round(summary.totalMs / summary.cases);
  return summary;
}

/**
 * The figures of a run in one paragraph, as the README's reliability section quotes them.
 *
 * Example: `fuzz: 300 cases (seed 1, process runner, 212 s): exit 0 x104, 1 x9, 2 x187 (damaged-pdf 120, ...); coverage checked on 104 parsed drafts; slowest case 6.1 s, peak memory 190 MB; no failure`.
 */
export function describeSummary(summary) {
  const refusals = Object.entries(summary.refusals)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([kind, count]) => `${kind} ${count}`)
    .join(', ');
  const memory = summary.runner === 'thread' ? 'largest thread heap' : 'peak memory';
  const verdict = summary.failures.length === 0 ? 'no failure' : `${summary.failures.length} failing`;
  return (
    `fuzz: ${summary.cases} cases (seed ${summary.seed}, ${summary.runner} runner, ${summary.wallSeconds} s): ` +
    `exit 0 x${summary.exit[0]}, 1 x${summary.exit[1]}, 2 x${summary.exit[2]}${refusals === '' ? '' : ` (${refusals})`}; ` +
    `coverage checked on ${summary.coverageChecked} parsed drafts; slowest case ${(summary.maxMs / 1000).toFixed(1)} s, ${memory} ${summary.maxPeakMb} MB; ${verdict}`
  );
}

const isMain = isMainThread && process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (!isMainThread && workerData?.role === 'fuzz-runner') await serveCases();
if (isMain) {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`fuzz: ${error.message}\n`);
    process.exitCode = 2;
  }
  if (options) {
    const summary = await runFuzz(options);
    const { failures, ...figures } = summary;
    process.stdout.write(`${JSON.stringify(figures)}\n`);
    if (options.json) writeFileSync(options.json, JSON.stringify(summary, null, 2) + '\n');
    process.stdout.write(`${describeSummary(summary)}\n`);
    for (const failure of failures) process.stdout.write(`  case ${failure.index}: ${failure.problems.join('; ')} (${failure.reproduce})\n`);
    process.exitCode = failures.length === 0 ? 0 : 1;
  }
}
