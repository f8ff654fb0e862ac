// Provisions inside articles (paragraphs, subparagraphs, points, wrap-ups), footnotes, brackets and pages, on synthetic drafts.

import { describe, expect, it } from 'vitest';
import { checkCoverage } from '../src/parse/coverage.js';
import { parseDocument } from '../src/parse/parse-document.js';
import { listArticles } from '../src/parse/walk.js';
import type { BodyLine, ExtractedText, Footnote, TreatyNode } from '../src/types.js';

/**
 * A synthetic draft. Each line is text with layout flags in front: `¶` paragraph break,
 * `^` centred, `~` ends inside a word (joinNext), `@3` on page 3; `refs` maps a line index
 * to the footnote markers that stood in it.
 */
function draft(specs: string[], footnotes: Footnote[] = [], refs: Record<number, string[]> = {}): ExtractedText {
  let page = 1;
  const lines: BodyLine[] = specs.map((spec, index) => {
    const flags = /^([¶^~]|@\d+ )*/.exec(spec)![0];
    const pageFlag = /@(\d+)/.exec(flags);
    if (pageFlag) page = Number(pageFlag[1]);
    return {
      text: spec.slice(flags.length),
      joinNext: flags.includes('~'),
      page,
      centred: flags.includes('^'),
      bold: false,
      breakBefore: flags.includes('¶'),
      footnoteRefs: refs[index] ?? [],
    };
  });
  return { source: { path: 'synthetic.pdf', sha256: '0'.repeat(64), format: 'pdf', pages: page }, metadata: {}, lines, footnotes, furniture: [], warnings: [] };
}

const shape = (node: TreatyNode): unknown => [node.num, node.children.map(shape)];

describe('provision markers', () => {
  it('reads (1) / (a) / (i) forms, with wrapped lines continuing the open provision', () => {
    const [article] = listArticles(
      parseDocument(
        draft([
          '¶Article 2 – Use of terms',
          '¶(1) For the purposes of this Convention:',
          '¶(a) "Data" means any representation of facts,',
          'information or concepts;',
          '¶(b) "Service provider" means:',
          '¶(i) any public entity; and',
          '¶(ii) any other entity;',
          '¶(2) The terms apply throughout.',
        ]),
      ),
    ).map((a) => a.article);
    expect(shape(article!)).toEqual(['2', [['(1)', [['(a)', []], ['(b)', [['(i)', []], ['(ii)', []]]]]], ['(2)', []]]]);
    expect(article!.children[0]!.children[0]!.text).toBe('"Data" means any representation of facts, information or concepts;');
    expect(article!.children[0]!.children[1]!.children[1]!.id).toBe('art_2__para_1__subpara_b__point_ii');
  });

  it('reads an inserted paragraph "2 bis." between 2 and 3', () => {
    const [article] = listArticles(parseDocument(draft(['¶Article 9 – Orders', '¶1. First.', '¶2. Second.', '¶2 bis. Inserted.', '¶3. Third.']))).map((a) => a.article);
    expect(article!.children.map((c) => [c.num, c.id, c.text])).toEqual([
      ['1.', 'art_9__para_1', 'First.'],
      ['2.', 'art_9__para_2', 'Second.'],
      ['2 bis.', 'art_9__para_2bis', 'Inserted.'],
      ['3.', 'art_9__para_3', 'Third.'],
    ]);
  });

  it('opens a paragraph and its first subparagraph from one line "3. (a) ..."', () => {
    const [article] = listArticles(
      parseDocument(draft(['¶Article 14 – Scope', '¶1. Each Party shall act.', '¶2. (a) Each Party may reserve the right', 'to apply the measures;', '¶(b) Where a Party cannot apply them, it may reserve.'])),
    ).map((a) => a.article);
    const para2 = article!.children[1]!;
    expect(para2).toMatchObject({ num: '2.', text: '', lines: [], pages: [1, 1] });
    expect(para2.children.map((c) => [c.id, c.text, c.lines])).toEqual([
      ['art_14__para_2__subpara_a', 'Each Party may reserve the right to apply the measures;', [2, 3]],
      ['art_14__para_2__subpara_b', 'Where a Party cannot apply them, it may reserve.', [4]],
    ]);
  });

  it('reads (i) after (h) as a letter, and (v) after (iv) as a roman point', () => {
    const letters = 'abcdefghij'.split('').map((l) => `¶(${l}) item ${l};`);
    const [article] = listArticles(
      parseDocument(draft(['¶Article 3 – Offences', '¶1. Offences are:', ...letters.slice(0, 1), '¶(i) first;', '¶(ii) second;', '¶(iii) third;', '¶(iv) fourth;', '¶(v) fifth;', ...letters.slice(1)])),
    ).map((a) => a.article);
    const subparagraphs = article!.children[0]!.children;
    expect(subparagraphs.map((s) => s.num)).toEqual(['(a)', '(b)', '(c)', '(d)', '(e)', '(f)', '(g)', '(h)', '(i)', '(j)']);
    expect(subparagraphs[8]!.id).toBe('art_3__para_1__subpara_i');
    expect(subparagraphs[0]!.children.map((p) => p.num)).toEqual(['(i)', '(ii)', '(iii)', '(iv)', '(v)']);
  });

  it('does not take a wrapped "1." or "(a)" inside running text for a marker', () => {
    const [article] = listArticles(
      parseDocument(draft(['¶Article 4 – Reservations', '¶1. A Party may reserve the right not to apply paragraph', '(a) of article 3 in limited circumstances of', '1. such kind as it notifies.'])),
    ).map((a) => a.article);
    expect(article!.children).toHaveLength(1);
    expect(article!.children[0]!.text).toBe('A Party may reserve the right not to apply paragraph (a) of article 3 in limited circumstances of 1. such kind as it notifies.');
  });

  it('accepts the next number without a break when the previous line ends a sentence (page tops)', () => {
    const [article] = listArticles(parseDocument(draft(['¶Article 5 – Scope', '¶1. First paragraph.', '@2 2. Second paragraph.']))).map((a) => a.article);
    expect(article!.children.map((c) => c.num)).toEqual(['1.', '2.']);
    expect(article!.pages).toEqual([1, 2]);
    expect(article!.children[1]!.pages).toEqual([2, 2]);
  });

  it('keeps a closing sentence after a list as the wrap-up of the list parent', () => {
    const [article] = listArticles(
      parseDocument(
        draft([
          '¶Article 6 – Refusal',
          '¶1. Assistance may be refused if:',
          '¶(a) the request concerns a political offence; or',
          '¶(b) execution would prejudice sovereignty.',
          '¶Reasons shall be given for any refusal',
          'of assistance.',
          '¶2. The requested Party may postpone action.',
        ]),
      ),
    ).map((a) => a.article);
    const para1 = article!.children[0]!;
    expect(para1.text).toBe('Assistance may be refused if:');
    expect(para1.children.map((c) => c.num)).toEqual(['(a)', '(b)']);
    expect(para1.wrapUp).toBe('Reasons shall be given for any refusal of assistance.');
    expect(para1.lines).toEqual([1, 4, 5]);
    expect(article!.children[1]!.num).toBe('2.');
  });

  it('continues a provision over a page break even when the page-top line looks indented', () => {
    const [article] = listArticles(
      parseDocument(
        draft([
          '¶Article 14 – Scope',
          '¶1. A Party may reserve the right:',
          '¶(a) to apply the measures only to serious offences; or',
          '¶(b) not to apply these measures to such',
          '@2 ¶communications, provided that it consults the other Parties.',
        ]),
      ),
    ).map((a) => a.article);
    const para1 = article!.children[0]!;
    expect(para1.children.map((c) => c.num)).toEqual(['(a)', '(b)']);
    expect(para1.children[1]!.text).toBe('not to apply these measures to such communications, provided that it consults the other Parties.');
    expect(para1.children[1]!.pages).toEqual([1, 2]);
    expect(para1.wrapUp).toBeUndefined();
  });

  it('joins lines with one space, and without one after a line that ends inside a word', () => {
    const [article] = listArticles(parseDocument(draft(['¶Article 7 – Capacity', '¶~Parties shall support capacity-', '~building and inter', 'national co-operation.']))).map((a) => a.article);
    expect(article!.text).toBe('Parties shall support capacity-building and international co-operation.');
  });

  it('counts brackets on provisions and sums them on the article', () => {
    const [article] = listArticles(
      parseDocument(draft(['¶Article 8 – Production order', '¶1. Each Party [shall][may] order:', '¶(a) a person to submit [specified] data;', '¶[2. This article applies to [all] offences.]'])),
    ).map((a) => a.article);
    const [para1, para2] = article!.children;
    expect(para1!.brackets).toBe(2);
    expect(para1!.children[0]!.brackets).toBe(1);
    expect(para2).toMatchObject({ num: '2.', text: '[This article applies to [all] offences.]', brackets: 2 });
    expect(article!.brackets).toBe(5);
  });
});

describe('footnotes', () => {
  const footnotes: Footnote[] = [
    { marker: '1', text: 'See the explanatory report.', page: 2 },
    { marker: '2', text: 'Proposed by one delegation.', page: 2 },
    { marker: '9', text: 'A note nothing cites.', page: 3 },
  ];
  // Article 10 cites footnote 1 on its last line, at the foot of page 1; the footnote is printed on
  // page 2, under article 11's text, which cites footnote 2 and a marker 7 that has no footnote.
  const doc = parseDocument(
    draft(
      ['¶Article 10 – Data', '¶1. Each Party shall preserve data.', '¶2. Each Party shall disclose', 'traffic data.', '@2 ¶Article 11 – Orders', '¶Each Party shall order production.', '¶It may also search.'],
      footnotes,
      { 3: ['1'], 5: ['2', '7'] },
    ),
  );
  const [art10, art11] = listArticles(doc).map((a) => a.article);

  it('attach to the citing node and its article, not to the page they are printed on', () => {
    expect(art10!.footnotes.map((f) => f.marker)).toEqual(['1']);
    expect(art10!.children[1]!.footnotes.map((f) => f.text)).toEqual(['See the explanatory report.']);
    expect(art10!.children[0]!.footnotes).toEqual([]);
    expect(art11!.footnotes.map((f) => f.marker)).toEqual(['2']);
  });

  it('report footnotes cited nowhere as orphans and markers without a footnote as missing', () => {
    expect(doc.footnotes.map((f) => f.marker)).toEqual(['9']);
    expect(doc.warnings.map((w) => [w.code, w.page])).toEqual([
      ['missing-footnote', 2],
      ['orphan-footnote', 3],
    ]);
    expect(doc.warnings[0]!.at).toBe('art_11');
  });

  it('keep every line covered', () => {
    expect(checkCoverage(doc)).toEqual({ missing: [], duplicated: [] });
    expect(art11!.text).toBe('Each Party shall order production. It may also search.');
  });
});

describe('checkCoverage', () => {
  it('finds lines placed twice or not at all', () => {
    const doc = parseDocument(draft(['¶Article 1 – Scope', '¶It applies.', '¶It applies again.']));
    const article = doc.nodes[0]!;
    article.lines = [0, 1, 1];
    expect(checkCoverage(doc)).toEqual({ missing: [2], duplicated: [1] });
  });
});
