// Named exit codes (as diff(1)) and the pure rule that picks one for a comparison.

import type { FindingCode, TreatyDiff } from './types.js';

export const EXIT_NO_DIFFERENCES = 0;
export const EXIT_DIFFERENCES = 1;
/** Trouble: bad input, bad option, an internal error. */
export const EXIT_TROUBLE = 2;

export type ExitCode = typeof EXIT_NO_DIFFERENCES | typeof EXIT_DIFFERENCES | typeof EXIT_TROUBLE;

/**
 * What `--fail-on` selects: finding codes, or the predicate a group stands for.
 * `undefined` means "any difference at all", the default without `--fail-on`.
 */
export type FailOn = (code: FindingCode) => boolean;

/** True when the comparison found any difference: an article that is not unchanged, or a finding. */
export function hasDifferences(diff: TreatyDiff): boolean {
  return diff.findings.length > 0 || diff.articles.some((article) => article.kind !== 'unchanged' || article.provisions.some((p) => p.kind !== 'unchanged'));
}

/**
 * What a comparison's exit code is decided by, for any `--fail-on`: whether anything differs, and which
 * finding codes it holds. A stored report keeps these beside its text, so a rerun exits as the first run did.
 */
export interface ExitFacts {
  differences: boolean;
  /** The distinct finding codes, in order of first appearance. */
  codes: FindingCode[];
}

/** The exit facts of `diff`. Example: a diff with two `power-expanded` findings -> `{ differences: true, codes: ['power-expanded'] }`. */
export function exitFactsOf(diff: TreatyDiff): ExitFacts {
  return { differences: hasDifferences(diff), codes: [...new Set(diff.findings.map((finding) => finding.code))] };
}

/**
 * 0 when nothing differs (or nothing matches `failOn`), 1 otherwise.
 * Warnings never change the exit code: they are reported, not judged.
 */
export function exitCodeFor(diff: TreatyDiff, failOn?: FailOn): ExitCode {
  return exitCodeFrom(exitFactsOf(diff), failOn);
}

/** `exitCodeFor` on a comparison's exit facts. */
export function exitCodeFrom(facts: ExitFacts, failOn?: FailOn): ExitCode {
  if (failOn === undefined) return facts.differences ? EXIT_DIFFERENCES : EXIT_NO_DIFFERENCES;
  return facts.codes.some((code) => failOn(code)) ? EXIT_DIFFERENCES : EXIT_NO_DIFFERENCES;
}
