// Reads the UN first-page masthead (symbol, distribution, date, original, body, session, agenda item).

import type { DocumentMetadata } from '../types.js';
import type { PlacedLine } from './page-model.js';
import { cleanText } from './clean.js';

/** The masthead lives in the upper part of the first page. */
const MASTHEAD_SHARE = 0.55;

/** A UN-style document symbol: capitals, then slash-separated parts (`A/AC.291/22/Rev.1`, `CTOC/COP/2020/3`). */
const SYMBOL = /\b[A-Z]{1,6}(?:\/[A-Za-z0-9.()-]*[A-Za-z0-9)])+/;
const DISTRIBUTION = /\bDistr\.?\s*:\s*([\p{L}-]+)/u;
const DATE = /\b\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{4}\b/;
const ORIGINAL = /\bOriginal\s*:\s*([\p{L}]+(?:\s*(?:\/|,|and)\s*[\p{L}]+)*)/u;
const SESSION = /^(?:[\p{L}-]+\s+){0,3}session\b/iu;
const AGENDA_ITEM = /^Items?\s+\d/i;
const ISSUER = /^(?:United Nations|General Assembly|Economic and Social Council|Security Council)\b/i;

/** What the masthead gave: its fields, and the lines it occupies (to be kept out of the body). */
export interface Masthead {
  metadata: DocumentMetadata;
  lines: Set<PlacedLine>;
}

/** True when `text` is exactly a document symbol, e.g. a running header `A/AC.291/22`. */
export function isSymbol(text: string): boolean {
  const match = SYMBOL.exec(text.trim());
  return match !== null && match[0] === text.trim();
}

/**
 * Reads a UN masthead from the first page's lines (top to bottom, furniture already removed).
 * Only a page that carries a `Distr.:` line is taken for a masthead; otherwise nothing is read.
 *
 * Example: lines `United Nations A/AC.291/22`, `General Assembly Distr.: General`, `29 May 2023`,
 * `Original: English`, `Ad Hoc Committee ...`, `Sixth session`, `Item 4 of the provisional agenda`
 * give `{ symbol: "A/AC.291/22", distribution: "General", date: "29 May 2023", original: "English",
 * body: "Ad Hoc Committee ...", session: "Sixth session", agendaItem: "Item 4 of the provisional agenda" }`
 * and all seven lines.
 */
export function readMasthead(lines: PlacedLine[], box: [number, number, number, number]): Masthead {
  const metadata: DocumentMetadata = {};
  const height = box[3] - box[1];
  const upper = lines.filter((line) => (line.y - box[1]) / height > 1 - MASTHEAD_SHARE);
  if (!upper.some((line) => DISTRIBUTION.test(line.text))) return { metadata, lines: new Set() };

  let last = -1;
  let originalAt = -1;
  let sessionAt = -1;
  let agendaAt = -1;
  upper.forEach((line, index) => {
    const text = cleanText(line.text);
    let field = false;
    const symbol = SYMBOL.exec(text);
    if (metadata.symbol === undefined && symbol !== null && (ISSUER.test(text) || isSymbol(text) || DISTRIBUTION.test(text))) {
      metadata.symbol = symbol[0];
      field = true;
    }
    const distribution = DISTRIBUTION.exec(text);
    if (metadata.distribution === undefined && distribution?.[1] !== undefined) {
      metadata.distribution = distribution[1];
      field = true;
    }
    const date = DATE.exec(text);
    if (metadata.date === undefined && date !== null && sessionAt < 0 && (originalAt < 0 || index <= originalAt + 1)) {
      metadata.date = date[0];
      field = true;
    }
    const original = ORIGINAL.exec(text);
    if (metadata.original === undefined && original?.[1] !== undefined) {
      metadata.original = original[1];
      originalAt = index;
      field = true;
    }
    if (metadata.session === undefined && SESSION.test(text)) {
      metadata.session = text;
      sessionAt = index;
      field = true;
    }
    if (metadata.agendaItem === undefined && AGENDA_ITEM.test(text)) {
      metadata.agendaItem = text.replace(/\s*[*†‡]+$/, '');
      agendaAt = index;
      field = true;
    }
    if (ISSUER.test(text)) field = true;
    if (field) last = index;
  });
  // The issuing body is printed between "Original: ..." and the session line.
  if (originalAt >= 0 && sessionAt > originalAt + 1) {
    metadata.body = upper
      .slice(originalAt + 1, sessionAt)
      .map((line) => cleanText(line.text))
      .join(' ');
  }
  // The agenda item's title follows it, set flush with it at normal line spacing
  // ("Preparation of a draft convention"); the document title comes after a gap, or centred.
  if (agendaAt >= 0) {
    const titles: string[] = [];
    for (let index = agendaAt + 1; index < upper.length; index += 1) {
      const line = upper[index]!;
      const above = upper[index - 1]!;
      if (Math.abs(line.x0 - above.x0) > line.size * 0.5 || above.y - line.y > line.size * 1.6) break;
      titles.push(cleanText(line.text));
      last = Math.max(last, index);
    }
    if (titles.length > 0) metadata.agendaItem = `${metadata.agendaItem}: ${titles.join(' ')}`;
  }
  return { metadata, lines: new Set(upper.slice(0, last + 1)) };
}
