// Classification on the real EU AI Act pair (Commission proposal -> Council general approach), checked
// against the new draft's own text: no false removals, no contradictions, the surveillance changes found.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareDrafts } from '../src/compare.js';
import { readDraft } from '../src/drafts/read-draft.js';
import { parseDocument } from '../src/parse/parse-document.js';
import type { Finding, TreatyDiff } from '../src/types.js';
import { checkFindings, contradictory, furnitureLines, pdfPages, type FindingsCheck } from '../scripts/check-findings.mjs';
import { realDraftsDir } from '../scripts/score-real-lib.mjs';

const DIR = realDraftsDir();
const OLD = join(DIR, 'eu-ai-act', 'com-2021-206-proposal.pdf');
const NEW = join(DIR, 'eu-ai-act', 'council-2022-12-06-general-approach-st15698.pdf');
const PRESENT = existsSync(OLD) && existsSync(NEW);
const REQUIRED = process.env.CI === 'true';

if (!PRESENT && !REQUIRED) console.log(`real-findings tests skipped: ${DIR} is absent`);

const finding = (code: string, at: string, evidence: Finding['evidence']): Finding =>
  ({ code, at, evidence, severity: 'high', article: { id: 'art_1' }, pages: {}, message: '' }) as Finding;

describe('the trust check itself', () => {
  it('takes lines repeated at page edges for furniture, never a heading repeated mid-page or a bare number', () => {
    const page = (n: number) => `Body text of page ${n}\nmore body\nArticle ${n}\nmore body\nmore body\n15698/22\nRB/ek\nTREE.2.B\n${n}\nEN`;
    const patterns = furnitureLines([1, 2, 3, 4, 5].map(page)).map(String);
    expect(patterns.some((p) => p.includes('RB'))).toBe(true);
    expect(patterns.some((p) => p.includes('Article'))).toBe(false);
  });

  it('counts removed wording still in the new draft, opposite directions on one evidence, and furniture quoted', () => {
    const pages = ['The market surveillance authorities shall be granted access to the source code upon a reasoned request.\nRB/ek', 'Other text.\nRB/ek', 'More.\nRB/ek'];
    const check = checkFindings(
      {
        findings: [
          finding('safeguard-removed', 'art_64__para_2', { old: 'the market surveillance authorities shall be granted access to the source code' }),
          finding('safeguard-removed', 'art_5__para_1', { old: 'where appropriate' }),
          finding('safeguard-weakened', 'art_52__para_1', { new: 'subject to appropriate safeguards' }),
          finding('safeguard-strengthened', 'art_52__para_1', { new: 'offences, subject to appropriate safeguards for third parties' }),
          finding('safeguard-modified', 'art_72__para_4', { new: '15698/22 RB/ek 172 5. The rights of defence' }),
        ],
      },
      pages,
    );
    expect(check.counts).toEqual({ removedButPresent: 1, contradictory: 1, furnitureInEvidence: 1 });
    expect(contradictory(finding('power-expanded', 'a', { new: 'x y' }), finding('safeguard-weakened', 'a', { new: 'x y' }))).toBe(false);
  });
});

describe.runIf(!PRESENT && REQUIRED)('real-pair findings (required under CI=true)', () => {
  it('finds the real drafts', () => {
    expect.fail(`${OLD} or ${NEW} is missing: under CI=true the real drafts must be there`);
  });
});

describe.skipIf(!PRESENT)(PRESENT ? 'real-pair findings: EU AI Act proposal -> Council general approach' : 'real-pair findings (skipped)', () => {
  let diff: TreatyDiff;
  let check: FindingsCheck;
  const inArticle = (num: string): Finding[] => diff.findings.filter((f) => f.article.new === num || (f.article.new === undefined && f.article.old === num));
  const line = (f: Finding): string => `${f.code} ${f.topic ?? ''} ${f.at}: ${f.evidence.old ?? ''} -> ${f.evidence.new ?? ''}`;

  beforeAll(async () => {
    const [oldDoc, newDoc] = await Promise.all([readDraft(OLD), readDraft(NEW)].map(async (draft) => parseDocument(await draft)));
    diff = compareDrafts(oldDoc!, newDoc!);
    check = checkFindings(diff, pdfPages(NEW));
  }, 300_000);

  it('calls nothing removed whose wording still stands in the new draft', () => {
    expect(check.removedButPresent.map(line)).toEqual([]);
  });

  it('quotes no page furniture (running headers and footers) in any evidence', () => {
    expect(check.furnitureInEvidence.map(line)).toEqual([]);
  });

  it('never reads two opposite directions from one evidence', () => {
    expect(check.contradictory.map(([a, b]) => `${line(a)} / ${line(b)}`)).toEqual([]);
  });

  it('reads the widened exceptions for real-time remote biometric identification in article 5 as an expanded power', () => {
    const expanded = inArticle('5').filter((f) => f.code === 'power-expanded' && f.topic === 'biometric-identification');
    expect(expanded.map((f) => f.evidence.new ?? '').join(' | ')).toMatch(/critical infrastructure|other specific offences/);
  });

  it('reads the extension of the social-scoring ban to private actors as a strengthened safeguard', () => {
    const scoring = inArticle('5').filter((f) => f.topic === 'prohibited-practice' && f.code === 'safeguard-strengthened');
    expect(scoring.map((f) => f.evidence.old ?? '').join(' ')).toMatch(/by public authorities or on their behalf/);
  });

  it('reads the national-security exclusion of article 2 and the law-enforcement carve-outs of articles 29 and 70 as weakened safeguards', () => {
    const carveOut = (num: string, wording: RegExp): string[] =>
      inArticle(num).filter((f) => f.topic === 'exemption' && f.code === 'safeguard-weakened' && wording.test(f.evidence.new ?? '')).map(line);
    expect(carveOut('2', /national security/)).not.toEqual([]);
    expect(carveOut('29', /law enforcement/)).not.toEqual([]);
    expect(carveOut('70', /law enforcement/)).not.toEqual([]);
  });

  it('finds no power in article 4b, whose providers "preserve ... intellectual property rights"', () => {
    expect(inArticle('4b').filter((f) => f.code.startsWith('power-')).map(line)).toEqual([]);
  });

  it('reads the access powers of article 64 as moved to article 63, not removed', () => {
    const moved = inArticle('64').filter((f) => f.code === 'text-moved').map((f) => `${f.moved?.from} -> ${f.moved?.to}`);
    expect(moved).toEqual(expect.arrayContaining(['art_64__para_1 -> art_63__para_8', 'art_64__para_2 -> art_63__para_9']));
    expect(inArticle('64').filter((f) => f.code.endsWith('-removed')).map(line)).toEqual([]);
  });
});
