// Compares a marked draft with itself: its text before its own marks (old) against its text as marked (new).

import { compareDrafts, type CompareOptions } from './compare.js';
import { TreatyDiffError } from './errors.js';
import type { TreatyDiff, TreatyDocument } from './types.js';

/**
 * The changes a draft proposes by its own marks (struck deletions, bold or underlined insertions), as a
 * comparison with the same findings and formats as two drafts: the old side is the draft's text before the
 * marks, the new side its current text. Throws `no-marks` when the draft was not read with marks.
 *
 * Example: `compareMarkedDraft(czCompromise)` -> article 5 `modified` with its findings; articles 24, 28,
 * 50, 52a, 57 `removed`; article 4a `added`.
 */
export function compareMarkedDraft(doc: TreatyDocument, options: CompareOptions = {}): TreatyDiff {
  if (doc.marks === undefined) {
    throw new TreatyDiffError(
      'no-marks',
      `${doc.source.path}: the draft marks no changes of its own (no struck-through text, no note that additions are in bold); compare it with another draft instead: treaty-diff old.pdf ${doc.source.path}`,
    );
  }
  const { previous, struck, inserted } = doc.marks;
  const { marks: _marks, ...current } = doc;
  const diff = compareDrafts({ ...previous, source: doc.source }, current, options);
  diff.old.marks = { struck, inserted, text: 'previous' };
  diff.new.marks = { struck, inserted, text: 'current' };
  return diff;
}
