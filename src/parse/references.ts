// Whether a heading-shaped line is really a cross-reference that a line wrap put at a line start ("Article 5." / "shall apply ...").

import type { BodyLine } from '../types.js';
import { articleKey } from './ids.js';

/** What `findHeading` knows about a heading-shaped line when it asks. */
export interface HeadingCandidate {
  kind: string;
  num: string;
  /** Heading text on the same line, after the separator. */
  heading?: string;
  separator?: string;
}

// Words that make a "heading" a clause: `Annex IV. The Commission shall adopt ...`.
const CLAUSE_VERB = /\b(?:shall|may|must|should|will)\b/;

/**
 * True when the heading-shaped line at `i` reads as running text, judged by what follows it, its
 * own words and the article sequence; a line set apart by layout (centred, bold, or after a
 * paragraph break) is never judged by sequence, since a real heading may go backwards (a
 * duplicate number is reported, not swallowed).
 *
 * - `Article 5.` or `Annex IV` alone, and the next line goes on in lower case: `shall apply ...`.
 * - a heading after a full stop or colon that is a clause: `Annex IV. The Commission shall adopt ...`.
 * - `Article 5` with no heading of its own, not set apart, while article 43 is open: numbers go up,
 *   so it is a reference inside article 43.
 * - `Article 2019` while article 12 is open, however set apart (unless centred or bold): a year, see `leapsToFourDigits`.
 *
 * @example // "Article 5." then "shall apply mutatis mutandis." -> true
 * @example // "Annex IV. The Commission shall adopt delegated acts" -> true
 * @example // "Article 44." then "Obligations of providers" -> false (negative case: a heading)
 */
export function isLineStartReference(lines: BodyLine[], i: number, found: HeadingCandidate, previousArticle: string | undefined): boolean {
  const line = lines[i]!;
  // Bold that marks an insertion in a compromise text is no heading style.
  if (line.centred || (line.bold && (line.marks?.inserted ?? 0) === 0)) return false;
  const next = lines[i + 1];
  if (found.heading === undefined && next !== undefined && next.page === line.page && !next.breakBefore && /^\p{Ll}/u.test(next.text)) return true;
  if (found.heading !== undefined && (found.separator === '.' || found.separator === ':') && CLAUSE_VERB.test(found.heading)) return true;
  if (found.kind === 'article' && leapsToFourDigits(found.num, previousArticle)) return true;
  if (found.kind !== 'article' || found.heading !== undefined || line.breakBefore || previousArticle === undefined) return false;
  return goesBack(found.num, previousArticle);
}

/** How far a four-digit article number may run ahead of the article before it and still be a heading. */
const FOUR_DIGIT_STEP = 50;

/**
 * True when a four-digit article number does not follow on from the article before it: `Article 2019`
 * while article 12 is open is a year a line wrap put first ("... the Regulation of" / "Article 2019 of ...",
 * "... amended in" / "Article 2019."), not article 2,019. Long codes that do run past 999 reach 1000 from
 * 999, so a four-digit heading is read when the previous article is at most 50 below it, or, with no
 * article before it (an excerpt that starts at article 1204), when it is not a year (1900 to 2099).
 * Judged even on a line set apart by a break: a text draft sets every paragraph apart so.
 *
 * @example leapsToFourDigits('2019', '12') // true
 * @example leapsToFourDigits('1000', '999') // false (negative case: the next article)
 * @example leapsToFourDigits('2019', undefined) // true
 * @example leapsToFourDigits('1204', undefined) // false
 */
export function leapsToFourDigits(num: string, previousArticle: string | undefined): boolean {
  const base = Number.parseInt(articleKey(num), 10);
  if (Number.isNaN(base) || base < 1000) return false;
  if (previousArticle === undefined) return base >= 1900 && base <= 2099;
  const previousBase = Number.parseInt(articleKey(previousArticle), 10);
  return Number.isNaN(previousBase) || base - previousBase > FOUR_DIGIT_STEP;
}

/** True when article `num` comes no later than `previous` (`5` after `43`, `43` after `43`); suffixed numbers of one base are not judged. */
function goesBack(num: string, previous: string): boolean {
  const key = articleKey(num);
  const previousKey = articleKey(previous);
  const base = Number.parseInt(key, 10);
  const previousBase = Number.parseInt(previousKey, 10);
  if (Number.isNaN(base) || Number.isNaN(previousBase)) return false;
  return base < previousBase || key === previousKey;
}
