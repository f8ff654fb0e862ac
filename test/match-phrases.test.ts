// Phrase search: the same matches as the one regex with Unicode word boundaries that defines it, found
// without compiling that regex where the boundaries can be checked on the match.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seededRandom as random } from './helpers/seeded.js';
import { DEFAULT_LEXICON } from '../src/classify/lexicon.js';
import { countPhrase, findPhrase, firstPhraseStart, hasAnyPhrase } from '../src/classify/match-phrases.js';

/** The definition: every non-empty match of the phrase between two non-letters, non-numbers of any script. */
function reference(text: string, phrases: readonly string[]): Array<[number, number]> {
  const source = phrases.map((phrase) => `(?:${phrase.trim().replace(/ +/g, '\\s+')})`).join('|');
  const regex = new RegExp(`(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`, 'giu');
  return [...text.matchAll(regex)].filter((m) => m[0] !== '').map((m) => [m.index, m.index + m[0].length]);
}

const lexicon = DEFAULT_LEXICON;
const ALL_PHRASES = [
  ...lexicon.topics.flatMap((topic) => topic.phrases),
  ...lexicon.hedges,
  ...lexicon.modals.map((modal) => modal.phrase),
  ...lexicon.wideners,
  ...lexicon.narrowers,
].filter((phrase): phrase is string => typeof phrase === 'string');

/** Treaty text with letters, numbers and marks of other scripts glued to its words here and there. */
function roughen(text: string, seed: number): string {
  const next = random(seed);
  const glue = ['é', 'ß', 'Ω', '中', '𝐀', '٣', '2', 'x', '’', '\u00a0', '-', '_', 'ſ', 'K', 'İ', '\u0301'];
  let out = '';
  for (const char of text) {
    if (next() < 0.02) out += glue[Math.floor(next() * glue.length)]!;
    out += char;
  }
  return out;
}

describe('phrase search', () => {
  const treaty = readFileSync('fixtures/text-draft.txt', 'utf8');
  // Letters a case-insensitive Unicode regex takes for ASCII ones: the long s for s, the Kelvin sign for k.
  const folding = treaty.replace(/s/g, (s, at: number) => (at % 3 === 0 ? '\u017f' : s)).replace(/k/g, '\u212a');
  const texts = [treaty, roughen(treaty, 1), roughen(treaty, 2), roughen(treaty.toUpperCase(), 3), folding];

  it('finds exactly what the boundary regex finds, for every phrase of the lexicon on treaty text, plain and roughened', () => {
    let matches = 0;
    for (const text of texts) {
      for (const phrase of ALL_PHRASES) {
        const expected = reference(text, [phrase]);
        expect(findPhrase(text, phrase), `${phrase} in text of ${text.length}`).toEqual(expected);
        matches += expected.length;
      }
    }
    // The comparison is not vacuous: the lexicon occurs in the treaty, and the roughening breaks some boundaries.
    expect(matches).toBeGreaterThan(200);
  });

  it('gives the first match of any phrase of a topic as the union regex does', () => {
    for (const text of texts) {
      for (const topic of lexicon.topics) {
        const expected = reference(text, topic.phrases)[0]?.[0] ?? -1;
        expect(firstPhraseStart(text, topic.phrases), topic.id).toBe(expected);
        expect(hasAnyPhrase(text, topic.phrases)).toBe(expected !== -1);
      }
    }
  });

  it('takes a shorter alternative where the longer one runs into a letter, as the boundary regex backtracks', () => {
    // The bare search finds "data retention" first; its end touches "s", so the full regex decides: "data".
    expect(findPhrase('data retentions', 'data( retention)?')).toEqual([[0, 4]]);
    expect(findPhrase('safeguardsx and safeguard', 'safeguards?')).toEqual([[16, 25]]);
    expect(findPhrase('xsafeguard, safeguards', 'safeguards?')).toEqual([[12, 22]]);
  });

  // [text, phrase, matches]
  const counted: Array<[string, string, number]> = [
    // Letters and numbers of every script are word characters; other marks are boundaries.
    ['Ωsafeguard', 'safeguard', 0],
    ['safeguard٣', 'safeguard', 0],
    ['𝐀safeguard', 'safeguard', 0],
    ['‘safeguard’', 'safeguard', 1],
    ['\u00a0safeguard\u00a0', 'safeguard', 1],
    ['SAFEGUARD and Safeguard', 'safeguard', 2],
    ['human \n  rights', 'human rights', 1],
    // /iu takes the long s for an s and the Kelvin sign for a k: such a text is not passed over.
    ['\u017fafeguards', 'safeguards?', 1],
    ['\u212Aeep records', 'keep records', 1],
    // An alternative of the phrase's own needs no leading word: not passed over for lack of "abc".
    ['see def here', 'abc|def', 1],
    ['see def here', 'abc[)]|def', 1],
    ['see def here', 'abc)|(def', 1],
    ['judicial review', 'judicial (review|oversight)', 1],
    ['judiciary review', 'judicial (review|oversight)', 0],
  ];

  it.each(counted)('counts %j as %j %d time(s): word boundaries of every script, and texts passed over only without the leading word', (text, phrase, matches) => {
    expect(countPhrase(text, phrase)).toBe(matches);
    expect(countPhrase(text, phrase)).toBe(reference(text, [phrase]).length);
  });

  it('never counts an empty match, and steps past it', () => {
    expect(findPhrase('abc', '(x)?')).toEqual([]);
    expect(firstPhraseStart('a b', ['(x)?', 'b'])).toBe(2);
  });
});
