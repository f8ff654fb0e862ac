// Text drafts decoded from their bytes: UTF-8 with or without BOM, UTF-16 with BOM, else Windows-1252 and a warning.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeText, decodeWindows1252 } from '../src/extract/decode-text.js';
import { extractDraft } from '../src/extract/extract-draft.js';

const sha256 = 'cd'.repeat(32);
const FRENCH = "Le présent Protocole s’applique à l’égard des enquêtes – 10 000 €";

describe('decodeText', () => {
  it('reads UTF-8, dropping a byte order mark', () => {
    expect(decodeText(Buffer.from(FRENCH, 'utf8'))).toEqual({ text: FRENCH, encoding: 'utf-8' });
    expect(decodeText(Buffer.from(`\ufeff${FRENCH}`, 'utf8'))).toEqual({ text: FRENCH, encoding: 'utf-8' });
  });

  it('reads UTF-16 little- and big-endian by their byte order mark', () => {
    const little = Buffer.from(`\ufeff${FRENCH}`, 'utf16le');
    expect(decodeText(little)).toEqual({ text: FRENCH, encoding: 'utf-16le' });
    expect(decodeText(Buffer.from(little).swap16())).toEqual({ text: FRENCH, encoding: 'utf-16be' });
  });

  it('reads UTF-16 without a byte order mark by its zero bytes, as a guess', () => {
    const little = Buffer.from(FRENCH, 'utf16le');
    expect(decodeText(little)).toEqual({ text: FRENCH, encoding: 'utf-16le', guessed: true });
    expect(decodeText(Buffer.from(little).swap16())).toEqual({ text: FRENCH, encoding: 'utf-16be', guessed: true });
    // One stray NUL in UTF-8 text is no UTF-16.
    expect(decodeText(Buffer.from('Article 1\0 Scope', 'utf8')).encoding).toBe('utf-8');
  });

  it('reads bytes that are not UTF-8 as Windows-1252, 0x80-0x9F by the code page, not Latin-1', () => {
    // "à l’égard – 10 €" in Windows-1252: à = E0, ’ = 92, é = E9, – = 96, € = 80.
    const bytes = Uint8Array.from([0xe0, 0x20, 0x6c, 0x92, 0xe9, 0x67, 0x61, 0x72, 0x64, 0x20, 0x96, 0x20, 0x31, 0x30, 0x20, 0x80]);
    expect(decodeText(bytes)).toEqual({ text: 'à l’égard – 10 €', encoding: 'windows-1252', guessed: true });
    expect(decodeText(bytes).text).not.toContain('\ufffd');
  });

  it('maps every byte 0x80-0x9F as the WHATWG table does, the five undefined ones to their C1 control', () => {
    const high = Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i);
    expect(decodeWindows1252(high)).toBe('€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8dŽ\x8f\x90‘’“”•–—˜™š›œ\x9džŸ');
    // The rest is Latin-1: one character per byte, the same code.
    const rest = Uint8Array.from([...Array.from({ length: 0x80 }, (_, i) => i), ...Array.from({ length: 0x60 }, (_, i) => 0xa0 + i)]);
    expect([...decodeWindows1252(rest)].map((c) => c.codePointAt(0))).toEqual([...rest]);
  });

  it('decodes a draft longer than one chunk whole', () => {
    const bytes = new Uint8Array(20_000).fill(0x93);
    expect(decodeWindows1252(bytes)).toBe('“'.repeat(20_000));
  });

  it('refuses UTF-16 that is cut short, naming the file, rather than replacing a byte with U+FFFD', () => {
    const cut = Buffer.from(`\ufeff${FRENCH}`, 'utf16le').subarray(0, 9);
    expect(() => decodeText(cut, 'd.txt')).toThrow(expect.objectContaining({ code: 'bad-encoding', message: expect.stringMatching(/^d\.txt: .*not valid UTF-16.*save the draft again as UTF-8/) }));
  });
});

describe('extractDraft on text drafts in other encodings', () => {
  const utf8 = readFileSync('fixtures/text-draft.txt');
  const linesOf = async (name: string, bytes: Uint8Array) => (await extractDraft(bytes, { path: name, sha256 })).lines.map((line) => line.text);

  it('reads the UTF-16 and BOM copies of the text fixture line for line as the UTF-8 original, without a warning', async () => {
    const original = await linesOf('text-draft.txt', utf8);
    for (const copy of ['text-draft-utf8-bom.txt', 'text-draft-utf16le.txt', 'text-draft-utf16be.txt']) {
      const extracted = await extractDraft(readFileSync(`fixtures/hostile/${copy}`), { path: copy, sha256 });
      expect(extracted.lines.map((line) => line.text), copy).toEqual(original);
      expect(extracted.warnings, copy).toEqual([]);
    }
  });

  it('reads the UTF-16 copy without a BOM as the original, with one text-encoding warning naming UTF-16', async () => {
    const extracted = await extractDraft(readFileSync('fixtures/hostile/text-draft-utf16le-no-bom.txt'), { path: 'copy.txt', sha256 });
    expect(extracted.lines.map((line) => line.text)).toEqual(await linesOf('text-draft.txt', utf8));
    expect(extracted.warnings).toEqual([
      {
        code: 'text-encoding',
        message: 'the text draft has no byte order mark but a zero byte beside every ASCII letter: read as UTF-16 little-endian; if the text looks wrong, save the draft again as UTF-8',
      },
    ]);
  });

  it('reads the Windows-1252 copy as the original, with one text-encoding warning', async () => {
    const extracted = await extractDraft(readFileSync('fixtures/hostile/text-draft-windows-1252.txt'), { path: 'copy.txt', sha256 });
    expect(extracted.lines.map((line) => line.text)).toEqual(await linesOf('text-draft.txt', utf8));
    expect(extracted.warnings).toEqual([{ code: 'text-encoding', message: expect.stringMatching(/^the text draft is not valid UTF-8: read as Windows-1252/) }]);
  });
});
