// Roman-numbered articles (`ARTICLE IV. TITLE`, `Article IV` over its title, `Section 1` inside articles): parse and comparison, on the fixtures/pairs/roman PDFs through the CLI and on small text drafts.

import { describe, expect, it } from 'vitest';
import { compareDrafts } from '../src/compare.js';
import { extractText } from '../src/extract/text.js';
import { rewriteReferences } from '../src/align/cross-references.js';
import { articleKey } from '../src/parse/ids.js';
import { matchArticleHeading } from '../src/parse/patterns.js';
import { parseDocument } from '../src/parse/parse-document.js';
import { listArticles } from '../src/parse/walk.js';
import type { TreatyDiff, TreatyDocument, TreatyNode } from '../src/types.js';
import { runCli } from './helpers/cli.js';

const OLD = 'fixtures/pairs/roman/old.pdf';
const NEW = 'fixtures/pairs/roman/new.pdf';

const extractJson = (path: string): TreatyDocument => {
  const result = runCli(['extract', path, '--format', 'json', '--no-cache']);
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as TreatyDocument;
};

const textDraft = (text: string): TreatyDocument => parseDocument(extractText(text, { path: 'draft.txt', sha256: 'ab'.repeat(32), format: 'text' }));

const articlesOf = (doc: TreatyDocument) => listArticles(doc).map((a) => a.article);

describe('the Roman-numbered fixture drafts, read by the CLI', () => {
  it('old draft: articles I..XII with their printed headings, in chapters I..III; nothing unplaced', () => {
    const doc = extractJson(OLD);
    expect(articlesOf(doc).map((a) => [a.id, a.num, a.heading ?? null])).toEqual([
      ['art_1', 'I', 'Definitions'],
      ['art_2', 'II', 'ILLEGAL ACCESS'],
      ['art_3', 'III', 'Illegal interception'],
      ['art_4', 'IV', 'DATA INTERFERENCE'],
      ['art_5', 'V', 'System interference'],
      ['art_6', 'VI', 'MISUSE OF DEVICES'],
      ['art_7', 'VII', 'Scope of procedural provisions'],
      ['art_8', 'VIII', 'CONDITIONS AND SAFEGUARDS'],
      ['art_9', 'IX', 'Expedited preservation of stored computer data'],
      ['art_10', 'X', 'EXPEDITED PRESERVATION AND PARTIAL DISCLOSURE OF TRAFFIC DATA'],
      ['art_11', 'XI', 'Production order'],
      ['art_12', 'XII', null],
    ]);
    // Roman-numbered chapters are containers, never articles.
    expect(doc.nodes.filter((n) => n.kind === 'chapter').map((n) => [n.id, n.num])).toEqual([
      ['chp_1', 'I'],
      ['chp_2', 'II'],
      ['chp_3', 'III'],
    ]);
    expect(doc.unplaced).toEqual([]);
    expect(doc.warnings.filter((w) => w.code === 'numbering-gap' || w.code === 'duplicate-article')).toEqual([]);
  });

  it('old draft: `Section 1` / `Section 2` divide articles VIII and XI; points (iv) and (v) stay points', () => {
    const articles = articlesOf(extractJson(OLD));
    const sections = (a: TreatyNode) => a.children.filter((c) => c.kind === 'section').map((s) => [s.id, s.num, s.heading, s.children.map((c) => c.id)]);
    expect(sections(articles[7]!)).toEqual([
      ['art_8__sec_1', '1', 'General conditions', ['art_8__sec_1__para_1']],
      ['art_8__sec_2', '2', 'Supervision and third parties', ['art_8__sec_2__para_2', 'art_8__sec_2__para_3']],
    ]);
    expect(sections(articles[10]!)).toEqual([
      ['art_11__sec_1', '1', 'Orders', ['art_11__sec_1__para_1', 'art_11__sec_1__para_2']],
      ['art_11__sec_2', '2', 'Subscriber information', ['art_11__sec_2__para_3']],
    ]);
    const d = articles[0]!.children.find((c) => c.id === 'art_1__subpara_d')!;
    expect(d.children.map((p) => [p.kind, p.num])).toEqual([
      ['point', '(i)'],
      ['point', '(ii)'],
      ['point', '(iii)'],
      ['point', '(iv)'],
      ['point', '(v)'],
    ]);
  });

  it('new draft: the inserted ARTICLE III and the renumbered rest, XI and XII kept', () => {
    const doc = extractJson(NEW);
    expect(articlesOf(doc).map((a) => `${a.num} ${a.heading ?? ''}`.trim())).toEqual([
      'I Definitions',
      'II ILLEGAL ACCESS',
      'III MISUSE OF IDENTITY INFORMATION',
      'IV Illegal interception',
      'V DATA INTERFERENCE',
      'VI System interference',
      'VII MISUSE OF DEVICES',
      'VIII Scope of procedural provisions',
      'IX CONDITIONS AND SAFEGUARDS',
      'X Expedited preservation of stored computer data',
      'XI Production order',
      'XII',
    ]);
  });

  it('compare: kinds per article, the renumbering, the mapped references and the weakened safeguard', () => {
    const result = runCli([OLD, NEW, '--format', 'json', '--no-cache']);
    const diff = JSON.parse(result.stdout) as TreatyDiff;
    const byOld = (num: string) => diff.articles.find((a) => a.old?.num === num)!;
    const kinds = diff.articles.filter((a) => a.old?.element === undefined && a.new?.element === undefined).map((a) => `${a.old?.num ?? '-'}>${a.new?.num ?? '-'} ${a.kind}`);
    expect(kinds).toEqual([
      'I>I unchanged',
      'II>II unchanged',
      '->III added',
      'III>IV renumbered',
      'IV>V renumbered',
      'V>VI renumbered',
      'VI>VII renumbered',
      'VII>VIII renumbered',
      'VIII>IX renumbered',
      'IX>X renumbered',
      'X>- removed',
      'XI>XI modified',
      'XII>XII modified',
    ]);
    // Ids are the numbers' values: old VIII (art_8) is new IX (art_9).
    expect([byOld('VIII').old!.id, byOld('VIII').new!.id]).toEqual(['art_8', 'art_9']);
    expect(byOld('VI').referenceUpdates).toEqual([{ old: 'Articles II through V', new: 'Articles II through VI' }]);
    expect(byOld('XI').referenceUpdates).toEqual([{ old: 'Articles VII and VIII', new: 'Articles VIII and IX' }]);
    expect(byOld('XI').findings).toEqual([]);
    const weakened = byOld('VIII').findings.find((f) => f.code === 'safeguard-weakened')!;
    expect(weakened.at).toBe('art_9__sec_1__para_1');
    expect(weakened.evidence.old).toContain('shall');
    expect(weakened.evidence.new).toContain('may');
    expect(diff.findings.filter((f) => f.code === 'article-removed').map((f) => f.article)).toEqual([{ old: 'X', id: 'art_10' }]);
  });
});

describe('Roman article numbers on text drafts', () => {
  it('reads `ARTICLE IV. TITLE`, `Article V` over its title and `ARTICLE VI` alone', () => {
    const doc = textDraft('ARTICLE IV. OBLIGATIONS OF MEMBERS\n\nEach member shall co-operate.\n\nArticle V\nThe Fund\n\nThe Fund shall act.\n\nARTICLE VI\n\nThis article has no title.\n');
    expect(articlesOf(doc).map((a) => [a.id, a.num, a.heading ?? null, a.text])).toEqual([
      ['art_4', 'IV', 'OBLIGATIONS OF MEMBERS', 'Each member shall co-operate.'],
      ['art_5', 'V', 'The Fund', 'The Fund shall act.'],
      ['art_6', 'VI', null, 'This article has no title.'],
    ]);
  });

  it('never takes CHAPTER IV, TITLE II, PART III or a point (iv) for an article', () => {
    const doc = textDraft('PART III\n\nCHAPTER IV\n\nTITLE II\n\nARTICLE I. SCOPE\n\n1. This applies to:\n(i) one;\n(ii) two;\n(iii) three; and\n(iv) four.\n');
    expect(articlesOf(doc).map((a) => a.num)).toEqual(['I']);
    expect(listArticles(doc)[0]!.ancestors.map((c) => c.id)).toEqual(['part_3', 'part_3__chp_4', 'part_3__chp_4__title_2']);
    expect(articlesOf(doc)[0]!.children[0]!.children.map((p) => [p.kind, p.num])).toEqual([
      ['point', '(i)'],
      ['point', '(ii)'],
      ['point', '(iii)'],
      ['point', '(iv)'],
    ]);
  });

  it('keeps a `Section 1` between Arabic-numbered articles a container, and a section under a Roman article inside it', () => {
    const arabic = textDraft('Section 1\n\nArticle 1 – Scope\n\nIt applies.\n\nSection 2\n\nArticle 2 – Terms\n\nThey apply.\n');
    expect(listArticles(arabic).map((a) => [a.article.id, a.ancestors.map((c) => c.id)])).toEqual([
      ['art_1', ['sec_1']],
      ['art_2', ['sec_2']],
    ]);
    const roman = textDraft('ARTICLE IV. OBLIGATIONS\n\nSection 1. General obligations\n\nEach member shall co-operate.\n\nSection 2. Stability\n\n1. Each member shall notify.\n\nARTICLE V. THE FUND\n\nThe Fund shall act.\n');
    const [iv, v] = articlesOf(roman);
    expect(iv!.children.map((c) => [c.id, c.heading, c.text, c.children.map((p) => p.id)])).toEqual([
      ['art_4__sec_1', 'General obligations', 'Each member shall co-operate.', []],
      ['art_4__sec_2', 'Stability', '', ['art_4__sec_2__para_1']],
    ]);
    expect(v!.id).toBe('art_5');
  });

  it('a lower-case roman number, a lone C or L, and a reference are no headings', () => {
    expect(matchArticleHeading('Article iv')).toBeUndefined();
    expect(matchArticleHeading('Article C')).toBeUndefined();
    expect(matchArticleHeading('Article IV of the Statute')).toBeUndefined();
    expect(matchArticleHeading('Article XII bis')).toEqual({ num: 'XII bis' });
  });

  it('ids and comparison keys read a roman number as its value', () => {
    expect(['IV', 'XII bis', 'iv', '6 bis', '4a'].map(articleKey)).toEqual(['4', '12bis', '4', '6bis', '4a']);
  });

  it('an inserted ARTICLE III renumbers old III as IV, and "article III" is mapped to "article IV"', () => {
    const oldDoc = textDraft('ARTICLE I. SCOPE\n\nIt applies.\n\nARTICLE II. TERMS\n\nAs used in article III.\n\nARTICLE III. REVIEW\n\nDecisions shall be subject to judicial review.\n');
    const newDoc = textDraft('ARTICLE I. SCOPE\n\nIt applies.\n\nARTICLE II. TERMS\n\nAs used in article IV.\n\nARTICLE III. OFFICERS\n\nEach Party shall appoint officers.\n\nARTICLE IV. REVIEW\n\nDecisions shall be subject to judicial review.\n');
    const diff = compareDrafts(oldDoc, newDoc);
    expect(diff.articles.map((a) => `${a.old?.num ?? '-'}>${a.new?.num ?? '-'} ${a.kind}`)).toEqual(['I>I unchanged', 'II>II modified', '->III added', 'III>IV renumbered']);
    expect(diff.articles[1]!.referenceUpdates).toEqual([{ old: 'article III', new: 'article IV' }]);
    expect(diff.articles[1]!.findings).toEqual([]);
    expect(diff.articles[3]!.findings.map((f) => f.code)).toEqual(['article-renumbered']);
  });

  it('a changed section heading changes the article; --articles IV and 4 name the same article', () => {
    const draft = (heading: string) => textDraft(`ARTICLE IV. OBLIGATIONS\n\nSection 1. ${heading}\n\nEach member shall co-operate.\n\nARTICLE V. THE FUND\n\nThe Fund shall act.\n`);
    const diff = compareDrafts(draft('General obligations'), draft('Specific obligations'));
    expect(diff.articles.map((a) => `${a.old?.num}>${a.new?.num} ${a.kind}`)).toEqual(['IV>IV modified', 'V>V unchanged']);
    expect(diff.articles[0]!.provisions.filter((p) => p.kind !== 'unchanged').map((p) => p.id)).toEqual(['art_4__sec_1__heading']);
    expect(diff.articles[0]!.findings.map((f) => f.code)).toEqual(['article-modified']);
    for (const wanted of ['IV', 'iv', '4']) {
      expect(compareDrafts(draft('A'), draft('B'), { articles: [wanted] }).articles.map((a) => a.new?.num)).toEqual(['IV']);
    }
  });

  it('maps roman references only in capitals: "and c" and "article vi" stay as they are', () => {
    const renumbering = { byKey: new Map<string, string | undefined>([['3', 'IV'], ['6', 'VII'], ['100', 'CI']]), oldOrder: ['3', '6', '100'] };
    expect(rewriteReferences('Articles III and VI, 9.1.a and c, article vi', renumbering)).toEqual({
      text: 'Articles IV and VII, 9.1.a and c, article vi',
      updates: [{ old: 'Articles III and VI', new: 'Articles IV and VII' }],
    });
  });
});
