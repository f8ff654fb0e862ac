// Which reader a draft's bytes go to: a PDF header decides PDF, else a text extension decides text.

import { extname } from 'node:path';

/** Where a PDF header may start: readers accept junk before `%PDF-` within the first 1024 bytes. */
export const HEADER_WINDOW = 1024;
const TEXT_EXTENSIONS = new Set(['.txt', '.md', '.text']);

/** True when `%PDF-` occurs in the first 1024 bytes. */
export function hasPdfHeader(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, HEADER_WINDOW)).toString('latin1');
  return head.includes('%PDF-');
}

/**
 * How the draft at `path` with these bytes is read: `pdf` when a PDF header is in its first 1024 bytes,
 * else `text` for a .txt/.md/.text file, else undefined (refused as neither). Decided before the bytes
 * go to a reading thread, so that a failure there (out of memory, too slow) names the right kind of draft.
 *
 * @example draftFormat(Buffer.from('%PDF-1.7 ...'), 'draft.txt') // 'pdf'
 * @example draftFormat(Buffer.from('Article 1'), 'draft.md') // 'text'
 * @example draftFormat(Buffer.from('Article 1'), 'draft.docx') // undefined
 */
export function draftFormat(bytes: Uint8Array, path: string): 'pdf' | 'text' | undefined {
  if (hasPdfHeader(bytes)) return 'pdf';
  return TEXT_EXTENSIONS.has(extname(path).toLowerCase()) ? 'text' : undefined;
}
