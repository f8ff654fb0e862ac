import { describe, expect, it } from 'vitest';
import { compareDrafts } from '../src/compare.js';
import { buildDoc, type ArticleSpec } from './compare-build-doc.js';

const INTERCEPTION: ArticleSpec = {
  num: '21',
  heading: 'Interception of content data',
  paragraphs: ['Each State Party shall adopt such legislative measures as may be necessary to empower its competent authorities to collect or record content data of specified communications transmitted by means of a computer system.'],
};
const REVIEW = 'Each State Party shall ensure that orders under this chapter are subject to prior judicial authorization.';

const findingCodes = (oldSpecs: ArticleSpec[], newSpecs: ArticleSpec[]) =>
  compareDrafts(buildDoc(oldSpecs), buildDoc(newSpecs)).findings.map((f) => (f.topic === undefined ? f.code : `${f.code}:${f.topic}`));

describe('classifyChanges', () => {
  it('reads an obligation to enable a power becoming optional (shall -> may) as a narrowed power', () => {
    const weaker = { ...INTERCEPTION, paragraphs: [(INTERCEPTION.paragraphs?.[0] as string).replace('Party shall adopt', 'Party may adopt')] };
    expect(findingCodes([INTERCEPTION], [weaker])).toEqual(['article-modified', 'modal-shift:interception', 'power-narrowed:interception']);
  });

  it('reads "in real time" inserted into a power as an expanded power', () => {
    const wider = { ...INTERCEPTION, paragraphs: [(INTERCEPTION.paragraphs?.[0] as string).replace('content data of', 'content data, in real time, of')] };
    expect(findingCodes([INTERCEPTION], [wider])).toEqual(['article-modified', 'power-expanded:interception']);
  });

  it('reads a removed hedge in a safeguard as a strengthened safeguard', () => {
    const hedged: ArticleSpec = { num: '3', heading: 'Review', text: REVIEW.replace('shall ensure', 'shall, where appropriate, ensure') };
    expect(findingCodes([hedged], [{ ...hedged, text: REVIEW }])).toEqual([
      'article-modified', 'qualifier-removed:judicial-review', 'safeguard-strengthened:judicial-review',
    ]);
  });

  it('reports an added safeguard paragraph in an existing article as a safeguard added', () => {
    const withReview = { ...INTERCEPTION, paragraphs: [...(INTERCEPTION.paragraphs ?? []), REVIEW] };
    expect(findingCodes([INTERCEPTION], [withReview])).toEqual(['article-modified', 'safeguard-added:judicial-review']);
  });

  it('gives a wording change without topic words only an article finding', () => {
    const plain: ArticleSpec = { num: '40', heading: 'Languages', text: 'The English and French texts are equally authentic.' };
    expect(findingCodes([plain], [{ ...plain, text: 'The Arabic, Chinese, English, French, Russian and Spanish texts are equally authentic.' }])).toEqual(['article-modified']);
  });

  it('warns when a provision diff ran out of time and says which coarser diff was used', () => {
    const long = (seed: number): string => Array.from({ length: 3000 }, (_, k) => `w${(k * seed) % 991}`).join(' ');
    const diff = compareDrafts(buildDoc([{ num: '1', text: `${long(7)}.` }]), buildDoc([{ num: '1', text: `${long(11)}.` }]), { diffTimeoutMs: 0 });
    expect(diff.warnings.map((w) => [w.code, w.at])).toContainEqual(['diff-fallback', 'art_1']);
    expect(diff.articles[0]?.provisions.find((p) => p.id === 'art_1')?.fallback).toBeDefined();
  });
});
