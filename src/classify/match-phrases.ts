// Finds lexicon phrases in text: case-insensitive, on word boundaries, spaces matching any whitespace.

const compiled = new Map<string, RegExp>();

/**
 * The regex for a lexicon phrase (cached). Throws a SyntaxError for an invalid pattern,
 * which `parseRules` turns into a `bad-rules` error.
 * Example: `compilePhrase('human rights')` matches "Human  Rights" but not "humanrights".
 */
export function compilePhrase(phrase: string): RegExp {
  let regex = compiled.get(phrase);
  if (regex === undefined) {
    const source = phrase.trim().replace(/ +/g, '\\s+');
    regex = new RegExp(`(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`, 'giu');
    compiled.set(phrase, regex);
  }
  return regex;
}

/** Character spans `[start, end)` of every match of `phrase` in `text`. */
export function findPhrase(text: string, phrase: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const m of text.matchAll(compilePhrase(phrase))) {
    if (m[0] !== '') spans.push([m.index, m.index + m[0].length]);
  }
  return spans;
}

/** How often `phrase` occurs in `text`. Example: `countPhrase('shall ... Shall', 'shall') === 2`. */
export function countPhrase(text: string, phrase: string): number {
  return findPhrase(text, phrase).length;
}

const compiledUnions = new Map<string, RegExp>();

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
  const key = phrases.join('\u0000');
  let regex = compiledUnions.get(key);
  if (regex === undefined) {
    const sources = phrases.map((phrase) => `(?:${phrase.trim().replace(/ +/g, '\\s+')})`);
    regex = new RegExp(`(?<![\\p{L}\\p{N}])(?:${sources.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
    compiledUnions.set(key, regex);
  }
  // A phrase that can match the empty string counts only where it matches something.
  for (const m of text.matchAll(regex)) if (m[0] !== '') return m.index;
  return -1;
}
