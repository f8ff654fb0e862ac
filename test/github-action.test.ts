// The GitHub Action (action.yml + scripts/github-action.mjs) run as the runner would, with a fake job
// summary, output file and temporary folder: outputs, summary, extra report, and the step's exit code.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from './helpers/cli.js';

const scratch: string[] = [];
afterAll(() => scratch.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

interface StepRun {
  status: number | null;
  stdout: string;
  stderr: string;
  summary: string;
  outputs: Record<string, string>;
  dir: string;
}

/** Runs the action's step with these inputs, in the repository as the workspace. */
function runStep(inputs: Record<string, string>): StepRun {
  const dir = mkdtempSync(join(tmpdir(), 'treaty-diff-action-'));
  scratch.push(dir);
  const summaryFile = join(dir, 'summary.md');
  const outputFile = join(dir, 'output.txt');
  writeFileSync(summaryFile, '');
  writeFileSync(outputFile, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: dir,
    XDG_CACHE_HOME: join(dir, 'cache'),
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_OUTPUT: outputFile,
    GITHUB_WORKSPACE: ROOT,
    RUNNER_TEMP: dir,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase().replace(/-/g, '_')}`] = value;
  const run = spawnSync(process.execPath, [join(ROOT, 'scripts', 'github-action.mjs')], { cwd: ROOT, env, encoding: 'utf8' });
  const outputs = Object.fromEntries(
    readFileSync(outputFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, summary: readFileSync(summaryFile, 'utf8'), outputs, dir };
}

const REVISED = 'fixtures/pairs/revised/old.pdf\nfixtures/pairs/revised/new.pdf';

describe('the GitHub Action step', () => {
  it('reports differences without failing the step when no fail-on is given', () => {
    const step = runStep({ drafts: REVISED, summary: 'true' });
    expect(step.status).toBe(0);
    expect(step.outputs['exit-code']).toBe('1');
    // The revised pair's findings (fixtures/README.md): 3 safeguard-removed + 1 safeguard-weakened; power-added 2,
    // power-expanded, power-narrowed and power-modified 1 each.
    expect(step.outputs['safeguards']).toBe('4');
    expect(step.outputs['powers']).toBe('5');
    const report = JSON.parse(readFileSync(step.outputs['report-json']!, 'utf8')) as { findings: unknown[] };
    expect(step.outputs['findings']).toBe(String(report.findings.length));
    // The job summary is the CLI's Markdown report, as it prints it.
    const markdown = runCli(['fixtures/pairs/revised/old.pdf', 'fixtures/pairs/revised/new.pdf', '--format', 'markdown']).stdout;
    expect(step.summary).toBe(markdown);
  });

  it('fails the step only when a finding matches fail-on', () => {
    expect(runStep({ drafts: REVISED, 'fail-on': 'safeguards', summary: 'false' })).toMatchObject({ status: 1, outputs: { 'exit-code': '1' } });
    // The revised pair adds no safeguard (fixtures/README.md): nothing matches.
    const none = runStep({ drafts: REVISED, 'fail-on': 'safeguard-added', summary: 'false' });
    expect(none).toMatchObject({ status: 0, outputs: { 'exit-code': '0' } });
    expect(none.summary).toBe('');
  });

  it('expands a glob in name order into a series, and writes the extra report asked for', () => {
    const step = runStep({ drafts: 'fixtures/series/draft-*.pdf', format: 'html', summary: 'false' });
    expect(step.status).toBe(0);
    const report = JSON.parse(readFileSync(step.outputs['report-json']!, 'utf8')) as { series: { drafts: { path: string }[] } };
    expect(report.series.drafts.map((draft) => draft.path)).toEqual(['fixtures/series/draft-1.pdf', 'fixtures/series/draft-2.pdf', 'fixtures/series/draft-3.pdf']);
    expect(step.outputs['report']).toBe(join(ROOT, 'treaty-diff-report.html'));
    expect(readFileSync(step.outputs['report']!, 'utf8')).toMatch(/^<!doctype html>/i);
    rmSync(step.outputs['report']!);
  });

  it("fails the step on trouble, with the CLI's one line and exit-code 2", () => {
    const step = runStep({ drafts: 'fixtures/pairs/revised/old.pdf\nfixtures/pairs/revised/missing.pdf' });
    expect(step.status).toBe(2);
    expect(step.outputs['exit-code']).toBe('2');
    expect(step.stderr).toBe('treaty-diff: fixtures/pairs/revised/missing.pdf: no such file; check the path\n');
    expect(existsSync(join(step.dir, 'treaty-diff-report.json'))).toBe(false);
  });

  it('refuses fewer than two drafts and an unknown format with an annotation', () => {
    expect(runStep({ drafts: 'fixtures/pairs/revised/old.pdf' })).toMatchObject({ status: 2, stdout: expect.stringMatching(/^::error title=treaty-diff::the drafts input needs two or more drafts/) });
    expect(runStep({ drafts: REVISED, format: 'pdf' })).toMatchObject({ status: 2, stdout: expect.stringMatching(/^::error title=treaty-diff::format must be one of/) });
  });
});

describe('action.yml', () => {
  const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
    name: string;
    description: string;
    inputs: Record<string, { description: string; required?: boolean; default?: string }>;
    outputs: Record<string, { description: string; value: string }>;
    runs: { using: string; steps: { shell?: string; run?: string; id?: string; env?: Record<string, string> }[] };
  };
  const script = readFileSync(join(ROOT, 'scripts', 'github-action.mjs'), 'utf8');

  it('is a composite action whose every step names its shell', () => {
    expect(action.name).toBe('treaty-diff');
    expect(action.description.length).toBeGreaterThan(20);
    expect(action.runs.using).toBe('composite');
    for (const step of action.runs.steps) expect(step.shell).toBe('bash');
  });

  it('passes every input to the script under the name the script reads, and every input is described', () => {
    const compare = action.runs.steps.find((step) => step.id === 'compare')!;
    for (const [name, spec] of Object.entries(action.inputs)) {
      expect(spec.description.length, name).toBeGreaterThan(10);
      const variable = `INPUT_${name.toUpperCase().replace(/-/g, '_')}`;
      expect(compare.env?.[variable], variable).toBe(`\${{ inputs.${name} }}`);
      expect(script, variable).toContain(`input('${variable.slice('INPUT_'.length)}')`);
    }
  });

  it('takes each output from a value the script sets', () => {
    for (const [name, spec] of Object.entries(action.outputs)) {
      expect(spec.value).toBe(`\${{ steps.compare.outputs.${name} }}`);
      expect(script).toMatch(new RegExp(`'${name}'|\\b${name}\\b`));
    }
  });
});
