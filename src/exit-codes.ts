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
 * 0 when nothing differs (or nothing matches `failOn`), 1 otherwise.
 * Warnings never change the exit code: they are reported, not judged.
 */
export function exitCodeFor(diff: TreatyDiff, failOn?: FailOn): ExitCode {
  if (failOn === undefined) return hasDifferences(diff) ? EXIT_DIFFERENCES : EXIT_NO_DIFFERENCES;
  return diff.findings.some((finding) => failOn(finding.code)) ? EXIT_DIFFERENCES : EXIT_NO_DIFFERENCES;
}
