// `treaty-diff old new` end to end on the PDF fixture pairs: exit codes, JSON contract, determinism.

import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync, mkdtempSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { isOneCleanLine, runCli } from './helpers/cli.js';

const schema = JSON.parse(readFileSync(new URL('../schema/treaty-diff.schema.json', import.meta.url), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

function compareJson(args: string[]): { report: any; stdout: string; code: number | null } {
  const result = runCli([...args, '--format', 'json']);
  expect(result.stderr).toBe('');
  const report = JSON.parse(result.stdout);
  const valid = validate(report);
  expect(validate.errors ?? [], 'schema errors').toEqual([]);
  expect(valid).toBe(true);
  return { report, stdout: result.stdout, code: result.code };
}

describe('comparing a draft with itself', () => {
  it('exits 0 and says there are no differences', () => {
    const result = runCli(['fixtures/un-draft.pdf', 'fixtures/un-draft.pdf']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('No differences');
    expect(result.stderr).toBe('');
  });

  it('gives JSON with every article unchanged and no findings', () => {
    const { report, code } = compareJson(['fixtures/coe-convention.pdf', 'fixtures/coe-convention.pdf']);
    expect(code).toBe(0);
    expect(report.summary.articles).toEqual({ unchanged: 48 });
    expect(report.findings).toEqual([]);
  });
});

describe('the revised pair', () => {
  const pair = ['fixtures/pairs/revised/old.pdf', 'fixtures/pairs/revised/new.pdf'];

  it('exits 1 and puts safeguards first in the text report', () => {
    const result = runCli(pair);
    expect(result.code).toBe(1);
    const safeguards = result.stdout.indexOf('Safeguards\n');
    const powers = result.stdout.indexOf('Surveillance powers\n');
    const other = result.stdout.indexOf('Other changes\n');
    expect(result.stdout.indexOf('Summary\n')).toBeLessThan(safeguards);
    expect(safeguards).toBeGreaterThan(0);
    expect(powers).toBeGreaterThan(safeguards);
    expect(other).toBeGreaterThan(powers);
    expect(result.stdout).toMatch(/\[-shall-\]\{\+may\+\}/);
  });

  it('gives schema-valid JSON that is byte-identical across runs', () => {
    const first = compareJson(pair);
    const second = compareJson(pair);
    expect(first.code).toBe(1);
    expect(second.stdout).toBe(first.stdout);
    expect(first.report.old.path).toBe(pair[0]);
    expect(first.report.old.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('JSON names the preamble as an element and carries each article\'s footnotes with their pages', () => {
    const { report } = compareJson(pair);
    const preamble = report.articles.find((a: { new?: { id: string } }) => a.new?.id === 'preamble');
    expect(preamble.old.element).toBe('preamble');
    expect(preamble.new.element).toBe('preamble');
    expect(report.articles.filter((a: { new?: { element?: string } }) => a.new?.element === undefined).every((a: { new?: { num: string } }) => a.new === undefined || a.new.num !== '')).toBe(true);
    // fixtures/README.md: footnote 2 is cited in article 15, printed on page 7 of the old draft and 8 of the new.
    const article15 = report.articles.find((a: { new?: { id: string } }) => a.new?.id === 'art_15');
    expect(article15.old.footnotes).toEqual([{ marker: '2', text: expect.stringMatching(/^The Chair's proposal to add the principles of legality and necessity/), page: 7 }]);
    expect(article15.new.footnotes.map((f: { page: number }) => f.page)).toEqual([8]);
    expect(report.articles.find((a: { new?: { id: string } }) => a.new?.id === 'art_3').new.footnotes).toBeUndefined();
  });

  it('--fail-on selects what fails the check', () => {
    expect(runCli([...pair, '--fail-on', 'safeguards']).code).toBe(1);
    expect(runCli([...pair, '--fail-on', 'safeguard-weakened,power-expanded']).code).toBe(1);
    expect(runCli(['fixtures/pairs/reflow/old.pdf', 'fixtures/pairs/reflow/new.pdf', '--fail-on', 'any']).code).toBe(0);
  });

  it('--article limits the report to those articles', () => {
    const { report } = compareJson([...pair, '--article', '15']);
    expect(report.articles.map((a: any) => a.new?.num ?? a.old?.num)).toEqual(['15']);
  });

  it('-o writes the report atomically and refuses to overwrite a draft', () => {
    const dir = mkdtempSync(join(tmpdir(), 'treaty-diff-'));
    const out = join(dir, 'report.json');
    const written = runCli([...pair, '--format', 'json', '-o', out]);
    expect(written.code).toBe(1);
    expect(written.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).schemaVersion).toBe(1);
    expect(readdirSync(dir)).toEqual(['report.json']);

    const refused = runCli([...pair, '-o', pair[1]!]);
    expect(refused.code).toBe(2);
    expect(isOneCleanLine(refused.stderr)).toBe(true);
    expect(existsSync(pair[1]!)).toBe(true);
  });
});

describe('the reflowed pair', () => {
  it('exits 0: other page breaks and line wraps are no difference', () => {
    const { report, code } = compareJson(['fixtures/pairs/reflow/old.pdf', 'fixtures/pairs/reflow/new.pdf']);
    expect(report.findings).toEqual([]);
    expect(Object.keys(report.summary.articles)).toEqual(['unchanged']);
    expect(code).toBe(0);
  });
});

describe('bad rules', () => {
  it('a malformed rules file exits 2 with one line naming it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'treaty-diff-'));
    const rules = join(dir, 'rules.json');
    writeFileSync(rules, '{ "topics": [ { "id": 3 } ');
    const result = runCli(['fixtures/pairs/reflow/old.pdf', 'fixtures/pairs/reflow/new.pdf', '--rules', rules]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(rules);
    expect(isOneCleanLine(result.stderr)).toBe(true);
  });
});
