// Pairs the articles of two drafts: by number, heading and text, seeing through renumbering.

import type { Alignment, AlignmentKind, ArticleInContext, MatchedBy, TreatyDocument, TreatyNode } from '../types.js';
import { listArticles } from '../parse/walk.js';
import { listProvisions } from '../parse/list-provisions.js';
import { sparseCandidates, type CandidateFacts } from '../match/candidates.js';
import { diceSimilarity, normalizeSpace, roundSimilarity, textFeatures } from '../match/similarity.js';
import { findBestChain, type CandidatePair } from '../match/best-chain.js';
import { interleave } from '../match/interleave.js';
import { articleKey, numKey } from '../parse/ids.js';

/** Bonus for a pair that keeps its number: number matching comes first, but not blindly. */
const SAME_NUMBER_BONUS = 0.3;
/** Bonus for an identical heading: a strong sign of the same article after renumbering. */
const SAME_HEADING_BONUS = 0.3;
/** A same-number pair below this similarity, with another heading, is two different articles. */
const MIN_SAME_NUMBER_SIMILARITY = 0.1;
/** A renumbered pair with the same heading needs at least this much text in common. */
const MIN_SAME_HEADING_SIMILARITY = 0.2;
/** A pair with neither number nor heading in common needs this much text in common. */
const MIN_TEXT_SIMILARITY = 0.45;
/** Below this similarity a pairing is reported with a `weak-alignment` warning. */
export const WEAK_SIMILARITY = 0.3;

interface ArticleFacts {
  entry: ArticleInContext;
  key: string;
  heading: string;
  features: Set<string>;
  body: string;
  /** Headings of the sections inside the article (charters), joined; '' for most articles. */
  sectionHeadings: string;
}

const factsOf = (entry: ArticleInContext): ArticleFacts => {
  const provisions = listProvisions(entry.article);
  // As `articleBodyText`, from the one list.
  const body = provisions
    .filter((p) => !p.heading)
    .map((p) => p.text)
    .join(' ');
  return {
    entry,
    key: articleKey(entry.article.num ?? entry.article.id),
    heading: normalizeSpace(entry.article.heading ?? '').toLowerCase(),
    features: textFeatures(body),
    body,
    sectionHeadings: provisions
      .filter((p) => p.heading && p.node !== entry.article)
      .map((p) => p.text)
      .join('\n'),
  };
};

/** Old/new index pairs worth scoring: same number, same heading, or rare words in common. */
function collectCandidates(oldFacts: ArticleFacts[], newFacts: ArticleFacts[]): Array<[number, number]> {
  const facts = (f: ArticleFacts): CandidateFacts => ({ keys: [`number ${f.key}`, f.heading === '' ? '' : `heading ${f.heading}`], features: f.features });
  return sparseCandidates(oldFacts.map(facts), newFacts.map(facts));
}

interface ScoredPair extends CandidatePair {
  similarity: number;
  matchedBy: Exclude<MatchedBy, 'none'>;
}

/** Weight of an article paired with its `[deleted]` placeholder: the number is all they share. */
const PLACEHOLDER_WEIGHT = SAME_NUMBER_BONUS;

const isPlaceholder = (fact: ArticleFacts): boolean => fact.entry.article.deleted === true;

function scorePair(oldFact: ArticleFacts, newFact: ArticleFacts, i: number, j: number): ScoredPair | undefined {
  // An article deleted in place keeps its number and nothing else: it pairs by number only.
  if (isPlaceholder(oldFact) !== isPlaceholder(newFact)) {
    return oldFact.key === newFact.key ? { oldIndex: i, newIndex: j, weight: PLACEHOLDER_WEIGHT, similarity: 0, matchedBy: 'number' } : undefined;
  }
  const similarity = oldFact.body === newFact.body ? 1 : diceSimilarity(oldFact.features, newFact.features);
  const sameNumber = oldFact.key === newFact.key;
  const sameHeading = oldFact.heading !== '' && oldFact.heading === newFact.heading;
  const admitted =
    (sameNumber && (similarity >= MIN_SAME_NUMBER_SIMILARITY || sameHeading)) ||
    (sameHeading && similarity >= MIN_SAME_HEADING_SIMILARITY) ||
    similarity >= MIN_TEXT_SIMILARITY;
  if (!admitted) return undefined;
  const weight =
    similarity + (sameNumber ? SAME_NUMBER_BONUS : 0) + (sameHeading ? SAME_HEADING_BONUS : 0);
  const matchedBy = sameNumber ? 'number' : sameHeading ? 'heading' : 'text';
  return { oldIndex: i, newIndex: j, weight, similarity, matchedBy };
}

/** `Chapter II` / heading of each container, so a chapter that was renumbered is still the same. */
/** The part and chapter an article sits in, outermost first. */
const containersOf = (ancestors: TreatyNode[]): TreatyNode[] => ancestors.filter((a) => a.kind === 'part' || a.kind === 'chapter');

/**
 * True when two articles sit in the same parts and chapters: level by level the same kind, and the same
 * heading or the same number. A chapter renumbered because another was inserted keeps its heading; a
 * chapter renamed keeps its number; either way its articles have not moved.
 */
function sameContainers(oldAncestors: TreatyNode[], newAncestors: TreatyNode[]): boolean {
  const oldPath = containersOf(oldAncestors);
  const newPath = containersOf(newAncestors);
  const heading = (node: TreatyNode): string | undefined => (node.heading !== undefined ? normalizeSpace(node.heading).toLowerCase() : undefined);
  return (
    oldPath.length === newPath.length &&
    oldPath.every((oldNode, level) => {
      const newNode = newPath[level]!;
      if (oldNode.kind !== newNode.kind) return false;
      const sameHeading = heading(oldNode) !== undefined && heading(oldNode) === heading(newNode);
      return sameHeading || numKey(oldNode.num ?? '') === numKey(newNode.num ?? '');
    })
  );
}

function kindOf(oldFact: ArticleFacts, newFact: ArticleFacts): AlignmentKind {
  // Deleted in place (`Article 24` / `[deleted]`) is a removal, however the number reads; a placeholder filled again is an addition.
  if (isPlaceholder(newFact) && !isPlaceholder(oldFact)) return 'removed';
  if (isPlaceholder(oldFact) && !isPlaceholder(newFact)) return 'added';
  if (!sameContainers(oldFact.entry.ancestors, newFact.entry.ancestors)) return 'moved';
  if (oldFact.key !== newFact.key) return 'renumbered';
  const sameText =
    oldFact.body === newFact.body &&
    normalizeSpace(oldFact.entry.article.heading ?? '') === normalizeSpace(newFact.entry.article.heading ?? '') &&
    oldFact.sectionHeadings === newFact.sectionHeadings;
  return sameText ? 'unchanged' : 'modified';
}

/**
 * Pairs the articles of two drafts, in report order: new-draft order, removed articles at
 * their old position.
 *
 * Every plausible pair (same number, same heading, or rare words in common) is scored by text
 * similarity plus bonuses for a kept number and heading; the order-preserving pairing with the
 * largest total wins, so an inserted article 5 comes out as one `added` article and old 5..8 as
 * `renumbered` to 6..9, never as a chain of mismatched same-number pairs. Articles left over that
 * still clearly match (another chapter, out of order) are paired next, best first.
 *
 * An article the new draft keeps as a `[deleted]` placeholder pairs with the old article of its number
 * and is `removed` (both sides set); a placeholder unpaired is `removed` too, never `added`; a
 * placeholder on both sides is compared like any article (`unchanged` when both read `[deleted]`).
 *
 * Kinds: `moved` (other part/chapter) before `renumbered` (other number) before `modified`
 * (text or heading differs, whitespace aside) before `unchanged`. Cross-reference updates are
 * not considered here (see `compareDrafts`).
 *
 * Example: old [1 Scope, 2 Definitions], new [1 Scope, 2 Use of terms (new), 3 Definitions] ->
 * unchanged 1=1, added 2, renumbered 2->3.
 */
export function alignArticles(oldDoc: TreatyDocument, newDoc: TreatyDocument): Alignment[] {
  const oldFacts = listArticles(oldDoc).map(factsOf);
  const newFacts = listArticles(newDoc).map(factsOf);
  const scored: ScoredPair[] = [];
  for (const [i, j] of collectCandidates(oldFacts, newFacts)) {
    const pair = scorePair(oldFacts[i] as ArticleFacts, newFacts[j] as ArticleFacts, i, j);
    if (pair !== undefined) scored.push(pair);
  }
  const chain = findBestChain(scored, newFacts.length) as ScoredPair[];
  const oldPartner = new Map<number, ScoredPair>();
  const newPartner = new Map<number, ScoredPair>();
  for (const pair of chain) {
    oldPartner.set(pair.oldIndex, pair);
    newPartner.set(pair.newIndex, pair);
  }
  // Left-overs that match out of order (an article moved past others): best pairs first.
  const leftovers = scored
    .filter((p) => !oldPartner.has(p.oldIndex) && !newPartner.has(p.newIndex))
    .sort((a, b) => b.weight - a.weight || a.oldIndex - b.oldIndex || a.newIndex - b.newIndex);
  for (const pair of leftovers) {
    if (oldPartner.has(pair.oldIndex) || newPartner.has(pair.newIndex)) continue;
    if (pair.matchedBy === 'number' && pair.similarity < MIN_TEXT_SIMILARITY) continue;
    oldPartner.set(pair.oldIndex, pair);
    newPartner.set(pair.newIndex, pair);
  }

  const newToOld = new Map<number, number>();
  for (const [j, pair] of newPartner) newToOld.set(j, pair.oldIndex);
  return interleave(newToOld, oldFacts.length, newFacts.length).map((slot): Alignment => {
    const oldFact = slot.oldIndex === undefined ? undefined : oldFacts[slot.oldIndex];
    const newFact = slot.newIndex === undefined ? undefined : newFacts[slot.newIndex];
    if (newFact === undefined) return { kind: 'removed', old: oldFact?.entry, matchedBy: 'none', similarity: 0 };
    // A placeholder with nothing to pair with still reports a removal, never an addition.
    if (oldFact === undefined) return { kind: isPlaceholder(newFact) ? 'removed' : 'added', new: newFact.entry, matchedBy: 'none', similarity: 0 };
    const pair = newPartner.get(slot.newIndex ?? -1) as ScoredPair;
    return {
      kind: kindOf(oldFact, newFact),
      old: oldFact.entry,
      new: newFact.entry,
      matchedBy: pair.matchedBy,
      similarity: roundSimilarity(pair.similarity),
    };
  });
}
