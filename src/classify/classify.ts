// Reads the direction of each change from the words that changed: safeguards and powers added,
// removed, weakened, strengthened, expanded or narrowed, plus article and drafting findings.

import type { Alignment, Finding, FindingCode, PageRange, TopicGroup } from '../types.js';
import type { ArticleChange, ProvisionChange } from '../diff/diff-article.js';
import type { Provision } from '../parse/list-provisions.js';
import { articleKey } from '../parse/ids.js';
import { withoutPlaceholders } from '../parse/patterns.js';
import { findingMessage } from '../messages.js';
import { hunkEvidence, listHunks, snippet, type Hunk } from './evidence.js';
import { FINDING_INFO } from './findings.js';
import type { Lexicon, LexiconTopic } from './lexicon.js';
import { countPhrase, findPhrase, firstPhraseStart, hasAnyPhrase } from './match-phrases.js';
import { wordingStands } from './moved-text.js';
import { MASK_RUN, provisionPages, readMovedText, type DraftIndexes, type MovedPlace, type ReadTexts } from './read-moved.js';

export type { DraftIndexes } from './read-moved.js';
import { resolveContradictions } from './resolve-contradictions.js';

/** What classification found for one article. */
export interface ArticleClassification {
  findings: Finding[];
  /** Topic groups the article touches on either side (heading included). */
  topics: TopicGroup[];
}

type Evidence = { old?: string; new?: string };

/** Everything needed to build the findings of one article. */
interface Context {
  alignment: Alignment;
  lexicon: Lexicon;
  findings: Finding[];
  oldBody: string;
  newBody: string;
  /** Each provision's texts as classification reads them: moved wording masked out (see `readTexts`). */
  reads: Map<ProvisionChange, ReadTexts>;
  /** Where each finding's reading came from, for resolving contradictions (higher is more specific). */
  ranks: Map<Finding, number>;
  /** `text-moved` findings waiting to be recorded after the article-level ones. */
  moved: MovedPlace[];
  /** Both drafts indexed for moved text, when the caller gave them. */
  indexes?: DraftIndexes | undefined;
  /** Whether each side's body names a topic, asked once per article and topic (bodies of long articles are long). */
  bodyNames: Map<string, boolean>;
  /** The topics each distinct context text (parents and heading) names. */
  contextTopics: Map<string, LexiconTopic[]>;
}

/** `countPhrase` over one text, remembered per phrase. */
function memoCount(text: string): (phrase: string) => number {
  const counts = new Map<string, number>();
  return (phrase) => {
    let count = counts.get(phrase);
    if (count === undefined) {
      count = countPhrase(text, phrase);
      counts.set(phrase, count);
    }
    return count;
  };
}

/** Whether one side's article body names `topic` (cached per article). */
function bodyNames(ctx: Context, side: 'old' | 'new', topic: LexiconTopic): boolean {
  const key = `${side} ${topic.id}`;
  let names = ctx.bodyNames.get(key);
  if (names === undefined) {
    names = hasAnyPhrase(side === 'old' ? ctx.oldBody : ctx.newBody, topic.phrases);
    ctx.bodyNames.set(key, names);
  }
  return names;
}

/** How specific the reading behind a finding is: a topic phrase that came or went says more than a
 * scope word, a hedge or a modal verb around it, and those more than "wording changed". */
const RANK = { generic: 0, modal: 1, hedge: 2, scope: 3, topic: 4 } as const;

/** How messages name the parts compared like articles. */
const PART_NAME: Partial<Record<string, string>> = { preface: 'the document title', preamble: 'the preamble', conclusions: 'the final text' };

/** How a message names a part that is not an article: `the preamble`, `annex III`; undefined for an article. */
function partName(alignment: Alignment): string | undefined {
  const node = (alignment.new ?? alignment.old)?.article;
  if (node?.kind === 'annex') return `annex ${node.num ?? ''}`.trim();
  return PART_NAME[node?.kind ?? 'article'];
}

const BRACKETED = /\[[^[\]]*\]/g;
// `[deleted]` placeholders are not negotiation brackets.
const countBrackets = (text: string): number => withoutPlaceholders(text).match(BRACKETED)?.length ?? 0;

const topicsIn = (text: string, topics: LexiconTopic[]): LexiconTopic[] =>
  topics.filter((t) => hasAnyPhrase(text, t.phrases));

/** Where a finding stands and what it rests on. */
interface FindingPlace {
  /** The provision (or article) id the finding is about. */
  at: string;
  pages: { old?: PageRange; new?: PageRange };
  /** The words it was read from; none for article-level findings. */
  evidence?: Evidence;
  /** The lexicon topic, e.g. `judicial-review`. */
  topic?: string | undefined;
  /** Extra wording for the message, e.g. `2 provisions`, `to Chapter III`. */
  detail?: string | undefined;
  /** For `text-moved`: from which old provision to which new one. */
  moved?: { from: string; to: string };
  /** How specific the reading is (`RANK`); generic when absent. */
  rank?: number;
}

/** Records a finding once per code, place and topic. */
function addFinding(ctx: Context, code: FindingCode, place: FindingPlace): void {
  const { at, pages, evidence = {}, topic, detail, moved, rank = RANK.generic } = place;
  const { alignment } = ctx;
  if (ctx.findings.some((f) => f.code === code && f.at === at && f.topic === topic && f.moved?.to === moved?.to)) return;
  const article = {
    ...(alignment.old?.article.num !== undefined ? { old: alignment.old.article.num } : {}),
    ...(alignment.new?.article.num !== undefined ? { new: alignment.new.article.num } : {}),
  };
  const finding: Finding = {
    code,
    severity: FINDING_INFO[code].severity,
    ...(topic !== undefined ? { topic } : {}),
    article: { ...article, id: alignment.new?.article.id ?? alignment.old?.article.id ?? '' },
    at,
    pages,
    evidence,
    ...(moved !== undefined ? { moved } : {}),
    message: findingMessage(code, {
      ...(topic !== undefined ? { topic } : {}),
      article,
      ...(partName(alignment) !== undefined ? { name: partName(alignment)! } : {}),
      evidence,
      ...(detail !== undefined ? { detail } : {}),
    }),
  };
  ctx.findings.push(finding);
  ctx.ranks.set(finding, rank);
}

/** The hunk that overlaps most of the first span touched by a change on one side, or the first hunk. A long
 * phrase ("shall not apply ... law enforcement") may touch several changes: the one that made it counts most. */
function hunkAt(hunks: Hunk[], side: 'old' | 'new', spans: Array<[number, number]>): Hunk | undefined {
  for (const [start, end] of spans) {
    let best: Hunk | undefined;
    let bestOverlap = 0;
    for (const h of hunks) {
      const [from, to] = side === 'old' ? [h.oldStart, h.oldEnd] : [h.newStart, h.newEnd];
      const overlap = Math.min(to, end) - Math.max(from, start);
      if (overlap > bestOverlap) [best, bestOverlap] = [h, overlap];
    }
    if (best !== undefined) return best;
  }
  return hunks[0];
}

/** Evidence for a phrase that appeared or disappeared: the phrase with its clause, or the hunk that touches it. */
function phraseEvidence(p: ProvisionChange, hunks: Hunk[], side: 'old' | 'new', phrase: string, read?: ReadTexts): Evidence {
  const text = side === 'old' ? p.oldText : p.newText;
  // Spans in the read text (moved wording masked), so the evidence is the occurrence that changed.
  const readText = read === undefined ? text : side === 'old' ? read.oldRead : read.newRead;
  const spans = findPhrase(readText, phrase);
  const hunk = hunkAt(hunks, side, spans);
  const span = spans.find(([start, end]) => hunk === undefined || (side === 'old' ? hunk.oldStart < end && hunk.oldEnd > start : hunk.newStart < end && hunk.newEnd > start)) ?? spans[0];
  if (hunk !== undefined) return hunkEvidence(hunk, p.oldText, p.newText, side, span);
  const [start, end] = span ?? [0, 0];
  return { [side]: snippet(text, start, end) };
}

/** Which group a provision belongs to: the group most of its own topic words name; on a tie,
 * the one its parents and heading name ("Production order" over a scope limit inside it);
 * still tied, safeguard. */
function primaryGroup(own: LexiconTopic[], context: LexiconTopic[]): TopicGroup | undefined {
  const count = (list: LexiconTopic[], group: TopicGroup): number => list.filter((t) => t.group === group).length;
  for (const list of [own, context]) {
    const safeguards = count(list, 'safeguard');
    const powers = count(list, 'power');
    if (safeguards > powers) return 'safeguard';
    if (powers > safeguards) return 'power';
  }
  const all = [...own, ...context];
  if (count(all, 'safeguard') > 0) return 'safeguard';
  return count(all, 'power') > 0 ? 'power' : undefined;
}

const sideListCache = new WeakMap<ArticleChange, { old: Provision[]; new: Provision[] }>();

/** Provisions of each side in their document order (pairing keeps order), so `parent` indexes them;
 * listed once per article, not once per provision (articles of thousands of paragraphs exist). */
function sideLists(change: ArticleChange): { old: Provision[]; new: Provision[] } {
  let lists = sideListCache.get(change);
  if (lists === undefined) {
    lists = {
      old: change.provisions.map((q) => q.old).filter((q) => q !== undefined),
      new: change.provisions.map((q) => q.new).filter((q) => q !== undefined),
    };
    sideListCache.set(change, lists);
  }
  return lists;
}

/** Texts around a provision that tell what it is about: its parent intros and the article heading. */
function contextText(change: ArticleChange, p: ProvisionChange): string {
  const parts: string[] = [];
  for (const [side, item] of [['old', p.old], ['new', p.new]] as const) {
    if (item === undefined) continue;
    const list = sideLists(change)[side];
    for (let up = list[item.parent]; up !== undefined; up = list[up.parent]) parts.push(up.text);
    const heading = list.find((q) => q.heading);
    if (heading !== undefined) parts.push(heading.text);
  }
  return parts.join(' ');
}

const strengths = (text: string, lexicon: Lexicon): number[] =>
  lexicon.modals.filter((m) => countPhrase(text, m.phrase) > 0).map((m) => m.strength);

/** Counts `phrase` in `text`, leaving out hedges that introduce a safeguard: "subject to appropriate
 * safeguards" or "subject to judicial review" conditions a power on a safeguard; it hedges nothing. */
function countHedge(text: string, hedge: string, lexicon: Lexicon): number {
  const phrases = safeguardPhrases(lexicon);
  return findPhrase(text, hedge).filter(([, end]) => !startsWithPhrase(text.slice(end, end + 60), phrases)).length;
}

const safeguardPhraseCache = new WeakMap<Lexicon, string[]>();

/** The phrases of the lexicon's protective safeguard topics (carve-outs aside), listed once per lexicon. */
function safeguardPhrases(lexicon: Lexicon): string[] {
  let phrases = safeguardPhraseCache.get(lexicon);
  if (phrases === undefined) {
    phrases = lexicon.topics.filter((t) => t.group === 'safeguard' && t.effect !== 'exempts').flatMap((t) => t.phrases);
    safeguardPhraseCache.set(lexicon, phrases);
  }
  return phrases;
}

/** True when one of `phrases` starts within the first four words of `text`. */
function startsWithPhrase(text: string, phrases: string[]): boolean {
  const head = /^(\W*[\p{L}\p{N}'-]+){0,4}/u.exec(text)?.[0] ?? '';
  const start = firstPhraseStart(text, phrases);
  return start !== -1 && start <= head.length;
}

/** Which side of a topic a change reads as, given the topic's effect: a carve-out arriving weakens. */
function topicCodes(topic: LexiconTopic): { came: [FindingCode, FindingCode]; went: [FindingCode, FindingCode] } {
  if (topic.group === 'power') return { came: ['power-added', 'power-expanded'], went: ['power-removed', 'power-narrowed'] };
  if (topic.effect === 'exempts') return { came: ['safeguard-weakened', 'safeguard-weakened'], went: ['safeguard-strengthened', 'safeguard-strengthened'] };
  return { came: ['safeguard-added', 'safeguard-strengthened'], went: ['safeguard-removed', 'safeguard-weakened'] };
}

/** Findings of one changed provision of a paired (or added/removed-provision) article. */
function classifyProvision(ctx: Context, change: ArticleChange, p: ProvisionChange): void {
  const { lexicon } = ctx;
  // Whether the provision is there on each side: a `[deleted]` placeholder counts as gone (its kind is `removed`).
  const hasOld = p.diff.kind !== 'added';
  const hasNew = p.diff.kind !== 'removed';
  const read = ctx.reads.get(p) ?? { oldRead: p.oldText, newRead: p.newText, movedTo: [], movedFrom: [] };
  const { oldRead, newRead } = read;
  const own = topicsIn(`${oldRead} ${newRead}`, lexicon.topics);
  const contextWords = contextText(change, p);
  // Provisions of one article share their parents and heading: their topics are found once.
  let context = ctx.contextTopics.get(contextWords);
  if (context === undefined) {
    context = topicsIn(contextWords, lexicon.topics);
    ctx.contextTopics.set(contextWords, context);
  }
  // Each phrase is counted once a side, however many readings below ask.
  const counted = { old: memoCount(oldRead), new: memoCount(newRead) };
  const group = primaryGroup(own, context);
  // The topic the heading or parent also names wins ("Interception of content data" over the
  // "collect or record" of real-time collection in the same sentence).
  // A carve-out is never what a hedge or a modal weakens: it names whom the rules spare, not a protection.
  const protective = (t: LexiconTopic): boolean => t.group === group && t.effect !== 'exempts';
  const groupTopic = (
    own.find((t) => protective(t) && context.includes(t)) ??
    [...own, ...context].find(protective)
  )?.id;
  // Hunks as read: moved wording masked out of what was deleted and inserted; a hunk that only moved
  // text (nothing left once masked) is not a change of this provision.
  const hunks = listHunks(p.ops)
    .map((h) => ({ ...h, deleted: oldRead.slice(h.oldStart, h.oldEnd), inserted: newRead.slice(h.newStart, h.newEnd) }))
    .filter((h) => /[\p{L}\p{N}]/u.test(h.deleted.replace(MASK_RUN, '')) || /[\p{L}\p{N}]/u.test(h.inserted.replace(MASK_RUN, '')));
  const at = p.diff.id;
  const pages = provisionPages(p);
  const add = (code: FindingCode, evidence: Evidence, rank: number, topic?: string, detail?: string): void =>
    addFinding(ctx, code, { at, pages, evidence, topic, detail, rank });
  const weaken = (evidence: Evidence, rank: number, topic = groupTopic): void => {
    if (group === 'safeguard') add('safeguard-weakened', evidence, rank, topic);
    if (group === 'power') add('power-narrowed', evidence, rank, topic);
  };
  const strengthen = (evidence: Evidence, rank: number, topic = groupTopic): void => {
    if (group === 'safeguard') add('safeguard-strengthened', evidence, rank, topic);
    if (group === 'power') add('power-expanded', evidence, rank, topic);
  };

  // Modal verbs replaced inside one change: shall -> may weakens an obligation; for a power,
  // an obligation to enable it becoming optional narrows it.
  for (const hunk of hunks) {
    const oldModals = strengths(hunk.deleted, lexicon);
    const newModals = strengths(hunk.inserted, lexicon);
    if (oldModals.length === 0 || newModals.length === 0) continue;
    const evidence = hunkEvidence(hunk, p.oldText, p.newText);
    if (Math.max(...newModals) < Math.max(...oldModals)) {
      add('modal-shift', evidence, RANK.modal, groupTopic);
      weaken(evidence, RANK.modal);
    } else if (Math.min(...newModals) > Math.min(...oldModals)) {
      add('modal-shift', evidence, RANK.modal, groupTopic);
      strengthen(evidence, RANK.modal);
    }
  }

  // Hedges: an added "where appropriate" lets a State do less. Only within a provision present
  // on both sides: a whole new provision brings its hedges with the obligation they qualify.
  const hedges = hasOld && hasNew ? lexicon.hedges : [];
  for (const hedge of hedges) {
    const before = countHedge(oldRead, hedge, lexicon);
    const after = countHedge(newRead, hedge, lexicon);
    if (after > before) {
      const evidence = phraseEvidence(p, hunks, 'new', hedge, read);
      add('qualifier-added', evidence, RANK.hedge, groupTopic);
      weaken(evidence, RANK.hedge);
      break;
    }
    if (after < before) {
      const evidence = phraseEvidence(p, hunks, 'old', hedge, read);
      add('qualifier-removed', evidence, RANK.hedge, groupTopic);
      strengthen(evidence, RANK.hedge);
      break;
    }
  }

  // Topic phrases that appeared or disappeared.
  // Only topics the provision names on either side can have come or gone (`own`, in lexicon order).
  const safeguardDeleted = own.some(
    (t) => t.group === 'safeguard' && t.effect !== 'exempts' && t.phrases.some((ph) => counted.new(ph) < counted.old(ph)),
  );
  for (const topic of own) {
    // A phrase whose provision's wording moved to a place that carries the same phrase moved with it,
    // even reworded ("upon a reasoned request" from article 64(2) into 63(9)); so did one that came in.
    const gone = topic.phrases.filter(
      (ph) => counted.new(ph) < counted.old(ph) && !read.movedTo.some((t) => countPhrase(t, ph) > 0),
    );
    const come = topic.phrases.filter((ph) => counted.new(ph) > counted.old(ph) && !read.movedFrom.some((t) => countPhrase(t, ph) > 0));
    if (gone.length === 0 && come.length === 0) continue;
    // A deleted safeguard clause names the power it guards ("mutual assistance conditional upon
    // dual criminality"): deleting it narrows no power, it removes a condition on one.
    if (topic.group === 'power' && come.length === 0 && safeguardDeleted) continue;
    const inOld = bodyNames(ctx, 'old', topic);
    const inNew = bodyNames(ctx, 'new', topic);
    const codes = topicCodes(topic);
    const modified: FindingCode = topic.group === 'safeguard' ? 'safeguard-modified' : 'power-modified';
    if (gone.length > 0 && come.length > 0) {
      const evidence = phraseEvidence(p, hunks, 'old', gone[0] as string, read);
      // A carve-out reworded into another (military purposes -> military, defence or national security)
      // is read by the phrase that came: the new carve-out is what the reader must weigh.
      if (topic.effect === 'exempts') add(codes.came[1], phraseEvidence(p, hunks, 'new', come[0] as string, read), RANK.topic, topic.id);
      else add(modified, evidence, RANK.topic, topic.id);
    } else if (gone.length > 0) {
      const evidence = phraseEvidence(p, hunks, 'old', gone[0] as string, read);
      // A whole provision deleted takes its safeguard or power with it, even when the topic
      // survives elsewhere in the article (one ground for refusal struck from a list of several).
      const whole = !hasNew || !inNew;
      // A carve-out that still stands elsewhere in the article was moved or reworded, not lifted.
      if (topic.effect === 'exempts' && inNew) add(modified, evidence, RANK.topic, topic.id);
      else add(whole ? codes.went[0] : codes.went[1], evidence, RANK.topic, topic.id);
    } else {
      const evidence = phraseEvidence(p, hunks, 'new', come[0] as string, read);
      const whole = !hasOld || !inOld;
      add(whole ? codes.came[0] : codes.came[1], evidence, RANK.topic, topic.id);
    }
  }

  // Scope: "any criminal offence", "critical infrastructure" or "by any natural or legal person" widens,
  // "serious offences", "imminent" or "by public authorities" narrows. Read on the power when the
  // provision's own words (else its parents') name one: the objectives for which 'real-time' biometric
  // identification may be used are the reach of that power even inside a ban. Else read on a safeguard:
  // a ban on social scoring that no longer says "by public authorities" protects against everyone.
  // Only within a provision present on both sides: a new provision's scope words belong to the
  // power it adds (reported above as added), not to a change of an existing one.
  const scopeGroup: TopicGroup | undefined = own.some((t) => t.group === 'power') ? 'power'
    : own.some((t) => t.group === 'safeguard' && t.effect !== 'exempts') ? 'safeguard'
    : context.some((t) => t.group === 'power') ? 'power'
    : undefined;
  if (hasOld && hasNew && scopeGroup !== undefined) {
    const scopeTopic = (own.find((t) => t.group === scopeGroup && context.includes(t)) ?? [...own, ...context].find((t) => t.group === scopeGroup))?.id;
    const [wider, narrower]: [FindingCode, FindingCode] = scopeGroup === 'power' ? ['power-expanded', 'power-narrowed'] : ['safeguard-strengthened', 'safeguard-weakened'];
    const moved = (phrases: string[]): [string | undefined, string | undefined] => [
      phrases.find((ph) => counted.new(ph) > counted.old(ph)),
      phrases.find((ph) => counted.new(ph) < counted.old(ph)),
    ];
    const [widerIn, widerOut] = moved(lexicon.wideners);
    const [narrowerIn, narrowerOut] = moved(lexicon.narrowers);
    const scope = (code: FindingCode, side: 'old' | 'new', phrase: string): void =>
      addFinding(ctx, code, { at, pages, evidence: phraseEvidence(p, hunks, side, phrase, read), topic: scopeTopic, rank: RANK.scope });
    if (widerIn !== undefined) scope(wider, 'new', widerIn);
    else if (narrowerOut !== undefined) scope(wider, 'old', narrowerOut);
    // A narrower that arrived in the same change as a widener qualifies what was added ("or other
    // specific offences punishable ... of at least five years" adds offences); it narrows nothing.
    const sameHunk = (phrase: string): boolean => {
      if (widerIn === undefined) return false;
      const w = hunkAt(hunks, 'new', findPhrase(newRead, widerIn));
      return w !== undefined && w === hunkAt(hunks, 'new', findPhrase(newRead, phrase));
    };
    if (narrowerIn !== undefined && !sameHunk(narrowerIn)) scope(narrower, 'new', narrowerIn);
    else if (narrowerIn === undefined && widerOut !== undefined) scope(narrower, 'old', widerOut);
  }

  // Changed wording in a safeguard or power provision that none of the above could read.
  // Brackets put on or taken off the same words are reported as brackets-added/-resolved only.
  const unbracket = (text: string): string => text.replace(/[[\]]/g, '');
  const bracketsOnly = hunks.every((h) => unbracket(h.deleted).trim() === unbracket(h.inserted).trim());
  if (group !== undefined && hunks.length > 0 && !bracketsOnly) {
    const already = ctx.findings.some((f) => f.at === at && (FINDING_INFO[f.code].group === 'safeguard' || FINDING_INFO[f.code].group === 'power'));
    const first = hunks[0] as Hunk;
    if (!already) add(group === 'safeguard' ? 'safeguard-modified' : 'power-modified', hunkEvidence(first, p.oldText, p.newText), RANK.generic, groupTopic);
  }
}

/** Article-added / article-removed plus one finding per topic the whole article carries. */
function classifyWholeArticle(ctx: Context, change: ArticleChange, side: 'old' | 'new'): void {
  const { alignment } = ctx;
  const entry = side === 'old' ? alignment.old : alignment.new;
  // Deleted in place: the new draft keeps the number on a `[deleted]` placeholder (with or without an old article to pair with).
  const placeholder = side === 'old' && alignment.new?.article.deleted === true ? alignment.new.article : undefined;
  if (entry === undefined) {
    if (placeholder !== undefined) addFinding(ctx, 'article-removed', { at: placeholder.id, pages: { new: placeholder.pages }, detail: 'kept as [deleted]' });
    return;
  }
  const pages = side === 'old' ? { old: entry.article.pages, ...(placeholder !== undefined ? { new: placeholder.pages } : {}) } : { new: entry.article.pages };
  const detail = placeholder !== undefined ? 'kept as [deleted]' : undefined;
  addFinding(ctx, side === 'old' ? 'article-removed' : 'article-added', { at: entry.article.id, pages, detail });
  for (const topic of ctx.lexicon.topics) {
    for (const p of change.provisions) {
      const item = p[side];
      if (item === undefined || item.heading) continue;
      // Read with moved wording masked: an article deleted because its text went to another article
      // takes nothing with it.
      const readText = side === 'old' ? (ctx.reads.get(p)?.oldRead ?? item.text) : (ctx.reads.get(p)?.newRead ?? item.text);
      // One pass for the whole topic first: most provisions name few topics.
      if (!hasAnyPhrase(readText, topic.phrases)) continue;
      // A part the new draft no longer has (a preamble its reader did not find) whose clause still stands
      // elsewhere in the new draft took nothing with it: quote only an occurrence whose clause is gone.
      const gone = (span: [number, number]): boolean =>
        side === 'new' || ctx.indexes === undefined || !wordingStands(snippet(item.text, span[0], span[1]), ctx.indexes.new);
      const phrase = topic.phrases.find((ph) => findPhrase(readText, ph).some(gone));
      if (phrase === undefined) continue;
      const span = findPhrase(readText, phrase).find(gone) ?? [0, 0];
      const codes = topicCodes(topic);
      const code: FindingCode = side === 'old' ? codes.went[0] : codes.came[0];
      addFinding(ctx, code, { at: item.id, pages: { [side]: item.pages }, evidence: { [side]: snippet(item.text, span[0], span[1]) }, topic: topic.id, rank: RANK.topic });
      break;
    }
  }
}

/**
 * The findings of one aligned article and the topic groups it touches. Deterministic: the
 * same diff and lexicon give the same findings in the same order (article-level first, then
 * provision by provision). Unchanged and reference-only provisions give no findings, and a
 * heading that merely names a topic is not a finding by itself.
 *
 * `indexes` (both drafts indexed, see `moved-text.ts`) lets it see moved text: wording deleted here that
 * stands elsewhere in the new draft is reported as `text-moved`, never as a removed safeguard or power.
 * One evidence never carries two opposite directions (see `resolve-contradictions.ts`).
 *
 * Example: an article whose paragraph changes "States Parties shall ensure judicial review" to
 * "States Parties may ensure judicial review" gives article-modified, modal-shift and
 * safeguard-weakened (topic judicial-review), evidence "shall" -> "may" with context.
 */
export function classifyChanges(alignment: Alignment, change: ArticleChange, lexicon: Lexicon, indexes?: DraftIndexes): ArticleClassification {
  const body = (side: 'oldText' | 'newText'): string =>
    change.provisions.filter((p) => !(p.old?.heading ?? p.new?.heading ?? false)).map((p) => p[side]).join(' ');
  const ctx: Context = { alignment, lexicon, findings: [], oldBody: body('oldText'), newBody: body('newText'), reads: new Map(), ranks: new Map(), moved: [], indexes, bodyNames: new Map(), contextTopics: new Map() };
  const read = readMovedText(change, indexes);
  ctx.reads = read.reads;
  ctx.moved = read.moved;
  const headings = change.provisions.filter((p) => p.old?.heading === true || p.new?.heading === true);
  // Each distinct text once: for most articles of a new draft both sides read the same.
  const allText = [...new Set([ctx.oldBody, ctx.newBody, ...headings.flatMap((h) => [h.oldText, h.newText])])].join(' ');
  const groups = new Set(topicsIn(allText, lexicon.topics).map((t) => t.group));
  const topics = (['safeguard', 'power'] as const).filter((g) => groups.has(g));

  // Moved wording, once per article pair (whole-article changes too: an article whose text went elsewhere).
  const recordMoved = (): void => {
    for (const place of ctx.moved) addFinding(ctx, 'text-moved', place);
  };
  // By kind, not by which sides are set: an article deleted in place is `removed` with a placeholder as its new side.
  if (alignment.kind === 'added') classifyWholeArticle(ctx, change, 'new');
  else if (alignment.kind === 'removed') {
    classifyWholeArticle(ctx, change, 'old');
    recordMoved();
  } else if (alignment.old !== undefined && alignment.new !== undefined) {
    const oldArticle = alignment.old.article;
    const newArticle = alignment.new.article;
    const at = newArticle.id;
    const pages = { old: oldArticle.pages, new: newArticle.pages };
    if (articleKey(oldArticle.num ?? '') !== articleKey(newArticle.num ?? '')) addFinding(ctx, 'article-renumbered', { at, pages });
    if (alignment.kind === 'moved') {
      const path = alignment.new.ancestors.map((a) => [a.num, a.heading].filter(Boolean).join(' ')).join(' / ');
      addFinding(ctx, 'article-moved', { at, pages, detail: path === '' ? undefined : `to ${path}` });
    }
    const changed = change.provisions.filter((p) => p.diff.kind !== 'unchanged' && p.diff.referenceOnly !== true);
    if (changed.length > 0) {
      addFinding(ctx, 'article-modified', { at, pages, detail: `${changed.length} provision${changed.length === 1 ? '' : 's'}` });
    }
    const originalOld = change.provisions.map((p) => (p.old !== undefined && !p.old.heading ? p.diff.ops.filter((o) => o.op !== 'insert').map((o) => o.text).join('') : '')).join(' ');
    const oldBrackets = countBrackets(originalOld);
    const newBrackets = countBrackets(ctx.newBody);
    if (newBrackets > oldBrackets) addFinding(ctx, 'brackets-added', { at, pages, detail: `${oldBrackets} -> ${newBrackets}` });
    if (newBrackets < oldBrackets) addFinding(ctx, 'brackets-resolved', { at, pages, detail: `${oldBrackets} -> ${newBrackets}` });
    recordMoved();
    for (const p of changed) {
      if (p.old?.heading === true || p.new?.heading === true) continue;
      classifyProvision(ctx, change, p);
    }
  }
  return { findings: resolveContradictions(ctx.findings, ctx.ranks), topics };
}
