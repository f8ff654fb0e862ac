// All human wording of warnings and findings: codes in, sentences out.

import type { FindingCode, WarningCode } from './types.js';

/** Details a warning's wording may use. */
export interface WarningDetails {
  page?: number;
  at?: string;
  /** A short quote of the text concerned (truncated here, not by callers). */
  text?: string;
  count?: number;
  /** Free detail, e.g. the duplicate number or the expected number. */
  detail?: string;
}

const QUOTE_LIMIT = 80;

/** `"some text..."`, cut at a word boundary to at most QUOTE_LIMIT characters. */
export function quote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= QUOTE_LIMIT) return `"${flat}"`;
  const cut = flat.slice(0, QUOTE_LIMIT);
  const space = cut.lastIndexOf(' ');
  return `"${(space > QUOTE_LIMIT / 2 ? cut.slice(0, space) : cut).trimEnd()}..."`;
}

/**
 * The note a draft read with its own marks carries (issue 12).
 *
 * Example: `{ struck: 1234, inserted: 987 }` -> `read as marked: 1,234 struck and 987 inserted words`.
 */
export function markedNote(counts: { struck: number; inserted: number }): string {
  const words = (n: number, kind: string): string => `${n.toLocaleString('en-GB')} ${kind}`;
  return `read as marked: ${words(counts.struck, 'struck')} and ${words(counts.inserted, 'inserted')} word${counts.inserted === 1 ? '' : 's'}`;
}

/**
 * A marked draft as one side of a comparison.
 *
 * Example: `{ struck: 3, inserted: 1, text: 'previous' }` -> `read as marked: 3 struck and 1 inserted word; its text before the marks`.
 */
export function describeMarks(marks: { struck: number; inserted: number; text: 'current' | 'previous' }): string {
  return `${markedNote(marks)}; ${marks.text === 'previous' ? 'its text before the marks' : 'its text as marked'}`;
}

const onPage = (d: WarningDetails): string => (d.page === undefined ? '' : ` on page ${d.page}`);

const WARNING_WORDING: Record<WarningCode, (d: WarningDetails) => string> = {
  'unplaced-text': (d) =>
    `text${onPage(d)} could not be placed in any article: ${quote(d.text ?? '')}`,
  'orphan-footnote': (d) =>
    `footnote ${d.detail ?? ''}${onPage(d)} is cited nowhere in the text; kept with ${d.at ?? 'the document'}`,
  'missing-footnote': (d) =>
    `footnote marker ${d.detail ?? ''}${onPage(d)} has no footnote text`,
  'duplicate-article': (d) =>
    `article ${d.detail ?? ''}${onPage(d)} appears twice; the second is reported as ${d.at ?? 'a separate article'}`,
  'numbering-gap': (d) => `article numbering jumps${onPage(d)}: ${d.detail ?? ''}`,
  'diff-fallback': (d) =>
    `the word diff of ${d.at ?? 'a provision'} took too long; a ${d.detail ?? 'coarser'} diff is shown instead`,
  'empty-page': (d) =>
    `page ${d.page ?? '?'} has almost no text (an image?); anything on it is missing from the comparison`,
  'unread-pages': (d) =>
    `${d.detail ?? 'the file holds more pages than its page tree lists'}: pages may be missing from the comparison (a damaged page tree, or pages deleted in a later edit of the file); check the page count in a PDF reader`,
  'weak-alignment': (d) =>
    `${d.at ?? 'an article'} was paired on weak evidence (${d.detail ?? 'low similarity'}); check it by hand`,
};

/** The sentence for a warning. */
export function warningMessage(code: WarningCode, details: WarningDetails = {}): string {
  return WARNING_WORDING[code](details);
}

// ---------------------------------------------------------------------------
// Findings

/** Details a finding's wording may use. */
export interface FindingDetails {
  /** Lexicon topic id, e.g. `judicial-review`. */
  topic?: string;
  /** Article numbers as printed on each side. */
  article?: { old?: string; new?: string };
  /** The part concerned when it is not a numbered article: `the preamble`, `the final text`, `the title`. */
  name?: string;
  /** The changed wording on each side (quoted and truncated here). */
  evidence?: { old?: string; new?: string };
  /** Free detail, e.g. `shall -> may` or a bracket count. */
  detail?: string;
}

const about = (d: FindingDetails): string => (d.topic === undefined ? '' : ` (${d.topic})`);
const articleName = (d: FindingDetails): string => d.name ?? `article ${d.article?.new ?? d.article?.old ?? '?'}`;
const change = (d: FindingDetails): string => {
  const oldText = d.evidence?.old;
  const newText = d.evidence?.new;
  if (oldText !== undefined && newText !== undefined) return `${quote(oldText)} -> ${quote(newText)}`;
  if (oldText !== undefined) return `${quote(oldText)} deleted`;
  if (newText !== undefined) return `${quote(newText)} inserted`;
  return d.detail ?? 'wording changed';
};

const FINDING_WORDING: Record<FindingCode, (d: FindingDetails) => string> = {
  'safeguard-added': (d) => `safeguard added${about(d)}: ${change(d)}`,
  'safeguard-removed': (d) => `safeguard removed${about(d)}: ${change(d)}`,
  'safeguard-weakened': (d) => `safeguard weakened${about(d)}: ${change(d)}`,
  'safeguard-strengthened': (d) => `safeguard strengthened${about(d)}: ${change(d)}`,
  'safeguard-modified': (d) => `safeguard wording changed${about(d)}: ${change(d)}`,
  'power-added': (d) => `power added${about(d)}: ${change(d)}`,
  'power-removed': (d) => `power removed${about(d)}: ${change(d)}`,
  'power-expanded': (d) => `power expanded${about(d)}: ${change(d)}`,
  'power-narrowed': (d) => `power narrowed${about(d)}: ${change(d)}`,
  'power-modified': (d) => `power wording changed${about(d)}: ${change(d)}`,
  'article-added': (d) => `${articleName(d)} is new`,
  'article-removed': (d) => `${d.name ?? `article ${d.article?.old ?? '?'}`} was removed`,
  'article-renumbered': (d) => `article ${d.article?.old ?? '?'} is now article ${d.article?.new ?? '?'}`,
  'article-moved': (d) => `${articleName(d)} moved ${d.detail ?? 'to another chapter'}`,
  'article-modified': (d) => `${articleName(d)}: text changed${d.detail === undefined ? '' : ` (${d.detail})`}`,
  'modal-shift': (d) => `modal verb changed${about(d)}: ${change(d)}`,
  'qualifier-added': (d) => `qualifier added${about(d)}: ${change(d)}`,
  'qualifier-removed': (d) => `qualifier removed${about(d)}: ${change(d)}`,
  'brackets-added': (d) => `${articleName(d)}: more bracketed (unagreed) text${d.detail === undefined ? '' : ` (${d.detail})`}`,
  'brackets-resolved': (d) => `${articleName(d)}: bracketed text resolved${d.detail === undefined ? '' : ` (${d.detail})`}`,
};

/** The sentence for a finding. Example: `findingMessage('article-renumbered', { article: { old: '5', new: '6' } })` -> `article 5 is now article 6`. */
export function findingMessage(code: FindingCode, details: FindingDetails = {}): string {
  return FINDING_WORDING[code](details);
}
