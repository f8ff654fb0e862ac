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
  /**
   * What the phrase does when it appears. `grants` (the default): the phrase is the safeguard or the
   * power itself, so its arrival adds or strengthens it. `exempts`: the phrase takes something out of the
   * rules (a carve-out for law enforcement or national security), so in a safeguard topic its arrival
   * weakens the safeguards and its departure strengthens them. Only safeguard topics may exempt.
   */
  effect?: 'grants' | 'exempts';
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
  // Carve-outs: the rules stop applying for law enforcement, national security, defence, border control
  // or migration. Their arrival weakens every safeguard of the text for those users, so the topic
  // `exempts`: added reads `safeguard-weakened`, removed `safeguard-strengthened`. Each phrase ties the
  // exclusion to one of those purposes within one clause; a bare "shall not apply" is not a carve-out.
  {
    id: 'exemption',
    group: 'safeguard',
    effect: 'exempts',
    phrases: [
      'shall not (apply|cover)[^.;:]{0,120}?(law enforcement|national security|military|defen[cs]e|border control|immigration|asylum|criminal offen[cs]es)',
      'with the exception of[^.;:]{0,60}?(law enforcement|national security|military|defen[cs]e|border control|immigration|asylum)',
      'except (for |where |when )?[^.;:]{0,60}?(law enforcement|national security|military|defen[cs]e|border control|immigration|asylum) (purposes|authorities|activities)',
      'without prejudice to[^.;:]{0,100}?national security',
      '(military|defen[cs]e)(,| or| and)[^.;:]{0,20}?national security',
      'exclusively for military( or defen[cs]e)? purposes',
      'outside the scope of Union law',
    ],
  },
  // A ban on a practice (social scoring of natural persons): a protection of everyone against it.
  { id: 'prohibited-practice', group: 'safeguard', phrases: ['social scor(e|es|ing)', 'evaluation or classification of (the trustworthiness of )?natural persons'] },
  // Prior authorisation by a judge or an independent administrative authority, and the urgency
  // procedures that let a power start without it (an urgency exception added weakens the safeguard).
  {
    id: 'prior-authorisation',
    group: 'safeguard',
    phrases: [
      'prior authori[sz]ation',
      'authori[sz]ation (granted|issued) by a judicial (authority )?or (by )?an independent administrative authority',
      'independent administrative authority',
      'reasoned request',
    ],
  },
  // Time limits and retention periods: how long a measure may last or data may be kept.
  {
    id: 'time-limits',
    group: 'safeguard',
    phrases: [
      'for a (maximum )?period (of|not exceeding) (at most |no more than )?[\\w-]+ (days|weeks|months|years)',
      'no longer than (is )?(necessary|strictly necessary)',
      'deleted (once|after|when|without undue delay)',
      'time limits?',
      'retention periods?',
      'temporal, geographic and personal limitations',
    ],
  },
  // The people concerned are told that the measure was used on them (after the fact, if need be).
  { id: 'notification-of-persons', group: 'safeguard', phrases: ['inform(ed)? (of the operation of the system )?the natural persons exposed', 'natural persons (are|shall be) informed'] },
];

const POWERS: LexiconTopic[] = [
  // Orders to keep data from being deleted until it can be obtained. Only preservation of data or
  // evidence for investigators: "cooperation between providers shall preserve ... intellectual property
  // rights" (EU AI Act art. 4b) keeps a right intact and is no surveillance power, so bare "preserve" is not here.
  {
    id: 'preservation',
    group: 'power',
    phrases: [
      'expedit(ed|ious) preservation',
      'preservation orders?',
      'preserv(e|ed|ing|ation)( expeditiously| promptly)?( and maintain)?( the integrity)?( of)? (such |that |the |specified |stored |any )*(computer |electronic |traffic |content |subscriber )?(data|evidence)',
    ],
  },
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
  // Recognising people by face, gait or voice at a distance: the mass-surveillance tool of the AI Act
  // debate. "'real-time'" (live) is the graver form, "post" (after the fact) the other; both are powers.
  {
    id: 'biometric-identification',
    group: 'power',
    phrases: [
      "'?real-time'? remote biometric identification",
      "'?post'? remote biometric identification",
      'remote biometric identification',
      'biometric identification',
      'facial recognition',
    ],
  },
  // Inferring emotions or intentions from biometric data (faces, voices) of people in view.
  { id: 'emotion-recognition', group: 'power', phrases: ['emotion recognition( systems?)?', 'recogni[sz]ing emotions?'] },
  // Sorting people into categories (ethnicity, opinions, orientation) from their biometric data.
  { id: 'biometric-categorisation', group: 'power', phrases: ['biometric categori[sz]ation( systems?)?'] },
  // Assessing people's risk of offending or predicting crime: surveillance aimed before any offence.
  {
    id: 'predictive-policing',
    group: 'power',
    phrases: [
      'predictive policing',
      'predict(ing)? the occurrence or reoccurrence of an actual or potential criminal offen[cs]e',
      'risk of (a natural person )?(offending|reoffending)',
      'individual risk assessments? of natural persons',
    ],
  },
  // Scanning or detecting the content of communications in bulk (detection orders, client-side scanning).
  {
    id: 'communications-scanning',
    group: 'power',
    phrases: ['detection orders?', 'client-side scanning', 'scan(ning)? (of )?(the )?(content of )?(private |interpersonal |electronic )?communications', 'detect(ing|ion of)? (the )?dissemination'],
  },
  // Reaching the plain text of encrypted data: decryption orders, lawful access, weakened encryption.
  {
    id: 'encrypted-data-access',
    group: 'power',
    phrases: ['decrypt(ion|ed)?', 'access to encrypted (data|communications)', 'lawful access to encrypted', 'circumvent(ing)? encryption', 'break(ing)? encryption'],
  },
  // Keeping everyone's data in advance in case investigators ask: general or targeted retention.
  {
    id: 'data-retention',
    group: 'power',
    phrases: ['data retention', 'retention of (traffic |communications |location |personal |subscriber )?data', 'retain (the |such )?(traffic |communications |location |personal |subscriber )?data'],
  },
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
  // Each reaches more conduct, more data, more time, more actors or more purposes than before. A
  // widened power is `power-expanded`; a widened ban or safeguard (social scoring banned for private
  // actors as well) is `safeguard-strengthened`.
  wideners: [
    'any criminal offen[cs]es?',
    'other criminal offen[cs]es',
    'or other (specific |serious )?(criminal )?offen[cs]es',
    'content data',
    'in real time',
    'including',
    'any other',
    'all offen[cs]es',
    // Actors: anyone, not only the State.
    'by any (natural or legal )?person',
    'any other natural or legal person',
    'regardless of the type of entity',
    // Purposes: threats and aims added to a list of objectives.
    'critical infrastructure',
    'executing a criminal penalty',
    'public security',
  ],
  // Each confines a power or a ban to the gravest cases, named data, named actors or an imminent threat.
  narrowers: [
    'serious offen[cs]es',
    'a range of serious offen[cs]es',
    'serious crimes?',
    'specified',
    'specific',
    // Actors: only the State.
    'by public authorities( or on their behalf)?',
    // Purposes and thresholds: only an imminent threat, only offences above a custodial threshold.
    'imminent',
    'punishable[^.;:]{0,60}?by a custodial sentence[^.;:]{0,80}?of at least (three|3|four|4|five|5|ten|10) years',
  ],
};
