// An article's provisions are listed once per comparison, and afresh outside one: a draft edited between
// two comparisons is compared as it now reads.

import { describe, expect, it } from 'vitest';
import { listProvisions, withProvisionsListedOnce } from '../src/parse/list-provisions.js';
import { compareDrafts } from '../src/compare.js';
import { buildArticle, buildDoc } from './compare-build-doc.js';

describe('listing provisions', () => {
  it('gives the same list for an article within one comparison, and a fresh one outside it', () => {
    const article = buildArticle({ num: '5', heading: 'Preservation', paragraphs: ['Each Party  shall adopt\nmeasures.', 'Data may be preserved.'] });
    const outside = listProvisions(article);
    expect(outside.map((p) => p.text)).toEqual(['Preservation', 'Each Party shall adopt measures.', 'Data may be preserved.']);
    expect(listProvisions(article)).not.toBe(outside);
    withProvisionsListedOnce(() => {
      const first = listProvisions(article);
      expect(listProvisions(article)).toBe(first);
      expect(first).toEqual(outside);
      // Nested, as a history's comparisons are: the same lists.
      withProvisionsListedOnce(() => expect(listProvisions(article)).toBe(first));
    });
    expect(listProvisions(article)).not.toBe(outside);
  });

  it('lets a caller edit a draft between two comparisons and see the edit', () => {
    const oldDoc = buildDoc([{ num: '1', paragraphs: ['Each Party shall ensure judicial review.'] }]);
    const newDoc = buildDoc([{ num: '1', paragraphs: ['Each Party shall ensure judicial review.'] }]);
    expect(compareDrafts(oldDoc, newDoc).articles[0]?.kind).toBe('unchanged');
    newDoc.nodes[0]!.children[0]!.text = 'Each Party may ensure review.';
    const second = compareDrafts(oldDoc, newDoc);
    expect(second.articles[0]?.kind).toBe('modified');
    expect(second.findings.length).toBeGreaterThan(0);
  });
});
