// Annexes are read into their points and compared like articles: paired by number, then by heading.

import { describe, expect, it } from 'vitest';
import { compareDrafts } from '../src/compare.js';
import { extractText } from '../src/extract/text.js';
import { parseDocument } from '../src/parse/parse-document.js';
import { renderText } from '../src/render/text.js';
import { createHighlighter } from '../src/render/highlight.js';

const sha256 = '0'.repeat(64);
const draft = (annexThree: string[], annexFour: string, path: string) =>
  parseDocument(
    extractText(
      [
        'Article 1',
        'Scope',
        '',
        'This Regulation applies to the systems listed in Annex III.',
        '',
        'ANNEX III',
        'HIGH-RISK SYSTEMS',
        '',
        ...annexThree.flatMap((point) => [point, '']),
        'ANNEX IV',
        'TECHNICAL DOCUMENTATION',
        '',
        annexFour,
        '',
      ].join('\n'),
      { path, sha256, format: 'text' },
    ),
  );

describe('annexes', () => {
  const oldDoc = draft(
    ['1. Biometric identification of natural persons:', '(a) systems intended to be used for the remote biometric identification of natural persons;', '2. Law enforcement:'],
    'The technical documentation shall contain the following information.',
    'old.txt',
  );
  const newDoc = draft(
    [
      '1. Biometric identification of natural persons:',
      '(a) systems intended to be used for the real-time and post remote biometric identification of natural persons;',
      '2. Law enforcement:',
    ],
    'The technical documentation shall contain the following information.',
    'new.txt',
  );

  it('are read into their numbered paragraphs and points', () => {
    const annex = oldDoc.nodes.find((node) => node.kind === 'annex' && node.num === 'III')!;
    expect(annex.id).toBe('annex_3');
    expect(annex.heading).toBe('HIGH-RISK SYSTEMS');
    expect(annex.children.map((child) => child.id)).toEqual(['annex_3__para_1', 'annex_3__para_2']);
    expect(annex.children[0]!.children.map((child) => child.num)).toEqual(['(a)']);
  });

  it('are compared like articles: a changed point, an unchanged annex, counted apart from the articles', () => {
    const diff = compareDrafts(oldDoc, newDoc);
    const annexes = diff.articles.filter((article) => (article.new ?? article.old)?.element === 'annex');
    expect(annexes.map((annex) => [annex.new?.num, annex.kind])).toEqual([
      ['III', 'modified'],
      ['IV', 'unchanged'],
    ]);
    const changed = annexes[0]!.provisions.filter((provision) => provision.kind !== 'unchanged');
    expect(changed.map((provision) => provision.id)).toEqual(['annex_3__para_1__subpara_a']);
    expect(diff.summary.articles).toEqual({ unchanged: 1 });
    expect(renderText(diff, createHighlighter(0))).toContain('Annex III HIGH-RISK SYSTEMS');
  });

  it('pair a renumbered annex by its heading, and report one only one draft has as added or removed', () => {
    const renumbered = parseDocument(
      extractText(['Article 1', 'Scope', '', 'This Regulation applies.', '', 'ANNEX V', 'TECHNICAL DOCUMENTATION', '', 'The technical documentation shall contain the following information.', ''].join('\n'), {
        path: 'renumbered.txt',
        sha256,
        format: 'text',
      }),
    );
    const diff = compareDrafts(oldDoc, renumbered);
    const annexes = diff.articles.filter((article) => (article.new ?? article.old)?.element === 'annex');
    expect(annexes.map((annex) => [annex.old?.num, annex.new?.num, annex.kind])).toEqual([
      ['IV', 'V', 'renumbered'],
      ['III', undefined, 'removed'],
    ]);
    // Asked for by id, an annex is reported alone; its number is not read as an article number.
    expect(compareDrafts(oldDoc, newDoc, { articles: ['annex_3'] }).articles.map((a) => a.new?.id)).toEqual(['annex_3']);
    expect(() => compareDrafts(oldDoc, newDoc, { articles: ['3'] })).toThrow('--article 3: neither draft has an article 3 (nearest: 1)');
  });
});
