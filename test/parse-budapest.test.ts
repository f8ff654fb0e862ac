// Parsing the Budapest Convention (Markdown corpus text) into its full structure.

import { describe, expect, it } from 'vitest';
import { extractText } from '../src/extract/text.js';
import { checkCoverage } from '../src/parse/coverage.js';
import { parseDocument } from '../src/parse/parse-document.js';
import { listArticles, listNodes } from '../src/parse/walk.js';
import type { TreatyNode } from '../src/types.js';
import { corpusArticleHeadings, readCorpus } from './helpers/corpus.js';

const source = { path: 'budapest-convention-ets185-2001.md', sha256: '0'.repeat(64), format: 'text' as const };
const doc = parseDocument(extractText(readCorpus(), source));
const articles = listArticles(doc).map((a) => a.article);
const article = (num: string): TreatyNode => articles.find((a) => a.num === num)!;
const ids = (nodes: TreatyNode[]): string[] => nodes.map((n) => n.id);

describe('Budapest Convention as a Markdown draft', () => {
  it('finds all 48 articles, numbered 1 to 48, with the headings printed in the text', () => {
    expect(articles.map((a) => a.num)).toEqual(Array.from({ length: 48 }, (_, i) => String(i + 1)));
    const headings = corpusArticleHeadings();
    expect(headings.size).toBe(48);
    for (const a of articles) expect(a.heading, `article ${a.num}`).toBe(headings.get(a.num!));
  });

  it('reads exact headings of articles 1, 15, 21, 35 and 48', () => {
    expect(article('1').heading).toBe('Definitions');
    expect(article('15').heading).toBe('Conditions and safeguards');
    expect(article('21').heading).toBe('Interception of content data');
    expect(article('35').heading).toBe('24/7 Network');
    expect(article('48').heading).toBe('Notification');
    expect(article('15').id).toBe('art_15');
  });

  it('nests 4 chapters, their sections and titles', () => {
    const chapters = doc.nodes.filter((n) => n.kind === 'chapter');
    expect(ids(chapters)).toEqual(['chp_1', 'chp_2', 'chp_3', 'chp_4']);
    expect(chapters.map((c) => c.num)).toEqual(['I', 'II', 'III', 'IV']);
    expect(chapters.map((c) => c.heading)).toEqual([
      'USE OF TERMS',
      'MEASURES TO BE TAKEN AT THE NATIONAL LEVEL',
      'INTERNATIONAL CO-OPERATION',
      'FINAL PROVISIONS',
    ]);
    const [chp1, chp2, chp3, chp4] = chapters as [TreatyNode, TreatyNode, TreatyNode, TreatyNode];
    expect(ids(chp1.children)).toEqual(['art_1']);
    expect(ids(chp2.children)).toEqual(['chp_2__sec_1', 'chp_2__sec_2', 'chp_2__sec_3']);
    expect(chp2.children.map((s) => s.heading)).toEqual(['SUBSTANTIVE CRIMINAL LAW', 'PROCEDURAL LAW', 'JURISDICTION']);
    expect(ids(chp2.children[0]!.children)).toEqual([1, 2, 3, 4, 5].map((t) => `chp_2__sec_1__title_${t}`));
    const procedural = chp2.children[1]!;
    expect(procedural.children).toHaveLength(5);
    expect(procedural.children[0]!.heading).toBe('COMMON PROVISIONS');
    expect(ids(procedural.children[0]!.children)).toEqual(['art_14', 'art_15']);
    expect(ids(procedural.children[4]!.children)).toEqual(['art_20', 'art_21']);
    expect(ids(chp2.children[2]!.children)).toEqual(['art_22']);
    expect(ids(chp3.children)).toEqual(['chp_3__sec_1', 'chp_3__sec_2']);
    expect(ids(chp3.children[1]!.children)).toEqual(['chp_3__sec_2__title_1', 'chp_3__sec_2__title_2', 'chp_3__sec_2__title_3']);
    expect(chp4.children.map((a) => a.num)).toEqual(Array.from({ length: 13 }, (_, i) => String(36 + i)));
  });

  it('gives every article its enclosing containers', () => {
    const art21 = listArticles(doc).find((a) => a.article.num === '21')!;
    expect(ids(art21.ancestors)).toEqual(['chp_2', 'chp_2__sec_2', 'chp_2__sec_2__title_5']);
  });

  it('reads the preamble: title, opening words, recitals and formula', () => {
    const preamble = doc.nodes[0]!;
    expect(preamble.kind).toBe('preamble');
    expect(preamble.heading).toBe('Convention on Cybercrime (ETS No. 185, Budapest, 23 November 2001)');
    expect(doc.metadata.title).toBe(preamble.heading);
    expect(preamble.text).toBe('The member States of the Council of Europe and the other States signatory hereto,');
    const recitals = preamble.children.filter((c) => c.kind === 'recital');
    // Considering, Recognising, Convinced, Conscious, Concerned, Recognising, Believing, Convinced,
    // Mindful, Mindful also, Considering, Taking into account, Welcoming, Recalling, Having regard, Having also regard.
    expect(recitals.map((r) => r.text.split(' ')[0])).toEqual([
      'Considering', 'Recognising', 'Convinced', 'Conscious', 'Concerned', 'Recognising', 'Believing', 'Convinced',
      'Mindful', 'Mindful', 'Considering', 'Taking', 'Welcoming', 'Recalling', 'Having', 'Having',
    ]);
    expect(recitals[0]!.id).toBe('preamble__recital_1');
    expect(recitals[0]!.text).toBe('Considering that the aim of the Council of Europe is to achieve a greater unity between its members;');
    const formula = preamble.children.at(-1)!;
    expect(formula).toMatchObject({ kind: 'formula', id: 'preamble__formula', text: 'Have agreed as follows:' });
  });

  it('splits article 15 into paragraphs 1 to 3', () => {
    const a15 = article('15');
    expect(a15.text).toBe('');
    expect(a15.children.map((c) => [c.kind, c.num, c.id])).toEqual([
      ['paragraph', '1.', 'art_15__para_1'],
      ['paragraph', '2.', 'art_15__para_2'],
      ['paragraph', '3.', 'art_15__para_3'],
    ]);
    expect(a15.children[2]!.text).toMatch(/^To the extent that it is consistent with the public interest/);
  });

  it('reads article 1: intro, subparagraphs a to d, points (i) and (ii) under c', () => {
    const a1 = article('1');
    expect(a1.text).toBe('For the purposes of this Convention:');
    expect(a1.children.map((c) => c.num)).toEqual(['a)', 'b)', 'c)', 'd)']);
    expect(ids(a1.children)).toEqual(['art_1__subpara_a', 'art_1__subpara_b', 'art_1__subpara_c', 'art_1__subpara_d']);
    const c = a1.children[2]!;
    expect(c.text).toBe('"service provider" means:');
    expect(c.children.map((p) => [p.kind, p.num, p.id])).toEqual([
      ['point', '(i)', 'art_1__subpara_c__point_i'],
      ['point', '(ii)', 'art_1__subpara_c__point_ii'],
    ]);
    expect(a1.children[3]!.children).toEqual([]);
  });

  it('keeps "a.i" in running text as text, and reads points under a numbered paragraph', () => {
    const para1 = article('6').children[0]!;
    expect(para1.children.map((c) => c.num)).toEqual(['a)', 'b)']);
    expect(para1.children[1]!.text).toContain('paragraphs a.i or ii above');
    expect(ids(para1.children[0]!.children)).toEqual(['art_6__para_1__subpara_a__point_i', 'art_6__para_1__subpara_a__point_ii']);
  });

  it('reads a paragraph number standing alone with its subparagraphs below (article 35, paragraph 2)', () => {
    const para2 = article('35').children[1]!;
    expect(para2).toMatchObject({ num: '2.', text: '' });
    expect(para2.children.map((c) => c.num)).toEqual(['a)', 'b)']);
    expect(para2.children[0]!.text).toMatch(/^A Party's point of contact shall/);
  });

  it('puts the testimonium in the final text', () => {
    const conclusions = doc.nodes.at(-1)!;
    expect(conclusions.kind).toBe('conclusions');
    expect(conclusions.id).toBe('conclusions');
    expect(conclusions.text).toMatch(/^IN WITNESS WHEREOF the undersigned/);
    expect(conclusions.text).toContain('DONE at Budapest, this 23rd day of November 2001');
  });

  it('places every line exactly once, with nothing unplaced and no warnings', () => {
    expect(checkCoverage(doc)).toEqual({ missing: [], duplicated: [] });
    expect(doc.unplaced).toEqual([]);
    expect(doc.warnings).toEqual([]);
    expect(new Set(listNodes(doc).map((n) => n.id)).size).toBe(listNodes(doc).length);
  });
});
