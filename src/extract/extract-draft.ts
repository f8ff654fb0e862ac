// Turns a draft's bytes into ExtractedText: a PDF to the PDF extractor, a .txt/.md draft to the text one.

import { TreatyDiffError } from '../errors.js';
import type { ExtractedText, ReadOptions } from '../types.js';
import { extractPdf } from './pdf.js';
import { draftFormat } from './draft-format.js';
import { extractText } from './text.js';
import { decodeText, type TextEncoding } from './decode-text.js';
import { warningMessage } from '../messages.js';
import { DEFAULT_MAX_BYTES } from './limits.js';

/** The encodings a text draft may be guessed to be in, as a warning names them. */
const ENCODING_NAMES: Record<TextEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 little-endian',
  'utf-16be': 'UTF-16 big-endian',
  'windows-1252': 'Windows-1252',
};

/** How far the streams of a PDF may expand, as a multiple of the file-size bound. */
const INFLATE_FACTOR = 3;

/**
 * The text of a draft whose bytes were read from `source.path`. A PDF header decides PDF; otherwise the
 * extension decides text (.txt/.md/.text), and anything else is refused with `not-a-pdf`. A text draft is
 * decoded by `decodeText` (UTF-8, UTF-16 with a BOM, else Windows-1252 with a `text-encoding` warning). A PDF's
 * compressed streams may expand to three times the file-size bound (`maxBytes`) in all.
 *
 * Example: `extractDraft(bytes, { path: 'rev1.pdf', sha256 }, { maxPages: 500 })` ->
 * `{ source: { path: 'rev1.pdf', format: 'pdf', pages: 18, ... }, ... }`.
 */
export async function extractDraft(bytes: Uint8Array, source: { path: string; sha256: string }, options: ReadOptions = {}): Promise<ExtractedText> {
  const { path, sha256 } = source;
  const format = draftFormat(bytes, path);
  if (format === 'pdf') {
    const maxInflatedBytes = (options.maxBytes ?? DEFAULT_MAX_BYTES) * INFLATE_FACTOR;
    return extractPdf(bytes, { path, sha256, format: 'pdf' }, { maxInflatedBytes, ...pdfOptions(options) });
  }
  if (format === 'text') {
    const { text, encoding, guessed } = decodeText(bytes, path);
    const extracted = extractText(text, { path, sha256, format: 'text' });
    // Never a silent guess: a draft whose encoding was inferred says how it was read, in every report.
    if (guessed) extracted.warnings.push({ code: 'text-encoding', message: warningMessage('text-encoding', encoding === 'windows-1252' ? {} : { detail: ENCODING_NAMES[encoding] }) });
    return extracted;
  }
  throw new TreatyDiffError('not-a-pdf', `${path}: is neither a PDF nor a .txt/.md text draft; give the draft as a PDF (or its text as .txt/.md)`);
}

/** The options the PDF extractor reads (the others bound the file and the thread, before it). */
function pdfOptions({ maxPages, timeoutMs, password, marks, previousText }: ReadOptions) {
  return {
    ...(maxPages !== undefined ? { maxPages } : {}),
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    ...(password !== undefined ? { password } : {}),
    ...(marks !== undefined ? { marks } : {}),
    ...(previousText === true ? { previousText } : {}),
  };
}
