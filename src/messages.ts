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
  /** A time bound that was passed (`60 s`), for a comparison cut short. */
  bound?: string;
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
    d.bound !== undefined
      ? `the comparison passed its time bound of ${d.bound} (--timeout): ${d.count ?? 'some'} provision${d.count === 1 ? '' : 's'} of ${d.at ?? 'an article'} ${d.count === 1 ? 'is' : 'are'} shown as whole-text replacements`
      : `the word diff of ${d.at ?? 'a provision'} took too long; a ${d.detail ?? 'coarser'} diff is shown instead`,
  'empty-page': (d) =>
    `page ${d.page ?? '?'} has almost no text (an image?); anything on it is missing from the comparison`,
  'unread-pages': (d) =>
    `${d.detail ?? 'the file holds more pages than its page tree lists'}: pages may be missing from the comparison (a damaged page tree, or pages deleted in a later edit of the file); check the page count in a PDF reader`,
  'text-encoding': (d) =>
    d.detail === undefined
      ? `the text draft is not valid UTF-8: read as Windows-1252 (the "ANSI" code page of Word and Notepad); if accented letters or quotes look wrong, save the draft again as UTF-8`
      : `the text draft has no byte order mark but a zero byte beside every ASCII letter: read as ${d.detail}; if the text looks wrong, save the draft again as UTF-8`,
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
  'article-removed': (d) => `${d.name ?? `article ${d.article?.old ?? d.article?.new ?? '?'}`} was removed${d.detail === undefined ? '' : ` (${d.detail})`}`,
  'article-renumbered': (d) => `article ${d.article?.old ?? '?'} is now article ${d.article?.new ?? '?'}`,
  'article-moved': (d) => `${articleName(d)} moved ${d.detail ?? 'to another chapter'}`,
  'article-modified': (d) => `${articleName(d)}: text changed${d.detail === undefined ? '' : ` (${d.detail})`}`,
  'modal-shift': (d) => `modal verb changed${about(d)}: ${change(d)}`,
  'qualifier-added': (d) => `qualifier added${about(d)}: ${change(d)}`,
  'qualifier-removed': (d) => `qualifier removed${about(d)}: ${change(d)}`,
  'brackets-added': (d) => `${articleName(d)}: more bracketed (unagreed) text${d.detail === undefined ? '' : ` (${d.detail})`}`,
  'brackets-resolved': (d) => `${articleName(d)}: bracketed text resolved${d.detail === undefined ? '' : ` (${d.detail})`}`,
  'text-moved': (d) => `text moved${d.detail === undefined ? '' : ` ${d.detail}`}: ${quote(d.evidence?.old ?? d.evidence?.new ?? '')}`,
};

/** The sentence for a finding. Example: `findingMessage('article-renumbered', { article: { old: '5', new: '6' } })` -> `article 5 is now article 6`. */
export function findingMessage(code: FindingCode, details: FindingDetails = {}): string {
  return FINDING_WORDING[code](details);
}

/**
 * Characters that must never reach a terminal or a page as they are: C0 controls but tab and line feed
 * (ESC starts terminal escape sequences), DEL, C1 controls (U+009B is a one-character CSI, U+009D an
 * OSC), and the bidirectional marks, embeddings, overrides and isolates that reorder what is shown
 * (U+202E makes "fdp.exe" read "exe.pdf"). A draft or a file name may carry any of them.
 */
const UNSAFE_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Shows every unsafe control as its code point, the way `less` and `git` make them visible, so that a
 * hostile draft cannot move the cursor, retitle the terminal or reorder the words a reader sees.
 *
 * @example showControls('a\u001b[2Jb') // 'a<U+001B>[2Jb'
 * @example showControls('fdp.\u202eexe') // 'fdp.<U+202E>exe'
 * @example showControls('Article 5\tScope') // unchanged
 */
export function showControls(text: string): string {
  return text.replace(UNSAFE_CONTROLS, (c) => `<U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`);
}

/** A colour sequence as chalk writes it: ESC [ numbers m (SGR). */
const COLOUR_SEQUENCE = /\u001b\[[0-9;]*m/g;
/** One unsafe control anywhere (`UNSAFE_CONTROLS` without the global flag's state). */
const ANY_UNSAFE_CONTROL = new RegExp(UNSAFE_CONTROLS.source);

/**
 * True when `text` holds no unsafe control (see `showControls`) but, when `colour` is true, colour
 * sequences: what every renderer writes. A report read back from the cache is printed as it is, so it is
 * held to this rather than trusted to be what was written.
 *
 * @example isSafeToPrint('Article 5 \u001b[31mdeleted\u001b[39m', true) // true; with colour false: false
 */
export function isSafeToPrint(text: string, colour: boolean): boolean {
  return !ANY_UNSAFE_CONTROL.test(colour ? text.replace(COLOUR_SEQUENCE, '') : text);
}

/**
 * JSON text with every unsafe control written as a `\uXXXX` escape (JSON.stringify leaves C1 and bidi
 * controls raw): the same data for a parser, harmless when the report is printed to a terminal.
 *
 * @example escapeJsonControls('"a\u009bb"') // '"a\\u009bb"'
 */
export function escapeJsonControls(json: string): string {
  return json.replace(UNSAFE_CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** `value` with `showControls` applied to every string in it, at any depth (a copy; the input is unchanged). */
export function showControlsIn<T>(value: T): T {
  if (typeof value === 'string') return showControls(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => showControlsIn(item)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, showControlsIn(item)])) as T;
  }
  return value;
}
