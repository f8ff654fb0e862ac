// Reads and extracts one draft in this thread: the library's way from a path to ExtractedText.

import { extractDraft } from '../extract/extract-draft.js';
import type { ExtractedText, ReadOptions } from '../types.js';
import { readDraftFile } from './read-file.js';

/**
 * Reads a draft (PDF, or a .txt/.md/.text text draft) into ExtractedText, in the calling thread.
 * Throws TreatyDiffError with a one-line message naming the file: the file errors of `readDraftFile`,
 * `not-a-pdf`, and the PDF errors of `extractPdf`.
 *
 * Example: `await readDraft('drafts/rev1.pdf', { maxPages: 500 })` -> `{ source: { path: 'drafts/rev1.pdf', format: 'pdf', pages: 18, ... }, ... }`.
 */
export async function readDraft(path: string, options: ReadOptions = {}): Promise<ExtractedText> {
  const file = await readDraftFile(path, options);
  return extractDraft(file.bytes, file, options);
}
