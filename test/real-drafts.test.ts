// The reader on the real EU AI Act drafts in ../shared/real-drafts, scored against their clean texts (floors that hold today).

import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  countPdfFootnotes,
  furniturePatterns,
  parseCleanText,
  realDraftsDir,
  runTogether,
  knownWords,
  struckIndex,
  scoreRealDrafts,
  type DocumentFailure,
  type DocumentScore,
  type RealDraftsScore,
} from '../scripts/score-real-lib.mjs';

/**
 * What the reader reaches today on the real drafts. Raise these as it improves (`npm run score:real`
 * prints the current figures); never lower them to make a change pass.
 */
export const REAL_DRAFT_FLOORS = {
  /** Drafts with a clean reference text: the Commission proposal, the CZ compromise, the general approach. */
  documents: 3,
  /** Articles found in the Commission proposal (85 printed). */
  proposalArticles: 80,
  /** Order-aware word recall of every draft's articles against the clean text, 0..1. */
  wordRecall: 0.95,
  /** Order-aware word precision of every draft's articles against the clean text, 0..1. */
  wordPrecision: 0.8,
};

const DIR = realDraftsDir();
const PRESENT = existsSync(DIR);
const REQUIRED = process.env.CI === 'true';

if (!PRESENT && !REQUIRED) console.log(`real-drafts tests skipped: ${DIR} is absent`);

const isScore = (document: DocumentScore | DocumentFailure): document is DocumentScore => !('error' in document);

describe('real-draft scoring: the measures themselves', () => {
  it('reads articles, headings on the next italic line, recitals in order and container lines out of the clean text', () => {
    const clean = parseCleanText(
      [
        '(1) First recital.',
        '(2) Second, with a stray line below.',
        '(1) stray',
        '(2a) Inserted recital.',
        'HAVE ADOPTED THIS REGULATION:',
        '# TITLE I GENERAL PROVISIONS',
        '*Article 1 Subject matter*',
        '1.  Rules \\[for\\] *systems*.',
        'HIGH-RISK AI SYSTEMS CHAPTER 1',
        '*Article 4a*',
        '*Implementing acts*',
        'a.  The Commission acts. Done at Brussels,',
        '*Article 99 Not an article after the final formula*',
      ].join('\n\n'),
    );
    expect(clean.recitals).toBe(3);
    expect(clean.articles).toEqual([
      { num: '1', heading: 'Subject matter', text: '1. Rules [for] systems.' },
      { num: '4a', heading: 'Implementing acts', text: '' },
    ]);
  });

  it('finds running lines on 30% of pages whatever their page number, and counts bare footnote numbers in sequence', () => {
    const pages = ['Body\n1\n  OJ C 1.\nEN 1 EN', 'Body\n2\n  OJ C 2.\n3\n  OJ C 3.\nEN 2 EN', 'Body 7\nEN 3 EN'];
    expect(furniturePatterns(pages)).toEqual(['EN # EN']);
    expect(countPdfFootnotes(pages)).toBe(3);
  });

  it('flags words run together, not words that are only absent from the clean text', () => {
    const vocabulary = new Set(['title', 'iii', 'classification', 'of', 'ai', 'in', 'capacities']);
    expect(runTogether('TITLEIII CLASSIFICATIONOFAI incapacities withdrawing', vocabulary, new Set(['withdrawing']))).toEqual({
      count: 2,
      examples: ['TITLEIII', 'CLASSIFICATIONOFAI'],
    });
  });

  it('counts the reference words the PDF strikes: pairs of neighbours struck together on the pages around', () => {
    const struck = struckIndex(new Map([[90, ['referred to in paragraph 1 of this Article', 'The CE marking shall be affixed']]]));
    // `referred to in` is struck as a run on page 90; `shall apply` is not.
    expect(struck.count(['referred', 'to', 'in', 'shall', 'apply'], [90, 90])).toBe(3);
    expect(struck.count(['referred', 'to', 'in'], [91, 92])).toBe(3);
    expect(struck.count(['referred', 'to', 'in'], [92, 93])).toBe(0);
    // Words that stand struck but never next to each other do not count as a struck run.
    expect(struck.count(['article', 'marking'], [90, 90])).toBe(0);
    expect(struck.count(['marking'], [90, 90])).toBe(1);
  });

  it('knows a word that pdftotext sets flush against its footnote number', () => {
    const known = knownWords(['liability10 and copyright11']);
    expect([...known].sort()).toEqual(['and', 'copyright', 'copyright11', 'liability', 'liability10']);
    const vocabulary = new Set(['copy', 'right']);
    expect(runTogether('copyright', vocabulary, known).count).toBe(0);
    expect(runTogether('copyright', vocabulary).count).toBe(1);
  });
});

describe.runIf(!PRESENT && REQUIRED)('real drafts (required under CI=true)', () => {
  it('finds the real drafts folder', () => {
    expect.fail(`${DIR} is missing: under CI=true the real drafts must be there`);
  });
});

describe.skipIf(!PRESENT)(PRESENT ? 'real EU AI Act drafts' : `real EU AI Act drafts (skipped: ${DIR} is absent)`, () => {
  let score: RealDraftsScore;
  let documents: DocumentScore[];

  beforeAll(async () => {
    score = await scoreRealDrafts({ dir: DIR });
    documents = score.documents.filter(isScore);
  }, 300_000);

  it('reads each real PDF with a clean reference and exits 0', () => {
    expect(score.documents).toHaveLength(REAL_DRAFT_FLOORS.documents);
    for (const document of score.documents) {
      expect({ name: document.name, exitCode: document.exitCode, stderr: document.stderr }).toEqual({
        name: document.name,
        exitCode: 0,
        stderr: '',
      });
    }
  });

  it('computes every measure for every document', () => {
    expect(documents).toHaveLength(score.documents.length);
    for (const document of documents) {
      expect(document.articles.expected, document.name).toBeGreaterThan(0);
      for (const figure of [document.headings.share, document.words.recall, document.words.precision, document.words.f1]) {
        expect(figure, document.name).toBeGreaterThanOrEqual(0);
        expect(figure, document.name).toBeLessThanOrEqual(1);
      }
      expect(document.words.worst.length, document.name).toBeGreaterThan(0);
      expect(document.recitals.expected, document.name).toBeGreaterThan(0);
      expect(document.footnotes.expected, document.name).not.toBeNull();
      expect(document.furniture.patterns?.length, document.name).toBeGreaterThan(0);
    }
  });

  it(`finds at least ${REAL_DRAFT_FLOORS.proposalArticles} articles in the Commission proposal`, () => {
    const proposal = documents.find((document) => document.name.startsWith('com-'));
    expect(proposal?.articles.found).toBeGreaterThanOrEqual(REAL_DRAFT_FLOORS.proposalArticles);
  });

  it('keeps word recall and precision of every draft at or above their floors', () => {
    for (const document of documents) {
      expect(document.words.recall, document.name).toBeGreaterThanOrEqual(REAL_DRAFT_FLOORS.wordRecall);
      expect(document.words.precision, document.name).toBeGreaterThanOrEqual(REAL_DRAFT_FLOORS.wordPrecision);
    }
  });

  // The two drafts that do not mark their own changes: read exactly, as issue 11 of the reader asks.
  it.each([
    ['com-2021-206-proposal', { recitals: 89, footnotes: 81 }],
    ['council-2022-12-06-general-approach-st15698', { recitals: 109, footnotes: 33 }],
  ] as const)('%s: every article, heading, recital and footnote (each cited), >= 99.5 %% of the words, no running line or words run together', (name, figures) => {
    const document = documents.find((candidate) => candidate.name === name)!;
    expect({ missing: document.articles.missing, extra: document.articles.extra }).toEqual({ missing: [], extra: [] });
    expect(document.articles.found).toBe(document.articles.readme);
    expect(document.headings.share).toBe(1);
    expect(document.words.recall).toBeGreaterThanOrEqual(0.995);
    expect(document.words.precision).toBeGreaterThanOrEqual(0.995);
    expect(document.furniture.inArticles).toEqual([]);
    expect(document.recitals.found).toBe(figures.recitals);
    expect(document.footnotes.found).toBe(figures.footnotes);
    expect(document.footnotes.found).toBe(document.footnotes.expected);
    expect(document.footnotes.attached).toBe(figures.footnotes);
    expect(document.runTogether).toEqual({ count: 0, examples: [] });
  });

  // The compromise marks its changes; its clean reference keeps some of what the PDF strikes (Article 49(1)'s
  // struck second sentence, article 24 under 23a). Recall is measured over the words the PDF does not strike,
  // found from its drawing by scripts/struck-text.mjs, not by the reader.
  it('council-2022-09-23-cz-compromise-3-st12549: the 94 current articles, >= 99.5 % of the words the PDF does not strike, >= 99.5 % precision', () => {
    const document = documents.find((candidate) => candidate.name === 'council-2022-09-23-cz-compromise-3-st12549')!;
    expect({ missing: document.articles.missing, extra: document.articles.extra }).toEqual({ missing: [], extra: [] });
    expect(document.articles.found).toBe(94);
    expect(document.words.struckMissing).toBeGreaterThan(1000);
    expect(document.words.unstruckRecall).toBeGreaterThanOrEqual(0.995);
    expect(document.words.precision).toBeGreaterThanOrEqual(0.995);
    expect(document.furniture.inArticles).toEqual([]);
    expect(document.runTogether.count).toBe(0);
  });
});

