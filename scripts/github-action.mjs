// The GitHub Action's step (action.yml): expands the drafts, runs the CLI, writes the job summary and the
// step outputs, and sets the step's exit code as fail-on says.
//
// Reads INPUT_DRAFTS, INPUT_FAIL_ON, INPUT_FORMAT, INPUT_OUTPUT, INPUT_SUMMARY, GITHUB_STEP_SUMMARY,
// GITHUB_OUTPUT, GITHUB_WORKSPACE and RUNNER_TEMP, as the runner sets them; test/github-action.test.ts
// runs it with files of its own.

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { appendFileSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'bin', 'treaty-diff.js');
const EXTENSION = { text: 'txt', json: 'json', markdown: 'md', html: 'html' };

const env = process.env;
const input = (name) => (env[`INPUT_${name}`] ?? '').trim();

/**
 * The drafts, in the order given: each line is a path, or a glob whose matches come in name order.
 * A glob that matches nothing is kept as written, so that the CLI names it in its refusal.
 *
 * Example: `drafts/zero.pdf\ndrafts/rev-*.pdf` -> `drafts/zero.pdf`, `drafts/rev-1.pdf`, `drafts/rev-2.pdf`.
 */
export function expandDrafts(text, cwd = process.cwd()) {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .flatMap((pattern) => {
      if (!/[*?[]/.test(pattern)) return [pattern];
      const matches = globFiles(pattern, cwd).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      return matches.length > 0 ? matches : [pattern];
    });
}

/** fs.globSync where Node has it (22+); on Node 20, `*` and `?` in the last path segment only. */
function globFiles(pattern, cwd) {
  if (typeof fs.globSync === 'function') return fs.globSync(pattern, { cwd }).filter((path) => statSync(resolve(cwd, path)).isFile());
  const folder = dirname(pattern);
  const name = new RegExp(`^${basename(pattern).replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')}$`);
  let entries = [];
  try {
    entries = readdirSync(resolve(cwd, folder));
  } catch {
    return [];
  }
  return entries.filter((entry) => name.test(entry)).map((entry) => (folder === '.' ? entry : `${folder}/${entry}`)).filter((path) => statSync(resolve(cwd, path)).isFile());
}

/** Runs the CLI; its stderr goes to the step's log as it is. */
function treatyDiff(args) {
  const run = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...env, NO_COLOR: '1' }, maxBuffer: 1024 * 1024 * 1024 });
  if (run.stderr) process.stderr.write(run.stderr);
  return { code: run.status ?? 2, stdout: run.stdout ?? '' };
}

/** Finding counts of a report: the comparison's, or the sum over every step of a series. */
function countFindings(report) {
  const summaries = report.series?.comparisons?.map((comparison) => comparison.summary) ?? [report.summary];
  const counts = { findings: 0, safeguards: 0, powers: 0 };
  for (const summary of summaries) {
    for (const [code, count] of Object.entries(summary.findings)) {
      counts.findings += count;
      if (code.startsWith('safeguard-')) counts.safeguards += count;
      if (code.startsWith('power-')) counts.powers += count;
    }
  }
  return counts;
}

function setOutputs(outputs) {
  const lines = Object.entries(outputs).map(([name, value]) => `${name}=${String(value).replace(/[\r\n]+/g, ' ')}\n`);
  if (env.GITHUB_OUTPUT) appendFileSync(env.GITHUB_OUTPUT, lines.join(''));
}

function main() {
  const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
  const drafts = expandDrafts(input('DRAFTS'), workspace);
  if (drafts.length < 2) {
    console.log(`::error title=treaty-diff::the drafts input needs two or more drafts, one path or glob a line; got ${drafts.length}`);
    setOutputs({ 'exit-code': 2 });
    return 2;
  }
  const format = input('FORMAT');
  if (format !== '' && !(format in EXTENSION)) {
    console.log(`::error title=treaty-diff::format must be one of ${Object.keys(EXTENSION).join(', ')}; got "${format}"`);
    setOutputs({ 'exit-code': 2 });
    return 2;
  }
  const failOn = input('FAIL_ON');
  const reportJson = join(env.RUNNER_TEMP ?? tmpdir(), 'treaty-diff-report.json');
  // The JSON run decides the exit code (with --fail-on when given); the others read the drafts from the cache.
  const compared = treatyDiff([...drafts, '--format', 'json', '-o', reportJson, ...(failOn !== '' ? ['--fail-on', failOn] : [])]);
  if (compared.code === 2) {
    setOutputs({ 'exit-code': 2 });
    return 2;
  }
  const outputs = { 'exit-code': compared.code, ...countFindings(JSON.parse(readFileSync(reportJson, 'utf8'))), 'report-json': reportJson };
  if (input('SUMMARY') !== 'false' && env.GITHUB_STEP_SUMMARY) {
    const markdown = treatyDiff([...drafts, '--format', 'markdown']);
    if (markdown.code === 2) return 2;
    appendFileSync(env.GITHUB_STEP_SUMMARY, markdown.stdout);
  }
  if (format !== '') {
    const output = input('OUTPUT') || join(workspace, `treaty-diff-report.${EXTENSION[format]}`);
    if (treatyDiff([...drafts, '--format', format, '-o', output]).code === 2) return 2;
    outputs.report = output;
  }
  setOutputs(outputs);
  console.log(`treaty-diff: ${outputs.findings} findings (${outputs.safeguards} safeguards, ${outputs.powers} powers); exit code ${compared.code}`);
  // Differences alone never fail the step; a --fail-on match does.
  return failOn !== '' && compared.code === 1 ? 1 : 0;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main();
