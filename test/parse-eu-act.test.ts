// EU acts read from small text drafts: citations and numbered recitals, TITLEs over chapters, two-line headings, cross-references.

import { describe, expect, it } from 'vitest';
import { compareDrafts } from '../src/compare.js';
import { extractText } from '../src/extract/text.js';
import { checkCoverage } from '../src/parse/coverage.js';
import { parseDocument } from '../src/parse/parse-document.js';
import { listArticles } from '../src/parse/walk.js';
import type { TreatyDocument, TreatyNode } from '../src/types.js';

const sha256 = 'ab'.repeat(32);
const read = (lines: string[]): TreatyDocument => {
  const doc = parseDocument(extractText(`${lines.join('\n')}\n`, { path: 'act.txt', sha256, format: 'text' }));
  expect(checkCoverage(doc)).toEqual({ missing: [], duplicated: [] });
  return doc;
};
const preambleOf = (doc: TreatyDocument): TreatyNode => doc.nodes.find((n) => n.kind === 'preamble')!;
const outline = (nodes: TreatyNode[]): string[] =>
  nodes.flatMap((n) => (n.kind === 'article' ? [`${n.id} ${n.heading ?? ''}`.trim()] : [`${n.id} ${n.heading ?? ''}`.trim(), ...outline(n.children).map((s) => `  ${s}`)]));

const PREAMBLE = [
  'Proposal for a',
  'REGULATION OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL',
  '',
  'THE EUROPEAN PARLIAMENT AND THE COUNCIL OF THE EUROPEAN UNION,',
  '',
  'Having regard to the Treaty on the Functioning of the European Union, and in particular',
  'Article 114 thereof,',
  '',
  'Having regard to the proposal from the European Commission,',
  '',
  'Acting in accordance with the ordinary legislative procedure,',
  '',
  'Whereas:',
  '',
  '(1) The purpose of this Regulation is to improve the internal market.',
  '',
  '(2) Data should be processed as provided for in Article 42',
  '(2) of Regulation (EU) 2018/1725 and in Article 9',
  '(1) of Regulation (EU) 2016/679.',
  '',
  '(2a) Research should not be hindered.',
  '',
  '3) Standards should be harmonised.',
  '',
  'HAVE ADOPTED THIS REGULATION:',
  '',
];

describe('EU preamble', () => {
  it('reads the opening words, each citation, Whereas: with the numbered recitals, and the enacting formula', () => {
    const preamble = preambleOf(read([...PREAMBLE, 'Article 1', 'Subject matter', '', 'This Regulation lays down rules.']));
    expect(preamble.heading).toBe('Proposal for a REGULATION OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL');
    expect(preamble.text).toBe('THE EUROPEAN PARLIAMENT AND THE COUNCIL OF THE EUROPEAN UNION,');
    expect(preamble.children.map((c) => [c.kind, c.id])).toEqual([
      ['citation', 'preamble__citation_1'],
      ['citation', 'preamble__citation_2'],
      ['citation', 'preamble__citation_3'],
      ['recitals', 'preamble__recitals'],
      ['formula', 'preamble__formula'],
    ]);
    expect(preamble.children[0]!.text).toBe('Having regard to the Treaty on the Functioning of the European Union, and in particular Article 114 thereof,');
    const recitals = preamble.children[3]!;
    expect(recitals.text).toBe('Whereas:');
    expect(recitals.children.map((r) => [r.id, r.num])).toEqual([
      ['preamble__recital_1', '(1)'],
      ['preamble__recital_2', '(2)'],
      ['preamble__recital_2a', '(2a)'],
      ['preamble__recital_3', '3)'],
    ]);
    // A wrapped `(2)` or `(1)` of a cross-reference does not continue the numbering: it stays in its recital.
    expect(recitals.children[1]!.text).toBe('Data should be processed as provided for in Article 42 (2) of Regulation (EU) 2018/1725 and in Article 9 (1) of Regulation (EU) 2016/679.');
    expect(preamble.children[4]!.text).toBe('HAVE ADOPTED THIS REGULATION:');
  });

  it('keeps a UN preamble without Whereas: as before (recitals by their opening words, counted)', () => {
    const preamble = preambleOf(read(['The States Parties to this Convention,', '', 'Considering the need,', '', 'Have agreed as follows:', '', 'Article 1', '', 'Text.']));
    expect(preamble.children.map((c) => c.id)).toEqual(['preamble__recital_1', 'preamble__formula']);
  });

  it('reads a Whereas: without numbered recitals after it the usual way', () => {
    const preamble = preambleOf(read(['The States Parties to this Convention,', '', 'Whereas:', '', 'Considering the need,', '', 'Have agreed as follows:', '', 'Article 1', '', 'Text.']));
    expect(preamble.children.map((c) => c.kind)).toEqual(['recital', 'formula']);
  });
});

describe('EU structure', () => {
  it('puts CHAPTERs and SECTIONs inside TITLEs when a TITLE comes first, each with its heading', () => {
    const doc = read([
      ...PREAMBLE,
      'TITLE I',
      'GENERAL PROVISIONS',
      '',
      'Article 1',
      'Subject matter',
      '',
      'This Regulation lays down rules.',
      '',
      'TITLEIII',
      'HIGH-RISK SYSTEMS',
      '',
      'CHAPTER 1',
      'CLASSIFICATION',
      '',
      'Article 6',
      'Classification rules',
      '',
      '1. A system is high-risk.',
      '',
      'SECTION 1',
      'NOTIFIED BODIES',
      '',
      'Article 7',
      'Notified bodies',
      '',
      'Bodies are notified.',
      '',
      'CHAPTER 2',
      'REQUIREMENTS',
      '',
      'Article 8',
      'Compliance',
      '',
      'Systems comply.',
      '',
      'TITLE IA',
      'GENERAL PURPOSE SYSTEMS',
      '',
      'Article 9',
      'Scope',
      '',
      'This Title applies.',
    ]);
    expect(outline(doc.nodes.filter((n) => n.kind === 'title'))).toEqual([
      'title_1 GENERAL PROVISIONS',
      '  art_1 Subject matter',
      'title_3 HIGH-RISK SYSTEMS',
      '  title_3__chp_1 CLASSIFICATION',
      '    art_6 Classification rules',
      '    title_3__chp_1__sec_1 NOTIFIED BODIES',
      '      art_7 Notified bodies',
      '  title_3__chp_2 REQUIREMENTS',
      '    art_8 Compliance',
      'title_1a GENERAL PURPOSE SYSTEMS',
      '  art_9 Scope',
    ]);
    // The TITLE line and its heading are not the text of the article before them.
    expect(listArticles(doc)[0]!.article.text).toBe('This Regulation lays down rules.');
  });
});

describe('two-line article headings', () => {
  it('joins a heading that wraps onto a second line, in lower case or after a full first line', () => {
    const doc = read([
      'Article 54',
      'Further processing of personal data for developing certain AI systems in the public interest in',
      'the AI regulatory sandbox',
      '',
      '1. Personal data may be processed.',
      '',
      'Article 55',
      'Further processing of personal data for developing certain AI systems in the public interest in the',
      'AI regulatory sandbox',
      '',
      '1. Personal data may be processed.',
    ]);
    expect(listArticles(doc).map((a) => a.article.heading)).toEqual([
      'Further processing of personal data for developing certain AI systems in the public interest in the AI regulatory sandbox',
      'Further processing of personal data for developing certain AI systems in the public interest in the AI regulatory sandbox',
    ]);
  });

  it('never takes the first sentence of the body as a heading', () => {
    const doc = read([
      'Article 5',
      '',
      'The provider shall inform the national authority of any change to the',
      'system without delay.',
      '',
      '2. The authority shall act.',
    ]);
    const [article] = listArticles(doc).map((a) => a.article);
    expect(article!.heading).toBeUndefined();
    expect(article!.text).toBe('The provider shall inform the national authority of any change to the system without delay.');
  });
});

describe('cross-references at the start of a line', () => {
  it('never open an article or an annex', () => {
    const doc = read([
      'Article 1',
      'Monitoring',
      '',
      '1. The plan shall be part of the documentation referred to in',
      'Annex IV. The Commission shall adopt an implementing act laying down detailed',
      'provisions establishing a template for the plan.',
      '',
      '2. The provider shall affix the marking in accordance with',
      'Article 49.',
      '',
      'Article 2',
      'Scope',
      '',
      'This Regulation applies.',
    ]);
    expect(doc.nodes.map((n) => n.id)).toEqual(['art_1', 'art_2']);
    expect(listArticles(doc)[0]!.article.children.map((p) => p.text)).toEqual([
      'The plan shall be part of the documentation referred to in Annex IV. The Commission shall adopt an implementing act laying down detailed provisions establishing a template for the plan.',
      'The provider shall affix the marking in accordance with Article 49.',
    ]);
  });

  it('an ANNEX line of a cover note before the draft does not make the draft an annex', () => {
    const doc = read(['Delegations will find in Annex the general approach.', '', 'ANNEX', '', ...PREAMBLE, 'Article 1', 'Subject matter', '', 'Rules.', '', 'ANNEX I', 'LIST OF LEGISLATION', '', 'Items.']);
    expect(doc.nodes.map((n) => n.kind)).toEqual(['preamble', 'article', 'annex']);
    expect(doc.nodes[2]!.heading).toBe('LIST OF LEGISLATION');
    expect(doc.unplaced.map((u) => u.text)).toEqual(['Delegations will find in Annex the general approach. ANNEX']);
  });

  it('an ANNEX line that a later article heading follows opens no annex: annexes follow the articles', () => {
    const doc = read([
      'Article 59',
      'Designation',
      '',
      '1. Each Member State shall designate authorities.',
      '',
      'TITLE VII',
      'EU DATABASE FOR HIGH-RISK AI SYSTEMS LISTED IN',
      'ANNEX III',
      '',
      'Article 60',
      'EU database',
      '',
      '1. The Commission shall set up a database.',
      '',
      '4. The database shall contain no personal data, except for the information listed in',
      '',
      'Annex VIII',
      '',
      '5. The Commission shall be the controller of the database.',
      '',
      '5a. Information in the database shall be accessible to the public.',
      '',
      'Article 61',
      'Monitoring',
      '',
      'Providers shall monitor.',
      '',
      'ANNEX I',
      'LIST OF LEGISLATION',
      '',
      'Items.',
    ]);
    expect(doc.nodes.map((n) => n.id)).toEqual(['art_59', 'title_7', 'annex_1']);
    expect(outline(doc.nodes)).toContain('  art_61 Monitoring');
    const article60 = listArticles(doc).find((entry) => entry.article.num === '60')!.article;
    // `5a.` is an inserted paragraph of its own, as EU compromise texts number them.
    expect(article60.children.map((p) => [p.num, p.text])).toEqual([
      ['1.', 'The Commission shall set up a database.'],
      // Set apart by a blank line here, `Annex VIII` is still no annex: article 61 follows.
      ['4.', 'The database shall contain no personal data, except for the information listed in Annex VIII'],
      ['5.', 'The Commission shall be the controller of the database.'],
      ['5a.', 'Information in the database shall be accessible to the public.'],
    ]);
  });

});

describe('preamble comparison', () => {
  it('pairs recitals by number: an inserted (1a) is added, a reworded (2) modified, the rest unchanged', () => {
    const body = ['Article 1', 'Subject matter', '', 'Rules.'];
    const oldDoc = read([...PREAMBLE, ...body]);
    const newDoc = read(
      [...PREAMBLE, ...body].map((line) =>
        line === '(2a) Research should not be hindered.' ? '(2a) Research and innovation should not be hindered.' : line === '' ? line : line,
      ).flatMap((line) => (line === '(2) Data should be processed as provided for in Article 42' ? ['(1a) Inserted recital.', '', line] : [line])),
    );
    const preamble = compareDrafts(oldDoc, newDoc).articles.find((a) => a.new?.element === 'preamble')!;
    expect(preamble.kind).toBe('modified');
    expect(preamble.provisions.map((p) => `${p.id} ${p.kind}`)).toEqual([
      'preamble__heading unchanged',
      'preamble unchanged',
      'preamble__citation_1 unchanged',
      'preamble__citation_2 unchanged',
      'preamble__citation_3 unchanged',
      'preamble__recitals unchanged',
      'preamble__recital_1 unchanged',
      'preamble__recital_1a added',
      'preamble__recital_2 unchanged',
      'preamble__recital_2a modified',
      'preamble__recital_3 unchanged',
      'preamble__formula unchanged',
    ]);
  });
});
