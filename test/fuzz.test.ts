// The bounded fuzz run: a few hundred seeded mutations of the fixture PDFs, each ending with exit 0, 1 or 2
// within its time and memory bounds, one clean line on refusal, and the coverage invariant on every parsed draft.

import { describe, expect, it } from 'vitest';
import { caseSeed, describeSummary, runFuzz, type FuzzSummary } from '../scripts/fuzz.mjs';

/** Case count of the bounded run: under a minute on two idle cores with the thread runner. */
const CASES = 200;

/** What to print when cases fail: enough to rerun each one alone. */
function explain(summary: FuzzSummary): string {
  return [
    describeSummary(summary),
    ...summary.failures.map(
      (failure) =>
        `case ${failure.index} (seed ${summary.seed}; ${failure.source}; ${failure.mutations.join(', ')}; ${failure.mode}): ` +
        `${failure.problems.join('; ')}; exit ${String(failure.exit)}; stderr: ${failure.stderr.split('\n')[0] ?? ''}; rerun: ${failure.reproduce}`,
    ),
  ].join('\n');
}

describe('case seeds', () => {
  it('are the same for the same run seed and index, and unrelated for runs whose seeds differ in low bits', () => {
    expect(caseSeed(20261203, 17)).toBe(caseSeed(20261203, 17));
    const cases = (seed: number): Set<number> => new Set(Array.from({ length: 2000 }, (_, index) => caseSeed(seed, index)));
    const first = cases(20261203);
    expect(first.size).toBe(2000);
    // Neighbouring seeds (which a user picks day by day) must not draw the same cases under other numbers.
    for (const other of [20261204, 20261205, 20261211, 1, 2]) {
      const shared = [...cases(other)].filter((value) => first.has(value)).length;
      expect(shared, `seed ${other}`).toBeLessThan(5);
    }
  });
});

describe('seeded fuzz run', () => {
  it(
    `${CASES} mutated drafts: no crash, hang, stack trace or lost line`,
    async () => {
      const summary = await runFuzz({ cases: CASES, seed: 1, jobs: 2, timeout: 30_000, memory: 1024, runner: 'thread', quiet: true }, () => undefined);
      expect(summary.failures, explain(summary)).toEqual([]);
      expect(summary.cases).toBe(CASES);
      expect(summary.exit[0] + summary.exit[1] + summary.exit[2]).toBe(CASES);
      // The run exercises both sides: drafts that still parse (and pass the coverage check) and refusals.
      expect(summary.coverageChecked).toBeGreaterThan(CASES / 10);
      expect(summary.exit[2]).toBeGreaterThan(CASES / 10);
      expect(summary.refusals['other'], explain(summary)).toBeUndefined();
    },
    240_000,
  );

  it('judges a case that breaks a bound as a failure, with what reruns it', async () => {
    // A time bound no case can meet: every case is stopped and reported, none is counted as passing.
    const summary = await runFuzz({ cases: 2, seed: 7, jobs: 1, timeout: 1, memory: 1024, runner: 'thread', quiet: true }, () => undefined);
    expect(summary.failures.map((failure) => failure.index)).toEqual([0, 1]);
    for (const failure of summary.failures) {
      expect(failure.problems).toContain('hang: killed at the time bound');
      expect(failure.reproduce).toBe(`npm run fuzz -- --seed 7 --only ${failure.index} --runner thread`);
    }
  });

  it('judges a case over the memory bound as a failure', async () => {
    // 8 MB of heap does not even hold pdf.js: the runner thread runs out of memory and the case says so.
    const summary = await runFuzz({ cases: 1, seed: 7, jobs: 1, timeout: 30_000, memory: 8, runner: 'thread', quiet: true }, () => undefined);
    expect(summary.failures).toHaveLength(1);
    expect(summary.failures[0]?.problems[0]).toBe('memory: killed over the memory bound');
  });
});
