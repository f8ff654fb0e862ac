// Compares many drafts in the order given: each with the next, then the history of every article.

import type { TreatyDocument, TreatyHistory } from '../types.js';
import { compareDrafts, type CompareOptions } from '../compare.js';
import { buildHistory } from './build-history.js';

/**
 * `docs` in chronological order (as given on the command line; never re-sorted by date, since
 * printed dates are often missing or ambiguous). At least two drafts.
 */
export function compareSeries(docs: TreatyDocument[], options: CompareOptions = {}): TreatyHistory {
  if (docs.length < 2) throw new RangeError('compareSeries needs at least two drafts');
  const comparisons = docs.slice(1).map((newDoc, index) => compareDrafts(docs[index]!, newDoc, options));
  return buildHistory(comparisons);
}
