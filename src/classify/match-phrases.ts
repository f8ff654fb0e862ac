// Finds lexicon phrases in text: case-insensitive, on word boundaries, spaces matching any whitespace.
//
// A phrase matches where no letter or number (any script) touches it on either side. Said in one regex,
// `(?<![\p{L}\p{N}])(?:phrase)(?![\p{L}\p{N}])`, that costs V8 about 0.7 ms to compile per phrase for the
// two Unicode classes alone: a tenth of a second for a lexicon, in every run. So each phrase is searched
// without its boundaries first, and the boundaries are checked on the match found; only where a match
// fails them is the full regex compiled and asked, from that place on. The matches are exactly those of
// the full regex (see `nextMatch`). Before either, a text without any word a match must start with is
// passed over (`mayMatch`): most articles name most topics nowhere.

/** A phrase's two searches: without boundaries (cheap to compile), and the full one (compiled when needed). */
interface PhraseSearch {
  bare: RegExp;
  full: RegExp | undefined;
  source: string;
  /** Words one of which every match starts with, lower-cased; undefined when some phrase has none. */
  leads: string[] | undefined;
}

const searches = new Map<string, PhraseSearch>();

/** The regex source of a phrase or a list of phrases, spaces matching any run of whitespace. */
const sourceOf = (phrases: readonly string[]): string => phrases.map((phrase) => `(?:${phrase.trim().replace(/ +/g, '\\s+')})`).join('|');

const withBoundaries = (source: string): RegExp => new RegExp(`(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`, 'giu');

/**
 * The full regex for a lexicon phrase, boundaries included (cached). Throws a SyntaxError for an invalid
 * pattern, which `parseRules` turns into a `bad-rules` error.
 * Example: `compilePhrase('human rights')` matches "Human  Rights" but not "humanrights".
 */
export function compilePhrase(phrase: string): RegExp {
  return fullRegex(searches.get(phrase) ?? searchFor([phrase]));
}

/** The search's full regex, compiled on first need. */
function fullRegex(search: PhraseSearch): RegExp {
  search.full ??= withBoundaries(search.source);
  return search.full;
}

/** The search of each phrase list a caller keeps (a lexicon topic's phrases, never changed), found without joining its phrases again. */
const searchesOfLists = new WeakMap<readonly string[], PhraseSearch>();

function searchFor(phrases: readonly string[]): PhraseSearch {
  let search = searchesOfLists.get(phrases);
  if (search !== undefined) return search;
  const key = phrases.join('\u0000');
  search = searches.get(key);
  if (search === undefined) {
    const source = sourceOf(phrases);
    const leads = phrases.map(leadingWord);
    search = { bare: new RegExp(source, 'giu'), full: undefined, source, leads: leads.every((lead) => lead !== undefined) ? leads : undefined };
    searches.set(key, search);
  }
  searchesOfLists.set(phrases, search);
  return search;
}

/**
 * The word every match of `phrase` starts with, lower-cased: the phrase's leading letters and digits, less
 * the last one when a quantifier follows it (`safeguards?` -> `safeguard`); undefined when it is shorter
 * than three, or the phrase has an alternative of its own at its top level (`a|b`).
 */
function leadingWord(phrase: string): string | undefined {
  const source = phrase.trim();
  // An alternative at the top level (or brackets that do not pair up) frees some match from the leading word.
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i]!;
    if (char === '\\') i++;
    else if (inClass) inClass = char !== ']';
    else if (char === '[') inClass = true;
    else if (char === '(') depth++;
    else if (char === ')' && --depth < 0) return undefined;
    else if (char === '|' && depth === 0) return undefined;
  }
  if (depth !== 0 || inClass) return undefined;
  let end = 0;
  while (end < source.length && /[A-Za-z0-9]/.test(source[end]!)) end++;
  if ('?*{'.includes(source[end] ?? ' ')) end--;
  return end >= 3 ? source.slice(0, end).toLowerCase() : undefined;
}

let lastText: string | undefined;
let lastFolded = '';

/**
 * `text` lower-cased as a case-insensitive Unicode regex compares letters: `toLowerCase`, and the long s
 * (U+017F), which such a regex takes for an s, made one. The Kelvin sign lower-cases to k by itself.
 * Remembered for the last text: classification asks of one article body for every topic in turn.
 */
function folded(text: string): string {
  if (text !== lastText) {
    lastText = text;
    lastFolded = text.toLowerCase().replaceAll('\u017f', 's');
  }
  return lastFolded;
}

/** False when no match can be in `text`: none of the words every match starts with is there. */
function mayMatch(text: string, search: PhraseSearch): boolean {
  if (search.leads === undefined) return true;
  const haystack = folded(text);
  return search.leads.some((lead) => haystack.includes(lead));
}

const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;

/** True when the code point at `cp` is a letter or a number of any script (ASCII answered without a regex). */
function isLetterOrNumber(cp: number | undefined): boolean {
  if (cp === undefined) return false;
  if (cp < 0x80) return (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
  return LETTER_OR_NUMBER.test(String.fromCodePoint(cp));
}

/** The code point that ends just before `index` (a surrogate pair read whole, as a /u regex reads it). */
function codePointBefore(text: string, index: number): number | undefined {
  if (index <= 0) return undefined;
  const low = text.charCodeAt(index - 1);
  if (low >= 0xdc00 && low <= 0xdfff && index >= 2) {
    const high = text.charCodeAt(index - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.codePointAt(index - 2);
  }
  return low;
}

/**
 * The next match of the full regex at or after `from`, as `[start, end]`, or undefined. Exact: the full
 * regex can match only where the bare one does, so the bare one's first match from `from` is where the
 * full one's first match can start at the earliest. When the match found has its boundaries, the full
 * regex, trying the same alternatives in the same order at the same place, finds this very match; when it
 * has not, the full regex is asked from there.
 */
function nextMatch(text: string, search: PhraseSearch, from: number): [number, number] | undefined {
  search.bare.lastIndex = from;
  const bare = search.bare.exec(text);
  if (bare === null) return undefined;
  const start = bare.index;
  const end = start + bare[0].length;
  if (!isLetterOrNumber(codePointBefore(text, start)) && !isLetterOrNumber(text.codePointAt(end))) return [start, end];
  const regex = fullRegex(search);
  regex.lastIndex = start;
  const full = regex.exec(text);
  return full === null ? undefined : [full.index, full.index + full[0].length];
}

/** Every match of `search` in `text`, in order, as the full regex's `matchAll` gives them (empty ones left out). */
function allMatches(text: string, search: PhraseSearch, stopAtFirst: boolean): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  if (!mayMatch(text, search)) return spans;
  let from = 0;
  while (from <= text.length) {
    const match = nextMatch(text, search, from);
    if (match === undefined) break;
    const [start, end] = match;
    if (end > start) {
      spans.push(match);
      if (stopAtFirst) break;
      from = end;
    } else {
      // An empty match: step over one code point, as matchAll does with the /u flag.
      from = end + ((text.codePointAt(end) ?? 0) > 0xffff ? 2 : 1);
    }
  }
  return spans;
}

/** Character spans `[start, end)` of every match of `phrase` in `text`. */
export function findPhrase(text: string, phrase: string): Array<[number, number]> {
  // A one-phrase list's key is the phrase itself: found without building a list.
  return allMatches(text, searches.get(phrase) ?? searchFor([phrase]), false);
}

/** How often `phrase` occurs in `text`. Example: `countPhrase('shall ... Shall', 'shall') === 2`. */
export function countPhrase(text: string, phrase: string): number {
  return findPhrase(text, phrase).length;
}

/**
 * True when any of `phrases` occurs in `text`: one pass of one regex for the whole list (cached),
 * stopping at the first match. Classification asks this of every article for every topic.
 * Example: `hasAnyPhrase('subject to judicial review', ['proportionality', 'judicial review']) === true`.
 */
export function hasAnyPhrase(text: string, phrases: readonly string[]): boolean {
  return firstPhraseStart(text, phrases) !== -1;
}

/**
 * Where the first occurrence of any of `phrases` starts in `text`, or -1: one pass of one regex
 * for the whole list (cached). Example: `firstPhraseStart('a judicial review', ['judicial review']) === 2`.
 */
export function firstPhraseStart(text: string, phrases: readonly string[]): number {
  if (phrases.length === 0) return -1;
  // A phrase that can match the empty string counts only where it matches something.
  return allMatches(text, searchFor(phrases), true)[0]?.[0] ?? -1;
}
