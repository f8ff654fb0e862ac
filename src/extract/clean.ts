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
/** The word that starts the next line. */
const LINE_START_WORD = /^(\p{L}+)/u;
/** Words, hyphenated or not, as printed within a line. */
const WORD = /\p{L}+(?:-\p{L}+)*/gu;

/**
 * The vocabulary of the document, lower-cased: every word and every hyphenated compound (with each
 * adjacent pair of its parts) printed unbroken within a line. Built once, so each line-end hyphen is
 * decided by set look-ups (linear in the document).
 * Example: `["capacity-building and co-operation"]` ->
 * `{"capacity-building", "capacity", "building", "and", "co-operation", "co", "operation"}`.
 */
export function collectCompounds(texts: Iterable<string>): Set<string> {
  const vocabulary = new Set<string>();
  for (const text of texts) {
    for (const match of text.matchAll(WORD)) {
      const word = match[0].toLowerCase();
      vocabulary.add(word);
      const parts = word.split('-');
      if (parts.length === 1) continue;
      // Every adjacent pair: a line may break inside `follow-up-to` at either hyphen.
      for (let i = 0; i + 1 < parts.length; i += 1) vocabulary.add(`${parts[i]}-${parts[i + 1]}`);
    }
  }
  return vocabulary;
}

/** What to do with a line that may end inside a word. */
export interface LineJoin {
  /** The line's text, with the hyphen dropped when it only split a word. */
  text: string;
  /** True when the line ends inside a word and the next line continues it without a space. */
  joinNext: boolean;
}

/**
 * Decides a line-end hyphen between two letters. Word processors wrap lines at the hyphens of real
 * compounds and treaty drafts are rarely hyphenated automatically (a split word usually comes with a
 * soft hyphen, handled by the caller), so the hyphen is kept unless the document itself shows the
 * joined word unbroken elsewhere and never the hyphenated compound:
 * - `non-` + `public` -> `non-` joined to `public` (no evidence either way: a compound is kept);
 * - `inter-` + `national`, with `international` printed elsewhere -> `inter` joined to `national`;
 * - `capacity-` + `building`, with `capacity-building` printed elsewhere -> kept;
 * - `Trade-` + `Related` -> kept: a capital after a hyphen is never a split word.
 */
export function joinHyphenated(text: string, nextText: string | undefined, vocabulary: ReadonlySet<string>): LineJoin {
  if (nextText === undefined) return { text, joinNext: false };
  const end = LINE_END_HYPHEN.exec(text);
  const start = LINE_START_WORD.exec(nextText);
  if (end === null || start === null || end[1] === undefined || start[1] === undefined) return { text, joinNext: false };
  const head = end[1].toLowerCase();
  const tail = start[1];
  const splitWord = tail === tail.toLowerCase() && !vocabulary.has(`${head}-${tail}`) && vocabulary.has(`${head}${tail}`);
  return { text: splitWord ? text.slice(0, -1) : text, joinNext: true };
}
