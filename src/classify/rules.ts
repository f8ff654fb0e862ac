// Reads a user rules file (`--rules file.json`) and merges it into the default lexicon.

import { TreatyDiffError } from '../errors.js';
import type { TopicGroup } from '../types.js';
import type { Lexicon, LexiconModal, LexiconTopic } from './lexicon.js';
import { compilePhrase } from './match-phrases.js';

/** A validated rules file: how to combine it, and the entries it brings. */
export interface LexiconRules {
  mode: 'extend' | 'replace';
  topics?: LexiconTopic[];
  hedges?: string[];
  modals?: LexiconModal[];
  wideners?: string[];
  narrowers?: string[];
}

const LIST_KEYS = ['hedges', 'wideners', 'narrowers'] as const;
const KNOWN_KEYS = new Set(['mode', 'topics', 'modals', ...LIST_KEYS, '$schema', 'description']);
const GROUPS: TopicGroup[] = ['safeguard', 'power'];

const fail = (origin: string, problem: string): never => {
  throw new TreatyDiffError('bad-rules', `${origin}: ${problem}; see the rules file format in the README`);
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function checkPhrase(origin: string, where: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') return fail(origin, `${where} must be a non-empty string`);
  try {
    compilePhrase(value);
  } catch {
    return fail(origin, `${where} is not a valid pattern: ${JSON.stringify(value)}`);
  }
  if (compilePhrase(value).test('')) return fail(origin, `${where} matches empty text: ${JSON.stringify(value)}`);
  compilePhrase(value).lastIndex = 0;
  return value;
}

function checkPhrases(origin: string, where: string, value: unknown): string[] {
  if (!Array.isArray(value)) return fail(origin, `"${where}" must be a list of phrases`);
  return value.map((phrase, k) => checkPhrase(origin, `${where}[${k}]`, phrase));
}

/**
 * Validates a rules file. The format (every key optional except what a topic needs):
 *
 * ```json
 * {
 *   "mode": "extend",
 *   "topics": [{ "id": "encryption", "group": "safeguard", "phrases": ["encryption", "end-to-end"] },
 *              { "id": "tax-carve-out", "group": "safeguard", "effect": "exempts", "phrases": ["shall not apply to tax authorities"] }],
 *   "hedges": ["insofar as practicable"],
 *   "modals": [{ "phrase": "is encouraged to", "strength": 1 }],
 *   "wideners": ["any offence"],
 *   "narrowers": ["terrorist offences"]
 * }
 * ```
 *
 * `mode` `extend` (the default) adds to the default lexicon: a topic with a known id gains the
 * phrases, a new id becomes a new topic, lists are appended. `replace` makes the file the whole
 * lexicon: lists it leaves out are empty. A topic's `effect` (`grants`, the default, or `exempts`) says
 * what its phrase arriving means: `exempts` marks a carve-out, whose arrival weakens safeguards (known
 * topic ids keep their effect unless the file gives one). Phrases are case-insensitive, matched on word
 * boundaries, simple regexes allowed.
 *
 * Throws `TreatyDiffError('bad-rules')` with one line naming `origin` and the problem.
 * Example: `parseRules('{"topics": 3}', 'rules.json')` throws `rules.json: "topics" must be a list ...`.
 */
export function parseRules(json: string, origin: string): LexiconRules {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    return fail(origin, `not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!isRecord(data)) return fail(origin, 'must be a JSON object');
  for (const key of Object.keys(data)) {
    if (!KNOWN_KEYS.has(key)) return fail(origin, `unknown key "${key}" (known: mode, topics, hedges, modals, wideners, narrowers)`);
  }
  const mode = data.mode ?? 'extend';
  if (mode !== 'extend' && mode !== 'replace') return fail(origin, `"mode" must be "extend" or "replace"`);
  const rules: LexiconRules = { mode };
  if (data.topics !== undefined) {
    if (!Array.isArray(data.topics)) return fail(origin, `"topics" must be a list of topics`);
    rules.topics = data.topics.map((topic: unknown, k): LexiconTopic => {
      const where = `topics[${k}]`;
      if (!isRecord(topic)) return fail(origin, `${where} must be an object with id, group and phrases`);
      if (typeof topic.id !== 'string' || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(topic.id)) {
        return fail(origin, `${where}.id must be a kebab-case string`);
      }
      if (!GROUPS.includes(topic.group as TopicGroup)) return fail(origin, `${where}.group must be "safeguard" or "power"`);
      for (const key of Object.keys(topic)) {
        if (!['id', 'group', 'phrases', 'effect'].includes(key)) return fail(origin, `${where} has an unknown key "${key}" (known: id, group, phrases, effect)`);
      }
      if (topic.effect !== undefined && topic.effect !== 'grants' && topic.effect !== 'exempts') return fail(origin, `${where}.effect must be "grants" or "exempts"`);
      if (topic.effect === 'exempts' && topic.group !== 'safeguard') return fail(origin, `${where}.effect "exempts" needs group "safeguard" (a carve-out weakens safeguards)`);
      const phrases = checkPhrases(origin, `${where}.phrases`, topic.phrases);
      return { id: topic.id, group: topic.group as TopicGroup, phrases, ...(topic.effect !== undefined ? { effect: topic.effect } : {}) };
    });
  }
  for (const key of LIST_KEYS) {
    if (data[key] !== undefined) rules[key] = checkPhrases(origin, key, data[key]);
  }
  if (data.modals !== undefined) {
    if (!Array.isArray(data.modals)) return fail(origin, `"modals" must be a list of { phrase, strength }`);
    rules.modals = data.modals.map((modal: unknown, k): LexiconModal => {
      if (!isRecord(modal) || typeof modal.strength !== 'number' || !Number.isFinite(modal.strength)) {
        return fail(origin, `modals[${k}] must be { "phrase": string, "strength": number }`);
      }
      return { phrase: checkPhrase(origin, `modals[${k}].phrase`, modal.phrase), strength: modal.strength };
    });
  }
  return rules;
}

const unique = (items: string[]): string[] => [...new Set(items)];

/**
 * The lexicon `rules` make of `base`: extended (topics merged by id, lists appended without
 * duplicates) or replaced. Never mutates `base`.
 * Example: extending with topic `{ id: 'necessity', phrases: ['indispensable'] }` adds the phrase
 * to the default `necessity` topic.
 */
export function mergeLexicon(base: Lexicon, rules: LexiconRules): Lexicon {
  if (rules.mode === 'replace') {
    return {
      topics: rules.topics ?? [],
      hedges: rules.hedges ?? [],
      modals: rules.modals ?? [],
      wideners: rules.wideners ?? [],
      narrowers: rules.narrowers ?? [],
    };
  }
  const topics = base.topics.map((t) => ({ ...t, phrases: [...t.phrases] }));
  for (const topic of rules.topics ?? []) {
    const known = topics.find((t) => t.id === topic.id);
    if (known === undefined) topics.push({ ...topic, phrases: unique(topic.phrases) });
    else {
      known.phrases = unique([...known.phrases, ...topic.phrases]);
      if (topic.effect !== undefined) known.effect = topic.effect;
    }
  }
  const modals = [...base.modals];
  for (const modal of rules.modals ?? []) {
    const at = modals.findIndex((m) => m.phrase === modal.phrase);
    if (at >= 0) modals[at] = modal;
    else modals.push(modal);
  }
  return {
    topics,
    hedges: unique([...base.hedges, ...(rules.hedges ?? [])]),
    modals,
    wideners: unique([...base.wideners, ...(rules.wideners ?? [])]),
    narrowers: unique([...base.narrowers, ...(rules.narrowers ?? [])]),
  };
}
