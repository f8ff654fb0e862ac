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

const CONTEXT_WORDS = 3;
const EVIDENCE_LIMIT = 200;

/**
 * `text[start, end)` with up to three words of context on each side, cut to about 200 characters.
 * Example: snippet('Each State Party shall adopt such measures', 17, 22) -> 'Each State Party shall adopt such measures'.
 */
export function snippet(text: string, start: number, end: number): string {
  let from = start;
  for (let words = 0; from > 0 && words <= CONTEXT_WORDS; ) {
    from--;
    if (text[from] === ' ') words++;
  }
  let to = end;
  for (let words = 0; to < text.length && words <= CONTEXT_WORDS; ) {
    if (text[to] === ' ') words++;
    to++;
  }
  let out = text.slice(from, to).trim();
  if (out.length > EVIDENCE_LIMIT) {
    const core = text.slice(start, end).trim();
    out = core.length > EVIDENCE_LIMIT ? `${core.slice(0, EVIDENCE_LIMIT - 3).trimEnd()}...` : core;
  }
  return out;
}

/** Evidence for one hunk: each side only when something was deleted / inserted there. */
export function hunkEvidence(hunk: Hunk, oldText: string, newText: string): { old?: string; new?: string } {
  return {
    ...(hunk.deleted.trim() !== '' ? { old: snippet(oldText, hunk.oldStart, hunk.oldEnd) } : {}),
    ...(hunk.inserted.trim() !== '' ? { new: snippet(newText, hunk.newStart, hunk.newEnd) } : {}),
  };
}
