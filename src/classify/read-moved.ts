// Reads an article's provisions for moved text: wording that left one place and stands in another is
// masked out of what classification reads, and where it went is listed.

import type { PageRange } from '../types.js';
import type { ArticleChange, ProvisionChange } from '../diff/diff-article.js';
import { listHunks } from './evidence.js';
import { findMovedRuns, type TextIndex } from './moved-text.js';

/** Both drafts indexed for moved text (see `moved-text.ts`): wording deleted here but standing elsewhere. */
export interface DraftIndexes {
  old: TextIndex;
  new: TextIndex;
}

/** A provision's texts with moved wording masked (same length, so hunk offsets still hold). */
export interface ReadTexts {
  oldRead: string;
  newRead: string;
  /** Texts of the new draft's provisions where wording deleted here now stands. */
  movedTo: string[];
  /** Texts of the old draft's provisions where wording inserted here stood. */
  movedFrom: string[];
}

/** Where a `text-moved` finding stands: the provision the wording left, and where it went. */
export interface MovedPlace {
  at: string;
  pages: { old?: PageRange; new?: PageRange };
  evidence: { old: string };
  moved: { from: string; to: string };
  detail: string;
}

/** The pages a provision spans on each side it exists on. */
export const provisionPages = (p: ProvisionChange): { old?: PageRange; new?: PageRange } => ({
  ...(p.old !== undefined ? { old: p.old.pages } : {}),
  ...(p.new !== undefined ? { new: p.new.pages } : {}),
});

/** `text[start, end)`, cut at a word boundary to about 200 characters with `...`. Example: a 12-word run is
 * returned whole; a 90-word paragraph ends "... shall be granted full access to the...". */
function movedWording(text: string, start: number, end: number): string {
  const wording = text.slice(start, end).trim();
  if (wording.length <= 200) return wording;
  const cut = wording.slice(0, 197);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 100)).trimEnd()}...`;
}

/** What masks moved wording in read texts: one character per masked character, never a letter. */
const MASK = '\u2591';
export const MASK_RUN = /\u2591+/g;

/** `text` with each `[start, end)` of `spans` replaced by MASK characters (length kept). */
function maskSpans(text: string, spans: Array<{ start: number; end: number }>): string {
  let out = text;
  for (const { start, end } of spans) out = out.slice(0, start) + MASK.repeat(end - start) + out.slice(end);
  return out;
}

/**
 * Reads every provision of an article for moved text: wording deleted here that stands elsewhere in the
 * new draft is masked out of the old text, wording inserted here that stood elsewhere in the old draft
 * out of the new text, so that only what changed around it is classified. Deleted wording that stood
 * only here in the old draft and now stands elsewhere is listed as a `text-moved` place (from, to), to be
 * recorded after the article-level findings. Without indexes, every text reads as it is.
 *
 * Example: article 16 paragraph 3 deleted while its words stand in article 17 paragraph 2 -> the old text
 * of 16(3) fully masked, one moved place `{ from: 'art_16__para_3', to: 'art_17__para_2' }`. Negative: a
 * formula struck from one article while it stands in as many others as before is not masked.
 */
export function readMovedText(change: ArticleChange, indexes: DraftIndexes | undefined): { reads: Map<ProvisionChange, ReadTexts>; moved: MovedPlace[] } {
  const reads = new Map<ProvisionChange, ReadTexts>();
  const moved: MovedPlace[] = [];
  for (const p of change.provisions) {
    if (p.diff.kind === 'unchanged' || indexes === undefined) {
      reads.set(p, { oldRead: p.oldText, newRead: p.newText, movedTo: [], movedFrom: [] });
      continue;
    }
    const out: Array<{ start: number; end: number }> = [];
    const into: Array<{ start: number; end: number }> = [];
    const movedTo = new Set<string>();
    const movedFrom = new Set<string>();
    for (const h of listHunks(p.ops)) {
      if (h.oldEnd > h.oldStart) {
        for (const run of findMovedRuns(p.oldText, h.oldStart, h.oldEnd, indexes.new, indexes.old, p.new === undefined)) {
          out.push(run);
          // The destination, unless it is this very provision (a sentence moved within it).
          for (const id of run.places) if (id !== p.new?.id) movedTo.add(indexes.new.texts.get(id) ?? '');
          const from = p.old?.id;
          const to = run.places[0];
          // Moved, not a repeated formula: the wording stood only here in the old draft.
          if (from !== undefined && to !== undefined && run.ownPlaces.every((id) => id === from)) {
            moved.push({
              at: p.diff.id,
              pages: provisionPages(p),
              // The moved wording itself, not its clause: the clause around it did not move.
              evidence: { old: movedWording(p.oldText, run.start, run.end) },
              moved: { from, to },
              detail: `from ${from} to ${to}`,
            });
          }
        }
      }
      if (h.newEnd > h.newStart) {
        for (const run of findMovedRuns(p.newText, h.newStart, h.newEnd, indexes.old, indexes.new, p.old === undefined)) {
          into.push(run);
          for (const id of run.places) if (id !== p.old?.id) movedFrom.add(indexes.old.texts.get(id) ?? '');
        }
      }
    }
    reads.set(p, { oldRead: maskSpans(p.oldText, out), newRead: maskSpans(p.newText, into), movedTo: [...movedTo], movedFrom: [...movedFrom] });
  }
  return { reads, moved };
}
