// Heading recognition on synthetic drafts: cross-references at line starts, bis / 4a / upper-case / bracketed headings, containers.

import { describe, expect, it } from 'vitest';
import { checkCoverage } from '../src/parse/coverage.js';
import { parseDocument } from '../src/parse/parse-document.js';
import { listArticles } from '../src/parse/walk.js';
import type { BodyLine, ExtractedText, Footnote } from '../src/types.js';

/**
 * A synthetic draft. Each line is text with layout flags in front: `¶` paragraph break,
 * `^` centred, `*` bold, `~` ends inside a word (joinNext), `@3` on page 3.
 */
function draft(specs: string[], footnotes: Footnote[] = [], refs: Record<number, string[]> = {}): ExtractedText {
  let page = 1;
  const lines: BodyLine[] = specs.map((spec, index) => {
    const flags = /^([¶^*~]|@\d+ )*/.exec(spec)![0];
    const pageFlag = /@(\d+)/.exec(flags);
    if (pageFlag) page = Number(pageFlag[1]);
    return {
      text: spec.slice(flags.length),
      joinNext: flags.includes('~'),
      page,
      centred: flags.includes('^'),
      bold: flags.includes('*'),
      breakBefore: flags.includes('¶'),
      footnoteRefs: refs[index] ?? [],
    };
  });
  return {
    source: { path: 'synthetic.pdf', sha256: '0'.repeat(64), format: 'pdf', pages: page },
    metadata: {},
    lines,
    footnotes,
    furniture: [],
    warnings: [],
  };
}

const articlesOf = (extracted: ExtractedText) => listArticles(parseDocument(extracted)).map((a) => a.article);

describe('cross-references that a line wrap puts at the start of a line', () => {
  const extracted = draft([
    '¶Article 5 – Scope',
    '¶1. Each Party shall apply the powers set out in',
    'Article 16 of this Convention to the offences referred to in',
    'article 24 of this Convention and to those in',
    'Articles 2 through 5.',
    'Article 14, paragraph 2 applies to requests under this article.',
    '¶2. The measures referred to in',
    'Article 16',
    'shall be subject to the conditions of this Convention.',
    '¶Article 6 – Jurisdiction',
    '¶Each Party shall establish jurisdiction.',
  ]);
  const articles = articlesOf(extracted);

  it('start no article', () => {
    expect(articles.map((a) => a.num)).toEqual(['5', '6']);
  });

  it('stay in the running text of the paragraph they wrap into', () => {
    const [para1, para2] = articles[0]!.children;
    expect(para1!.text).toBe(
      'Each Party shall apply the powers set out in Article 16 of this Convention to the offences referred to in article 24 of this Convention and to those in Articles 2 through 5. Article 14, paragraph 2 applies to requests under this article.',
    );
    expect(para2!.text).toBe('The measures referred to in Article 16 shall be subject to the conditions of this Convention.');
    expect(checkCoverage(parseDocument(extracted))).toEqual({ missing: [], duplicated: [] });
  });
});

describe('article headings in their printed variants', () => {
  const extracted = draft([
    '¶^Article 4a – Data interference',
    '¶Each Party shall act.',
    '¶^Article 6 bis',
    '^Misuse of devices',
    '¶Each Party shall act.',
    '¶^ARTICLE 24',
    '^Extradition',
    '¶This article applies to extradition.',
    '¶[Article 17]',
    '¶[Expedited preservation]',
    '¶[Each Party shall preserve data.]',
    '¶[Article 17 bis – Partial disclosure]',
    '¶Each Party shall disclose.',
    '¶Article 18: Production order',
    '¶Each Party shall order.',
  ]);
  const articles = articlesOf(extracted);

  it('reads number and heading as printed, with AKN ids', () => {
    expect(articles.map((a) => [a.num, a.id, a.heading])).toEqual([
      ['4a', 'art_4a', 'Data interference'],
      ['6 bis', 'art_6bis', 'Misuse of devices'],
      ['24', 'art_24', 'Extradition'],
      ['[17]', 'art_17', '[Expedited preservation]'],
      ['[17 bis]', 'art_17bis', 'Partial disclosure'],
      ['18', 'art_18', 'Production order'],
    ]);
  });

  it('counts square brackets over the whole article and keeps them in the text', () => {
    const bracketed = articles[3]!;
    expect(bracketed.text).toBe('[Each Party shall preserve data.]');
    // `[17]`, `[Expedited preservation]`, `[Each Party ...]`
    expect(bracketed.brackets).toBe(3);
    expect(articles[0]!.brackets).toBe(0);
  });
});

describe('a heading on the next line', () => {
  it('is taken when it stands alone, not when it is the first line of running text', () => {
    const articles = articlesOf(
      draft([
        '¶Article 3',
        '¶Each State Party shall adopt such measures as may be',
        'necessary to establish jurisdiction.',
        '¶Article 4',
        '¶Illegal access',
        '¶Each State Party shall act.',
      ]),
    );
    expect(articles[0]!.heading).toBeUndefined();
    expect(articles[0]!.text).toBe('Each State Party shall adopt such measures as may be necessary to establish jurisdiction.');
    expect(articles[1]!.heading).toBe('Illegal access');
  });

  it('may run over two centred lines', () => {
    const [article] = articlesOf(
      draft(['¶^Article 27', '^Procedures pertaining to mutual assistance requests in the absence of', '^applicable international agreements', '¶1. Where there is no treaty, this article applies.']),
    );
    expect(article!.heading).toBe('Procedures pertaining to mutual assistance requests in the absence of applicable international agreements');
    expect(article!.lines).toEqual([0, 1, 2]);
  });

  it('starts a page-top heading that follows a finished sentence', () => {
    const articles = articlesOf(draft(['¶Article 1 – Scope', '¶This Convention applies.', '@2 Article 2 – Definitions', '¶For the purposes of this Convention:']));
    expect(articles.map((a) => a.num)).toEqual(['1', '2']);
    expect(articles[1]!.pages).toEqual([2, 2]);
  });
});

describe('containers', () => {
  const doc = parseDocument(
    draft([
      '¶^Part I – General provisions',
      '¶^Chapter II',
      '^MEASURES AT THE NATIONAL LEVEL',
      '¶^Section 1 – Procedural law',
      '¶^Article 1 – Scope',
      '¶This Convention applies.',
      '¶^CHAPTER III',
      '¶INTERNATIONAL CO-OPERATION',
      '¶^Article 2 – Co-operation',
      '¶Parties shall co-operate.',
      '¶^Part II',
      '¶^Article 3 – Final clause',
      '¶This is the last article.',
    ]),
  );

  it('nest by rank, with headings on the same or the next line', () => {
    const [part1, part2] = doc.nodes;
    expect(part1).toMatchObject({ kind: 'part', id: 'part_1', num: 'I', heading: 'General provisions' });
    expect(part1!.children.map((c) => [c.id, c.heading])).toEqual([
      ['part_1__chp_2', 'MEASURES AT THE NATIONAL LEVEL'],
      ['part_1__chp_3', 'INTERNATIONAL CO-OPERATION'],
    ]);
    expect(part1!.children[0]!.children[0]).toMatchObject({ id: 'part_1__chp_2__sec_1', heading: 'Procedural law' });
    expect(part2).toMatchObject({ kind: 'part', id: 'part_2', num: 'II' });
    expect(part2!.heading).toBeUndefined();
    expect(listArticles(doc).map((a) => a.ancestors.map((c) => c.id))).toEqual([
      ['part_1', 'part_1__chp_2', 'part_1__chp_2__sec_1'],
      ['part_1', 'part_1__chp_3'],
      ['part_2'],
    ]);
  });

  it('do not swallow a cross-reference such as "Chapter II of this Convention"', () => {
    const articles = articlesOf(draft(['¶Article 1 – Scope', '¶The measures in', 'Chapter II of this Convention apply.']));
    expect(articles[0]!.text).toBe('The measures in Chapter II of this Convention apply.');
  });
});

describe('duplicate and skipped article numbers', () => {
  it('gives the second article 5 the id art_5_2 and warns', () => {
    const doc = parseDocument(draft(['¶Article 5 – One', '¶Text one.', '¶Article 5 – Two', '¶Text two.', '¶Article 7 – Three', '¶Text three.']));
    expect(listArticles(doc).map((a) => a.article.id)).toEqual(['art_5', 'art_5_2', 'art_7']);
    expect(doc.warnings.map((w) => [w.code, w.at])).toEqual([
      ['duplicate-article', 'art_5_2'],
      ['numbering-gap', 'art_7'],
    ]);
    expect(doc.warnings[0]!.message).toContain('article 5');
  });
});

describe('front matter and final parts', () => {
  it('reports text before the first article as unplaced when there is no preamble', () => {
    const doc = parseDocument(draft(['^Working paper by the Chair', '¶This paper is not a treaty text.', '¶Article 1 – Scope', '¶It applies.']));
    expect(doc.unplaced).toEqual([
      { text: 'Working paper by the Chair This paper is not a treaty text.', page: 1, lines: [0, 1], reason: 'before the first article' },
    ]);
    expect(doc.warnings.map((w) => w.code)).toEqual(['unplaced-text']);
    expect(checkCoverage(doc)).toEqual({ missing: [], duplicated: [] });
  });

  it('reads a paragraphed preamble with a two-line title, and annexes after the final text', () => {
    const doc = parseDocument(
      draft([
        '^Draft United Nations convention',
        '^against cybercrime',
        '¶The States Parties to this Convention,',
        '¶Considering that technologies have',
        'enabled new offences,',
        '¶Recognizing the need for co-operation,',
        '¶Have agreed as follows:',
        '¶^Article 1 – Scope',
        '¶It applies.',
        '¶In witness whereof, the undersigned have signed this Convention.',
        '¶Done at New York.',
        '¶^Annex I',
        '^Model request form',
        '¶Name of the requesting authority:',
      ]),
    );
    const [preamble, article, conclusions, annex] = doc.nodes;
    expect(preamble).toMatchObject({ kind: 'preamble', heading: 'Draft United Nations convention against cybercrime', text: 'The States Parties to this Convention,', lines: [0, 1, 2] });
    expect(doc.metadata.title).toBe('Draft United Nations convention against cybercrime');
    expect(preamble!.children.map((c) => [c.id, c.text])).toEqual([
      ['preamble__recital_1', 'Considering that technologies have enabled new offences,'],
      ['preamble__recital_2', 'Recognizing the need for co-operation,'],
      ['preamble__formula', 'Have agreed as follows:'],
    ]);
    expect(article!.id).toBe('art_1');
    expect(conclusions).toMatchObject({ kind: 'conclusions', text: 'In witness whereof, the undersigned have signed this Convention. Done at New York.' });
    expect(annex).toMatchObject({ kind: 'annex', id: 'annex_1', num: 'I', heading: 'Model request form', text: 'Name of the requesting authority:' });
    expect(checkCoverage(doc)).toEqual({ missing: [], duplicated: [] });
  });
});

describe('headings in a compromise text that sets its additions in bold', () => {
  it('end where a capitalised sentence begins under a heading in capitals, bold or not', () => {
    const doc = parseDocument(
      draft([
        '¶^Article 1',
        '^Scope',
        '¶This Regulation applies.',
        '¶^*ANNEX III',
        '^*HIGH-RISK SYSTEMS REFERRED TO IN ARTICLE 6(2)',
        '¶*In each of the areas listed under points 1-8, the systems specifically mentioned under each',
        '*area are high-risk:',
        '¶^*ANNEX IV',
        '^*TECHNICAL DOCUMENTATION',
        '^*referred to in Article 11(1)',
        '¶The documentation shall contain:',
      ]),
    );
    expect(doc.nodes.filter((n) => n.kind === 'annex').map((n) => [n.num, n.heading])).toEqual([
      ['III', 'HIGH-RISK SYSTEMS REFERRED TO IN ARTICLE 6(2)'],
      ['IV', 'TECHNICAL DOCUMENTATION referred to in Article 11(1)'],
    ]);
    expect(checkCoverage(doc)).toEqual({ missing: [], duplicated: [] });
  });
});
