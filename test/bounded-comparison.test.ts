// A comparison costs time linear in the size of the drafts, and its diffs share one time bound: one article of
// thousands of paragraphs all numbered "1.", shuffled, was quadratic (4,000 paragraphs: 40 s).

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sparseCandidates } from '../src/match/candidates.js';
import { textFeatures } from '../src/match/similarity.js';
import { diffText } from '../src/diff/diff-text.js';
import { compareDrafts } from '../src/compare.js';
import { buildDoc } from './compare-build-doc.js';
import { runCli } from './helpers/cli.js';
import { articleDraft, paragraphs, shuffled } from '../scripts/shuffled-article.mjs';

describe('sparseCandidates', () => {
  const facts = (texts: string[], keys: (t: string, i: number) => string[]) => texts.map((t, i) => ({ keys: keys(t, i), features: textFeatures(t) }));

  it('pairs items that share a key or rare words, each pair once', () => {
    const old = facts(['scope of application', 'use of terms', 'preservation of stored data'], (_, i) => [`n${i + 1}`]);
    const fresh = facts(['definitions: use of terms', 'scope of application', 'expedited preservation of stored data'], (_, i) => [`n${i + 1}`]);
    const pairs = sparseCandidates(old, fresh);
    expect(new Set(pairs.map(([i, j]) => `${i}-${j}`)).size).toBe(pairs.length);
    // Same key (n1 with n1) and the same words elsewhere (old 0 is new 1, old 1 is new 0, old 2 is new 2).
    for (const pair of ['0-0', '0-1', '1-0', '2-2']) expect(pairs.map(([i, j]) => `${i}-${j}`)).toContain(pair);
  });

  it('keeps the candidates linear when every item shares one key and one vocabulary', () => {
    const texts = paragraphs(3000);
    const pairs = sparseCandidates(facts(texts, () => ['para 1']), facts(shuffled(texts), () => ['para 1']));
    // At most 64 same-key partners and 8 by rare words for each old item, not 3000 x 3000.
    expect(pairs.length).toBeLessThanOrEqual(3000 * 72);
    expect(pairs.length).toBeGreaterThanOrEqual(3000 * 64);
  });
});

describe('diffText past the comparison deadline', () => {
  it('replaces the text whole at once and says so', () => {
    const result = diffText('States Parties shall take measures', 'States Parties may take measures', 1000, Date.now() - 1);
    expect(result).toEqual({
      ops: [
        { op: 'delete', text: 'States Parties shall take measures' },
        { op: 'insert', text: 'States Parties may take measures' },
      ],
      fallback: 'whole',
      pastDeadline: true,
    });
  });

  it('still diffs an added or removed text, which costs nothing', () => {
    expect(diffText('', 'New paragraph.', 1000, Date.now() - 1)).toEqual({ ops: [{ op: 'insert', text: 'New paragraph.' }] });
  });
});

describe('compareDrafts time bound', () => {
  const oldDoc = buildDoc([
    { num: '1', heading: 'Scope', paragraphs: ['Each Party shall adopt measures.', 'Each Party shall ensure judicial review.'] },
    { num: '2', heading: 'Powers', paragraphs: ['Each Party shall order preservation of data.'] },
  ]);
  const newDoc = buildDoc([
    { num: '1', heading: 'Scope', paragraphs: ['Each Party may adopt measures.', 'Each Party shall ensure review.'] },
    { num: '2', heading: 'Powers', paragraphs: ['Each Party shall order expedited preservation of stored data.'] },
  ]);

  it('diffs word by word within the bound', () => {
    const diff = compareDrafts(oldDoc, newDoc, { timeoutMs: 60_000 });
    expect(diff.warnings.filter((w) => w.code === 'diff-fallback')).toEqual([]);
    expect(diff.articles.flatMap((a) => a.provisions).filter((p) => p.kind === 'modified').every((p) => p.fallback === undefined)).toBe(true);
  });

  it('past the bound, shows the provisions left whole, with one warning per article naming the bound', () => {
    const diff = compareDrafts(oldDoc, newDoc, { timeoutMs: 0 });
    const modified = diff.articles.flatMap((a) => a.provisions).filter((p) => p.kind === 'modified');
    expect(modified).toHaveLength(3);
    expect(modified.every((p) => p.fallback === 'whole')).toBe(true);
    expect(diff.warnings.filter((w) => w.code === 'diff-fallback').map((w) => [w.at, w.message])).toEqual([
      ['art_1', 'the comparison passed its time bound of 0 s (--timeout): 2 provisions of article 1 are shown as whole-text replacements'],
      ['art_2', 'the comparison passed its time bound of 0 s (--timeout): 1 provision of article 2 is shown as whole-text replacements'],
    ]);
    // The findings are still read from the whole texts: shall -> may is still a change.
    expect(diff.articles[0]?.kind).toBe('modified');
  });
});

describe('an article of thousands of paragraphs all numbered "1.", shuffled (end to end)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'treaty-diff-bounded-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const paras = paragraphs(4000);
  const oldPath = join(dir, 'old.txt');
  const newPath = join(dir, 'new.txt');
  writeFileSync(oldPath, articleDraft(paras));
  writeFileSync(newPath, articleDraft(shuffled(paras)));

  it('is compared in full, with no time-bound fallback at the default bound', () => {
    const result = runCli(['--no-cache', '--format', 'json', oldPath, newPath]);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toBe('');
    const diff = JSON.parse(result.stdout) as { articles: { kind: string; provisions: { oldId?: string; newId?: string }[] }[]; warnings: { code: string }[] };
    expect(diff.articles.map((a) => a.kind)).toEqual(['modified', 'unchanged']);
    // Every paragraph of each side is in the report (the heading and 4,000 paragraphs), paired or not.
    const provisions = diff.articles[0]?.provisions ?? [];
    expect(new Set(provisions.flatMap((p) => (p.oldId === undefined ? [] : [p.oldId]))).size).toBe(4001);
    expect(new Set(provisions.flatMap((p) => (p.newId === undefined ? [] : [p.newId]))).size).toBe(4001);
    expect(diff.warnings.filter((w) => w.code === 'diff-fallback')).toEqual([]);
  }, 60_000);

  it('under a short --timeout, ends with a complete report and one warning naming the bound', () => {
    const result = runCli(['--no-cache', '--timeout', '0.2', oldPath, newPath]);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toMatch(/^Warnings \(1\)\n {2}diff-fallback the comparison passed its time bound of 0\.2 s \(--timeout\): \d+ provisions of article 1 are shown as whole-text replacements$/m);
    expect(result.stdout).toMatch(/^ {2}new {2}\S+ \(1 page, 2 articles\)$/m);
  }, 60_000);
});
