// Writes small PDFs with text at exact positions (Helvetica, standard encoding) for extraction tests.

/** One run of text: where it stands, how big, and whether bold. */
export interface TextRun {
  text: string;
  x: number;
  y: number;
  size: number;
  bold?: boolean;
  /** Extra space per word space (PDF `Tw`), to set a justified line. */
  wordSpacing?: number;
}

/** An A4 page (595 x 842 pt) of runs. */
export type PageRuns = TextRun[];

/** Helvetica advance widths (per 1000 units of size), from the standard AFM, for laying out test pages. */
const HELVETICA: Record<string, number> = {
  ' ': 278, '.': 278, ',': 278, '-': 333, '/': 278, ':': 278, '(': 333, ')': 333, '*': 389, ';': 278,
  a: 556, b: 556, c: 500, d: 556, e: 556, f: 278, g: 556, h: 556, i: 222, j: 222, k: 500, l: 222, m: 833,
  n: 556, o: 556, p: 556, q: 556, r: 333, s: 500, t: 278, u: 556, v: 500, w: 722, x: 500, y: 500, z: 500,
  A: 667, B: 667, C: 722, D: 722, E: 667, F: 611, G: 778, H: 722, I: 278, J: 500, K: 667, L: 556, M: 833,
  N: 722, O: 778, P: 667, Q: 778, R: 722, S: 667, T: 611, U: 722, V: 667, W: 944, X: 667, Y: 667, Z: 611,
};

/** Helvetica-Bold widths where they differ from Helvetica (enough for `Article 12`-style headings). */
const HELVETICA_BOLD: Record<string, number> = { A: 722, r: 389, t: 333, i: 278, c: 556, l: 278, e: 556 };

/** The printed width of `text` in Helvetica (or Helvetica-Bold) at `size` (digits are 556 units). */
export function textWidth(text: string, size: number, bold = false): number {
  let units = 0;
  for (const char of text) units += /\d/.test(char) ? 556 : ((bold ? HELVETICA_BOLD[char] : undefined) ?? HELVETICA[char] ?? 556);
  return (units * size) / 1000;
}

const escapePdf = (text: string): string => text.replace(/[\\()]/g, (c) => `\\${c}`);

/**
 * Builds a PDF whose pages carry exactly the given runs.
 * Example: `buildPdf([[{ text: 'Article 1', x: 270, y: 700, size: 10 }]])` -> one page with one line.
 */
export function buildPdf(pages: PageRuns[]): Uint8Array {
  const objects: string[] = [];
  const pageIds: number[] = [];
  // 1 catalog, 2 page tree, 3 regular font, 4 bold font, then a page and its content per page.
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  objects[4] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>';
  pages.forEach((runs, index) => {
    const pageId = 5 + index * 2;
    const contentId = pageId + 1;
    pageIds.push(pageId);
    const stream = runs
      .map((run) => `BT /${run.bold === true ? 'F2' : 'F1'} ${run.size} Tf ${(run.wordSpacing ?? 0).toFixed(4)} Tw 1 0 0 1 ${run.x} ${run.y} Tm (${escapePdf(run.text)}) Tj ET`)
      .join('\n');
    objects[pageId] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${contentId} 0 R >>`;
    objects[contentId] = `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`;
  });
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`;
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id += 1) {
    offsets[id] = Buffer.byteLength(body, 'latin1');
    body += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xrefAt = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id += 1) body += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(body, 'latin1'));
}
