// Extraction of positioned PDF text: furniture, masthead, footnotes, hyphenation, centring, breaks.

import { describe, expect, it } from 'vitest';
import { extractPdf } from '../src/extract/pdf.js';
import { readDraft } from '../src/drafts/read-draft.js';
import { cleanText, collectCompounds, joinHyphenated } from '../src/extract/clean.js';
import { isPageNumber } from '../src/extract/furniture.js';
import type { ExtractedText } from '../src/types.js';
import { buildPdf, textWidth, type TextRun } from './helpers/extract-pdf-builder.js';

const LEFT = 72;
const RIGHT = 523;
const centred = (text: string, y: number, size = 10, bold = true): TextRun => ({
  text,
  x: (LEFT + RIGHT) / 2 - textWidth(text, size, bold) / 2,
  y,
  size,
  bold,
});
const body = (text: string, y: number, x = LEFT): TextRun => ({ text, x, y, size: 10 });
/** A justified line: word spacing stretches it to the column's right edge. */
const full = (text: string, y: number, x = LEFT): TextRun => ({
  text,
  x,
  y,
  size: 10,
  wordSpacing: (RIGHT - x - textWidth(text, 10)) / (text.split(' ').length - 1),
});
/** A raised footnote marker right after `run`'s text. */
const markerAfter = (run: TextRun, marker: string): TextRun => ({ text: marker, x: run.x + textWidth(run.text, run.size), y: run.y + 4, size: 6 });

// Page 1: UN masthead, title, article 1 (hyphenated words, a footnote), masthead footnote, job number, barcode.
const agenda = body('Item 4 of the provisional agenda', 686);
const cited = full('cooperation on capacity-building and on the inter-', 573);
const page1: TextRun[] = [
  body('United Nations', 800),
  { text: 'A/AC.291/22', x: 420, y: 800, size: 14, bold: true },
  body('General Assembly', 780),
  body('Distr.: General', 780, 420),
  body('29 May 2023', 766, 420),
  body('Original: English', 752, 420),
  body('Ad Hoc Committee on Cybercrime', 720),
  body('Sixth session', 700),
  agenda,
  markerAfter(agenda, '*'),
  centred('Draft convention', 650, 12, false),
  centred('Article 1', 620),
  centred('Scope of application', 606, 10, false),
  full('States Parties shall cooperate in international matters in the widest measure for the', 585, 100),
  cited,
  markerAfter(cited, '1'),
  full('national exchange of information, and shall provide capacity-', 561),
  body('building assistance, including technical assistance, to developing countries as necessary.', 549),
  { text: '*', x: 72, y: 93, size: 6 },
  { text: 'A/AC.291/21.', x: 78, y: 90, size: 8 },
  { text: '1', x: 72, y: 81, size: 6 },
  { text: 'See the proposal in document A/AC.291/CRP.1, which also concerns the', x: 78, y: 78, size: 8 },
  { text: 'interception of content data.', x: 78, y: 68, size: 8 },
  { text: 'V.23-03951 (E)', x: 72, y: 40, size: 8 },
  { text: '*2303951*', x: 400, y: 26, size: 12 },
];

// Page 2: symbol header on the left, a two-line centred heading, a footnote, page number `2`.
const cited2 = full('Each State Party shall ensure that the interception of content data is', 726, 100);
const page2: TextRun[] = [
  { text: 'A/AC.291/22', x: LEFT, y: 810, size: 9, bold: true },
  centred('Article 2', 780),
  centred('Conditions and safeguards for the', 760, 10, false),
  centred('interception of content data', 748, 10, false),
  cited2,
  markerAfter(cited2, '2'),
  body('subject to judicial or other independent review and to the principle of proportionality.', 714),
  body('It shall keep records of every order and of its grounds for refusal.', 702, 100),
  { text: '2', x: 72, y: 83, size: 6 },
  { text: 'One delegation proposed to delete this paragraph.', x: 78, y: 80, size: 8 },
  { text: '2', x: LEFT, y: 40, size: 9 },
];

// Page 3: symbol header on the right, page number `3` on the right.
const page3: TextRun[] = [
  { text: 'A/AC.291/22', x: RIGHT - textWidth('A/AC.291/22', 9), y: 810, size: 9, bold: true },
  centred('Article 3', 770),
  centred('Expedited preservation', 756, 10, false),
  full('Each State Party shall adopt such measures as may be necessary to enable its', 735, 100),
  body('authorities to order the expeditious preservation of specified computer data.', 723),
  { text: '3', x: RIGHT - textWidth('3', 9), y: 40, size: 9 },
];

async function extractSynthetic(): Promise<ExtractedText> {
  return extractPdf(buildPdf([page1, page2, page3]), { path: 'synthetic-un.pdf', sha256: '0'.repeat(64), format: 'pdf' });
}

describe('extractPdf on a UN-style draft', () => {
  it('keeps the running header, page numbers, job number and barcode out of the body', async () => {
    const extracted = await extractSynthetic();
    const texts = extracted.lines.map((line) => line.text);
    for (const text of texts) {
      expect(text).not.toContain('A/AC.291/22');
      expect(text).not.toContain('V.23-03951');
      expect(text).not.toContain('*2303951*');
      expect(text).not.toMatch(/^\d+$/);
    }
    const kinds = extracted.furniture.map((line) => `${line.page}:${line.kind}:${line.text}`);
    expect(kinds).toContain('2:running-header:A/AC.291/22');
    expect(kinds).toContain('3:running-header:A/AC.291/22');
    expect(kinds).toContain('2:page-number:2');
    expect(kinds).toContain('3:page-number:3');
    expect(kinds).toContain('1:job-number:V.23-03951 (E)');
    expect(kinds).toContain('1:barcode:*2303951*');
    expect(extracted.source.pages).toBe(3);
  });

  it('reads the masthead into metadata and out of the body, with its footnote', async () => {
    const extracted = await extractSynthetic();
    expect(extracted.metadata).toEqual({
      symbol: 'A/AC.291/22',
      distribution: 'General',
      date: '29 May 2023',
      original: 'English',
      body: 'Ad Hoc Committee on Cybercrime',
      session: 'Sixth session',
      agendaItem: 'Item 4 of the provisional agenda',
      jobNumber: 'V.23-03951',
    });
    const texts = extracted.lines.map((line) => line.text);
    for (const masthead of ['United Nations', 'General Assembly', 'Distr.', '29 May 2023', 'Original:', 'Sixth session', 'provisional agenda']) {
      expect(texts.some((text) => text.includes(masthead))).toBe(false);
    }
    expect(extracted.furniture.filter((line) => line.kind === 'masthead').map((line) => line.text)).toContain('* A/AC.291/21.');
    expect(extracted.footnotes.map((footnote) => footnote.marker)).not.toContain('*');
    expect(texts[0]).toBe('Draft convention');
  });

  it('separates footnotes, with markers, pages and continuation lines, and records the references', async () => {
    const extracted = await extractSynthetic();
    expect(extracted.footnotes).toEqual([
      { marker: '1', page: 1, text: 'See the proposal in document A/AC.291/CRP.1, which also concerns the interception of content data.' },
      { marker: '2', page: 2, text: 'One delegation proposed to delete this paragraph.' },
    ]);
    const citing1 = extracted.lines.find((line) => line.text.startsWith('cooperation on capacity-building'));
    expect(citing1?.footnoteRefs).toEqual(['1']);
    expect(citing1?.page).toBe(1);
    const citing2 = extracted.lines.find((line) => line.text.startsWith('Each State Party shall ensure'));
    expect(citing2?.footnoteRefs).toEqual(['2']);
    expect(citing2?.text).toBe('Each State Party shall ensure that the interception of content data is');
    expect(extracted.lines.filter((line) => line.footnoteRefs.length > 0)).toHaveLength(2);
  });

  it('undoes hyphenation that split a word and keeps the hyphen of a real compound', async () => {
    const extracted = await extractSynthetic();
    const byStart = (start: string) => extracted.lines.find((line) => line.text.startsWith(start));
    // "inter-" + "national": "international" is printed on the first line and "inter-national"
    // nowhere, so the hyphen only split the word.
    expect(byStart('cooperation on capacity-building')).toMatchObject({ text: 'cooperation on capacity-building and on the inter', joinNext: true });
    // "capacity-" + "building": "capacity-building" is printed unbroken on the line above.
    expect(byStart('national exchange')).toMatchObject({ text: 'national exchange of information, and shall provide capacity-', joinNext: true });
    expect(byStart('building assistance')?.joinNext).toBe(false);
  });

  it('marks centred headings, including both lines of a two-line heading, and not indented text', async () => {
    const extracted = await extractSynthetic();
    const centredTexts = extracted.lines.filter((line) => line.centred).map((line) => line.text);
    expect(centredTexts).toEqual([
      'Draft convention',
      'Article 1',
      'Scope of application',
      'Article 2',
      'Conditions and safeguards for the',
      'interception of content data',
      'Article 3',
      'Expedited preservation',
    ]);
    expect(extracted.lines.find((line) => line.text === 'Article 1')?.bold).toBe(true);
    expect(extracted.lines.find((line) => line.text === 'Scope of application')?.bold).toBe(false);
    expect(extracted.lines.find((line) => line.text.startsWith('States Parties shall cooperate'))?.bold).toBe(false);
  });

  it('opens paragraphs at first-line indents and wide gaps, not at wrapped lines', async () => {
    const extracted = await extractSynthetic();
    const breakOf = (start: string) => extracted.lines.find((line) => line.text.startsWith(start))?.breakBefore;
    expect(breakOf('States Parties shall cooperate')).toBe(true);
    expect(breakOf('cooperation on capacity')).toBe(false);
    expect(breakOf('building assistance')).toBe(false);
    expect(breakOf('It shall keep records')).toBe(true);
    expect(breakOf('interception of content data')).toBe(false);
    expect(breakOf('authorities to order')).toBe(false);
  });
});

describe('text clean-up', () => {
  it('normalises ligatures, spaces, soft hyphens, quotes and control characters, idempotently', () => {
    const raw = '\u201Cthe \uFB01rst\u00A0Party\u201D \u2018may\u2019 inter\u00ADnational a\u0000b  c';
    expect(cleanText(raw)).toBe('"the first Party" \'may\' international ab c');
    expect(cleanText(cleanText(raw))).toBe(cleanText(raw));
  });

  it('decides line-end hyphens with one set of compounds', () => {
    const compounds = collectCompounds(['capacity-building and follow-up-to measures in international law']);
    expect(joinHyphenated('provide capacity-', 'building', compounds)).toEqual({ text: 'provide capacity-', joinNext: true });
    expect(joinHyphenated('the inter-', 'national law', compounds)).toEqual({ text: 'the inter', joinNext: true });
    // No evidence either way: word processors wrap at real hyphens, so the compound is kept.
    expect(joinHyphenated('of non-', 'public transmissions', compounds)).toEqual({ text: 'of non-', joinNext: true });
    // A capital after the hyphen never continues a split word.
    expect(joinHyphenated('on Trade-', 'Related Aspects', compounds)).toEqual({ text: 'on Trade-', joinNext: true });
    expect(joinHyphenated('States Parties -', 'the', compounds)).toEqual({ text: 'States Parties -', joinNext: false });
    expect(joinHyphenated('Article 2-', 'Bis', compounds)).toEqual({ text: 'Article 2-', joinNext: false });
  });

  it('recognises page numbers in the common forms only', () => {
    for (const text of ['3', '- 3 -', '– 12 –', 'Page 3 of 18', 'page 3', '2/18', 'iv']) expect(isPageNumber(text)).toBe(true);
    for (const text of ['Article 3', '3. States Parties', 'A/AC.291/22', '2023']) expect(isPageNumber(text)).toBe(text === '2023');
  });
});

const UN_FIXTURE = new URL('../fixtures/un-draft.pdf', import.meta.url);

describe('fixtures/un-draft.pdf', () => {
  it('keeps page furniture and the masthead out of the body lines', async () => {
    const extracted = await readDraft('fixtures/un-draft.pdf');
    for (const line of extracted.lines) {
      expect(line.text).not.toMatch(/V\.23-03951|\*2303951\*|^Distr\.|^Original:/);
      expect(line.text).not.toBe(extracted.metadata.symbol);
      expect(line.text).not.toMatch(/^(?:- ?\d+ ?-|\d+|\d+\/\d+|Page \d+ of \d+)$/);
    }
    expect(extracted.metadata.symbol).toMatch(/^A\/AC\.291\//);
    expect(extracted.footnotes.length).toBeGreaterThan(0);
    expect(extracted.lines.some((line) => line.centred && /^Article \d+/.test(line.text))).toBe(true);
  });
});
