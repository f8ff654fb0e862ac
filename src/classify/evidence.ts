// Cuts short evidence out of a provision diff: the changed words with a few words of context.

import type { DiffOp } from '../types.js';

/** One run of changes in a diff, with where it sits in the old and the new text. */
export interface Hunk {
  oldStart: number;
  oldEnd: number;
  newStart: number;
  newEnd: number;
  deleted: string;
  inserted: string;
}

/**
 * The change runs of `ops` (consecutive delete/insert ops), with their character ranges.
 * Example: equal `a `, delete `b`, insert `c`, equal ` d` -> one hunk: old [2,3), new [2,3).
 */
export function listHunks(ops: DiffOp[]): Hunk[] {
  const hunks: Hunk[] = [];
  let oldPos = 0;
  let newPos = 0;
  let open: Hunk | undefined;
  for (const op of ops) {
    if (op.op === 'equal') {
      if (open !== undefined) hunks.push(open);
      open = undefined;
      oldPos += op.text.length;
      newPos += op.text.length;
      continue;
    }
    open ??= { oldStart: oldPos, oldEnd: oldPos, newStart: newPos, newEnd: newPos, deleted: '', inserted: '' };
    if (op.op === 'delete') {
      open.deleted += op.text;
      oldPos += op.text.length;
      open.oldEnd = oldPos;
    } else {
      open.inserted += op.text;
      newPos += op.text.length;
      open.newEnd = newPos;
    }
  }
  if (open !== undefined) hunks.push(open);
  return hunks;
}

const EVIDENCE_LIMIT = 200;
/** Characters of the clause kept before the change: about six words. */
const BEFORE_CHANGE = 40;
/** Where a clause ends: `;` or `:` anywhere, `.` before a space or the end (not inside "2019/1020" or "1.2"). */
const CLAUSE_END = /[;:]|\.(?=\s|$)/g;

/** `start` moved back to the beginning of its word, `end` forward to the end of its word. */
function snapToWords(text: string, start: number, end: number): [number, number] {
  let from = start;
  while (from > 0 && !/\s/.test(text[from - 1] ?? '')) from--;
  let to = end;
  while (to < text.length && !/\s/.test(text[to] ?? '')) to++;
  return [from, to];
}

/**
 * `text[start, end)` with its clause (back to the previous `;`, `:` or full stop, on to the next), at
 * most about six words before the change and 200 characters in all, cut at word boundaries, `...` where cut.
 * Example: snippet('Each State Party shall adopt such measures; it may also act.', 17, 22) ->
 * 'Each State Party shall adopt such measures;'. Negative: the next clause ("it may also act.") is never
 * part of it, and a word is never cut in half.
 */
export function snippet(text: string, start: number, end: number): string {
  const [coreStart, coreEnd] = snapToWords(text, start, end);
  let from = 0;
  let to = text.length;
  for (const m of text.matchAll(CLAUSE_END)) {
    const stop = m.index + m[0].length;
    if (stop <= coreStart) from = stop;
    else if (m.index >= Math.max(coreEnd - 1, coreStart)) {
      to = stop;
      break;
    }
  }
  if (coreEnd - coreStart >= EVIDENCE_LIMIT) {
    const cut = text.slice(coreStart, coreStart + EVIDENCE_LIMIT - 3);
    const space = cut.lastIndexOf(' ');
    return `${(space > EVIDENCE_LIMIT / 2 ? cut.slice(0, space) : cut).trimEnd()}...`;
  }
  // At most BEFORE_CHANGE characters of the clause before the change (messages quote the first 80
  // characters, and the change must be among them), the rest of the limit after it.
  // A clause that starts only a few words further back is kept whole.
  let left = coreStart - from <= 2 * BEFORE_CHANGE ? from : coreStart - BEFORE_CHANGE;
  if (left > from) {
    const space = text.indexOf(' ', left);
    left = space < 0 || space >= coreStart ? coreStart : space + 1;
  }
  let right = Math.min(to, left + EVIDENCE_LIMIT);
  if (right < to) {
    const space = text.lastIndexOf(' ', right);
    right = space < coreEnd ? coreEnd : space;
  }
  return `${left > from ? '...' : ''}${text.slice(left, right).trim()}${right < to ? '...' : ''}`;
}

/**
 * Evidence for one hunk: each side only when something was deleted / inserted there, cut to the change
 * and its clause. When `focus` (a span on side `side`, e.g. the safeguard phrase that went) touches the
 * change, that side is the phrase's clause rather than the whole change.
 */
export function hunkEvidence(
  hunk: Hunk,
  oldText: string,
  newText: string,
  side?: 'old' | 'new',
  focus?: [number, number],
): { old?: string; new?: string } {
  const range = (which: 'old' | 'new'): [number, number] => {
    const [start, end] = which === 'old' ? [hunk.oldStart, hunk.oldEnd] : [hunk.newStart, hunk.newEnd];
    // The phrase that made the finding, when it lies in the change: its clause is the evidence.
    if (side === which && focus !== undefined && focus[0] < end && focus[1] > start) return focus;
    return [start, end];
  };
  return {
    ...(hunk.deleted.trim() !== '' ? { old: snippet(oldText, ...range('old')) } : {}),
    ...(hunk.inserted.trim() !== '' ? { new: snippet(newText, ...range('new')) } : {}),
  };
}
