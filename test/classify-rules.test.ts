import { describe, expect, it } from 'vitest';
import { DEFAULT_LEXICON } from '../src/classify/lexicon.js';
import { mergeLexicon, parseRules } from '../src/classify/rules.js';
import { compareDrafts } from '../src/compare.js';
import { TreatyDiffError } from '../src/errors.js';
import { buildDoc } from './compare-build-doc.js';

const badRules = (json: string): string => {
  try {
    parseRules(json, 'rules.json');
  } catch (error) {
    expect(error).toBeInstanceOf(TreatyDiffError);
    expect((error as TreatyDiffError).code).toBe('bad-rules');
    return (error as Error).message;
  }
  throw new Error('accepted a bad rules file');
};

describe('parseRules', () => {
  it.each([
    ['{', /^rules\.json: not valid JSON/],
    ['[]', /^rules\.json: must be a JSON object/],
    ['{"topics": 3}', /^rules\.json: "topics" must be a list/],
    ['{"mode": "merge"}', /"mode" must be "extend" or "replace"/],
    ['{"topics": [{"id": "Encryption", "group": "safeguard", "phrases": ["x"]}]}', /topics\[0\]\.id must be a kebab-case/],
    ['{"topics": [{"id": "encryption", "group": "right", "phrases": ["x"]}]}', /topics\[0\]\.group must be/],
    ['{"hedges": ["(unclosed"]}', /hedges\[0\] is not a valid pattern/],
    ['{"hedges": ["a?"]}', /hedges\[0\] matches empty text/],
    ['{"hedge": []}', /unknown key "hedge"/],
    ['{"topics": [{"id": "tax", "group": "safeguard", "effect": "removes", "phrases": ["x"]}]}', /topics\[0\]\.effect must be "grants" or "exempts"/],
    ['{"topics": [{"id": "tax", "group": "power", "effect": "exempts", "phrases": ["x"]}]}', /effect "exempts" needs group "safeguard"/],
    ['{"topics": [{"id": "tax", "group": "safeguard", "phrase": ["x"], "phrases": ["x"]}]}', /topics\[0\] has an unknown key "phrase"/],
  ])('refuses %s in one line naming the file', (json, problem) => {
    const message = badRules(json);
    expect(message).toMatch(problem);
    expect(message).not.toContain('\n');
  });

  it('extends the default lexicon: a known topic gains phrases, a new one is added', () => {
    const rules = parseRules(
      '{"topics": [{"id": "necessity", "group": "safeguard", "phrases": ["indispensable"]}, {"id": "encryption", "group": "safeguard", "phrases": ["end-to-end encryption"]}], "hedges": ["insofar as practicable"]}',
      'rules.json',
    );
    const lexicon = mergeLexicon(DEFAULT_LEXICON, rules);
    expect(lexicon.topics.find((t) => t.id === 'necessity')?.phrases).toContain('indispensable');
    expect(lexicon.topics.at(-1)).toEqual({ id: 'encryption', group: 'safeguard', phrases: ['end-to-end encryption'] });
    expect(lexicon.hedges.at(-1)).toBe('insofar as practicable');
    expect(DEFAULT_LEXICON.topics.find((t) => t.id === 'necessity')?.phrases).not.toContain('indispensable');
  });

  it('replaces the lexicon, leaving out lists the file does not give', () => {
    const lexicon = mergeLexicon(DEFAULT_LEXICON, parseRules('{"mode": "replace", "topics": [{"id": "encryption", "group": "safeguard", "phrases": ["encryption"]}]}', 'r.json'));
    expect(lexicon).toEqual({ topics: [{ id: 'encryption', group: 'safeguard', phrases: ['encryption'] }], hedges: [], modals: [], wideners: [], narrowers: [] });
  });

  it('reads a user carve-out (effect "exempts") arriving as a weakened safeguard', () => {
    const lexicon = mergeLexicon(DEFAULT_LEXICON, parseRules('{"topics": [{"id": "tax-carve-out", "group": "safeguard", "effect": "exempts", "phrases": ["shall not apply to tax authorities"]}]}', 'rules.json'));
    expect(lexicon.topics.at(-1)?.effect).toBe('exempts');
    const oldDoc = buildDoc([{ num: '9', heading: 'Logs', text: 'Users shall keep the logs for six months.' }]);
    const newDoc = buildDoc([{ num: '9', heading: 'Logs', text: 'Users shall keep the logs for six months. This paragraph shall not apply to tax authorities.' }]);
    expect(compareDrafts(oldDoc, newDoc, { lexicon }).findings.map((f) => `${f.code}:${f.topic ?? ''}`)).toContain('safeguard-weakened:tax-carve-out');
  });

  it('classifies with a user topic', () => {
    const lexicon = mergeLexicon(DEFAULT_LEXICON, parseRules('{"topics": [{"id": "encryption", "group": "safeguard", "phrases": ["end-to-end encryption"]}]}', 'rules.json'));
    const oldDoc = buildDoc([{ num: '9', heading: 'Security', text: 'Providers shall keep end-to-end encryption of communications.' }]);
    const newDoc = buildDoc([{ num: '9', heading: 'Security', text: 'Providers shall keep records of communications.' }]);
    const codes = compareDrafts(oldDoc, newDoc, { lexicon }).findings.map((f) => `${f.code}:${f.topic ?? ''}`);
    expect(codes).toContain('safeguard-removed:encryption');
    expect(compareDrafts(oldDoc, newDoc).findings.map((f) => f.code)).toEqual(['article-modified']);
  });
});
