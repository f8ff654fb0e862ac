// What a PDF strikes through, found from its drawing alone, independently of the reader: the scorer uses it
// to tell reference words the PDF strikes (a clean text that kept struck passages) from words the reader lost,
// and the marked-draft test to check that no struck phrase stays in the reader's current text.

import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

/** As the reader cleans text: NFKC, straight quotes. */
export const normaliseText = (text) => text.normalize('NFKC').replace(/[‘’‚‛]/g, "'").replace(/[“”„‟]/g, '"');

/**
 * Struck runs of each page, found from pdf.js text items and the thin filled rectangles of the page: each
 * item's characters placed evenly over its width, a character is struck when its middle lies under a
 * rectangle 0.15-0.42 em above the item's baseline and at most 0.16 em high. Also the text set in bold
 * faces, struck characters blanked, as one string (inserted text, in drafts that mark insertions in bold).
 *
 * @example
 * const { pages, boldText } = await findStruckText('compromise.pdf');
 * pages.get(90) // ['referred to in paragraph 1 of this Article', 'The CE marking shall be affixed visibly, ...', ...]
 */
export async function findStruckText(path) {
  const require = createRequire(import.meta.url);
  const pdfjs = await import(require.resolve('pdfjs-dist/legacy/build/pdf.mjs'));
  const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(path)), isEvalSupported: false, verbosity: 0 }).promise;
  const pages = new Map();
  let boldText = ' ';
  try {
    for (let number = 1; number <= doc.numPages; number += 1) {
      const page = await doc.getPage(number);
      const ops = await page.getOperatorList();
      const rects = [];
      for (let i = 0; i < ops.fnArray.length; i += 1) {
        if (ops.fnArray[i] !== pdfjs.OPS.constructPath) continue;
        const [paint, , box] = ops.argsArray[i];
        if ((paint === pdfjs.OPS.fill || paint === pdfjs.OPS.eoFill) && box) rects.push([...box]);
      }
      const content = await page.getTextContent({ disableNormalization: true });
      const runs = [];
      let boldLineY;
      for (const item of content.items) {
        if (typeof item.str !== 'string') continue;
        if (item.str.trim() === '') {
          if (boldLineY !== undefined) boldText += ' ';
          continue;
        }
        const [, , , d = 0, x = 0, y = 0] = item.transform;
        const size = Math.abs(d);
        const over = rects.filter(([, y0 = 0, , y1 = 0]) => y1 - y0 <= 0.16 * size && (y0 + y1) / 2 - y >= 0.15 * size && (y0 + y1) / 2 - y <= 0.42 * size);
        const bold = page.commonObjs.has(item.fontName) && /bold/i.test(String(page.commonObjs.get(item.fontName)?.name ?? ''));
        const chars = [...item.str];
        const struck = chars.map((_, i) => {
          const middle = x + (item.width * (i + 0.5)) / chars.length;
          return over.some(([x0 = 0, , x1 = 0]) => middle >= x0 && middle <= x1);
        });
        if (bold) {
          // pdf.js splits runs inside words: bold runs join as drawn, with a space at each new line.
          const live = chars.map((char, i) => (struck[i] ? ' ' : char)).join('');
          boldText += `${boldLineY !== undefined && Math.abs(boldLineY - y) > size / 2 ? ' ' : ''}${normaliseText(live)}`;
          boldLineY = y;
        } else if (boldLineY !== undefined) {
          boldText += ' ';
          boldLineY = undefined;
        }
        if (over.length === 0) continue;
        let run = [];
        const flush = () => {
          const text = normaliseText(run.join('')).trim();
          if (/[\p{L}\p{N}]/u.test(text)) runs.push(text);
          run = [];
        };
        chars.forEach((char, i) => {
          if (struck[i] || (/\s/.test(char) && struck[i - 1] && struck[i + 1])) run.push(char);
          else flush();
        });
        flush();
      }
      if (runs.length > 0) pages.set(number, runs);
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  return { pages, boldText: boldText.replace(/\s+/g, ' ') };
}
