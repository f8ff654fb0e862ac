// All human wording of warnings and findings: codes in, sentences out.

import type { WarningCode } from '../types.js';

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
  'weak-alignment': (d) =>
    `${d.at ?? 'an article'} was paired on weak evidence (${d.detail ?? 'low similarity'}); check it by hand`,
};

/** The sentence for a warning. */
export function warningMessage(code: WarningCode, details: WarningDetails = {}): string {
  return WARNING_WORDING[code](details);
}
