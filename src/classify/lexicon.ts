// The default classification lexicon: which words make a provision a safeguard or a surveillance
// power, and which words hedge, oblige, widen or narrow. Each entry says why it counts.

import type { TopicGroup } from '../types.js';

/** One topic: a safeguard or a power, recognised by its phrases. */
export interface LexiconTopic {
  /** Stable kebab-case id, reported as `Finding.topic`, e.g. `judicial-review`. */
  id: string;
  group: TopicGroup;
  /** Case-insensitive phrases matched on word boundaries; simple regexes allowed
   * (`(a|b)`, `?`, `\w*`); a space matches any run of whitespace. */
  phrases: string[];
}

/** A modal verb and how strongly it binds: `shall` (3) obliges, `may` (0) only permits. */
export interface LexiconModal {
  phrase: string;
  strength: number;
}

/** Everything classification reads words with. */
export interface Lexicon {
  topics: LexiconTopic[];
  /** Qualifiers that soften an obligation ("where appropriate"). */
  hedges: string[];
  /** Modal verbs with their binding strength. */
  modals: LexiconModal[];
  /** Words that widen the scope of a power ("any criminal offence"). */
  wideners: string[];
  /** Words that narrow the scope of a power ("serious offences"). */
  narrowers: string[];
}

const SAFEGUARDS: LexiconTopic[] = [
  // The umbrella safeguard of every cybercrime text: powers "subject to ... human rights".
  { id: 'human-rights', group: 'safeguard', phrases: ['human rights', 'fundamental freedoms', 'international human rights law'] },
  // Budapest Convention art. 15 / UN draft "conditions and safeguards" on procedural powers.
  { id: 'conditions-and-safeguards', group: 'safeguard', phrases: ['conditions and safeguards', 'safeguards?'] },
  // Prior or subsequent control of a power by a judge or other independent body.
  {
    id: 'judicial-review',
    group: 'safeguard',
    phrases: [
      'judicial or other independent (review|supervision|oversight)',
      'judicial (review|supervision|authori[sz]ation|oversight|authority|control)',
      'independent (review|supervision|oversight|authority|body)',
      'court order',
    ],
  },
  // The measure must not go further than its aim requires.
  { id: 'proportionality', group: 'safeguard', phrases: ['proportionality', 'proportionate'] },
  // "necessity" as a principle; not "as may be necessary", which only enables legislation.
  { id: 'necessity', group: 'safeguard', phrases: ['necessity', 'strictly necessary', 'necessary in a democratic society'] },
  // Powers must rest on clear, accessible law.
  { id: 'legality', group: 'safeguard', phrases: ['legality', 'prescribed by law', 'provided for by law', 'lawful(ness)?'] },
  // The person concerned learns of the measure and can challenge it.
  {
    id: 'notice',
    group: 'safeguard',
    phrases: ['notif(y|ied|ication) (of |to )?(the )?(persons?|individuals?|users?) concerned', 'notice to the (persons?|individuals?) concerned', 'right to be informed'],
  },
  // A way to contest the measure after the fact. Not bare "remedies": Budapest article 10 lets a
  // Party skip criminal liability where "other effective remedies are available" (civil remedies
  // for copyright holders), which is no safeguard for the person surveilled.
  {
    id: 'remedies',
    group: 'safeguard',
    phrases: [
      'right to (an )?effective remed(y|ies)',
      '(access to|have) (a|an)( effective)? remedy',
      'effective remed(y|ies) (for|to|against|before)',
      'judicial remed(y|ies)',
      'redress',
    ],
  },
  // Personal data transferred or collected under the powers.
  {
    id: 'data-protection',
    group: 'safeguard',
    phrases: ['protection of personal data', 'personal data', 'data protection', 'right to privacy', 'privacy'],
  },
  // What lets a requested State say no to cooperation (political offence, persecution, human rights).
  {
    id: 'grounds-for-refusal',
    group: 'safeguard',
    phrases: ['grounds? for refus(al|ing)', 'refuse (to )?(provide |execute |grant )?(mutual legal )?assistance', 'may be refused', 'political offence', 'persecut(e|ion|ing)'],
  },
  // Cooperation only for conduct criminal in both States.
  { id: 'dual-criminality', group: 'safeguard', phrases: ['dual criminality', 'double criminality'] },
  // Ties a power to specific investigations instead of general collection.
  {
    id: 'scope-limits',
    group: 'safeguard',
    phrases: ['specific criminal investigations? (or|and) proceedings', 'specific criminal investigations?', 'limit(ed)? the scope', 'only for the purposes? of'],
  },
];

const POWERS: LexiconTopic[] = [
  // Orders to keep data from being deleted until it can be obtained.
  { id: 'preservation', group: 'power', phrases: ['expedited preservation', 'preserv(e|ation) of (stored )?(computer|electronic)? ?data', 'preservation', 'preserve'] },
  // Orders to hand over stored data or subscriber information.
  { id: 'production-order', group: 'power', phrases: ['production orders?', 'subscriber information', 'submit specified (computer|electronic) data', 'to order'] },
  // Entering systems and taking data.
  { id: 'search-and-seizure', group: 'power', phrases: ['search and seizure', 'search or similarly access', 'seize or similarly secure', 'seiz(e|ure)'] },
  // Live collection of who talks to whom, when and where.
  { id: 'real-time-traffic-data', group: 'power', phrases: ['real-time collection of traffic data', 'real-time collection', 'collect or record', 'traffic data'] },
  // The most intrusive power: the content of communications.
  { id: 'interception', group: 'power', phrases: ['interception of content data', 'intercept(ion)?', 'content data'] },
  // Service providers made to help the authorities.
  {
    id: 'compelled-assistance',
    group: 'power',
    phrases: ['compel (a |any )?service providers?', 'co-?operate and assist', 'technical capability', 'any person who has knowledge about the functioning'],
  },
  // Reaching data stored in another State's territory.
  {
    id: 'cross-border-access',
    group: 'power',
    phrases: ['trans-?border access', 'cross-border access', 'located in another (State|Party|jurisdiction)', 'without (the )?(authori[sz]ation|consent) of (another|the other) (State|Party)'],
  },
  // State-to-State requests for evidence.
  { id: 'mutual-legal-assistance', group: 'power', phrases: ['mutual legal assistance', 'mutual assistance', 'requests? for (mutual )?assistance'] },
  // Investigators of several States working as one team.
  { id: 'joint-investigations', group: 'power', phrases: ['joint investigations?', 'joint investigative (bodies|teams?)'] },
  // Data passed to another State without a request.
  { id: 'spontaneous-sharing', group: 'power', phrases: ['spontaneous(ly)?', 'without prior request'] },
];

/** The default lexicon. A `--rules` file extends or replaces it (see `classify/rules.ts`). */
export const DEFAULT_LEXICON: Lexicon = {
  topics: [...SAFEGUARDS, ...POWERS],
  // Each lets a State decide how much of the obligation it takes on.
  hedges: [
    'where appropriate',
    'as appropriate',
    'in accordance with (its|their) domestic law',
    'in accordance with (its|their) (domestic )?legal system',
    'to the extent possible',
    'to the extent (that it is |it is )?consistent with',
    'subject to (its|their) domestic law',
    'subject to',
    'where necessary',
    'as far as possible',
    'in conformity with',
    'if (it|they) (deems?|considers?) (it )?appropriate',
    'where (it is )?possible',
    'may consider',
  ],
  // Binding strength: an obligation (shall, must) outranks an intention (will), advice (should)
  // and a permission (may). Negated forms are prohibitions and are not on this scale.
  modals: [
    { phrase: 'shall(?! not)', strength: 3 },
    { phrase: 'must(?! not)', strength: 3 },
    { phrase: 'will(?! not)', strength: 2 },
    { phrase: 'should(?! not)', strength: 1 },
    { phrase: 'may(?! not)', strength: 0 },
  ],
  // Each reaches more conduct, more data or more time than before.
  wideners: ['any criminal offen[cs]es?', 'other criminal offen[cs]es', 'content data', 'in real time', 'including', 'any other', 'all offen[cs]es'],
  // Each confines a power to the gravest cases or to named data.
  narrowers: ['serious offen[cs]es', 'a range of serious offen[cs]es', 'serious crimes?', 'specified', 'specific'],
};
