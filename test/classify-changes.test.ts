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

  it('reports a paragraph moved to another article as text moved, never as a power removed there and added here', () => {
    const moving = 'Each State Party shall oblige the custodian who is to preserve the stored computer data to keep the undertaking of such procedures confidential.';
    const oldSpecs: ArticleSpec[] = [
      { num: '16', heading: 'Expedited preservation', paragraphs: ['Each State Party shall enable the expedited preservation of specified computer data.', moving] },
      { num: '17', heading: 'Partial disclosure', paragraphs: ['Each State Party shall ensure the disclosure of a sufficient amount of traffic data.'] },
    ];
    const newSpecs: ArticleSpec[] = [
      { ...oldSpecs[0]!, paragraphs: [oldSpecs[0]!.paragraphs![0]!] },
      { ...oldSpecs[1]!, paragraphs: [...oldSpecs[1]!.paragraphs!, moving] },
    ];
    const diff = compareDrafts(buildDoc(oldSpecs), buildDoc(newSpecs));
    expect(diff.findings.map((f) => `${f.code}@${f.at}`)).toEqual(['article-modified@art_16', 'text-moved@art_16__para_2', 'article-modified@art_17']);
    expect(diff.findings.find((f) => f.code === 'text-moved')?.moved).toEqual({ from: 'art_16__para_2', to: 'art_17__para_2' });
  });

  it('still reads a repeated formula struck from one article, while it stands in another, as removed there', () => {
    const ground = 'the request concerns an offence which the requested State Party considers a political offence or an offence connected with a political offence.';
    const oldSpecs: ArticleSpec[] = [
      { num: '27', heading: 'Refusal', paragraphs: [`Assistance may be refused if ${ground}`] },
      { num: '29', heading: 'Refusal of preservation', paragraphs: [`Preservation may be refused if ${ground}`] },
    ];
    const newSpecs: ArticleSpec[] = [{ ...oldSpecs[0]!, paragraphs: ['Assistance shall be granted.'] }, oldSpecs[1]!];
    expect(findingCodes(oldSpecs, newSpecs)).toContain('safeguard-removed:grounds-for-refusal');
  });

  it('reads "subject to appropriate safeguards" as a safeguard added, never also as a hedge that weakens it', () => {
    const exception = 'This obligation shall not apply to AI systems authorised by law to detect, prevent, investigate and prosecute criminal offences, unless those systems are available for the public to report a criminal offence.';
    const spec: ArticleSpec = { num: '52', heading: 'Transparency obligations', text: `Providers shall ensure that natural persons are informed that they are interacting with an AI system. ${exception}` };
    const withSafeguards = { ...spec, text: spec.text!.replace('criminal offences, unless', 'criminal offences, subject to appropriate safeguards for the rights and freedoms of third parties, unless') };
    const codes = findingCodes([spec], [withSafeguards]);
    expect(codes).toContain('safeguard-added:conditions-and-safeguards');
    expect(codes.filter((c) => c.startsWith('safeguard-weakened') || c.startsWith('qualifier-added'))).toEqual([]);
  });

  it('reads a new law-enforcement carve-out as a weakened safeguard and a widened list of objectives as an expanded power', () => {
    const logs: ArticleSpec = { num: '29', heading: 'Obligations of users', text: 'Users shall inform the provider of any serious incident and interrupt the use of the AI system.' };
    const carved = { ...logs, text: `${logs.text} This obligation shall not cover sensitive operational data of users which are law enforcement authorities.` };
    expect(findingCodes([logs], [carved])).toContain('safeguard-weakened:exemption');
    const rbi: ArticleSpec = {
      num: '5',
      heading: 'Prohibited practices',
      paragraphs: [{ text: "the use of 'real-time' remote biometric identification systems in publicly accessible spaces for the purpose of law enforcement, unless strictly necessary for one of the following objectives:", points: ['the prevention of a specific, substantial and imminent threat to the life or physical safety of natural persons;'] }],
    };
    const widened = { ...rbi, paragraphs: [{ ...(rbi.paragraphs![0] as { text: string; points: string[] }), points: ['the prevention of a specific and substantial threat to the critical infrastructure, life, health or physical safety of natural persons;'] }] };
    const diff = compareDrafts(buildDoc([rbi]), buildDoc([widened]));
    const expanded = diff.findings.find((f) => f.code === 'power-expanded');
    expect(expanded?.topic).toBe('biometric-identification');
    expect(expanded?.evidence.new).toContain('critical infrastructure');
  });

  it('makes no power of "preserve" outside data or evidence (providers preserving intellectual property rights)', () => {
    const coop: ArticleSpec = { num: '4b', heading: 'General purpose AI systems', text: 'Providers shall cooperate with other providers.' };
    const preserving = { ...coop, text: `${coop.text} Such cooperation shall preserve intellectual property rights and trade secrets.` };
    expect(findingCodes([coop], [preserving]).filter((c) => c.startsWith('power-'))).toEqual([]);
    const keeping = { ...coop, text: `${coop.text} Providers shall preserve the stored computer data for 90 days.` };
    expect(findingCodes([coop], [keeping])).toContain('power-added:preservation');
  });

  it('sees through a deleted point and the points relettered after it: one removed, the rest paired by text, not by letter', () => {
    // A list of alike items, the relettered ones touched up (";" -> " and", ";" -> "."): matched by letter,
    // (b) would read as modified into the old (c) and the old (c) as removed.
    const points = ['Regulation (EC) 300/2008;', 'Regulation (EU) No 167/2013;', 'Regulation (EU) No 168/2013;', 'Directive 2014/90/EU;', 'Directive (EU) 2016/797;'];
    const spec = (list: string[]): ArticleSpec => ({ num: '2', heading: 'Scope', paragraphs: [{ text: 'Only Article 84 shall apply to the following acts:', points: list }] });
    const relettered = [points[0]!, points[2]!.replace(';', ' and'), points[3]!, points[4]!.replace(';', '.')];
    const diff = compareDrafts(buildDoc([spec(points)]), buildDoc([spec(relettered)]));
    const kinds = diff.articles[0]?.provisions.filter((p) => p.id.includes('subpara')).map((p) => `${p.oldId ?? '-'}>${p.newId ?? '-'} ${p.kind}`);
    expect(kinds).toEqual([
      'art_2__para_1__subpara_a>art_2__para_1__subpara_a unchanged',
      'art_2__para_1__subpara_b>- removed',
      'art_2__para_1__subpara_c>art_2__para_1__subpara_b modified',
      'art_2__para_1__subpara_d>art_2__para_1__subpara_c unchanged',
      'art_2__para_1__subpara_e>art_2__para_1__subpara_d modified',
    ]);
  });

  it('warns when a provision diff ran out of time and says which coarser diff was used', () => {
    const long = (seed: number): string => Array.from({ length: 3000 }, (_, k) => `w${(k * seed) % 991}`).join(' ');
    const diff = compareDrafts(buildDoc([{ num: '1', text: `${long(7)}.` }]), buildDoc([{ num: '1', text: `${long(11)}.` }]), { diffTimeoutMs: 0 });
    expect(diff.warnings.map((w) => [w.code, w.at])).toContainEqual(['diff-fallback', 'art_1']);
    expect(diff.articles[0]?.provisions.find((p) => p.id === 'art_1')?.fallback).toBeDefined();
  });
});
