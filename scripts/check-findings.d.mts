// Types of scripts/check-findings.mjs, so that tsc checks the tests that import it.

import type { Finding, TreatyDiff } from '../src/types.js';

/** Wording shorter than this many words is never judged present or absent. */
export const MIN_WORDS: number;
/** Share of an evidence's words that must stand in the new draft to call it present. */
export const PRESENT_SHARE: number;

/** What the trust check found, with the findings behind each count. */
export interface FindingsCheck {
  counts: { removedButPresent: number; contradictory: number; furnitureInEvidence: number };
  removedButPresent: Finding[];
  contradictory: Array<[Finding, Finding]>;
  furnitureInEvidence: Finding[];
}

export function words(text: string): string[];
export function furnitureLines(pages: string[]): RegExp[];
export function contradictory(a: Finding, b: Finding): boolean;
export function checkFindings(report: Pick<TreatyDiff, 'findings'>, pages: string[]): FindingsCheck;
export function pdfPages(pdf: string): string[];
