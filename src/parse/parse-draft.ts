// Parses a draft as read: once for its text, and once more for its text before its own marks when it marks its changes.

import type { BodyLine, ExtractedText, TreatyDocument, TreatyNode } from '../types.js';
import { parseDocument } from './parse-document.js';

/**
 * The parsed draft. A draft read with marks (issue 12) is its current text (struck text left out), with
 * `marks` holding the counts of marked words and its previous text (insertions left out) parsed the same
 * way; every node whose own lines carry marks says how many of its words were struck or inserted.
 *
 * Example: the Czech presidency compromise -> articles 24, 28, 50, 52a and 57 (wholly struck) absent from
 * the document and present in `marks.previous`.
 */
export function parseDraft(extracted: ExtractedText): TreatyDocument {
  const doc = parseDocument(extracted);
  if (extracted.marks === undefined) return doc;
  const { struck, inserted, previous } = extracted.marks;
  countNodeMarks(doc.nodes, extracted.lines);
  doc.marks = { struck, inserted, ...(previous === undefined ? {} : { previous: parseDocument(previous) }) };
  return doc;
}

/** Sets `marks` on every node whose own lines carry marked words. */
function countNodeMarks(nodes: TreatyNode[], lines: BodyLine[]): void {
  for (const node of nodes) {
    let struck = 0;
    let inserted = 0;
    for (const index of node.lines) {
      struck += lines[index]?.marks?.struck ?? 0;
      inserted += lines[index]?.marks?.inserted ?? 0;
    }
    if (struck + inserted > 0) node.marks = { struck, inserted };
    countNodeMarks(node.children, lines);
  }
}
