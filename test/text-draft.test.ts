// Plain-text and Markdown drafts read into body lines: clean-up, paragraph breaks, Markdown marks, footnotes.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractText } from '../src/extract/text.js';
import { checkCoverage } from '../src/parse/coverage.js';
import { parseDocument } from '../src/parse/parse-document.js';
import { listArticles } from '../src/parse/walk.js';

const sha256 = 'ab'.repeat(32);

describe('extractText', () => {
  it('makes one line per non-blank line, with a break after blank lines, all on page 1', () => {
    const extracted = extractText('Article 1\nScope\n\n\nThis Convention applies\nto offences.\n', { path: 'draft.txt', sha256, format: 'text' });
    expect(extracted.lines.map((l) => [l.text, l.breakBefore, l.page, l.centred, l.bold, l.joinNext])).toEqual([
      ['Article 1', false, 1, false, false, false],
      ['Scope', false, 1, false, false, false],
      ['This Convention applies', true, 1, false, false, false],
      ['to offences.', false, 1, false, false, false],
    ]);
    expect(extracted.source).toEqual({ path: 'draft.txt', sha256, format: 'text', pages: 1 });
    expect(extracted.footnotes).toEqual([]);
  });

  it('cleans the text: non-breaking spaces, soft hyphens, curly quotes, control characters, ligatures', () => {
    const extracted = extractText('Article\u00a015\u00a0\u2013 \u201cSafe\u00adguards\u201d\r\nthe State\u2019s \ufb01les\u0000 and\ttabs\r\n', { path: 'd.txt', sha256, format: 'text' });
    expect(extracted.lines.map((l) => l.text)).toEqual(['Article 15 – "Safeguards"', "the State's files and tabs"]);
  });

  it('strips Markdown heading marks and emphasis in .md drafts only', () => {
    const text = '### Article 27\n\n#### Procedures\n\nits **sovereignty**, security, *ordre public* or other interests\n';
    expect(extractText(text, { path: 'draft.md', sha256, format: 'text' }).lines.map((l) => l.text)).toEqual([
      'Article 27',
      'Procedures',
      'its sovereignty, security, ordre public or other interests',
    ]);
    expect(extractText(text, { path: 'draft.txt', sha256, format: 'text' }).lines[0]!.text).toBe('### Article 27');
  });

  it('reads Markdown footnotes: markers out of the text, definitions apart', () => {
    const text = 'Article 3 – Data[^1]\n\nEach Party shall act.[^2]\n\n[^1]: Heading proposed by one delegation.\n[^2]: See article 5.\n';
    const extracted = extractText(text, { path: 'draft.md', sha256, format: 'text' });
    expect(extracted.lines.map((l) => [l.text, l.footnoteRefs])).toEqual([
      ['Article 3 – Data', ['1']],
      ['Each Party shall act.', ['2']],
    ]);
    expect(extracted.footnotes).toEqual([
      { marker: '1', text: 'Heading proposed by one delegation.', page: 1 },
      { marker: '2', text: 'See article 5.', page: 1 },
    ]);
    const doc = parseDocument(extracted);
    const [article] = listArticles(doc).map((a) => a.article);
    expect(article!.footnotes.map((f) => f.marker)).toEqual(['1', '2']);
    expect(doc.footnotes).toEqual([]);
    expect(checkCoverage(doc)).toEqual({ missing: [], duplicated: [] });
  });

  it('gives the parser a text draft without blank lines between paragraphs', () => {
    const text = [
      'Draft Protocol on Electronic Evidence',
      'The Parties to this Protocol,',
      'Considering the need for co-operation;',
      'Have agreed as follows:',
      'Article 1',
      'Scope',
      '1. This Protocol applies to specified investigations.',
      '2. It does not apply to',
      'Article 16 of the Convention.',
      'Article 2',
      'Definitions',
      'For the purposes of this Protocol, "data" means computer data.',
    ].join('\n');
    const doc = parseDocument(extractText(text, { path: 'protocol.txt', sha256, format: 'text' }));
    const articles = listArticles(doc).map((a) => a.article);
    expect(articles.map((a) => [a.num, a.heading])).toEqual([
      ['1', 'Scope'],
      ['2', 'Definitions'],
    ]);
    expect(articles[0]!.children.map((c) => c.text)).toEqual(['This Protocol applies to specified investigations.', 'It does not apply to Article 16 of the Convention.']);
    expect(doc.nodes[0]).toMatchObject({ kind: 'preamble', heading: 'Draft Protocol on Electronic Evidence', text: 'The Parties to this Protocol,' });
    expect(checkCoverage(doc)).toEqual({ missing: [], duplicated: [] });
  });

  it('reads fixtures/text-draft.txt: section 2 articles 14 to 19, with its dirt cleaned', () => {
    const path = fileURLToPath(new URL('../fixtures/text-draft.txt', import.meta.url));
    const doc = parseDocument(extractText(readFileSync(path, 'utf8'), { path: 'fixtures/text-draft.txt', sha256, format: 'text' }));
    const articles = listArticles(doc);
    expect(articles.map((a) => [a.article.num, a.article.heading])).toEqual([
      ['14', 'Scope of procedural provisions'],
      ['15', 'Conditions and safeguards'],
      ['16', 'Expedited preservation of stored computer data'],
      ['17', 'Expedited preservation and partial disclosure of traffic data'],
      ['18', 'Production order'],
      ['19', 'Search and seizure of stored computer data'],
    ]);
    expect(articles[0]!.ancestors.map((c) => c.id)).toEqual(['chp_2', 'chp_2__sec_2']);
    // The draft carries a soft hyphen in "proportionality" and a non-breaking space in "Articles 14".
    const all = JSON.stringify(doc.nodes);
    expect(all).toContain('the principle of proportionality');
    expect(all).toContain('subject to Articles 14 and 15.');
    expect(all).not.toMatch(/[\u00a0\u00ad]/);
    // The title line above the first heading is the preface, not unplaced text.
    expect(doc.unplaced).toEqual([]);
    expect(doc.nodes[0]).toMatchObject({ kind: 'preface', heading: 'Draft Convention on Cybercrime – working text of chapter II, section 2 (procedural law)' });
    expect(checkCoverage(doc)).toEqual({ missing: [], duplicated: [] });
  });
});
