// Line shapes and number keys: headings, cross-references, provision markers, AKN ids.

import { describe, expect, it } from 'vitest';
import { containerKey, IdRegistry, numKey, romanValue } from '../src/parse/ids.js';
import { leapsToFourDigits } from '../src/parse/references.js';
import {
  isConclusionsStart,
  isFormula,
  isPreambleStart,
  matchAnnexHeading,
  matchArticleHeading,
  matchContainerHeading,
  matchMarker,
  splitPreambleLine,
  startsRecital,
} from '../src/parse/patterns.js';

describe('matchArticleHeading', () => {
  it.each([
    ['Article 24', { num: '24' }],
    ['ARTICLE 24', { num: '24' }],
    ['Article 6 bis', { num: '6 bis' }],
    ['Article 4a', { num: '4a' }],
    ['[Article 17]', { num: '[17]' }],
    ['[Article 17 bis]', { num: '[17 bis]' }],
    ['Article 15 – Conditions and safeguards', { num: '15', heading: 'Conditions and safeguards', separator: '–' }],
    ['Article 15 - Conditions and safeguards', { num: '15', heading: 'Conditions and safeguards', separator: '-' }],
    ['Article 15 — Conditions and safeguards', { num: '15', heading: 'Conditions and safeguards', separator: '—' }],
    ['Article 15: Conditions and safeguards', { num: '15', heading: 'Conditions and safeguards', separator: ':' }],
    ['Article 15. Conditions and safeguards', { num: '15', heading: 'Conditions and safeguards', separator: '.' }],
    // Long codes run past 999: four digits are one number, never 100 and a stray 0.
    ['Article 1000', { num: '1000' }],
    ['ARTICLE 1204 bis', { num: '1204 bis' }],
    ['Article 1001 – Conditions and safeguards', { num: '1001', heading: 'Conditions and safeguards', separator: '–' }],
  ])('%s is a heading', (text, expected) => {
    expect(matchArticleHeading(text)).toEqual(expected);
  });

  it.each([
    'Article 16 of the TFEU',
    'article 24 of this Convention',
    'Articles 2 through 5',
    'Article 14, paragraph 2',
    'Article 16 and 17 apply',
    'Article 4 as amended',
    '[Article 17 of the draft',
    'Article 2019 of the Regulation',
    'Article 10000',
  ])('%s is a cross-reference, not a heading', (text) => {
    expect(matchArticleHeading(text)).toBeUndefined();
  });
});

describe('container, annex, preamble and final-text lines', () => {
  it('reads containers with the heading on the same line or without', () => {
    expect(matchContainerHeading('CHAPTER II')).toEqual({ kind: 'chapter', num: 'II' });
    expect(matchContainerHeading('Part I – General provisions')).toEqual({ kind: 'part', num: 'I', heading: 'General provisions', separator: '–' });
    expect(matchContainerHeading('SECTION 1')).toEqual({ kind: 'section', num: '1' });
    expect(matchContainerHeading('Title 1')).toEqual({ kind: 'title', num: '1' });
    expect(matchContainerHeading('Chapter II of this Convention')).toBeUndefined();
    expect(matchContainerHeading('Sections 1 and 2')).toBeUndefined();
  });

  it('reads annexes', () => {
    expect(matchAnnexHeading('Annex')).toEqual({ num: '' });
    expect(matchAnnexHeading('Annex I')).toEqual({ num: 'I' });
    expect(matchAnnexHeading('Annex I to this Convention lists the forms')).toBeUndefined();
    expect(matchAnnexHeading('Annexed hereto')).toBeUndefined();
  });

  it('reads preamble openers, recitals, the formula and the final text', () => {
    expect(isPreambleStart('The States Parties to this Convention,')).toBe(true);
    expect(isPreambleStart('The member States of the Council of Europe and the other States signatory hereto,')).toBe(true);
    expect(isPreambleStart('Preamble')).toBe(true);
    expect(isPreambleStart('The Parties shall co-operate with each other.')).toBe(false);
    expect(startsRecital('Recognizing the need for co-operation,')).toBe(true);
    expect(startsRecital('Bearing in mind the principles')).toBe(true);
    expect(startsRecital('Each Party shall adopt')).toBe(false);
    expect(isFormula('Have agreed as follows:')).toBe(true);
    expect(isFormula('HAVE AGREED AS FOLLOWS:')).toBe(true);
    expect(isConclusionsStart('IN WITNESS WHEREOF the undersigned')).toBe(true);
    expect(isConclusionsStart('Done at Budapest, this 23rd day of November 2001')).toBe(true);
    expect(isConclusionsStart('Donations made at')).toBe(false);
  });

  it('splits a run-on preamble line at recital words and the formula', () => {
    expect(splitPreambleLine('hereto, Considering x; Recognising y; Have agreed as follows:', true)).toEqual([
      { text: 'hereto,', starts: 'none' },
      { text: 'Considering x;', starts: 'recital' },
      { text: 'Recognising y;', starts: 'recital' },
      { text: 'Have agreed as follows:', starts: 'formula' },
    ]);
    // Outside the opening words, a comma before a recital word does not split.
    expect(splitPreambleLine('of them, Considering that', false)).toEqual([{ text: 'of them, Considering that', starts: 'none' }]);
  });
});

describe('matchMarker', () => {
  it.each([
    ['1. Each Party', { type: 'number', num: '1.', token: '1', rest: 'Each Party', bracket: false }],
    ['1) Each Party', { type: 'number', num: '1)', token: '1', rest: 'Each Party', bracket: false }],
    ['(1) Each Party', { type: 'number', num: '(1)', token: '1', rest: 'Each Party', bracket: false }],
    ['2.', { type: 'number', num: '2.', token: '2', rest: '', bracket: false }],
    ['[4. Each Party', { type: 'number', num: '4.', token: '4', rest: 'Each Party', bracket: true }],
    ['(a) a person', { type: 'letter', num: '(a)', token: 'a', rest: 'a person', bracket: false }],
    ['a) a person', { type: 'letter', num: 'a)', token: 'a', rest: 'a person', bracket: false }],
    ['a. a person', { type: 'letter', num: 'a.', token: 'a', rest: 'a person', bracket: false }],
    ['a)A Party', { type: 'letter', num: 'a)', token: 'a', rest: 'A Party', bracket: false }],
    ['(ii) any other', { type: 'roman', num: '(ii)', token: 'ii', rest: 'any other', bracket: false }],
    ['ii) any other', { type: 'roman', num: 'ii)', token: 'ii', rest: 'any other', bracket: false }],
    ['(i) any', { type: 'ambiguous', num: '(i)', token: 'i', rest: 'any', bracket: false }],
  ])('%s', (text, expected) => {
    expect(matchMarker(text)).toEqual(expected);
  });

  it.each(['a.i or ii above', '1.5 times the penalty', '2001. The', 'e.g. a device', 'Each Party'])('%s has no marker', (text) => {
    expect(matchMarker(text)).toBeUndefined();
  });
});

describe('ids', () => {
  it('normalises printed numbers into keys', () => {
    expect(['6 bis', '4a', '[17]', '(a)', '1.', 'II', '[17 bis]'].map(numKey)).toEqual(['6bis', '4a', '17', 'a', '1', 'ii', '17bis']);
    expect(numKey(numKey('[6 bis]'))).toBe('6bis');
  });

  it('reads roman container numbers as arabic for ids, and leaves letters alone', () => {
    expect(['II', 'IV', 'XII', '1', 'A', 'C'].map(containerKey)).toEqual(['2', '4', '12', '1', 'a', 'c']);
    expect(romanValue('ab')).toBeUndefined();
  });

  it('suffixes ids claimed twice', () => {
    const ids = new IdRegistry();
    expect([ids.claim('art_5'), ids.claim('art_5'), ids.claim('art_5')]).toEqual([
      { id: 'art_5', duplicate: false },
      { id: 'art_5_2', duplicate: true },
      { id: 'art_5_3', duplicate: true },
    ]);
  });
});

describe('leapsToFourDigits', () => {
  it.each([
    ['2019', '12', true],
    ['2019', '1000', true],
    ['2019', undefined, true],
    ['1000', '999', false],
    ['1050', '1000', false],
    ['1204', undefined, false],
    ['999', '12', false],
    ['1001', 'IV', true],
  ] as const)('Article %s after article %s: a leap %s', (num, previous, expected) => {
    expect(leapsToFourDigits(num, previous)).toBe(expected);
  });
});
