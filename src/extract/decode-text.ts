// A text draft's bytes -> its text: UTF-8 (with or without BOM), UTF-16 (BOM, or zero bytes that show it), else Windows-1252.

import { TreatyDiffError } from '../errors.js';

/** The encodings a text draft is read in. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** A text draft's text and the encoding it was read in. */
export interface DecodedText {
  /** The text, byte order mark removed. */
  text: string;
  encoding: TextEncoding;
  /** Set when the encoding was inferred from the bytes rather than stated or valid on its face: Windows-1252,
   * and UTF-16 without a byte order mark. Such a reading is reported, never silent. */
  guessed?: true;
}

/**
 * Windows-1252 at 0x80-0x9F, where it differs from Latin-1 (WHATWG Encoding Standard, index-windows-1252):
 * the curly quotes, dashes, euro sign and ellipsis a Word document saved as "Text (Windows)" carries. The five
 * bytes the code page leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to the C1 control of the same
 * value, as the standard says, and the text cleaner then drops them. Written out rather than left to
 * `TextDecoder('windows-1252')`, which some Node versions decode as Latin-1 (nodejs/node#56542).
 */
const WINDOWS_1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/**
 * Decodes a text draft. A UTF-16 byte order mark (`FF FE` little-endian, `FE FF` big-endian) decides
 * UTF-16; so do zero bytes beside every ASCII letter without one (`guessed`, see `utf16WithoutMark`);
 * otherwise the bytes are UTF-8 (a UTF-8 BOM is dropped) when they are valid UTF-8, and
 * Windows-1252 when they are not: a draft saved by an older Word or Notepad in the "ANSI" code page. Never
 * replaces a byte with U+FFFD: UTF-16 that is not valid (an odd length, a lone surrogate) is refused with
 * `bad-encoding`, because no other reading of those bytes is likely to be right.
 *
 * @example decodeText(Buffer.from('Article 1')) // { text: 'Article 1', encoding: 'utf-8' }
 * @example decodeText(Uint8Array.of(0xe0, 0x20, 0x6c, 0x27, 0xe9)) // { text: "à l'é", encoding: 'windows-1252', guessed: true }
 * @example decodeText(Uint8Array.of(0xff, 0xfe, 0x41, 0x00)) // { text: 'A', encoding: 'utf-16le' }
 */
export function decodeText(bytes: Uint8Array, path = 'the draft'): DecodedText {
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined;
  if (utf16 !== undefined) {
    try {
      // The decoder drops the BOM itself (ignoreBOM false).
      return { text: new TextDecoder(utf16, { fatal: true }).decode(bytes), encoding: utf16 };
    } catch {
      throw new TreatyDiffError(
        'bad-encoding',
        `${path}: starts as a UTF-16 text file (byte order mark) but is not valid UTF-16 (cut short or damaged); save the draft again as UTF-8 text`,
      );
    }
  }
  const unmarked = utf16WithoutMark(bytes);
  if (unmarked !== undefined) {
    try {
      return { text: new TextDecoder(unmarked, { fatal: true, ignoreBOM: true }).decode(bytes), encoding: unmarked, guessed: true };
    } catch {
      // Not UTF-16 after all: read on as below.
    }
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252', guessed: true };
  }
}

/**
 * UTF-16 saved without a byte order mark: an even length, zero bytes at odd offsets only (little-endian)
 * or at even offsets only (big-endian), in at least half of the code units, as every ASCII letter has one.
 * Such bytes are also valid UTF-8 (letters and NULs), so without this check they would be read as text with
 * a NUL between letters and the non-ASCII characters garbled, silently. A text draft never holds NULs.
 *
 * @example utf16WithoutMark(Buffer.from('Article 1', 'utf16le')) // 'utf-16le'
 * @example utf16WithoutMark(Buffer.from('Article 1')) // undefined
 */
function utf16WithoutMark(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes.length < 2 || bytes.length % 2 !== 0) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < bytes.length; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const units = bytes.length / 2;
  if (evenZeros === 0 && oddZeros >= units / 2) return 'utf-16le';
  if (oddZeros === 0 && evenZeros >= units / 2) return 'utf-16be';
  return undefined;
}

/**
 * Windows-1252 bytes as text: 0x00-0x7F and 0xA0-0xFF as in Latin-1, 0x80-0x9F by `WINDOWS_1252_HIGH`.
 *
 * @example decodeWindows1252(Uint8Array.of(0x93, 0x41, 0x94, 0x80)) // '“A”€'
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  // In chunks: String.fromCharCode takes its codes as arguments, and a draft has millions of bytes.
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const codes = Array.from(bytes.subarray(start, start + CHUNK), (byte) => (byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_HIGH[byte - 0x80]! : byte));
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}
