// Reads the cover note of EU-style drafts (institution, document number, date, procedure file) from the first page.

import type { DocumentMetadata } from '../types.js';
import type { Masthead } from './masthead.js';
import type { PlacedLine } from './page-model.js';
import { cleanText } from './clean.js';

/** A date as printed: `21.4.2021`, `6 December 2022`, `6 Dec. 2022`. */
const DATE = /\b(?:\d{1,2}\.\d{1,2}\.\d{4}|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{4})\b/;
/** A document number standing alone on its line: a code, a year in brackets and a number
 * (`COM(2021) 206 final`), or a number over a two-digit year (`15698/22`, `12549/22 REV 1`). */
const DOCUMENT_NUMBER = /^(?:[A-Z]{2,6}\s?\(\d{4}\)\s?\d{1,5}(?:\s+final)?|\d{3,6}\/\d{2}(?:\s+[A-Z]{2,4}\s+\d{1,2})?)$/;
/** A procedure number: year / number (type), e.g. `2021/0106 (COD)`. */
const PROCEDURE = /^\d{4}\/\d{4}\s?\([A-Z]{3}\)$/;
/** A rule typed as a line of underscores or dashes, which closes a cover note. */
const RULE = /^[_\-–—=*]{5,}$/;
/** The institution's name is a short block at the very top: at most this many lines. */
const INSTITUTION_LINES = 3;
/** Lines further apart than this (x their size) are separate blocks. */
const BLOCK_GAP = 1.6;

/**
 * The document number a running header or footer repeats: the word with a digit that stands in
 * (nearly) every running line and is not a page number.
 *
 * Example: `15698/22 RB/ek 1`, `15698/22 RB/ek 2`, ... -> `15698/22`; `EN 59 EN` -> undefined.
 */
export function findRunningNumber(runningTexts: string[]): string | undefined {
  if (runningTexts.length < 2) return undefined;
  const counts = new Map<string, number>();
  for (const text of runningTexts) {
    for (const word of new Set(text.split(/\s+/))) {
      if (/\d/.test(word) && !/^\d+$/.test(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  let best: string | undefined;
  let bestCount = 0;
  for (const [word, count] of counts) {
    if (count > bestCount) {
      best = word;
      bestCount = count;
    }
  }
  return best !== undefined && bestCount >= 0.8 * runningTexts.length ? best : undefined;
}

/**
 * Reads an EU-style cover note from the first page's lines (top to bottom, furniture removed):
 * the institution's name at the top, the place and date, the document number (the one the running
 * footer repeats, or one set alone in a known form), the interinstitutional procedure file. Only a
 * page with a document number and a date or procedure file is taken for a cover note. The note runs
 * from the top of the page to its last field, or down to a typed rule (`__________`) that closes it
 * (a Council note's From/To/Subject lines and covering sentence are part of it).
 *
 * Example: `Council of the` / `European Union` / `Brussels, 6 December 2022` / `15698/22` /
 * `Interinstitutional File:` / `2021/0106(COD)` ... `__________` gives `{ institution: "Council of the
 * European Union", date: "6 December 2022", documentNumber: "15698/22", interinstitutionalFile:
 * "2021/0106(COD)" }` and every line down to the rule. A page opening with `Article 1` and
 * `Scope` gives nothing.
 */
export function readCoverNote(lines: PlacedLine[], runningNumber: string | undefined): Masthead {
  const none: Masthead = { metadata: {}, lines: new Set() };
  const metadata: DocumentMetadata = {};
  let last = -1;
  const texts = lines.map((line) => cleanText(line.text));
  texts.forEach((text, index) => {
    let field = false;
    if (metadata.documentNumber === undefined && (text === runningNumber || DOCUMENT_NUMBER.test(text))) {
      metadata.documentNumber = text;
      field = true;
    }
    const procedure = text.replace(/^[\p{L} ]+:\s*/u, '');
    if (metadata.interinstitutionalFile === undefined && PROCEDURE.test(procedure)) {
      metadata.interinstitutionalFile = procedure;
      field = true;
    }
    const date = DATE.exec(text);
    if (metadata.date === undefined && date !== null && text.length <= date[0].length + 30) {
      metadata.date = date[0];
      field = true;
    }
    if (field) last = index;
  });
  if (metadata.documentNumber === undefined || (metadata.date === undefined && metadata.interinstitutionalFile === undefined)) return none;

  const institution = readInstitution(lines, texts);
  if (institution !== undefined) metadata.institution = institution;
  const rule = texts.findIndex((text, index) => index > last && RULE.test(text));
  const end = rule >= 0 ? rule : last;
  return { metadata, lines: new Set(lines.slice(0, end + 1)) };
}

/** The short block of words at the top of the page, e.g. `EUROPEAN` / `COMMISSION`; none when it holds digits. */
function readInstitution(lines: PlacedLine[], texts: string[]): string | undefined {
  const block: string[] = [];
  for (let index = 0; index < lines.length && block.length <= INSTITUTION_LINES; index += 1) {
    const line = lines[index]!;
    const above = lines[index - 1];
    if (above !== undefined && (above.y - line.y > BLOCK_GAP * line.size || Math.abs(above.x0 - line.x0) > line.size)) break;
    block.push(texts[index]!);
  }
  if (block.length === 0 || block.length > INSTITUTION_LINES || block.some((text) => /\d/.test(text))) return undefined;
  return block.join(' ');
}
