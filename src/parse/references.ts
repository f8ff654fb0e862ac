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
  if (found.kind !== 'article' || found.heading !== undefined || line.breakBefore || previousArticle === undefined) return false;
  return goesBack(found.num, previousArticle);
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
