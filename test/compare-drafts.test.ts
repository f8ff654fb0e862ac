import { describe, expect, it } from 'vitest';
import { compareDrafts } from '../src/compare.js';
import type { ArticleDiff, TreatyDiff } from '../src/types.js';
import { buildDoc, markup, type ArticleSpec } from './compare-build-doc.js';

const SCOPE: ArticleSpec = { num: '1', heading: 'Scope of application', text: 'This Convention shall apply to the prevention, investigation and prosecution of the offences established in accordance with this Convention.' };
const TERMS: ArticleSpec = { num: '2', heading: 'Use of terms', text: 'For the purposes of this Convention, "electronic data" means any representation of facts, information or concepts in a form suitable for processing.' };
const SAFEGUARDS: ArticleSpec = {
  num: '3',
  heading: 'Conditions and safeguards',
  paragraphs: [
    'Each State Party shall ensure that the powers and procedures provided for in this chapter are subject to judicial or other independent review.',
    'Such measures shall respect the principle of proportionality and protect personal data.',
  ],
};
const PRODUCTION: ArticleSpec = {
  num: '4',
  heading: 'Production order',
  paragraphs: [
    'Each State Party shall adopt such legislative measures as may be necessary to empower its competent authorities to order a person to submit specified electronic data in the course of specific criminal investigations.',
    'The powers in this article shall apply to serious offences.',
  ],
};
const COOPERATION: ArticleSpec = { num: '5', heading: 'General principles of cooperation', text: 'States Parties shall cooperate with each other for the purpose of investigations concerning offences established in accordance with this Convention, as provided in article 3 and article 4.' };
const REMEDIES: ArticleSpec = { num: '6', heading: 'Remedies', text: 'Any person whose rights have been violated by measures taken under this Convention shall have access to an effective remedy.' };

const BASE = [SCOPE, TERMS, SAFEGUARDS, PRODUCTION, COOPERATION, REMEDIES];

const edit = (spec: ArticleSpec, change: Partial<ArticleSpec>): ArticleSpec => ({ ...spec, ...change });
const codes = (a: ArticleDiff | undefined) => (a?.findings ?? []).map((f) => f.topic === undefined ? f.code : `${f.code}:${f.topic}`);
const article = (diff: TreatyDiff, num: string) => diff.articles.find((a) => (a.new?.num ?? a.old?.num) === num);

describe('compareDrafts', () => {
  it('reports identical drafts as unchanged with no findings, headings naming topics notwithstanding', () => {
    const diff = compareDrafts(buildDoc(BASE, 'old.txt'), buildDoc(BASE, 'new.txt'));
    expect(diff.summary).toEqual({ articles: { unchanged: 6 }, findings: {} });
    expect(diff.findings).toEqual([]);
    expect(diff.old.path).toBe('old.txt');
    expect(diff.new.articles).toBe(6);
    expect(article(diff, '6')?.topics).toEqual(['safeguard']);
    expect(article(diff, '4')?.topics).toEqual(['safeguard', 'power']);
  });

  it('reads shall -> may in a safeguard paragraph as a weakened safeguard and a modal shift', () => {
    const newDoc = buildDoc(BASE.map((s) => (s === SAFEGUARDS ? edit(s, { paragraphs: [(s.paragraphs?.[0] as string).replace('shall ensure', 'may ensure'), s.paragraphs?.[1] as string] }) : s)));
    const diff = compareDrafts(buildDoc(BASE), newDoc);
    const art = article(diff, '3');
    expect(art?.kind).toBe('modified');
    expect(codes(art)).toEqual(['article-modified', 'modal-shift:judicial-review', 'safeguard-weakened:judicial-review']);
    const weakened = art?.findings.find((f) => f.code === 'safeguard-weakened');
    expect(weakened?.at).toBe('art_3__para_1');
    expect(weakened?.evidence.old).toContain('shall ensure');
    expect(weakened?.evidence.new).toContain('may ensure');
    expect(weakened?.severity).toBe('high');
    expect(weakened?.message).toContain('safeguard weakened (judicial-review)');
    expect(art?.provisions.map((p) => `${p.id} ${p.kind}`)).toEqual(['art_3__heading unchanged', 'art_3__para_1 modified', 'art_3__para_2 unchanged']);
    expect(markup(art?.provisions[1]?.ops ?? [])).toBe(
      'Each State Party <del>shall</del><ins>may</ins> ensure that the powers and procedures provided for in this chapter are subject to judicial or other independent review.',
    );
    expect(diff.summary.findings).toEqual({ 'safeguard-weakened': 1, 'article-modified': 1, 'modal-shift': 1 });
    expect(Object.keys(diff.summary.findings)).toEqual(['safeguard-weakened', 'article-modified', 'modal-shift']);
  });

  it('reads a deleted review requirement as a removed safeguard, and a deleted phrase whose topic remains as weakened', () => {
    const newDoc = buildDoc(BASE.map((s) => (s === SAFEGUARDS ? edit(s, { paragraphs: [
      'Each State Party shall ensure that the powers and procedures provided for in this chapter are subject to its domestic law.',
      'Such measures shall respect the principle of proportionality.',
    ] }) : s)));
    const art = article(compareDrafts(buildDoc(BASE), newDoc), '3');
    expect(codes(art)).toEqual([
      'article-modified',
      'qualifier-added:judicial-review',
      'safeguard-weakened:judicial-review',
      'safeguard-removed:judicial-review',
      'safeguard-removed:data-protection',
    ]);
    const removed = art?.findings.find((f) => f.code === 'safeguard-removed');
    // Evidence is the changed phrase with its clause, cut at word boundaries about six words before the change.
    expect(removed?.evidence).toEqual({
      old: '...for in this chapter are subject to judicial or other independent review.',
      new: '...for in this chapter are subject to its domestic law.',
    });
  });

  it('reads a widened scope in a power article as an expanded power and a hedge as narrowing it', () => {
    const newDoc = buildDoc(BASE.map((s) => (s === PRODUCTION ? edit(s, { paragraphs: [
      'Each State Party shall, where appropriate, adopt such legislative measures as may be necessary to empower its competent authorities to order a person to submit specified electronic data in the course of specific criminal investigations.',
      'The powers in this article shall apply to any criminal offence.',
    ] }) : s)));
    const art = article(compareDrafts(buildDoc(BASE), newDoc), '4');
    expect(codes(art)).toEqual([
      'article-modified',
      'qualifier-added:production-order',
      'power-narrowed:production-order',
      'power-expanded:production-order',
    ]);
    expect(art?.findings.map((f) => f.at)).toEqual(['art_4', 'art_4__para_1', 'art_4__para_1', 'art_4__para_2']);
    expect(art?.findings[3]?.evidence).toEqual({ old: 'The powers in this article shall apply to serious offences.', new: 'The powers in this article shall apply to any criminal offence.' });
  });

  it('reports an inserted article as added, later ones as renumbered, and references that followed as reference updates only', () => {
    const inserted: ArticleSpec = { num: '4', heading: 'Interception of content data', text: 'Each State Party shall empower its competent authorities to collect or record, in real time, content data of specified communications.' };
    const renumber = (s: ArticleSpec, num: string): ArticleSpec => ({ ...s, num });
    const newDoc = buildDoc([
      SCOPE, TERMS, SAFEGUARDS, inserted,
      renumber(PRODUCTION, '5'),
      renumber(edit(COOPERATION, { text: (COOPERATION.text ?? '').replace('article 4', 'article 5') }), '6'),
      renumber(REMEDIES, '7'),
    ]);
    const diff = compareDrafts(buildDoc(BASE), newDoc);
    expect(diff.articles.map((a) => `${a.kind} ${a.old?.num ?? '-'}>${a.new?.num ?? '-'}`)).toEqual([
      'unchanged 1>1', 'unchanged 2>2', 'unchanged 3>3', 'added ->4', 'renumbered 4>5', 'renumbered 5>6', 'renumbered 6>7',
    ]);
    expect(codes(article(diff, '4'))).toEqual(['article-added', 'power-added:real-time-traffic-data', 'power-added:interception']);
    const cooperation = article(diff, '6');
    expect(codes(cooperation)).toEqual(['article-renumbered']);
    expect(cooperation?.referenceUpdates).toEqual([{ old: 'article 3 and article 4', new: 'article 3 and article 5' }]);
    expect(cooperation?.provisions.map((p) => [p.kind, p.referenceOnly])).toEqual([['unchanged', undefined], ['modified', true]]);
    expect(markup(cooperation?.provisions[1]?.ops ?? [])).toContain('article 3 and article <del>4</del><ins>5</ins>.');
    expect(codes(article(diff, '5'))).toEqual(['article-renumbered']);
    expect(diff.summary.articles).toEqual({ unchanged: 3, renumbered: 3, added: 1 });
  });

  it('reports a removed article with the safeguards it carried, at its old position', () => {
    const diff = compareDrafts(buildDoc(BASE), buildDoc(BASE.filter((s) => s !== REMEDIES)));
    expect(diff.articles.at(-1)?.kind).toBe('removed');
    expect(codes(article(diff, '6'))).toEqual(['article-removed', 'safeguard-removed:remedies']);
    const removed = diff.findings.at(-1);
    expect(removed?.pages).toEqual({ old: [1, 1] });
    expect(removed?.evidence.new).toBeUndefined();
    expect(removed?.evidence.old).toContain('have access to an effective remedy.');
  });

  it('shows one inserted paragraph as added without touching the others', () => {
    const newDoc = buildDoc(BASE.map((s) => (s === SAFEGUARDS ? edit(s, { paragraphs: [
      s.paragraphs?.[0] as string,
      'Each State Party shall notify the persons concerned of the measures taken.',
      s.paragraphs?.[1] as string,
    ] }) : s)));
    const art = article(compareDrafts(buildDoc(BASE), newDoc), '3');
    expect(art?.provisions.map((p) => `${p.oldId ?? '-'}>${p.newId ?? '-'} ${p.kind}`)).toEqual([
      'art_3__heading>art_3__heading unchanged',
      'art_3__para_1>art_3__para_1 unchanged',
      '->art_3__para_2 added',
      'art_3__para_2>art_3__para_3 unchanged',
    ]);
    expect(codes(art)).toEqual(['article-modified', 'safeguard-added:notice']);
  });

  it('reports a resolved bracketed alternative', () => {
    const oldDoc = buildDoc([edit(REMEDIES, { text: 'Any person whose rights have been violated [shall][may] have access to an effective remedy.' })]);
    const newDoc = buildDoc([edit(REMEDIES, { text: 'Any person whose rights have been violated shall have access to an effective remedy.' })]);
    const art = compareDrafts(oldDoc, newDoc).articles[0];
    expect(codes(art)).toEqual(['article-modified', 'brackets-resolved', 'modal-shift:remedies', 'safeguard-strengthened:remedies']);
  });

  it('limits the report to the articles asked for, by old or new number', () => {
    const newDoc = buildDoc([SCOPE, TERMS, SAFEGUARDS, { ...PRODUCTION, num: '4 bis' }, COOPERATION, REMEDIES]);
    const diff = compareDrafts(buildDoc(BASE), newDoc, { articles: ['4bis', '1'] });
    expect(diff.articles.map((a) => a.new?.num)).toEqual(['1', '4 bis']);
    expect(diff.findings.map((f) => f.code)).toEqual(['article-renumbered']);
  });

  it('carries both drafts\' warnings with their side and is deterministic', () => {
    const oldDoc = buildDoc(BASE);
    oldDoc.warnings.push({ code: 'empty-page', page: 3, message: 'page 3 is empty' });
    const newDoc = buildDoc(BASE.map((s) => (s === REMEDIES ? edit(s, { text: 'Any person shall have access to a remedy.' }) : s)));
    const first = compareDrafts(oldDoc, newDoc);
    expect(first.warnings.map((w) => [w.code, w.draft])).toEqual([['empty-page', 'old']]);
    expect(JSON.stringify(compareDrafts(oldDoc, newDoc))).toBe(JSON.stringify(first));
  });
});
