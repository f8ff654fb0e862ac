// A line that starts with a cross-reference ("Article 5." / "shall apply", "Annex IV. The Commission shall ...", "Article 5" inside article 43) never opens an article or annex.

import { describe, expect, it } from 'vitest';
import { extractText } from '../src/extract/text.js';
import { checkCoverage } from '../src/parse/coverage.js';
import { parseDocument } from '../src/parse/parse-document.js';
import { listArticles } from '../src/parse/walk.js';
import type { TreatyDocument } from '../src/types.js';

const textDraft = (text: string): TreatyDocument => parseDocument(extractText(text, { path: 'draft.txt', sha256: 'ab'.repeat(32), format: 'text' }));
const nums = (doc: TreatyDocument) => listArticles(doc).map((a) => a.article.num);
const bodyOf = (doc: TreatyDocument, num: string) => {
  const article = listArticles(doc).find((a) => a.article.num === num)!.article;
  const texts: string[] = [article.text];
  const visit = (n: typeof article): void => {
    for (const c of n.children) {
      texts.push(c.text);
      visit(c);
    }
  };
  visit(article);
  return texts.filter((t) => t !== '').join(' ');
};

describe('line-start cross-references', () => {
  it('"Article 5." alone on a line, followed by lower-case continuation, is text', () => {
    const doc = textDraft(
      'Article 43 – Committee procedure\n\n1. The Commission shall be assisted by a committee. The procedure is the one set out in Regulation (EU) No 182/2011.\nArticle 5.\nof that Regulation shall apply.\n\nArticle 44 – Entry into force\n\nThis Regulation shall enter into force.\n',
    );
    expect(nums(doc)).toEqual(['43', '44']);
    expect(bodyOf(doc, '43')).toContain('Regulation (EU) No 182/2011. Article 5. of that Regulation shall apply.');
    expect(checkCoverage(doc)).toEqual({ missing: [], duplicated: [] });
  });

  it('"Article 16 of the TFEU ..." at a line start is text', () => {
    const doc = textDraft('Article 2 – Legal basis\n\nThis Regulation is adopted on the following basis.\nArticle 16 of the TFEU applies to the processing.\n\nArticle 3 – Scope\n\nIt applies.\n');
    expect(nums(doc)).toEqual(['2', '3']);
    expect(bodyOf(doc, '2')).toContain('Article 16 of the TFEU applies');
  });

  it('"Annex IV. The Commission shall adopt ..." is a sentence, not an annex', () => {
    const doc = textDraft(
      'Article 11 – Technical documentation\n\n1. The technical documentation shall contain the elements set out in Annex IV.\nAnnex IV. The Commission shall adopt delegated acts to amend\nthat Annex where necessary.\n\nArticle 12 – Record-keeping\n\nLogs shall be kept.\n',
    );
    expect(nums(doc)).toEqual(['11', '12']);
    expect(doc.nodes.filter((n) => n.kind === 'annex')).toEqual([]);
    expect(bodyOf(doc, '11')).toContain('Annex IV. The Commission shall adopt delegated acts');
  });

  it('a bare "Article 5" inside article 43, not set apart, is a reference (numbers go up)', () => {
    const doc = textDraft(
      'Article 43 – Penalties\n\n1. Member States shall lay down penalties for infringements of the obligations set out in paragraph 2.\nArticle 5\nThe penalties shall be effective, proportionate and dissuasive.\n\nArticle 44 – Evaluation\n\nThe Commission shall evaluate this Regulation.\n',
    );
    expect(nums(doc)).toEqual(['43', '44']);
    expect(doc.warnings.map((w) => w.code)).not.toContain('numbering-gap');
  });

  it('negative cases: a real heading after a sentence, and a going-back heading set apart by a blank line, stay headings', () => {
    const forward = textDraft('Article 43 – Penalties\n\nMember States shall lay down penalties.\nArticle 44\nEvaluation\n\nThe Commission shall evaluate this Regulation.\n');
    expect(nums(forward)).toEqual(['43', '44']);
    expect(listArticles(forward)[1]!.article.heading).toBe('Evaluation');
    const apart = textDraft('Article 43 – Penalties\n\nMember States shall lay down penalties.\n\nArticle 5\n\nThe penalties shall be dissuasive.\n');
    expect(nums(apart)).toEqual(['43', '5']);
    const titled = textDraft('Article 43 – Penalties\n\nMember States shall lay down penalties.\nArticle 44. Evaluation\nThe Commission shall evaluate this Regulation.\n');
    expect(listArticles(titled).map((a) => [a.article.num, a.article.heading])).toEqual([
      ['43', 'Penalties'],
      ['44', 'Evaluation'],
    ]);
  });

  it('four-digit articles follow on from 999 and are read apart; "Article 2019" set apart after article 2 is a year, not a heading', () => {
    const long = textDraft(
      'Article 999\nDefinitions\n\n1. "Data" means computer data.\n\nArticle 1000\nPreservation\n\n1. Each Party shall order preservation.\n\nArticle 1001 – Safeguards\n\nThe powers are subject to review.\n',
    );
    expect(nums(long)).toEqual(['999', '1000', '1001']);
    expect(listArticles(long).map((a) => a.article.id)).toEqual(['art_999', 'art_1000', 'art_1001']);
    // A reference a page break set apart, after a low article number: text of article 2, not article 2019.
    const year = textDraft('Article 1\nScope\n\n1. This applies.\n\nArticle 2\nUse\n\n1. As set out in the Civil Code, in particular its\n\nArticle 2019\n\n2. More text.\n');
    expect(nums(year)).toEqual(['1', '2']);
    expect(bodyOf(year, '2')).toContain('Article 2019');
    expect(checkCoverage(year)).toEqual({ missing: [], duplicated: [] });
    // The first article of an excerpt may be four digits, unless it reads as a year.
    expect(nums(textDraft('Article 1204\nScope\n\nIt applies.\n\nArticle 1205\nUse\n\nIt is used.\n'))).toEqual(['1204', '1205']);
  });
});
