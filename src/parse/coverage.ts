// The coverage invariant: every body line lands in exactly one node or one unplaced entry.

import type { TreatyDocument } from '../types.js';
import { listNodes } from './walk.js';

/**
 * Checks that every body line index `0..doc.lineCount-1` appears in exactly one node's
 * `lines` or one `unplaced` entry. Returns the indices that appear nowhere and those that
 * appear more than once (each listed once, ascending); both empty when the invariant holds.
 *
 * @example checkCoverage(parseDocument(extracted)) // { missing: [], duplicated: [] }
 */
export function checkCoverage(doc: TreatyDocument): { missing: number[]; duplicated: number[] } {
  const seen = new Uint32Array(doc.lineCount);
  const duplicated = new Set<number>();
  const count = (index: number): void => {
    // An index outside the document counts as duplicated: it claims a line that does not exist.
    if (!Number.isInteger(index) || index < 0 || index >= doc.lineCount) {
      duplicated.add(index);
      return;
    }
    seen[index]! += 1;
    if (seen[index]! > 1) duplicated.add(index);
  };
  for (const node of listNodes(doc)) for (const index of node.lines) count(index);
  for (const entry of doc.unplaced) for (const index of entry.lines) count(index);
  const missing: number[] = [];
  for (let i = 0; i < doc.lineCount; i++) if (seen[i] === 0) missing.push(i);
  return { missing, duplicated: [...duplicated].sort((a, b) => a - b) };
}
