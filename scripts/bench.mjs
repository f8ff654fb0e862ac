// Benchmark: treaty-diff cold and warm against the pdftotext + git diff baseline, on pairs from 20 to 1,000 pages.
//
// Usage: npm run bench                       (builds first; generates .bench/pairs/ on first use)
//        node scripts/bench.mjs [--sizes 100,300,1000] [--runs 5] [--json .bench/figures.json] [--marks-only]
//
// Each figure is the median of several runs of a whole process: wall time and peak resident memory
// (GNU time's "maximum resident set size"; for the baseline, the largest of its processes).
// cold = an empty cache folder (XDG_CACHE_HOME pointed at a fresh temporary folder for every run);
// warm = the same command again with the cache filled by a previous run;
// baseline = what a user would script: `pdftotext` on both drafts, then `git diff --no-index --word-diff`.
// The three are run in turn, one of each per round, so that a drifting machine weighs on them alike.
// Generated pairs (scripts/make-large-pair.mjs) need LibreOffice; without it only the fixture pair runs.
//
// Marks (issue 12): a cold `extract` of a draft with its own marks read (the default) against the same with
// `--marks ignore`, median of the runs, alternating. Reading marks needs each page's drawing (its operator
// list): on a draft that marks changes it is read instead of the text content once marks are seen, and on
// an unmarked draft only for pages where bold shares a line with plain text. Bound: 1.30x. Measured on the
// Czech presidency compromise (149 pages, ../shared/real-drafts) when present, and on the old draft of the
// generated pair nearest 150 pages. `--marks-only` measures only this.

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { shuffledArticlePair } from './shuffled-article.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'treaty-diff.js');
const GNU_TIME = '/usr/bin/time';

function parseArgs(argv) {
  const options = { sizes: [100, 300, 1000], runs: 5, json: undefined, marksOnly: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === '--marks-only') {
      options.marksOnly = true;
      continue;
    }
    if (flag === '--sizes' && value !== undefined) options.sizes = value.split(',').filter(Boolean).map(Number);
    else if (flag === '--runs' && value !== undefined) options.runs = Math.max(1, Number(value));
    else if (flag === '--json' && value !== undefined) options.json = value;
    else {
      console.error(`unknown argument ${flag}; usage: node scripts/bench.mjs [--sizes 100,300,1000] [--runs 5] [--json file] [--marks-only]`);
      process.exit(2);
    }
    i++;
  }
  return options;
}

const has = (command, args = ['--version']) => spawnSync(command, args, { stdio: 'ignore' }).error === undefined;

/** Runs `command args` once; returns wall seconds, peak RSS in MB (undefined without GNU time) and the exit code. */
function measureOnce(command, args, env) {
  const useTime = existsSync(GNU_TIME);
  const start = process.hrtime.bigint();
  const result = spawnSync(useTime ? GNU_TIME : command, useTime ? ['-f', '@@%M', command, ...args] : args, {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  const match = /@@(\d+)\s*$/.exec(result.stderr ?? '');
  const code = result.status;
  // Exit 1 means "differences found" for treaty-diff and git diff: a success here.
  if (code !== 0 && code !== 1) throw new Error(`${command} ${args.join(' ')} failed (exit ${code}): ${(result.stderr ?? '').replace(/@@\d+\s*$/, '').trim().slice(0, 300)}`);
  return { wall, rssMb: match ? Number(match[1]) / 1024 : undefined };
}

const median = (values) => {
  const sorted = values.filter((v) => v !== undefined).sort((a, b) => a - b);
  if (sorted.length === 0) return undefined;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Median wall time and peak memory of samples. */
const summarize = (samples) => ({ wall: median(samples.map((s) => s.wall)), rssMb: median(samples.map((s) => s.rssMb)), runs: samples.length });

/** Median wall time and peak memory of `runs` runs; `before` runs ahead of each (not timed). */
function measure(runs, command, args, { env = {}, before } = {}) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const runEnv = before ? { ...env, ...before() } : env;
    samples.push(measureOnce(command, args, runEnv));
  }
  return summarize(samples);
}

const pagesOf = (pdf) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1] ?? NaN);

/**
 * `dir` holds old.pdf and new.pdf, or is `[oldPdf, newPdf]`. The three measures are taken in turn, one
 * run of each per round (cold, warm, baseline), so that a machine whose pace drifts over a minute (a
 * shared virtual machine) weighs on all three alike and the ratios hold.
 */
function benchPair(name, dir, runs, scratch) {
  const [oldPdf, newPdf] = Array.isArray(dir) ? dir : [join(dir, 'old.pdf'), join(dir, 'new.pdf')];
  const args = [BIN, oldPdf, newPdf, '--format', 'json'];
  const warmCache = join(scratch, 'warm');
  rmSync(warmCache, { recursive: true, force: true });
  measureOnce(process.execPath, args, { XDG_CACHE_HOME: warmCache });
  const oldTxt = join(scratch, 'old.txt');
  const newTxt = join(scratch, 'new.txt');
  const script = `pdftotext "$1" "$3" && pdftotext "$2" "$4" && git diff --no-index --word-diff "$3" "$4" > /dev/null; test $? -le 1`;
  const samples = { cold: [], warm: [], baseline: [] };
  for (let i = 0; i < runs; i++) {
    const coldCache = join(scratch, `cold-${i}`);
    rmSync(coldCache, { recursive: true, force: true });
    samples.cold.push(measureOnce(process.execPath, args, { XDG_CACHE_HOME: coldCache }));
    samples.warm.push(measureOnce(process.execPath, args, { XDG_CACHE_HOME: warmCache }));
    samples.baseline.push(measureOnce('sh', ['-c', script, 'baseline', oldPdf, newPdf, oldTxt, newTxt]));
  }
  return { name, pages: [pagesOf(oldPdf), pagesOf(newPdf)], cold: summarize(samples.cold), warm: summarize(samples.warm), baseline: summarize(samples.baseline) };
}

/** The comparison's worst case found by the hostile-input work: one article of 4,000 paragraphs all numbered
 * "1.", shuffled in the new draft (a 1.4 MB text draft; 40 s when pairing was quadratic). Bound: 5 s. */
const QUADRATIC_BOUND_S = 5;

function benchShuffled(runs, scratch) {
  const pair = shuffledArticlePair(4000);
  const oldTxt = join(scratch, 'shuffled-old.txt');
  const newTxt = join(scratch, 'shuffled-new.txt');
  writeFileSync(oldTxt, pair.old);
  writeFileSync(newTxt, pair.new);
  return measure(runs, process.execPath, [BIN, oldTxt, newTxt, '--no-cache', '--format', 'json']);
}

/** Marks read against `--marks ignore`: cold extracts (no cache), alternating, medians. */
function benchMarks(name, pdf, runs) {
  const samples = { read: [], ignore: [] };
  for (let i = 0; i < runs; i++) {
    for (const mode of ['ignore', 'read']) samples[mode].push(measureOnce(process.execPath, [BIN, 'extract', pdf, '--no-cache', '--format', 'json', '--marks', mode], {}).wall);
  }
  const read = median(samples.read);
  const ignore = median(samples.ignore);
  return { name, pages: pagesOf(pdf), read, ignore, ratio: read / ignore, runs };
}

const MARKS_BOUND = 1.3;
const COMPROMISE = join(ROOT, '..', 'shared', 'real-drafts', 'eu-ai-act', 'council-2022-09-23-cz-compromise-3-st12549.pdf');

function renderMarks(rows) {
  return rows
    .map((r) => `  ${r.name} (${r.pages} pp.): marks read ${seconds(r.read)}, --marks ignore ${seconds(r.ignore)}: ${times(r.ratio)} ${r.ratio <= MARKS_BOUND ? 'within' : 'OVER'} the ${MARKS_BOUND}x bound (median of ${r.runs})`)
    .join('\n');
}

const seconds = (s) => (s === undefined ? 'n/a' : `${s.toFixed(2)} s`);
const megabytes = (mb) => (mb === undefined ? 'n/a' : `${Math.round(mb)} MB`);
const times = (x) => (x === undefined || !Number.isFinite(x) ? 'n/a' : `${x.toFixed(2)}x`);

function renderTable(rows) {
  const header = ['pair', 'pages old+new', 'cold', 'cold RSS', 'warm', 'warm RSS', 'baseline', 'base RSS', 'cold/base', 'warm/base'];
  const body = rows.map((r) => [
    r.name,
    `${r.pages[0]}+${r.pages[1]}`,
    seconds(r.cold.wall),
    megabytes(r.cold.rssMb),
    seconds(r.warm.wall),
    megabytes(r.warm.rssMb),
    seconds(r.baseline.wall),
    megabytes(r.baseline.rssMb),
    times(r.cold.wall / r.baseline.wall),
    times(r.warm.wall / r.baseline.wall),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  const out = [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)];
  const growth = [];
  // Growth is read along the fixture and generated pairs, which differ only in size; a real pair is another text.
  const sized = rows.filter((row) => row.real !== true);
  for (let i = 1; i < sized.length; i++) {
    const a = sized[i - 1];
    const b = sized[i];
    const pages = (b.pages[0] + b.pages[1]) / (a.pages[0] + a.pages[1]);
    growth.push(
      `${a.name} -> ${b.name}: pages x${pages.toFixed(2)}, cold time x${(b.cold.wall / a.cold.wall).toFixed(2)}, warm time x${(b.warm.wall / a.warm.wall).toFixed(2)}, baseline time x${(b.baseline.wall / a.baseline.wall).toFixed(2)}`,
    );
  }
  return growth.length === 0 ? `${out.join('\n')}\n` : `${out.join('\n')}\n\nGrowth from one size to the next:\n${growth.map((g) => `  ${g}`).join('\n')}\n`;
}

function describeMachine() {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const poppler = (spawnSync('pdftotext', ['-v'], { encoding: 'utf8' }).stderr ?? '').split('\n')[0];
  const git = execFileSync('git', ['--version'], { encoding: 'utf8' }).trim();
  return `${cpu}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GB RAM, ${process.platform} ${process.arch}, Node ${process.version}, ${poppler}, ${git}`;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (!existsSync(join(ROOT, 'dist', 'cli', 'program.js'))) throw new Error('dist/ is missing: run `npm run build` first (npm run bench does)');
  for (const tool of ['pdftotext', 'pdfinfo']) if (!has(tool, ['-v'])) throw new Error(`${tool} not found: install poppler-utils (apt-get install poppler-utils)`);
  if (!existsSync(GNU_TIME)) console.error(`note: ${GNU_TIME} not found (apt-get install time); peak memory is reported as n/a`);
  const scratch = mkdtempSync(join(tmpdir(), 'treaty-diff-bench-'));
  const rows = [];
  try {
    console.error(`machine: ${describeMachine()}`);
    const marksDrafts = [];
    if (existsSync(COMPROMISE)) marksDrafts.push(['CZ presidency compromise (marked)', COMPROMISE]);
    if (options.marksOnly) {
      // The generated drafts already built (.bench/pairs), the one nearest 150 pages.
      const built = join(ROOT, '.bench', 'pairs');
      const drafts = existsSync(built) ? readdirSync(built).map((dir) => join(built, dir, 'old.pdf')).filter((pdf) => existsSync(pdf)) : [];
      const nearest = drafts.sort((a, b) => Math.abs(pagesOf(a) - 150) - Math.abs(pagesOf(b) - 150))[0];
      if (nearest !== undefined) marksDrafts.push([`generated ${pagesOf(nearest)} pp. (unmarked)`, nearest]);
      const marks = marksDrafts.map(([name, pdf]) => benchMarks(name, pdf, options.runs));
      console.log(`marks, cold extract:\n${renderMarks(marks)}`);
      return;
    }
    const start = measure(options.runs, process.execPath, [BIN, '--version']);
    const help = measure(options.runs, process.execPath, [BIN, '--help']);
    console.error(`--version ${seconds(start.wall)}, --help ${seconds(help.wall)}`);
    const pairs = [['revised (fixture)', join(ROOT, 'fixtures', 'pairs', 'revised')]];
    if (options.sizes.length > 0) {
      if (has('soffice')) {
        const { makeLargePair } = await import('./make-large-pair.mjs');
        for (const pages of options.sizes) pairs.push([`generated ${pages} pp.`, makeLargePair(pages)]);
      } else {
        console.error('note: LibreOffice (soffice) not found; only the fixture pair is measured');
      }
    }
    // The real pair an analyst of the EU AI Act would run first, when ../shared/real-drafts is there.
    const realPair = ['com-2021-206-proposal.pdf', 'council-2022-12-06-general-approach-st15698.pdf'].map((file) => join(dirname(COMPROMISE), file));
    if (realPair.every((file) => existsSync(file))) pairs.push(['EU AI Act proposal -> general approach', realPair]);
    for (const [name, dir] of pairs) {
      // Big pairs take seconds per run: fewer runs there keep the whole benchmark within minutes.
      const runs = name.includes('1000') ? Math.min(options.runs, 3) : options.runs;
      console.error(`measuring ${name} (${runs} runs each) ...`);
      rows.push({ ...benchPair(name, dir, runs, scratch), ...(Array.isArray(dir) ? { real: true } : {}) });
    }
    const nearest = pairs.slice(1).filter(([, dir]) => !Array.isArray(dir)).map(([, dir]) => join(dir, 'old.pdf')).sort((a, b) => Math.abs(pagesOf(a) - 150) - Math.abs(pagesOf(b) - 150))[0];
    if (nearest !== undefined) marksDrafts.push([`generated ${pagesOf(nearest)} pp. (unmarked)`, nearest]);
    console.error(`measuring marks (${options.runs} runs each) ...`);
    const marks = marksDrafts.map(([name, pdf]) => benchMarks(name, pdf, options.runs));
    console.error(`measuring the shuffled 4,000-paragraph article (${options.runs} runs) ...`);
    const shuffled = benchShuffled(options.runs, scratch);
    const figures = { machine: describeMachine(), date: new Date().toISOString().slice(0, 10), version: start, help, rows, marks, shuffled };
    console.log(`treaty-diff benchmark, ${figures.date}\nmachine: ${figures.machine}\n`);
    console.log(`startup: --version ${seconds(start.wall)}, --help ${seconds(help.wall)} (median of ${options.runs})\n`);
    console.log(renderTable(rows));
    if (marks.length > 0) console.log(`Marks, cold extract:\n${renderMarks(marks)}\n`);
    console.log(
      `Comparison bound: one article of 4,000 paragraphs all numbered "1.", shuffled: ${seconds(shuffled.wall)}, ${shuffled.rssMb === undefined ? 'n/a' : `${Math.round(shuffled.rssMb)} MB`} (${shuffled.wall <= QUADRATIC_BOUND_S ? 'within' : 'OVER'} the ${QUADRATIC_BOUND_S} s bound; median of ${shuffled.runs})\n`,
    );
    if (options.json !== undefined) writeFileSync(options.json, `${JSON.stringify(figures, null, 2)}\n`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

await main();
