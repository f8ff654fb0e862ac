import { describe, expect, it } from 'vitest';
import { alignArticles } from '../src/align/align-articles.js';
import { buildDoc, type ArticleSpec } from './compare-build-doc.js';

const TEXTS: Record<string, ArticleSpec> = {
  scope: { num: '', heading: 'Scope of application', text: 'This Convention shall apply to the prevention, investigation and prosecution of the criminal offences established in accordance with this Convention.' },
  terms: { num: '', heading: 'Use of terms', text: 'For the purposes of this Convention, "information and communications technology system" means any device or group of interconnected devices.' },
  rights: { num: '', heading: 'Respect for human rights', text: 'States Parties shall ensure that the implementation of their obligations under this Convention is consistent with their obligations under international human rights law.' },
  sovereignty: { num: '', heading: 'Protection of sovereignty', text: 'States Parties shall carry out their obligations in a manner consistent with the principles of sovereign equality and territorial integrity of States.' },
  access: { num: '', heading: 'Illegal access', text: 'Each State Party shall adopt such legislative measures as may be necessary to establish as a criminal offence the access to the whole or any part of a system without right.' },
  interference: { num: '', heading: 'Interference with data', text: 'Each State Party shall establish as criminal offences the damaging, deletion, deterioration, alteration or suppression of electronic data without right.' },
  misuse: { num: '', heading: 'Misuse of devices', text: 'Each State Party shall criminalize the production, sale, procurement for use, import or distribution of a device designed primarily for committing offences.' },
};

const numbered = (keys: string[], first = 1): ArticleSpec[] =>
  keys.map((key, k) => ({ ...(TEXTS[key] as ArticleSpec), num: String(first + k) }));

const describeAlignment = (keys: { old: string[]; new: string[] }) =>
  alignArticles(buildDoc(numbered(keys.old)), buildDoc(numbered(keys.new))).map(
    (a) => `${a.kind} ${a.old?.article.num ?? '-'}>${a.new?.article.num ?? '-'}`,
  );

describe('alignArticles', () => {
  it('reports identical drafts as unchanged pairs matched by number', () => {
    const doc = buildDoc(numbered(['scope', 'terms', 'rights']));
    const result = alignArticles(doc, doc);
    expect(result.map((a) => [a.kind, a.matchedBy, a.similarity])).toEqual([
      ['unchanged', 'number', 1],
      ['unchanged', 'number', 1],
      ['unchanged', 'number', 1],
    ]);
  });

  it('pairs an article moved ahead of two others by text, and the two it passed as renumbered', () => {
    expect(
      describeAlignment({
        old: ['scope', 'terms', 'rights', 'sovereignty', 'access', 'interference', 'misuse'],
        new: ['scope', 'terms', 'rights', 'sovereignty', 'misuse', 'access', 'interference'],
      }),
    ).toEqual(['unchanged 1>1', 'unchanged 2>2', 'unchanged 3>3', 'unchanged 4>4', 'renumbered 7>5', 'renumbered 5>6', 'renumbered 6>7']);
  });

  it('shows a new article 5 as added and old 5, 6 as renumbered to 6, 7', () => {
    const oldDoc = buildDoc(numbered(['scope', 'terms', 'rights', 'sovereignty', 'access', 'interference']));
    const newDoc = buildDoc(numbered(['scope', 'terms', 'rights', 'sovereignty', 'misuse', 'access', 'interference']));
    const result = alignArticles(oldDoc, newDoc);
    expect(result.map((a) => `${a.kind} ${a.old?.article.num ?? '-'}>${a.new?.article.num ?? '-'}`)).toEqual([
      'unchanged 1>1', 'unchanged 2>2', 'unchanged 3>3', 'unchanged 4>4', 'added ->5', 'renumbered 5>6', 'renumbered 6>7',
    ]);
    expect(result[5]?.matchedBy).toBe('heading');
    expect(result[4]?.similarity).toBe(0);
  });

  it('shows an article deleted inside a run as removed, in its old place', () => {
    expect(
      describeAlignment({
        old: ['scope', 'terms', 'rights', 'sovereignty', 'access', 'interference'],
        new: ['scope', 'terms', 'sovereignty', 'access', 'interference'],
      }),
    ).toEqual(['unchanged 1>1', 'unchanged 2>2', 'removed 3>-', 'renumbered 4>3', 'renumbered 5>4', 'renumbered 6>5']);
  });

  it('pairs a renumbered article by text when its heading changed too', () => {
    const oldDoc = buildDoc(numbered(['scope', 'rights']));
    const newDoc = buildDoc([
      { ...TEXTS.terms, num: '1' },
      { ...TEXTS.scope, num: '2', heading: 'Application' },
      { ...TEXTS.rights, num: '3' },
    ] as ArticleSpec[]);
    const result = alignArticles(oldDoc, newDoc);
    expect(result.map((a) => [a.kind, a.matchedBy])).toEqual([
      ['added', 'none'], ['renumbered', 'text'], ['renumbered', 'heading'],
    ]);
  });

  it("pairs '6 bis' with '6bis' by number", () => {
    const oldDoc = buildDoc([{ ...(TEXTS.scope as ArticleSpec), num: '6 bis' }]);
    const newDoc = buildDoc([{ ...(TEXTS.scope as ArticleSpec), num: '6bis' }]);
    expect(alignArticles(oldDoc, newDoc).map((a) => [a.kind, a.matchedBy])).toEqual([['unchanged', 'number']]);
  });

  it('keeps a same-number pair whose wording changed as modified', () => {
    const oldDoc = buildDoc(numbered(['scope', 'rights']));
    const newDoc = buildDoc([
      { ...(TEXTS.scope as ArticleSpec), num: '1' },
      { ...(TEXTS.rights as ArticleSpec), num: '2', text: (TEXTS.rights?.text ?? '').replace('shall ensure', 'should, where appropriate, ensure') },
    ]);
    const result = alignArticles(oldDoc, newDoc);
    expect(result.map((a) => a.kind)).toEqual(['unchanged', 'modified']);
    expect(result[1]?.similarity).toBeGreaterThan(0.7);
    expect(result[1]?.similarity).toBeLessThan(1);
  });

  it('reports an article that moved to another chapter as moved', () => {
    const oldDoc = buildDoc([
      { chapter: 'I', heading: 'General provisions', articles: numbered(['scope', 'rights']) },
      { chapter: 'II', heading: 'Criminalization', articles: numbered(['access', 'interference'], 3) },
    ]);
    const newDoc = buildDoc([
      { chapter: 'I', heading: 'General provisions', articles: numbered(['scope']) },
      { chapter: 'II', heading: 'Criminalization', articles: [...numbered(['rights'], 2), ...numbered(['access', 'interference'], 3)] },
    ]);
    expect(alignArticles(oldDoc, newDoc).map((a) => a.kind)).toEqual(['unchanged', 'moved', 'unchanged', 'unchanged']);
  });

  it('does not pair two unrelated articles that share a number', () => {
    const oldDoc = buildDoc(numbered(['scope', 'access']));
    const newDoc = buildDoc(numbered(['scope', 'sovereignty']));
    expect(alignArticles(oldDoc, newDoc).map((a) => `${a.kind} ${a.old?.article.num ?? '-'}>${a.new?.article.num ?? '-'}`)).toEqual([
      'unchanged 1>1', 'removed 2>-', 'added ->2',
    ]);
  });

  // Speed is measured by npm run bench (the 1,000-page pair), not by a timer here.
  it('aligns 1000 articles with 10 inserted: 10 added, the rest renumbered, none removed', () => {
    const vocabulary = 'state party shall adopt measures data computer system offence access court order review authority traffic content preservation request assistance'.split(' ');
    const article = (k: number): ArticleSpec => ({
      num: '',
      heading: `Heading ${k}`,
      text: Array.from({ length: 60 }, (_, w) => (w % 5 === 0 ? `term${k}x${w}` : vocabulary[(k * 7 + w * 3) % vocabulary.length])).join(' '),
    });
    const oldSpecs = Array.from({ length: 1000 }, (_, k) => ({ ...article(k), num: String(k + 1) }));
    const newSpecs: ArticleSpec[] = [];
    for (let k = 0; k < 1000; k++) {
      if (k % 100 === 50) newSpecs.push(article(5000 + k));
      newSpecs.push(article(k));
    }
    newSpecs.forEach((s, k) => (s.num = String(k + 1)));
    const result = alignArticles(buildDoc(oldSpecs), buildDoc(newSpecs));
    expect(result.filter((a) => a.kind === 'added')).toHaveLength(10);
    expect(result.filter((a) => a.kind === 'removed')).toHaveLength(0);
    expect(result.filter((a) => a.kind === 'renumbered')).toHaveLength(950);
  });

  it('takes a chapter renamed in place, or renumbered under its heading, for the same chapter: not moved', () => {
    const art = (num: string) => ({ num, heading: `Heading ${num}`, text: `Each Party shall adopt the measures of article ${num} on the matter it names.` });
    const oldDoc = buildDoc([
      { chapter: '1', heading: 'Post-market monitoring', articles: [art('61')] },
      { chapter: '2', heading: 'Sharing of information on incidents and malfunctioning', articles: [art('62')] },
    ]);
    const renamed = buildDoc([
      { chapter: '1', heading: 'Post-market monitoring', articles: [art('61')] },
      { chapter: '2', heading: 'Sharing of information on serious incidents', articles: [art('62')] },
    ]);
    expect(alignArticles(oldDoc, renamed).map((a) => a.kind)).toEqual(['unchanged', 'unchanged']);
    const renumbered = buildDoc([
      { chapter: '1', heading: 'Definitions', articles: [art('60')] },
      { chapter: '2', heading: 'Post-market monitoring', articles: [art('61')] },
      { chapter: '3', heading: 'Sharing of information on incidents and malfunctioning', articles: [art('62')] },
    ]);
    expect(alignArticles(oldDoc, renumbered).map((a) => a.kind)).toEqual(['added', 'unchanged', 'unchanged']);
    // Another number and another heading: another chapter.
    const elsewhere = buildDoc([
      { chapter: '1', heading: 'Post-market monitoring', articles: [art('61'), art('62')] },
    ]);
    expect(alignArticles(oldDoc, elsewhere).map((a) => a.kind)).toEqual(['unchanged', 'moved']);
  });
});

