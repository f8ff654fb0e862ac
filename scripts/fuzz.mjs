// Seeded mutation fuzzer: mutates the fixture PDFs and runs the built CLI on each case under a time and memory bound.
//
// Usage: npm run fuzz -- [--cases N] [--seed S] [--jobs J] [--timeout MS] [--memory MB] [--only K] [--save DIR] [--json FILE]
//
// Every case k is a pure function of (seed, k): `--seed S --only K` rebuilds and reruns exactly that case.
// A case passes when the CLI ends by itself with exit 0, 1 or 2 within the time bound, its peak memory
// (VmHWM) stays under the bound, stderr is empty or one line without a stack trace or "internal error",
// and, when it prints a parsed draft, the coverage invariant holds (every body line in exactly one
// node or in `unplaced`). Needs `npm run build` first (it runs bin/treaty-diff.js on dist/).

import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

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

/** The case's own seed: independent of how many cases run before it or in which order. */
function caseSeed(seed, index) {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ index, 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
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
  const options = { cases: 300, seed: 1, jobs: 2, timeout: 20_000, memory: 1024, only: undefined, save: undefined, json: undefined, quiet: false };
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

/** Runs one case as a child process; resolves with what happened. */
function runCase(testCase, options, workDir) {
  const file = join(workDir, `case-${testCase.index}.pdf`);
  writeFileSync(file, testCase.bytes);
  const args =
    testCase.mode === 'compare'
      ? [join(ROOT, testCase.source), file, '--format', 'json', '--no-cache']
      : ['extract', file, '--format', 'json', '--no-cache'];
  const started = process.hrtime.bigint();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [`--max-old-space-size=${options.memory}`, BIN, ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: workDir, XDG_CACHE_HOME: workDir, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stdout = [];
    const stderr = [];
    child.stdout.on('data', (chunk) => stdout.push(chunk));
    child.stderr.on('data', (chunk) => stderr.push(chunk));
    let peakKb = 0;
    let killedFor;
    const sample = () => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const hwm = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
        peakKb = Math.max(peakKb, hwm);
        if (hwm > options.memory * 2 * 1024 && !killedFor) {
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

/** Judges one result; returns the list of problems (empty when the case passed). */
function judge(testCase, result, checkCoverage) {
  const problems = [];
  if (result.killedFor === 'timeout') problems.push('hang: killed at the time bound');
  if (result.killedFor === 'memory') problems.push('memory: killed over the memory bound');
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
  return problems;
}

/** What a refusal says, reduced to a category for the summary ("the PDF is damaged", "not a PDF"...). */
function refusalKind(stderr) {
  const line = stderr.split('\n')[0] ?? '';
  const rules = [
    [/damaged/, 'damaged-pdf'],
    [/not a PDF|neither a PDF/, 'not-a-pdf'],
    [/password/, 'encrypted-pdf'],
    [/OCR/, 'no-text-layer'],
    [/no articles/, 'no-articles'],
    [/decompress/, 'decompression-bomb'],
    [/pages, more than/, 'too-many-pages'],
    [/took longer/, 'timeout'],
    [/empty/, 'empty-file'],
  ];
  return rules.find(([pattern]) => pattern.test(line))?.[1] ?? 'other';
}

/**
 * Runs `options.cases` cases (or the one `--only` case), `options.jobs` at a time.
 * Returns the summary; `failures` lists every failing case with what reproduces it.
 */
export async function runFuzz(options, log = (line) => process.stderr.write(line)) {
  if (!existsSync(join(ROOT, 'dist', 'cli.js'))) throw new Error('dist/ is missing: run npm run build first');
  const { checkCoverage } = await import(pathToFileURL(join(ROOT, 'dist', 'parse', 'coverage.js')).href);
  const seeds = SEEDS.filter(([path]) => existsSync(join(ROOT, path)));
  const workDir = mkdtempSync(join(tmpdir(), 'treaty-diff-fuzz-'));
  const indices = options.only === undefined ? Array.from({ length: options.cases }, (_, i) => i) : [options.only];
  const summary = { seed: options.seed, cases: 0, exit: { 0: 0, 1: 0, 2: 0 }, refusals: {}, coverageChecked: 0, maxMs: 0, maxPeakMb: 0, totalMs: 0, failures: [] };
  let next = 0;
  const started = Date.now();
  const worker = async () => {
    while (next < indices.length) {
      const index = indices[next];
      next += 1;
      const testCase = buildCase(options.seed, index, seeds);
      const result = await runCase(testCase, options, workDir);
      const problems = judge(testCase, result, checkCoverage);
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
          reproduce: `npm run fuzz -- --seed ${options.seed} --only ${index}`,
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
    rmSync(workDir, { recursive: true, force: true });
  }
  summary.failures.sort((a, b) => a.index - b.index);
  summary.wallSeconds = Math.round((Date.now() - started) / 1000);
  summary.meanMs = summary.cases === 0 ? 0 : Math.round(summary.totalMs / summary.cases);
  return summary;
}

const isMain = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
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
    process.stdout.write(failures.length === 0 ? `fuzz: ${summary.cases} cases, no failure\n` : `fuzz: ${failures.length} of ${summary.cases} cases failed\n`);
    process.exitCode = failures.length === 0 ? 0 : 1;
  }
}
