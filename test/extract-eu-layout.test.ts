// Extraction of EU-style layouts on synthetic pages: two-line footers, Word footnotes, narrow spaces, cover notes, two columns.

import { describe, expect, it } from 'vitest';
import { extractPdf } from '../src/extract/pdf.js';
import { groupLines, promoteMarkers } from '../src/extract/group-lines.js';
import { findRunningNumber, readCoverNote } from '../src/extract/cover-note.js';
import { isTwoColumnPage } from '../src/extract/columns.js';
import { TreatyDiffError } from '../src/errors.js';
import type { PlacedItem, PlacedLine, PlacedPage } from '../src/extract/page-model.js';
import type { ExtractedText } from '../src/types.js';
import { buildPdf, textWidth, type TextRun } from './helpers/extract-pdf-builder.js';

const LEFT = 71;
const RIGHT = 524;
const SIZE = 12;
const LEADING = 13.8;
/** A justified 12 pt line reaching the right edge. */
const full = (text: string, y: number, x = LEFT): TextRun => ({
  text,
  x,
  y,
  size: SIZE,
  wordSpacing: (RIGHT - x - textWidth(text, SIZE)) / (text.split(' ').length - 1),
});
const at = (text: string, x: number, y: number, size = SIZE): TextRun => ({ text, x, y, size });
const centred = (text: string, y: number, size = SIZE): TextRun => at(text, (LEFT + RIGHT) / 2 - textWidth(text, size) / 2, y, size);

/** The Council's two-line footer: document number and initials over the unit and language, 15.8 pt apart
 * (more than 1.6 lines of the lower one, whose `EN` is set large). */
const footer = (page: number): TextRun[] => [
  at('12345/22', 57, 53),
  at('XY/ab', 405, 53),
  at(String(page), 527, 53),
  at('UNIT.1.A', 273, 37),
  at('EN', 516, 33.4, 18),
];

const ARTICLE_TEXT = [
  'The provider shall keep the technical documentation referred to in this Article at the',
  'disposal of the national competent authorities for a period ending ten years after the',
  'system has been placed on the market, and shall update it whenever the system changes',
];

/** A page of running text that ends mid-sentence, a footnote cited with a Word superscript (raised 5.5 pt,
 * more than the baseline tolerance) and its text under it, the number on its own line above. */
function page1(): TextRun[] {
  const runs: TextRun[] = [centred('Article 1', 780), centred('Documentation', 766)];
  let y = 740;
  for (let i = 0; i < 24; i += 1) {
    runs.push(full(ARTICLE_TEXT[i % 3]!, y));
    y -= LEADING;
  }
  const cited = 'under Regulation (EU) 2019/881 of the European Parliament and of the Council';
  const citedWidth = textWidth(cited, SIZE);
  runs.push(at(cited, LEFT, y), { text: '1', x: LEFT + citedWidth, y: y + 5.5, size: 8 }, at(', which', LEFT + citedWidth + 4, y));
  y -= LEADING;
  runs.push(full('shall apply to those systems and to any changes made to them, and to all the records kept', y));
  runs.push(at('1', LEFT, 136.2, 6.5), at('Regulation (EU) 2019/881 of the European Parliament and of the Council of 17 April', 107, 131.7, 10));
  runs.push(at('2019 on the cybersecurity agency and on certification (OJ L 151, 7.6.2019, p. 1).', 107, 120.3, 10));
  return [...runs, ...footer(1)];
}

function page2(first = 'under it.', x = LEFT): TextRun[] {
  const runs: TextRun[] = [at(first, x, 780)];
  let y = 760;
  for (let i = 0; i < 24; i += 1) {
    runs.push(full(ARTICLE_TEXT[i % 3]!, y));
    y -= LEADING;
  }
  runs.push(at('the end.', LEFT, y));
  return [...runs, ...footer(2)];
}

async function extractEu(pages: TextRun[][]): Promise<ExtractedText> {
  return extractPdf(buildPdf(pages), { path: 'synthetic-eu.pdf', sha256: '0'.repeat(64), format: 'pdf' });
}

describe('extractPdf on an EU-style draft', () => {
  it('removes both lines of a running footer set apart by more than a line, whatever the page number', async () => {
    const extracted = await extractEu([page1(), page2(), page1(), page2('under them.')]);
    for (const line of extracted.lines) {
      expect(line.text).not.toMatch(/12345\/22|XY\/ab|UNIT\.1\.A/);
    }
    const footers = extracted.furniture.filter((line) => line.kind === 'running-footer').map((line) => `${line.page}:${line.text}`);
    expect(footers).toContain('2:12345/22 XY/ab 2');
    expect(footers).toContain('2:UNIT.1.A EN');
  });

  it('continues the paragraph a page break cuts, and starts one after a short last line', async () => {
    // Page 2 opens at a hanging indent under page 1's full last line; page 3 at the margin under page 2's short one.
    const extracted = await extractEu([page1(), page2('under it.', LEFT + 36), page2('Next paragraph starts here.')]);
    expect(extracted.lines.find((line) => line.text === 'under it.')?.breakBefore).toBe(false);
    expect(extracted.lines.find((line) => line.text === 'Next paragraph starts here.')?.breakBefore).toBe(true);
  });

  it('finds a Word footnote whose raised number stands on its own line, and the raised marker citing it', async () => {
    const extracted = await extractEu([page1(), page2()]);
    expect(extracted.footnotes).toEqual([
      {
        marker: '1',
        page: 1,
        text: 'Regulation (EU) 2019/881 of the European Parliament and of the Council of 17 April 2019 on the cybersecurity agency and on certification (OJ L 151, 7.6.2019, p. 1).',
      },
    ]);
    const citing = extracted.lines.find((line) => line.text.startsWith('under Regulation'));
    expect(citing?.footnoteRefs).toEqual(['1']);
    // The comma after the marker closes up to the word before it.
    expect(citing?.text).toBe('under Regulation (EU) 2019/881 of the European Parliament and of the Council, which');
    expect(extracted.lines.some((line) => line.text.includes('OJ L 151'))).toBe(false);
    expect(extracted.lines.some((line) => line.text === '1')).toBe(false);
  });
});

const item = (text: string, x: number, y: number, size = 14, width = text.length * size * 0.6): PlacedItem => ({ text, x, y, width, size, bold: true });

describe('groupLines spacing', () => {
  it('takes a narrow run of spaces (0.19 em) between two glyph runs for a word space', () => {
    const lines = groupLines([item('TITLE', 269.4, 531.1, 14, 42.96), item(' ', 312.4, 531.1, 14, 2.66), item('II', 315.1, 531.1, 14, 10.86)], 1);
    expect(lines.map((line) => line.text)).toEqual(['TITLE II']);
  });

  it('does not split a word that pdf.js cut into two runs with no space between them', () => {
    const lines = groupLines([item('the placing on t', 141.6, 364.1, 12, 80.58), item('he market', 222.2, 364.1, 12, 50)], 1);
    expect(lines.map((line) => line.text)).toEqual(['the placing on the market']);
  });

  it('keeps letter-spaced capitals together as words, apart at the wider word gaps', () => {
    const runs: PlacedItem[] = [];
    let x = 100;
    for (const word of ['COUNCIL', 'OF', 'EUROPE']) {
      for (const letter of word) {
        runs.push(item(letter, x, 700, 12, 8));
        x += 8 + 3.6; // 0.3 em tracking
      }
      x += 6; // a word gap: tracking plus half an em
    }
    expect(groupLines(runs, 1).map((line) => line.text)).toEqual(['COUNCIL OF EUROPE']);
  });

  it('joins a raised marker set further above its line than the baseline tolerance to that line, not to the one above', () => {
    const lines = groupLines(
      [
        item('has been issued under a scheme pursuant to Regulation (EU) 2019/881', 113, 760.7, 12, 411),
        item('63', 346.9, 752.4, 8, 8),
        item('of the European Parliament and of the Council', 113, 746.9, 12, 230),
        item('and the references', 355, 746.9, 12, 100),
      ],
      1,
    );
    expect(lines.map((line) => [line.text, line.refs])).toEqual([
      ['has been issued under a scheme pursuant to Regulation (EU) 2019/881', []],
      ['of the European Parliament and of the Council and the references', ['63']],
    ]);
  });

  it('leaves a small line that is not a marker alone (a caption is not a footnote number)', () => {
    const lines = groupLines([item('Figure', 113, 752.4, 8, 24), item('Text of the line below', 113, 746.9, 12, 120)], 1);
    expect(lines.map((line) => line.text)).toEqual(['Figure', 'Text of the line below']);
  });
});

// Budget tables of an EU legislative financial statement (Commission proposal COM(2021) 206, pages 98-105):
// superscript footnote markers in cells, whose rows have no one baseline.
describe('footnote markers in table cells', () => {
  const plain = (text: string, x: number, y: number, size: number, width: number): PlacedItem => ({ text, x, y, width, size, bold: false });

  it('spaces a raised small cell by its position, not glued to the cell before it', () => {
    const lines = groupLines(
      [plain('multiannual financial framework', 93.6, 515.5, 11, 144.8), plain('Payments', 256.4, 519.5, 9, 34.9), plain('2.370', 446.9, 519.2, 10, 22.6)],
      1,
    );
    expect(lines.map((line) => line.text)).toEqual(['multiannual financial framework Payments 2.370']);
  });

  it('moves a number raised at the end of a cell to that cell\'s line once a footnote of that number is cited nowhere', () => {
    const runs = [plain('Year', 423.2, 663.6, 8, 15.5), plain('TOTAL', 525, 658.5, 8, 28), plain('75', 488.9, 656, 8, 8.1), plain('2027', 472.9, 650.5, 8, 16)];
    const before = groupLines(runs, 1);
    // Read alone, the number is a table figure like any other.
    expect(before.map((line) => [line.text, line.refs])).toEqual([
      ['Year', []],
      ['75 TOTAL', []],
      ['2027', []],
    ]);
    promoteMarkers(before, new Set(['75']));
    expect(before.map((line) => [line.text, line.refs])).toEqual([
      ['Year', []],
      ['TOTAL', []],
      ['2027', ['75']],
    ]);
  });

  it('takes numbers set smaller than their row for markers, each apart, once footnotes of those numbers are cited nowhere', () => {
    const lines = groupLines(
      [
        plain('framework', 60.1, 380.4, 9, 39.2),
        plain('66', 335.4, 381.7, 8, 8.1),
        plain('67', 378.8, 376.5, 8, 8.1),
        plain('Article 21(2)(b) of', 514.9, 382.6, 8, 57.7),
        plain('7', 50, 360, 9, 5),
      ],
      1,
    );
    expect(lines.map((line) => line.text)).toEqual(['framework 66 67 Article 21(2)(b) of', '7']);
    promoteMarkers(lines, new Set(['66', '67', '7']));
    expect(lines.map((line) => [line.text, line.refs])).toEqual([
      ['framework Article 21(2)(b) of', ['66', '67']],
      // A figure set at its row's size is never a marker.
      ['7', []],
    ]);
  });
});

const line = (text: string, y: number, x0 = 100, size = 11.5): PlacedLine => ({
  page: 1,
  text,
  x0,
  x1: x0 + text.length * 5,
  y,
  size,
  bold: false,
  refs: [],
  afterLead: text,
});

describe('cover notes', () => {
  it('take the document number from the words every running footer repeats', () => {
    expect(findRunningNumber(['15698/22 RB/ek 1', '15698/22 RB/ek 2', 'TREE.2.B EN', '15698/22 RB/ek 3', 'TREE.2.B EN'].filter((t) => /\//.test(t)))).toBe('15698/22');
    expect(findRunningNumber(['EN 1 EN', 'EN 2 EN', 'EN 3 EN'])).toBeUndefined();
  });

  it('read a Council cover note down to its closing rule', () => {
    const lines = [
      line('Council of the', 753.1, 141.6),
      line('European Union', 741.3, 141.6),
      line('Brussels, 6 December 2022', 723.7, 339.6),
      line('(OR. en)', 711.8, 339.6),
      line('15698/22', 676.1, 339.6),
      line('Interinstitutional File:', 659.1, 93.7),
      line('2021/0106(COD)', 645.8, 108.3),
      line('NOTE', 447.9, 56.6),
      line('From: General Secretariat of the Council', 430.2, 56.6),
      line('Delegations will find in Annex the text.', 263.9, 56.6),
      line('__________', 134.7, 262.6),
    ];
    const cover = readCoverNote(lines, '15698/22');
    expect(cover.metadata).toEqual({
      institution: 'Council of the European Union',
      date: '6 December 2022',
      documentNumber: '15698/22',
      interinstitutionalFile: '2021/0106(COD)',
    });
    expect(cover.lines.size).toBe(lines.length);
  });

  it('read a Commission cover page and leave its title in the body', () => {
    const lines = [
      line('EUROPEAN', 721, 203.2),
      line('COMMISSION', 708, 203.2),
      line('Brussels, 21.4.2021', 643.3, 324.1),
      line('COM(2021) 206 final', 629.8, 324.1),
      line('2021/0106 (COD)', 604.4, 324.1),
      line('Proposal for a', 531.1, 262.7),
      line('REGULATION OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL', 499.4, 87.1),
    ];
    const cover = readCoverNote(lines, undefined);
    expect(cover.metadata).toEqual({
      institution: 'EUROPEAN COMMISSION',
      date: '21.4.2021',
      documentNumber: 'COM(2021) 206 final',
      interinstitutionalFile: '2021/0106 (COD)',
    });
    expect([...cover.lines].map((l) => l.text)).not.toContain('Proposal for a');
    expect(cover.lines.size).toBe(5);
  });

  it('read nothing from a first page that is a treaty text, dates and numbers notwithstanding', () => {
    const lines = [line('Convention on Cybercrime', 760, 200), line('Budapest, 23 November 2001', 740, 200), line('Article 1', 700, 250), line('Definitions', 686, 240)];
    expect(readCoverNote(lines, undefined)).toEqual({ metadata: {}, lines: new Set() });
  });
});

describe('two-column pages', () => {
  const table = (): PlacedItem[] => {
    const items: PlacedItem[] = [item('Text proposed by the Commission', 94, 700, 12, 170), item('Amendment', 380, 700, 12, 60)];
    for (let i = 0; i < 30; i += 1) {
      const y = 680 - i * 13.8;
      if (i % 4 !== 0) items.push(item('the text of the proposal cell', 71, y, 12, 200));
      items.push(item('the text of the amendment cell', 315, y, 12, 205));
    }
    return items;
  };
  const running = (): PlacedItem[] => Array.from({ length: 40 }, (_, i) => item('a line of running text across the whole column width', 71, 760 - i * 13.8, 12, 453));
  const page = (items: PlacedItem[], n = 1): PlacedPage => ({ page: n, box: [0, 0, 595, 842], items });

  it('tell a side-by-side table from running text', () => {
    expect(isTwoColumnPage(page(table()))).toBe(true);
    expect(isTwoColumnPage(page(running()))).toBe(false);
  });

  it('refuse a document of amendment tables with one line and the amendment-table code', async () => {
    const runs: TextRun[] = [at('Text proposed by the Commission', 94, 700), at('Amendment', 380, 700)];
    for (let i = 0; i < 30; i += 1) {
      runs.push(at('the text of the proposal', 71, 680 - i * 13.8), at('the text of the amendment', 315, 680 - i * 13.8));
    }
    const error = await extractEu([runs, runs, runs]).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TreatyDiffError);
    expect((error as TreatyDiffError).code).toBe('amendment-table');
    expect((error as TreatyDiffError).message).toMatch(/^synthetic-eu\.pdf: not a consolidated draft but a list of amendments .* not supported/);
    expect((error as TreatyDiffError).message).not.toContain('\n');
  });

  it('read a draft with one table page among running text', async () => {
    const text: TextRun[] = Array.from({ length: 30 }, (_, i) => full(ARTICLE_TEXT[i % 3]!, 760 - i * LEADING));
    const tablePage: TextRun[] = [];
    for (let i = 0; i < 30; i += 1) tablePage.push(at('Article 5 of the Directive', 71, 680 - i * 13.8), at('Article 7 of this Regulation', 315, 680 - i * 13.8));
    const extracted = await extractEu([text, text, tablePage, text]);
    expect(extracted.lines.length).toBeGreaterThan(90);
  });
});
