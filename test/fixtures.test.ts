// Sanity checks on the fixture drafts themselves (fixtures/), read with poppler, independent of the product code.

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
const at = (path: string): string => `${FIXTURES}${path}`;

/** Text of a PDF, one string per page (`pdftotext -layout`, pages split at form feeds). */
function pagesOf(path: string, ...args: string[]): string[] {
  const text = execFileSync('pdftotext', ['-layout', ...args, at(path), '-'], { encoding: 'utf8' });
  return text.split('\f').slice(0, -1);
}

function pageCount(path: string): number {
  const info = execFileSync('pdfinfo', [at(path)], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}

const lines = (page: string): string[] => page.split('\n').map((l) => l.trim()).filter((l) => l !== '');

/** The article numbers printed as headings, in order: `Article 15` (UN) or `Article 15 – Heading` (CoE). */
function articleHeadings(pages: string[], pattern: RegExp): string[] {
  return pages.flatMap(lines).flatMap((l) => {
    const match = pattern.exec(l);
    return match ? [match[1]!] : [];
  });
}

const oneTo = (n: number): string[] => Array.from({ length: n }, (_, i) => String(i + 1));

interface ExpectedArticle {
  old: string | null;
  new: string | null;
  kind: string;
  findings: string[];
  note?: string;
  referenceOnly?: boolean;
}

function expectedOf(pair: string): { description: string; edits: { id: string }[]; articles: ExpectedArticle[] } {
  return JSON.parse(readFileSync(at(`pairs/${pair}/expected.json`), 'utf8'));
}

describe('every fixture exists with a plausible size', () => {
  it.each([
    ['un-draft.pdf', 15, 40],
    ['coe-convention.pdf', 15, 40],
    ['negotiation-draft.pdf', 5, 15],
    ['pairs/reflow/old.pdf', 15, 40],
    ['pairs/reflow/new.pdf', 20, 50],
    ['pairs/revised/old.pdf', 15, 40],
    ['pairs/revised/new.pdf', 15, 40],
    ['pairs/renumber-only/old.pdf', 2, 8],
    ['pairs/renumber-only/new.pdf', 2, 8],
  ])('%s is an A4 PDF of %i to %i pages, under 300 KB', (path, minPages, maxPages) => {
    expect(readFileSync(at(path)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = pageCount(path);
    expect(pages).toBeGreaterThanOrEqual(minPages);
    expect(pages).toBeLessThanOrEqual(maxPages);
    expect(statSync(at(path)).size).toBeLessThan(300_000);
    expect(execFileSync('pdfinfo', [at(path)], { encoding: 'utf8' })).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
  });

  it('keeps the LibreOffice sources and the corpus copy next to the PDFs', () => {
    for (const name of ['un-draft', 'coe-convention', 'negotiation-draft', 'revised-old', 'revised-new', 'reflow-new', 'renumber-only-new']) {
      expect(existsSync(at(`src/${name}.fodt`)), name).toBe(true);
    }
    expect(readFileSync(at('src/budapest-convention-ets185-2001.md'), 'utf8')).toContain('### Article 48');
  });
});

describe('un-draft.pdf (UN layout)', () => {
  const pages = pagesOf('un-draft.pdf');

  it('has the masthead on page 1: symbol, distribution, date, job number and barcode string', () => {
    const first = pages[0]!;
    for (const text of ['United Nations', 'A/AC.291/22', 'Distr.: General', '29 May 2023', 'Original: English', 'Sixth session', 'Item 4 of the provisional agenda*', 'A/AC.291/21.', 'V.23-03951 (E)', '*2303951*', 'Draft convention on cybercrime']) {
      expect(first, text).toContain(text);
    }
  });

  it('repeats the symbol as running header, left on even pages and right on odd pages', () => {
    pages.slice(1).forEach((page, i) => {
      const pageNumber = i + 2;
      const header = page.split('\n').find((l) => l.trim() !== '')!;
      expect(header.trim(), `page ${pageNumber}`).toBe('A/AC.291/22');
      const indent = header.length - header.trimStart().length;
      if (pageNumber % 2 === 0) expect(indent, `page ${pageNumber}`).toBeLessThan(10);
      else expect(indent, `page ${pageNumber}`).toBeGreaterThan(60);
    });
  });

  it('prints the bare page number as the last line of pages 2 onwards', () => {
    pages.slice(1).forEach((page, i) => expect(lines(page).at(-1)).toBe(String(i + 2)));
  });

  it('has all 48 article headings in order, the chapters and the closing formula', () => {
    expect(articleHeadings(pages, /^Article (\d+)$/)).toEqual(oneTo(48));
    const all = pages.flatMap(lines);
    expect(all.filter((l) => /^Chapter (I|II|III|IV)$/.test(l))).toEqual(['Chapter I', 'Chapter II', 'Chapter III', 'Chapter IV']);
    expect(all).toContain('Have agreed as follows:');
    expect(all.join(' ')).toMatch(/In witness whereof the undersigned/);
  });

  it('has a line that starts with a cross-reference, not a heading', () => {
    expect(pages.flatMap(lines).some((l) => l.startsWith('Article 16 of this Convention, such'))).toBe(true);
  });

  it('has four numbered drafting footnotes in articles 2, 15, 21 and 27', () => {
    const text = pages.join('\n');
    for (const words of ['"without right" with "unlawfully"', 'legality and necessity', 'minimum penalty of at least four years', 'A/AC.291/INF/2']) {
      expect(text.replace(/[\u201c\u201d]/g, '"'), words).toContain(words);
    }
  });
});

describe('coe-convention.pdf (Council of Europe layout)', () => {
  const pages = pagesOf('coe-convention.pdf');

  it('has 48 one-line article headings with an en dash, in order', () => {
    expect(articleHeadings(pages, /^Article (\d+) \u2013 \S/)).toEqual(oneTo(48));
    expect(pages.flatMap(lines)).toContain('Article 15 \u2013 Conditions and safeguards');
    expect(pages.flatMap(lines)).toContain('Chapter II \u2013 Measures to be taken at the national level');
  });

  it('has the ETS running header and "- n -" page numbers from page 2', () => {
    pages.slice(1).forEach((page, i) => {
      expect(lines(page)[0]).toBe('ETS 185 \u2013 Convention on Cybercrime, 23.XI.2001');
      expect(lines(page).at(-1)!.replace(/\s/g, '')).toBe(`-${i + 2}-`);
    });
  });
});

describe('negotiation-draft.pdf', () => {
  const pages = pagesOf('negotiation-draft.pdf');
  const all = pages.flatMap(lines);

  it('has the heading variants of a negotiation text', () => {
    for (const heading of ['Article 4a', 'Article 6 bis', '[Article 17 bis]', 'ARTICLE 24']) expect(all, heading).toContain(heading);
    expect(pages[0]).toContain('Distr.: Limited');
  });

  it('has square-bracketed alternatives and a bracketed paragraph', () => {
    const text = all.join(' ');
    expect(text).toContain('Each Party [shall][may] adopt');
    expect(text).toMatch(/\[a range of serious offences to be determined by domestic law\]\s?\[any criminal offence\]/);
    expect(all.some((l) => /^\[4\.\s+Each Party shall ensure/.test(l))).toBe(true);
  });

  it("prints article 4a's footnote at the page bottom, beneath article 5's text", () => {
    const page = pages.find((p) => p.includes('Article 4a'))!;
    const positions = ['Article 4a', 'critical information infrastructure.', 'Article 5', 'serious hindering', 'Article 4a reproduces'].map((s) => page.indexOf(s));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });
});

describe('text-draft.txt', () => {
  const text = readFileSync(at('text-draft.txt'), 'utf8');

  it('has two-line and one-line article headings', () => {
    expect(text).toContain('\nArticle 15\nConditions and safeguards\n');
    expect(text).toContain('\nArticle 16 \u2013 Expedited preservation of stored computer data\n');
  });

  it('carries real-world dirt: curly quotes, a non-breaking space, a soft hyphen', () => {
    expect(text).toMatch(/\u201csubscriber information\u201d/);
    expect(text).toContain('Articles\u00a014 and 15');
    expect(text).toContain('propor\u00adtionality');
  });
});

describe('pairs', () => {
  it('reflow: the same words in both drafts, on a different number of pages', () => {
    // Words of the text, with compounds broken at a line end ("co-" / "operation") rejoined and
    // the page furniture (running header, page numbers) left out.
    const words = (path: string): string[] =>
      pagesOf(path)
        .join(' ')
        .replace(/-\s+/g, '-')
        .split(/\s+/)
        .filter((w) => w !== '' && w !== 'A/AC.291/22' && !/^\d+$/.test(w))
        .sort();
    expect(pageCount('pairs/reflow/new.pdf')).not.toBe(pageCount('pairs/reflow/old.pdf'));
    expect(words('pairs/reflow/new.pdf')).toEqual(words('pairs/reflow/old.pdf'));
    const expected = expectedOf('reflow');
    expect(expected.articles).toHaveLength(48);
    expect(expected.articles.every((a) => a.kind === 'unchanged' && a.findings.length === 0 && a.old === a.new)).toBe(true);
  });

  it('revised: expected.json lists every article of both drafts once', () => {
    const { articles, edits } = expectedOf('revised');
    expect(edits.map((e) => e.id)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l']);
    expect(articles.flatMap((a) => (a.old === null ? [] : [a.old])).sort((x, y) => Number(x) - Number(y))).toEqual(oneTo(48));
    expect(articles.flatMap((a) => (a.new === null ? [] : [a.new])).sort((x, y) => Number(x) - Number(y))).toEqual(oneTo(48));
  });

  it('revised: expected.json records the documented edits', () => {
    const { articles } = expectedOf('revised');
    const byOld = (num: string | null, newNum: string | null): ExpectedArticle => articles.find((a) => a.old === num && a.new === newNum)!;
    expect(byOld(null, '5')).toMatchObject({ kind: 'added', findings: ['article-added'] });
    expect(byOld('10', null)).toMatchObject({ kind: 'removed', findings: ['article-removed'] });
    for (const [oldNum, newNum] of [['5', '6'], ['7', '8'], ['8', '9'], ['9', '10']]) {
      expect(byOld(oldNum!, newNum!)).toMatchObject({ kind: 'renumbered', findings: ['article-renumbered'] });
    }
    expect(byOld('6', '7')).toMatchObject({ kind: 'renumbered', findings: ['article-renumbered'], referenceOnly: true });
    expect(byOld('15', '15').findings).toEqual(expect.arrayContaining(['safeguard-weakened', 'modal-shift']));
    expect(byOld('16', '16').findings).toEqual(expect.arrayContaining(['qualifier-added', 'power-narrowed']));
    expect(byOld('18', '18').findings).toContain('power-added');
    expect(byOld('20', '20').findings).toContain('power-expanded');
    expect(byOld('25', '25').findings).toContain('safeguard-removed');
    expect(byOld('27', '27').findings).toContain('safeguard-removed');
    expect(byOld('12', '12')).toMatchObject({ kind: 'modified', findings: ['article-modified'] });
    expect(byOld('22', '22')).toMatchObject({ kind: 'moved', findings: ['article-moved'] });
    expect(byOld('29', '29').findings).toContain('brackets-added');
    expect(byOld('30', '30').findings).toContain('brackets-resolved');
    expect(byOld('1', '1')).toMatchObject({ kind: 'unchanged', findings: [] });
    for (const a of articles.filter((x) => x.referenceOnly)) {
      expect(a.findings.filter((f) => f.startsWith('safeguard-') || f.startsWith('power-'))).toEqual([]);
    }
  });

  it('revised: the PDFs carry the edited wording', () => {
    const oldText = pagesOf('pairs/revised/old.pdf').join(' ').replace(/\s+/g, ' ');
    const newText = pagesOf('pairs/revised/new.pdf').join(' ').replace(/\s+/g, ' ');
    expect(oldText).toContain('Each Party shall ensure that the establishment');
    expect(newText).toContain('Each Party may ensure that the establishment');
    expect(oldText).toContain('include judicial or other independent supervision, grounds');
    expect(newText).toContain('include grounds justifying application');
    expect(newText).toContain('competent authorities, in accordance with its domestic law, to order');
    expect(newText).toContain('in respect of any criminal offence');
    expect(newText).toContain('in real time');
    expect(oldText).toContain('shall [promptly] disclose');
    expect(newText).toContain('shall promptly disclose');
    expect(newText).toContain('Party [shall][may] take all appropriate measures');
    expect(newText).toContain('Misuse of identity information');
    expect(newText).not.toContain('infringements of copyright');
    expect(newText).toContain('A/AC.291/22/Rev.1');
  });

  it('renumber-only: one article added after article 4, the rest renumbered', () => {
    const { articles } = expectedOf('renumber-only');
    expect(articles.map((a) => [a.old, a.new, a.kind])).toEqual([
      ['1', '1', 'unchanged'],
      ['2', '2', 'unchanged'],
      ['3', '3', 'unchanged'],
      ['4', '4', 'unchanged'],
      [null, '5', 'added'],
      ['5', '6', 'renumbered'],
      ['6', '7', 'renumbered'],
      ['7', '8', 'renumbered'],
      ['8', '9', 'renumbered'],
      ['9', '10', 'renumbered'],
      ['10', '11', 'renumbered'],
    ]);
    expect(articleHeadings(pagesOf('pairs/renumber-only/old.pdf'), /^Article (\d+)$/)).toEqual(oneTo(10));
    expect(articleHeadings(pagesOf('pairs/renumber-only/new.pdf'), /^Article (\d+) \u2013 /)).toEqual(oneTo(11));
  });
});

describe('bad inputs', () => {
  it('empty.pdf is empty and not-a-pdf.pdf is text', () => {
    expect(statSync(at('bad/empty.pdf')).size).toBe(0);
    expect(readFileSync(at('bad/not-a-pdf.pdf'), 'utf8').startsWith('%PDF')).toBe(false);
  });

  it('truncated.pdf is the first 40% of coe-convention.pdf', () => {
    const whole = readFileSync(at('coe-convention.pdf'));
    const part = readFileSync(at('bad/truncated.pdf'));
    expect(part.length).toBe(Math.floor(whole.length * 0.4));
    expect(whole.subarray(0, part.length).equals(part)).toBe(true);
  });

  it('encrypted.pdf needs the user password "secret"', () => {
    expect(spawnSync('pdfinfo', [at('bad/encrypted.pdf')]).status).not.toBe(0);
    expect(execFileSync('pdfinfo', ['-upw', 'secret', at('bad/encrypted.pdf')], { encoding: 'utf8' })).toMatch(/AES-256/);
  });

  it('owner-restricted.pdf opens without a password but forbids printing and copying', () => {
    const info = execFileSync('pdfinfo', [at('bad/owner-restricted.pdf')], { encoding: 'utf8' });
    expect(info).toMatch(/Encrypted:\s+yes \(print:no copy:no/);
    expect(pagesOf('bad/owner-restricted.pdf').join('')).toContain('Article 1');
  });

  it('scanned.pdf has one image and no text layer', () => {
    expect(pagesOf('bad/scanned.pdf').join('').replace(/\s/g, '')).toBe('');
    expect(execFileSync('pdfimages', ['-list', at('bad/scanned.pdf')], { encoding: 'utf8' }).trim().split('\n')).toHaveLength(3);
  });

  it('no-articles.pdf is a LibreOffice letter without any article', () => {
    const text = pagesOf('bad/no-articles.pdf').join('');
    expect(text).toContain('Report of the informal meeting');
    expect(text).not.toMatch(/Article/i);
  });
});
