// Encoders for PDF stream filters (the inverse of what a reader decodes), for hostile fixtures and the fuzzer:
// FlateDecode, LZWDecode, RunLengthDecode, ASCIIHexDecode, ASCII85Decode, and an LZW run of spaces of any size.

import { deflateSync } from 'node:zlib';

/** Writes codes of varying width most significant bit first, as LZWDecode reads them. */
function bitWriter() {
  const out = [];
  let acc = 0;
  let pending = 0;
  return {
    put(code, width) {
      acc = (acc << width) | code;
      pending += width;
      while (pending >= 8) {
        out.push((acc >>> (pending - 8)) & 0xff);
        pending -= 8;
      }
      acc &= (1 << pending) - 1;
    },
    bytes() {
      return Buffer.from(pending > 0 ? [...out, (acc << (8 - pending)) & 0xff] : out);
    },
  };
}

/**
 * The code width a reader uses (EarlyChange 1) once its table's next entry is `next`: it widens when
 * next + 1 reaches a power of two, to at most 12 bits.
 */
const lzwWidth = (next) => (next >= 2047 ? 12 : next >= 1023 ? 11 : next >= 511 ? 10 : 9);

/**
 * LZW data (9 to 12-bit codes, EarlyChange 1) that decodes to about `total` spaces, written code by code:
 * after a clear code, one space, then each next table code, every one a space longer than the last (a run
 * compresses to about 5 KB per 7 MB). Nothing of the output is held.
 */
export function lzwSpaces(total) {
  const writer = bitWriter();
  let width = 9;
  let written = 0;
  while (written < total) {
    writer.put(256, width);
    width = 9;
    writer.put(0x20, width);
    written += 1;
    let length = 1;
    for (let next = 258; written < total && next < 4000; ) {
      writer.put(next, width);
      length += 1;
      written += length;
      next += 1;
      width = lzwWidth(next);
    }
  }
  writer.put(257, width);
  return writer.bytes();
}

/** LZWDecode data for `data` (a general encoder: table cleared before it fills). */
export function lzwEncode(data) {
  const writer = bitWriter();
  writer.put(256, 9);
  if (data.length === 0) {
    writer.put(257, 9);
    return writer.bytes();
  }
  let table = new Map();
  // Codes written since the last clear: the reader's table has grown by one for each but the first.
  let emitted = 0;
  const emit = (code) => {
    writer.put(code, emitted === 0 ? 9 : lzwWidth(258 + emitted - 1));
    emitted += 1;
  };
  let prefix = data[0];
  for (let i = 1; i < data.length; i += 1) {
    const key = prefix * 256 + data[i];
    const code = table.get(key);
    if (code !== undefined) {
      prefix = code;
      continue;
    }
    emit(prefix);
    table.set(key, 258 + table.size);
    if (258 + table.size >= 4000) {
      emit(256);
      table = new Map();
      emitted = 0;
    }
    prefix = data[i];
  }
  emit(prefix);
  emit(257);
  return writer.bytes();
}

/** RunLengthDecode data: repeats of 2 to 128 bytes as one pair, other bytes in literal runs of up to 128. */
export function runLengthEncode(data) {
  const out = [];
  let i = 0;
  while (i < data.length) {
    let run = 1;
    while (i + run < data.length && run < 128 && data[i + run] === data[i]) run += 1;
    if (run >= 2) {
      out.push(257 - run, data[i]);
      i += run;
      continue;
    }
    const start = i;
    while (i < data.length && i - start < 128 && !(i + 1 < data.length && data[i + 1] === data[i])) i += 1;
    if (i === start) i += 1;
    out.push(i - start - 1, ...data.subarray(start, i));
  }
  out.push(128);
  return Buffer.from(out);
}

/** ASCIIHexDecode data, 64 digits a line, ending with `>`. */
export function asciiHexEncode(data) {
  const hex = Buffer.from(data).toString('hex').toUpperCase();
  return Buffer.from(`${hex.replace(/.{64}/g, '$&\n')}>`, 'latin1');
}

/** ASCII85Decode data (`z` for four zero bytes), ending with `~>`. */
export function ascii85Encode(data) {
  let out = '';
  for (let i = 0; i < data.length; i += 4) {
    const chunk = [0, 0, 0, 0];
    const size = Math.min(4, data.length - i);
    for (let k = 0; k < size; k += 1) chunk[k] = data[i + k];
    let value = ((chunk[0] << 24) | (chunk[1] << 16) | (chunk[2] << 8) | chunk[3]) >>> 0;
    if (size === 4 && value === 0) {
      out += 'z';
      continue;
    }
    const digits = [];
    for (let k = 0; k < 5; k += 1) {
      digits.unshift(String.fromCharCode(33 + (value % 85)));
      value = Math.floor(value / 85);
    }
    out += digits.slice(0, size + 1).join('');
  }
  return Buffer.from(`${out.replace(/.{72}/g, '$&\n')}~>`, 'latin1');
}

/** Each filter's encoder, by the name a PDF's /Filter gives it. */
export const ENCODERS = {
  FlateDecode: (data) => deflateSync(data),
  LZWDecode: lzwEncode,
  RunLengthDecode: runLengthEncode,
  ASCIIHexDecode: asciiHexEncode,
  ASCII85Decode: ascii85Encode,
};

/**
 * `data` encoded so that a reader applying `filters` in order (as `/Filter [...]` lists them) gets it back:
 * the last filter is applied first.
 *
 * Example: `encodeChain(content, ['ASCII85Decode', 'FlateDecode'])` -> ASCII85 text of deflated content.
 */
export function encodeChain(data, filters) {
  let out = Buffer.from(data);
  for (const name of [...filters].reverse()) out = ENCODERS[name](out);
  return out;
}
