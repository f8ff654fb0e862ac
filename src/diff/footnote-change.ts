// Which footnote diffs are changes: kept apart from the footnote diff itself, so that a report rendered
// from a cached comparison does not load the word diff (jsdiff) for one predicate.

import type { FootnoteDiff } from '../types.js';

/** True for a change of wording, or a footnote added or removed; a renumbering alone is not one. */
export function isFootnoteChange(footnote: FootnoteDiff): boolean {
  return footnote.kind === 'reworded' || footnote.kind === 'added' || footnote.kind === 'removed';
}
