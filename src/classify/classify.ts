// Reads the direction of each change from the words that changed: safeguards and powers added,
// removed, weakened, strengthened, expanded or narrowed, plus article and drafting findings.

import type { Alignment, Finding, FindingCode, PageRange, TopicGroup } from '../types.js';
import type { ArticleChange, ProvisionChange } from '../diff/diff-article.js';
import { articleKey } from '../parse/ids.js';
import { withoutPlaceholders } from '../parse/patterns.js';
import { findingMessage } from '../messages.js';
import { hunkEvidence, listHunks, snippet, type Hunk } from './evidence.js';
import { FINDING_INFO } from './findings.js';
import type { Lexicon, LexiconTopic } from './lexicon.js';
import { countPhrase, findPhrase, hasAnyPhrase } from './match-phrases.js';

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
}

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
}

/** Records a finding once per code, place and topic. */
function addFinding(ctx: Context, code: FindingCode, place: FindingPlace): void {
  const { at, pages, evidence = {}, topic, detail } = place;
  const { alignment } = ctx;
  if (ctx.findings.some((f) => f.code === code && f.at === at && f.topic === topic)) return;
  const article = {
    ...(alignment.old?.article.num !== undefined ? { old: alignment.old.article.num } : {}),
    ...(alignment.new?.article.num !== undefined ? { new: alignment.new.article.num } : {}),
  };
  ctx.findings.push({
    code,
    severity: FINDING_INFO[code].severity,
    ...(topic !== undefined ? { topic } : {}),
    article: { ...article, id: alignment.new?.article.id ?? alignment.old?.article.id ?? '' },
    at,
    pages,
    evidence,
    message: findingMessage(code, {
      ...(topic !== undefined ? { topic } : {}),
      article,
      ...(partName(alignment) !== undefined ? { name: partName(alignment)! } : {}),
      evidence,
      ...(detail !== undefined ? { detail } : {}),
    }),
  });
}

const provisionPages = (p: ProvisionChange): { old?: PageRange; new?: PageRange } => ({
  ...(p.old !== undefined ? { old: p.old.pages } : {}),
  ...(p.new !== undefined ? { new: p.new.pages } : {}),
});

/** The first hunk touching `[start, end)` on one side, or the first hunk. */
function hunkAt(hunks: Hunk[], side: 'old' | 'new', spans: Array<[number, number]>): Hunk | undefined {
  for (const [start, end] of spans) {
    const hit = hunks.find((h) =>
      side === 'old' ? h.oldStart < end && h.oldEnd > start : h.newStart < end && h.newEnd > start,
    );
    if (hit !== undefined) return hit;
  }
  return hunks[0];
}

/** Evidence for a phrase that appeared or disappeared: the hunk that touches it. */
function phraseEvidence(p: ProvisionChange, hunks: Hunk[], side: 'old' | 'new', phrase: string): Evidence {
  const text = side === 'old' ? p.oldText : p.newText;
  const spans = findPhrase(text, phrase);
  const hunk = hunkAt(hunks, side, spans);
  if (hunk !== undefined) return hunkEvidence(hunk, p.oldText, p.newText);
  const span = spans[0] ?? [0, 0];
  return { [side]: snippet(text, span[0], span[1]) };
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

/** Texts around a provision that tell what it is about: its parent intros and the article heading. */
function contextText(change: ArticleChange, p: ProvisionChange): string {
  const parts: string[] = [];
  for (const [side, item] of [['old', p.old], ['new', p.new]] as const) {
    if (item === undefined) continue;
    // Provisions of one side in their document order (pairing keeps order), so `parent` indexes it.
    const list = change.provisions.map((q) => q[side]).filter((q) => q !== undefined);
    for (let up = list[item.parent]; up !== undefined; up = list[up.parent]) parts.push(up.text);
    const heading = list.find((q) => q.heading);
    if (heading !== undefined) parts.push(heading.text);
  }
  return parts.join(' ');
}

const strengths = (text: string, lexicon: Lexicon): number[] =>
  lexicon.modals.filter((m) => countPhrase(text, m.phrase) > 0).map((m) => m.strength);

/** Findings of one changed provision of a paired (or added/removed-provision) article. */
function classifyProvision(ctx: Context, change: ArticleChange, p: ProvisionChange): void {
  const { lexicon } = ctx;
  // Whether the provision is there on each side: a `[deleted]` placeholder counts as gone (its kind is `removed`).
  const hasOld = p.diff.kind !== 'added';
  const hasNew = p.diff.kind !== 'removed';
  const own = topicsIn(`${p.oldText} ${p.newText}`, lexicon.topics);
  const context = topicsIn(contextText(change, p), lexicon.topics);
  const group = primaryGroup(own, context);
  // The topic the heading or parent also names wins ("Interception of content data" over the
  // "collect or record" of real-time collection in the same sentence).
  const groupTopic = (
    own.find((t) => t.group === group && context.includes(t)) ??
    [...own, ...context].find((t) => t.group === group)
  )?.id;
  const hunks = listHunks(p.ops);
  const at = p.diff.id;
  const pages = provisionPages(p);
  const add = (code: FindingCode, evidence: Evidence, topic?: string, detail?: string): void =>
    addFinding(ctx, code, { at, pages, evidence, topic, detail });
  const weaken = (evidence: Evidence, topic = groupTopic): void => {
    if (group === 'safeguard') add('safeguard-weakened', evidence, topic);
    if (group === 'power') add('power-narrowed', evidence, topic);
  };
  const strengthen = (evidence: Evidence, topic = groupTopic): void => {
    if (group === 'safeguard') add('safeguard-strengthened', evidence, topic);
    if (group === 'power') add('power-expanded', evidence, topic);
  };

  // Modal verbs replaced inside one change: shall -> may weakens an obligation; for a power,
  // an obligation to enable it becoming optional narrows it.
  for (const hunk of hunks) {
    const oldModals = strengths(hunk.deleted, lexicon);
    const newModals = strengths(hunk.inserted, lexicon);
    if (oldModals.length === 0 || newModals.length === 0) continue;
    const evidence = hunkEvidence(hunk, p.oldText, p.newText);
    if (Math.max(...newModals) < Math.max(...oldModals)) {
      add('modal-shift', evidence, groupTopic);
      weaken(evidence);
    } else if (Math.min(...newModals) > Math.min(...oldModals)) {
      add('modal-shift', evidence, groupTopic);
      strengthen(evidence);
    }
  }

  // Hedges: an added "where appropriate" lets a State do less. Only within a provision present
  // on both sides: a whole new provision brings its hedges with the obligation they qualify.
  const hedges = hasOld && hasNew ? lexicon.hedges : [];
  for (const hedge of hedges) {
    const before = countPhrase(p.oldText, hedge);
    const after = countPhrase(p.newText, hedge);
    if (after > before) {
      const evidence = phraseEvidence(p, hunks, 'new', hedge);
      add('qualifier-added', evidence, groupTopic);
      weaken(evidence);
      break;
    }
    if (after < before) {
      const evidence = phraseEvidence(p, hunks, 'old', hedge);
      add('qualifier-removed', evidence, groupTopic);
      strengthen(evidence);
      break;
    }
  }

  // Topic phrases that appeared or disappeared.
  const safeguardDeleted = lexicon.topics.some(
    (t) => t.group === 'safeguard' && t.phrases.some((ph) => countPhrase(p.newText, ph) < countPhrase(p.oldText, ph)),
  );
  for (const topic of lexicon.topics) {
    const gone = topic.phrases.filter((ph) => countPhrase(p.newText, ph) < countPhrase(p.oldText, ph));
    const come = topic.phrases.filter((ph) => countPhrase(p.newText, ph) > countPhrase(p.oldText, ph));
    if (gone.length === 0 && come.length === 0) continue;
    // A deleted safeguard clause names the power it guards ("mutual assistance conditional upon
    // dual criminality"): deleting it narrows no power, it removes a condition on one.
    if (topic.group === 'power' && come.length === 0 && safeguardDeleted) continue;
    const inOld = hasAnyPhrase(ctx.oldBody, topic.phrases);
    const inNew = hasAnyPhrase(ctx.newBody, topic.phrases);
    const safeguard = topic.group === 'safeguard';
    if (gone.length > 0 && come.length > 0) {
      const evidence = phraseEvidence(p, hunks, 'old', gone[0] as string);
      add(safeguard ? 'safeguard-modified' : 'power-modified', evidence, topic.id);
    } else if (gone.length > 0) {
      const evidence = phraseEvidence(p, hunks, 'old', gone[0] as string);
      // A whole provision deleted takes its safeguard or power with it, even when the topic
      // survives elsewhere in the article (one ground for refusal struck from a list of several).
      const whole = !hasNew || !inNew;
      if (safeguard) add(whole ? 'safeguard-removed' : 'safeguard-weakened', evidence, topic.id);
      else add(whole ? 'power-removed' : 'power-narrowed', evidence, topic.id);
    } else {
      const evidence = phraseEvidence(p, hunks, 'new', come[0] as string);
      const whole = !hasOld || !inOld;
      if (safeguard) add(whole ? 'safeguard-added' : 'safeguard-strengthened', evidence, topic.id);
      else add(whole ? 'power-added' : 'power-expanded', evidence, topic.id);
    }
  }

  // Scope of a power: "any criminal offence" or "in real time" widens, "serious offences" narrows.
  // Only within a provision present on both sides: a new provision's scope words belong to the
  // power it adds (reported above as added), not to a change of an existing one.
  if (hasOld && hasNew && (group === 'power' || own.some((t) => t.group === 'power'))) {
    const powerTopic = (own.find((t) => t.group === 'power' && context.includes(t)) ?? [...own, ...context].find((t) => t.group === 'power'))?.id;
    const moved = (phrases: string[]): [string | undefined, string | undefined] => [
      phrases.find((ph) => countPhrase(p.newText, ph) > countPhrase(p.oldText, ph)),
      phrases.find((ph) => countPhrase(p.newText, ph) < countPhrase(p.oldText, ph)),
    ];
    const [widerIn, widerOut] = moved(lexicon.wideners);
    const [narrowerIn, narrowerOut] = moved(lexicon.narrowers);
    if (widerIn !== undefined) addFinding(ctx, 'power-expanded', { at, pages, evidence: phraseEvidence(p, hunks, 'new', widerIn), topic: powerTopic });
    else if (narrowerOut !== undefined) addFinding(ctx, 'power-expanded', { at, pages, evidence: phraseEvidence(p, hunks, 'old', narrowerOut), topic: powerTopic });
    if (narrowerIn !== undefined) addFinding(ctx, 'power-narrowed', { at, pages, evidence: phraseEvidence(p, hunks, 'new', narrowerIn), topic: powerTopic });
    else if (widerOut !== undefined) addFinding(ctx, 'power-narrowed', { at, pages, evidence: phraseEvidence(p, hunks, 'old', widerOut), topic: powerTopic });
  }

  // Changed wording in a safeguard or power provision that none of the above could read.
  // Brackets put on or taken off the same words are reported as brackets-added/-resolved only.
  const unbracket = (text: string): string => text.replace(/[[\]]/g, '');
  const bracketsOnly = hunks.every((h) => unbracket(h.deleted).trim() === unbracket(h.inserted).trim());
  if (group !== undefined && hunks.length > 0 && !bracketsOnly) {
    const already = ctx.findings.some((f) => f.at === at && (FINDING_INFO[f.code].group === 'safeguard' || FINDING_INFO[f.code].group === 'power'));
    const first = hunks[0] as Hunk;
    if (!already) add(group === 'safeguard' ? 'safeguard-modified' : 'power-modified', hunkEvidence(first, p.oldText, p.newText), groupTopic);
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
      const phrase = topic.phrases.find((ph) => countPhrase(item.text, ph) > 0);
      if (phrase === undefined) continue;
      const span = findPhrase(item.text, phrase)[0] ?? [0, 0];
      const code: FindingCode =
        topic.group === 'safeguard'
          ? side === 'old' ? 'safeguard-removed' : 'safeguard-added'
          : side === 'old' ? 'power-removed' : 'power-added';
      addFinding(ctx, code, { at: item.id, pages: { [side]: item.pages }, evidence: { [side]: snippet(item.text, span[0], span[1]) }, topic: topic.id });
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
 * Example: an article whose paragraph changes "States Parties shall ensure judicial review" to
 * "States Parties may ensure judicial review" gives article-modified, modal-shift and
 * safeguard-weakened (topic judicial-review), evidence "shall" -> "may" with context.
 */
export function classifyChanges(alignment: Alignment, change: ArticleChange, lexicon: Lexicon): ArticleClassification {
  const body = (side: 'oldText' | 'newText'): string =>
    change.provisions.filter((p) => !(p.old?.heading ?? p.new?.heading ?? false)).map((p) => p[side]).join(' ');
  const ctx: Context = { alignment, lexicon, findings: [], oldBody: body('oldText'), newBody: body('newText') };
  const headings = change.provisions.filter((p) => p.old?.heading === true || p.new?.heading === true);
  // Each distinct text once: for most articles of a new draft both sides read the same.
  const allText = [...new Set([ctx.oldBody, ctx.newBody, ...headings.flatMap((h) => [h.oldText, h.newText])])].join(' ');
  const groups = new Set(topicsIn(allText, lexicon.topics).map((t) => t.group));
  const topics = (['safeguard', 'power'] as const).filter((g) => groups.has(g));

  // By kind, not by which sides are set: an article deleted in place is `removed` with a placeholder as its new side.
  if (alignment.kind === 'added') classifyWholeArticle(ctx, change, 'new');
  else if (alignment.kind === 'removed') classifyWholeArticle(ctx, change, 'old');
  else if (alignment.old !== undefined && alignment.new !== undefined) {
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
    for (const p of changed) {
      if (p.old?.heading === true || p.new?.heading === true) continue;
      classifyProvision(ctx, change, p);
    }
  }
  return { findings: ctx.findings, topics };
}
