// Text clean-up of extracted lines: small idempotent steps, composed once in `cleanText`, plus de-hyphenation.

/**
 * Unicode compatibility forms to plain ones (ligatures included).
 * Example: `"ﬁnancial"` -> `"financial"`, `"²"` -> `"2"`.
 */
export function normaliseUnicode(text: string): string {
  return text.normalize('NFKC');
}

/**
 * Ligatures NFKC leaves alone, or that a font maps to private code points, spelled out.
 * Example: `"Ꜳ"` stays; `"\uFB00ect"` -> `"ffect"` (already handled by NFKC, kept for idempotence).
 */
export function expandLigatures(text: string): string {
  return text
    .replace(/\uFB00/g, 'ff')
    .replace(/\uFB01/g, 'fi')
    .replace(/\uFB02/g, 'fl')
    .replace(/\uFB03/g, 'ffi')
    .replace(/\uFB04/g, 'ffl')
    .replace(/\uFB05|\uFB06/g, 'st')
    .replace(/\u0153/g, 'oe')
    .replace(/\u0152/g, 'OE');
}

/**
 * Every kind of space to a plain space.
 * Example: `"article\u00A015"` -> `"article 15"`.
 */
export function plainSpaces(text: string): string {
  return text.replace(/[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\t]/g, ' ');
}

/**
 * Soft hyphens and zero-width characters removed: they are invisible in print.
 * Example: `"inter\u00ADnational"` -> `"international"`.
 */
export function removeInvisibles(text: string): string {
  return text.replace(/[\u00AD\u200B-\u200D\u2060\uFEFF]/g, '');
}

/**
 * Curly quotes to straight ones, Unicode hyphens to `-` (dashes are content and stay).
 * Example: `"‘shall’"` -> `"'shall'"`, `"“may”"` -> `'"may"'`, `"co\u2010operation"` -> `"co-operation"`.
 */
export function straightenQuotes(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/[\u2010\u2011]/g, '-');
}

/**
 * C0 control characters (U+0000 to U+001F) and DEL removed: a glyph with no Unicode mapping comes
 * out as U+0000. Tabs and line breaks separate words, so they become spaces instead.
 * Example: `"a\u0000b"` -> `"ab"`, `"a\tb"` -> `"a b"`.
 */
export function removeControls(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\t\n\v\f\r]/g, ' ').replace(/[\u0000-\u001F\u007F]/g, '');
}

/**
 * Runs of spaces to one, ends trimmed.
 * Example: `"  States   Parties "` -> `"States Parties"`.
 */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const STEPS: ((text: string) => string)[] = [
  removeControls,
  normaliseUnicode,
  expandLigatures,
  plainSpaces,
  removeInvisibles,
  straightenQuotes,
  collapseWhitespace,
];

/**
 * All clean-up steps in order. Idempotent: `cleanText(cleanText(x)) === cleanText(x)`.
 * Example: `"\u201Cthe ﬁrst\u00A0Party\u201D "` -> `'"the first Party"'`.
 */
export function cleanText(text: string): string {
  return STEPS.reduce((value, step) => step(value), text);
}

/** A word that ends a line with a hyphen: letters then `-`. */
const LINE_END_HYPHEN = /(\p{L}+)-$/u;
/** The word that starts the next line, when it is in lower case. */
const LINE_START_LOWER = /^(\p{Ll}[\p{L}]*)/u;
/** Hyphenated compounds as printed unbroken within a line. */
const COMPOUND = /\p{L}+(?:-\p{L}+)+/gu;

/**
 * The hyphenated compounds printed unbroken anywhere in the texts, lower-cased, built once
 * so that each line-end hyphen is decided by one set look-up (linear in the document).
 * Example: `["capacity-building and co-operation"]` -> `{"capacity-building", "co-operation"}`.
 */
export function collectCompounds(texts: Iterable<string>): Set<string> {
  const compounds = new Set<string>();
  for (const text of texts) {
    for (const match of text.matchAll(COMPOUND)) {
      const parts = match[0].toLowerCase().split('-');
      // Every adjacent pair: a line may break inside `follow-up-to` at either hyphen.
      for (let i = 0; i + 1 < parts.length; i += 1) compounds.add(`${parts[i]}-${parts[i + 1]}`);
      compounds.add(match[0].toLowerCase());
    }
  }
  return compounds;
}

/** What to do with a line that may end inside a word. */
export interface LineJoin {
  /** The line's text, with the hyphen dropped when it only split a word. */
  text: string;
  /** True when the line ends inside a word and the next line continues it without a space. */
  joinNext: boolean;
}

/**
 * Undoes a line-end hyphen when the next line starts in lower case: the hyphen stays when the
 * compound occurs unbroken elsewhere (`capacity-` + `building`), otherwise it is dropped
 * (`inter-` + `national` -> `inter`, joined to `national`).
 * Example: `joinHyphenated("the inter-", "national law", new Set())` -> `{ text: "the inter", joinNext: true }`.
 */
export function joinHyphenated(text: string, nextText: string | undefined, compounds: ReadonlySet<string>): LineJoin {
  if (nextText === undefined) return { text, joinNext: false };
  const end = LINE_END_HYPHEN.exec(text);
  const start = LINE_START_LOWER.exec(nextText);
  if (end === null || start === null || end[1] === undefined || start[1] === undefined) return { text, joinNext: false };
  const compound = `${end[1]}-${start[1]}`.toLowerCase();
  if (compounds.has(compound)) return { text, joinNext: true };
  return { text: text.slice(0, -1), joinNext: true };
}
