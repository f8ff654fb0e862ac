// Pairs an article's footnotes across two drafts and diffs the wording of each pair.

import type { Footnote, FootnoteDiff } from '../types.js';
import { diffText } from './diff-text.js';

/**
 * The article's footnotes of both drafts, paired: same text first (a footnote renumbered because an
 * earlier one was inserted is the same footnote), then same marker (a footnote reworded), and the rest
 * added or removed. In new-draft order, removed ones last.
 *
 * Example: old `[1: "See A."]`, new `[1: "See B.", 2: "See A."]` -> `added` 1 ("See B."), then
 * `renumbered` 1 -> 2 ("See A."); never `reworded` 1 ("See A." -> "See B.").
 */
export function diffFootnotes(oldNotes: readonly Footnote[], newNotes: readonly Footnote[], timeoutMs = 1000, deadline = Number.POSITIVE_INFINITY): FootnoteDiff[] {
  const unmatched = new Set(oldNotes);
  const pairs: { old?: Footnote; new: Footnote }[] = newNotes.map((note) => {
    const same = oldNotes.find((old) => unmatched.has(old) && old.text === note.text);
    if (same !== undefined) unmatched.delete(same);
    return same === undefined ? { new: note } : { old: same, new: note };
  });
  for (const pair of pairs) {
    if (pair.old !== undefined) continue;
    const sameMarker = oldNotes.find((old) => unmatched.has(old) && old.marker === pair.new.marker);
    if (sameMarker === undefined) continue;
    unmatched.delete(sameMarker);
    pair.old = sameMarker;
  }
  const paired: FootnoteDiff[] = pairs.map(({ old, new: note }) => {
    if (old === undefined) return { kind: 'added', new: note };
    if (old.text !== note.text) return { kind: 'reworded', old, new: note, ops: diffText(old.text, note.text, timeoutMs, deadline).ops };
    return { kind: old.marker === note.marker ? 'unchanged' : 'renumbered', old, new: note };
  });
  return [...paired, ...oldNotes.filter((note) => unmatched.has(note)).map((note): FootnoteDiff => ({ kind: 'removed', old: note }))];
}
