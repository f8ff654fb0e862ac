import { describe, expect, it } from 'vitest';
import { rewriteReferences, type Renumbering } from '../src/align/cross-references.js';

/** Old articles 1..9; 3 removed; 5..8 renumbered +1 (a new 5 inserted); 4 stays 4. */
const renumbering: Renumbering = {
  byKey: new Map<string, string | undefined>([
    ['1', '1'], ['2', '2'], ['3', undefined], ['4', '4'], ['5', '6'], ['6', '7'], ['7', '8'], ['8', '9'], ['6bis', '7 bis'],
  ]),
  oldOrder: ['1', '2', '3', '4', '5', '6', '6bis', '7', '8'],
};

describe('rewriteReferences', () => {
  it.each([
    ['as provided in article 5,', 'as provided in article 6,'],
    ['under Article 5 of this Convention', 'under Article 6 of this Convention'],
    ['articles 5 and 6', 'articles 6 and 7'],
    ['Articles 5 through 8', 'Articles 6 through 9'],
    ['Articles 5 to 8', 'Articles 6 to 9'],
    ['articles 5, 6 and 7', 'articles 6, 7 and 8'],
    ['Articles 2 through 5, 7, and 8.1.a', 'Articles 2 through 6, 8, and 9.1.a'],
    ['paragraph 1 of Article 5', 'paragraph 1 of Article 6'],
    ['for the purposes of articles 5 and 6.', 'for the purposes of articles 6 and 7.'],
    ['Article 5, paragraph 2,', 'Article 6, paragraph 2,'],
    ['article 6 bis', 'article 7 bis'],
    // Lists with points inside the listed articles: only article numbers move, never paragraph numbers.
    ['Articles 2, 4, 5, paragraph 1.b, 6, 7 paragraph 3, and 8, paragraph 5.e.', 'Articles 2, 4, 6, paragraph 1.b, 7, 8 paragraph 3, and 9, paragraph 5.e.'],
  ])('maps %j to %j', (oldText, expected) => {
    expect(rewriteReferences(oldText, renumbering).text).toBe(expected);
  });

  it('records each rewrite once', () => {
    const { updates } = rewriteReferences('article 5 and again article 5; Articles 2 to 5', renumbering);
    expect(updates).toEqual([
      { old: 'article 5', new: 'article 6' },
      { old: 'Articles 2 to 5', new: 'Articles 2 to 6' },
    ]);
  });

  it('leaves references to other instruments alone', () => {
    const text = 'Article 5 of the TFEU, article 8 of the European Convention on Human Rights and Article 6.d. of the Statute';
    expect(rewriteReferences(text, renumbering)).toEqual({ text, updates: [] });
  });

  it('leaves articles that kept their number alone', () => {
    expect(rewriteReferences('article 4', renumbering).updates).toEqual([]);
  });

  it('moves a removed range end inwards to the nearest surviving article', () => {
    expect(rewriteReferences('Articles 3 to 6', renumbering).text).toBe('Articles 4 to 7');
    expect(rewriteReferences('Articles 1 through 3', renumbering).text).toBe('Articles 1 through 2');
  });

  it('leaves a single reference to a removed article as it was', () => {
    expect(rewriteReferences('see article 3', renumbering).text).toBe('see article 3');
  });
});
