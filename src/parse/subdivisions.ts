// Sections inside an article (`Section 1. General obligations` under `ARTICLE IV`), as older treaties and charters divide their articles.

import type { BodyLine } from '../types.js';
import type { Heading } from './headings.js';
import { articleKey, numKey } from './ids.js';
import { isStructuralShape } from './patterns.js';

/**
 * Whether a `Section` heading found while an article is open divides that article rather than
 * opening a container of articles. Charters and older treaties (Roman-numbered articles) print
 * `ARTICLE IV. ...` then `Section 1. ...` with the section's own text under it; conventions that
 * group articles into sections print the section's heading right above an article or title
 * heading, and their articles are numbered 1, 2, 3. So: the open article is Roman-numbered, and
 * what follows the section heading is text, not another heading.
 *
 * @example
 * // `ARTICLE IV. OBLIGATIONS` / `Section 1. General obligations` / `Each member shall ...` -> true
 * // `Article 13 – Sanctions` / ... / `Section 2 – Procedural law` / `Title 1 – Common provisions` -> false
 */
export function isArticleSubdivision(lines: BodyLine[], heading: Heading, articleNum: string | undefined): boolean {
  if (heading.kind !== 'section' || articleNum === undefined) return false;
  // Roman: the key the article is compared by is its value, not the letters as printed.
  if (articleKey(articleNum) === numKey(articleNum)) return false;
  const next = lines[heading.lines.at(-1)! + 1];
  return next !== undefined && !isStructuralShape(next.text);
}
