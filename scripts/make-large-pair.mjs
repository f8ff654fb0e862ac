// Generates large benchmark draft pairs (about 100, 300, 1,000 pages) from the corpus, with the fixture generators.
//
// Usage: node scripts/make-large-pair.mjs [pages...]      (default: 100 300 1000)
//
// A pair of N pages is the "revised" fixture pair (fixtures/build.mjs: UN layout, old draft 10 pt,
// new draft Rev.1 in 11 pt with the named edits a..l) with its chapters repeated until the old
// draft reaches about N pages. Articles and chapters are numbered on through the copies, so the
// result reads as one long convention (2,400 articles at 1,000 pages) with the same kinds of
// change spread evenly through it. Output: .bench/pairs/<N>p/{old,new}.pdf (git-ignored, about
// 1 MB per 100 pages); an existing pair is kept. Needs LibreOffice, like the fixtures.

import { existsSync, mkdirSync, readFileSync, renameSync, rmdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LAYOUTS, LOCAL_CORPUS, REVISED_EDITS, UN_MASTHEAD, clone, convert, parseCorpus, renderFodt, revisedOldDraft } from '../fixtures/build.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, '.bench', 'pairs');
/** Pages of one copy of the convention in the old draft's layout (fixtures/pairs/revised/old.pdf). */
const PAGES_PER_COPY = 20;

const REV_MASTHEAD = { ...UN_MASTHEAD, symbol: 'A/AC.291/22/Rev.1', date: '6 November 2023', session: 'Seventh session', jobNumber: 'V.23-21437 (E)', barcode: '*2321437*' };

/** 1 -> I, 14 -> XIV: chapter numbers continue through the copies. */
function toRoman(n) {
  const table = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [value, letters] of table) {
    while (n >= value) {
      out += letters;
      n -= value;
    }
  }
  return out;
}

/** The document's chapters `copies` times over, articles and chapters numbered on. */
function repeatDraft(doc, copies) {
  const long = clone(doc);
  long.entries = [];
  let article = 0;
  let chapter = 0;
  for (let copy = 0; copy < copies; copy++) {
    for (const entry of clone(doc).entries) {
      if (entry.type === 'article') entry.num = String(++article);
      if (entry.type === 'chapter') entry.num = toRoman(++chapter);
      long.entries.push(entry);
    }
  }
  return long;
}

/** Builds `.bench/pairs/<pages>p/` unless it exists; returns its folder. */
export function makeLargePair(pages) {
  const dir = join(OUT, `${pages}p`);
  if (existsSync(join(dir, 'old.pdf')) && existsSync(join(dir, 'new.pdf'))) return dir;
  const corpus = parseCorpus(readFileSync(LOCAL_CORPUS, 'utf8'));
  const oldDoc = revisedOldDraft(corpus);
  const newDoc = clone(oldDoc);
  for (const edit of REVISED_EDITS) edit.apply(newDoc);
  const copies = Math.max(1, Math.round(pages / PAGES_PER_COPY));
  mkdirSync(join(dir, 'src'), { recursive: true });
  for (const [side, doc, layout, mast] of [
    ['old', oldDoc, LAYOUTS.un, UN_MASTHEAD],
    ['new', newDoc, LAYOUTS.unRev, REV_MASTHEAD],
  ]) {
    // The .fodt is named after the pair so that concurrent conversions cannot collide.
    const fodtPath = join(dir, 'src', `bench-${pages}p-${side}.fodt`);
    writeFileSync(fodtPath, renderFodt(repeatDraft(doc, copies), layout, mast));
    const pdfPath = join(dir, `${side}.tmp.pdf`);
    convert(fodtPath, pdfPath);
    renameSync(pdfPath, join(dir, `${side}.pdf`));
    console.error(`built ${join(dir, `${side}.pdf`)}`);
  }
  // convert() leaves its scratch folder behind; remove it only when empty (a fixture build may be using it).
  try {
    rmdirSync(join(ROOT, 'fixtures', '.build'));
  } catch {
    // not empty or already gone
  }
  return dir;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const sizes = process.argv.slice(2).map(Number);
  for (const pages of sizes.length > 0 ? sizes : [100, 300, 1000]) {
    if (!Number.isInteger(pages) || pages < 1) throw new Error(`not a page count: ${pages}`);
    console.log(makeLargePair(pages));
  }
}
