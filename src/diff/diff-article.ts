// Diffs one aligned article pair provision by provision, seeing through renumbered references.

import type { DiffOp, ProvisionDiff, TreatyNode } from '../types.js';
import { findBestChain, type CandidatePair } from '../match/best-chain.js';
import { interleave } from '../match/interleave.js';
import { rewriteReferences, type ReferenceUpdate, type Renumbering } from '../align/cross-references.js';
import { diffText } from './diff-text.js';
import { listProvisions, type Provision } from '../parse/list-provisions.js';
import { diceSimilarity, textFeatures } from '../match/similarity.js';
import { sparseCandidates, type CandidateFacts } from '../match/candidates.js';

/** Bonus for provisions with the same relative id (`__para_2`): ids first, not blindly. */
const SAME_KEY_BONUS = 0.3;
/** Provisions with other ids pair only when this much of their text is shared. */
const MIN_PROVISION_SIMILARITY = 0.4;
/** Texts this alike are the same provision under another letter: a point deleted and the points after
 * it relettered ((c) now (b)) must read as one removed and the rest unchanged, not as a chain of
 * modified points matched by letter, even in a list of alike items ("Regulation (EU) No 167/2013;"). */
const SAME_TEXT_SIMILARITY = 0.9;
const SAME_TEXT_BONUS = 0.3;
/** Up to this many provision pairs (an article of 250 paragraphs against one of 250) every pair is
 * scored; beyond, only pairs found through shared ids, texts and rare words (`sparseCandidates`). */
const DENSE_PAIRS = 250 * 250;
const EMPTY: ReadonlySet<string> = new Set();

/** A provision diff together with what classification needs to read it. */
export interface ProvisionChange {
  diff: ProvisionDiff;
  old?: Provision;
  new?: Provision;
  /** Old text with cross-references mapped through the renumbering ('' when added, or a `[deleted]` placeholder filled again). */
  oldText: string;
  /** New text ('' when removed, or deleted in place: `(c) [deleted]`; `diff.kind` is then `removed`). */
  newText: string;
  /** Ops from `oldText` to `newText`: the substantive changes, reference updates excluded. */
  ops: DiffOp[];
  /** The comparison's time bound had passed: the shown diff is a whole replacement, not tried. */
  pastDeadline?: true;
}

/** The diff of one article pair. */
export interface ArticleChange {
  provisions: ProvisionChange[];
  /** Distinct cross-reference rewrites applied to the old text. */
  referenceUpdates: ReferenceUpdate[];
}

interface Rewritten extends Provision {
  original: string;
  updates: ReferenceUpdate[];
}

/** True for a provision whose node is a `[deleted]` placeholder (the article's intro when the whole article is). */
const isDeletedInPlace = (p: Provision): boolean => !p.heading && p.node.deleted === true;

/** Pairs provisions: same relative id or clearly similar text, order kept (an inserted
 * paragraph does not shift every later paragraph into a mismatched pair). */
function pairProvisions(oldList: Rewritten[], newList: Provision[]): Map<number, number> {
  // Most articles of a new draft are unchanged: the same provisions, same ids and text, pair in order.
  if (
    oldList.length === newList.length &&
    oldList.every((oldItem, i) => oldItem.key === newList[i]!.key && oldItem.heading === newList[i]!.heading && oldItem.text === newList[i]!.text)
  ) {
    return new Map(newList.map((_, i) => [i, i]));
  }
  // Features once per provision, not once per candidate pair: articles of 30 and more provisions exist.
  const oldFeatures = oldList.map((p) => (p.heading ? EMPTY : textFeatures(p.text)));
  const newFeatures = newList.map((p) => (p.heading ? EMPTY : textFeatures(p.text)));
  const candidates: CandidatePair[] = [];
  const consider = (i: number, j: number): void => {
    const oldItem = oldList[i]!;
    const newItem = newList[j]!;
    if (oldItem.heading !== newItem.heading) return;
    const sameKey = oldItem.key === newItem.key;
    if (oldItem.heading) {
      // The article's heading with the article's, a section's with the same section's first.
      candidates.push({ oldIndex: i, newIndex: j, weight: 1 + (sameKey ? SAME_KEY_BONUS : 0) });
      return;
    }
    const similarity = oldItem.text === newItem.text ? 1 : diceSimilarity(oldFeatures[i]!, newFeatures[j]!);
    if (sameKey || similarity >= MIN_PROVISION_SIMILARITY) {
      const weight = similarity + (sameKey ? SAME_KEY_BONUS : 0) + (similarity >= SAME_TEXT_SIMILARITY ? SAME_TEXT_BONUS : 0);
      candidates.push({ oldIndex: i, newIndex: j, weight });
    }
  };
  if (oldList.length * newList.length <= DENSE_PAIRS) {
    for (let i = 0; i < oldList.length; i++) for (let j = 0; j < newList.length; j++) consider(i, j);
  } else {
    // A very long article (hundreds of points, or a draft built to be slow): only pairs that share
    // an id, the whole text, a heading or rare words are scored, so the cost grows linearly.
    const facts = (list: Provision[], features: ReadonlySet<string>[]): CandidateFacts[] =>
      list.map((p, i) => ({ keys: [`key ${p.key}`, p.heading ? `heading ${p.text}` : `text ${p.text}`], features: features[i]! }));
    for (const [i, j] of sparseCandidates(facts(oldList, oldFeatures), facts(newList, newFeatures))) consider(i, j);
  }
  const newToOld = new Map<number, number>();
  for (const pair of findBestChain(candidates, newList.length)) newToOld.set(pair.newIndex, pair.oldIndex);
  return newToOld;
}

/**
 * Diffs an article pair (either side absent for added/removed articles): provisions are paired,
 * the old text's cross-references are rewritten through `renumbering`, and each pair gets a word
 * diff of the real texts (`ProvisionDiff.ops`) plus the diff that classification reads (old text
 * rewritten). A provision whose only change is a mapped reference is `modified` with
 * `referenceOnly: true`.
 *
 * Example: old para "as set out in article 5" / new "as set out in article 6" with 5 -> 6:
 * one provision, kind `modified`, `referenceOnly: true`, classification ops all equal.
 */
export function diffArticle(
  oldArticle: TreatyNode | undefined,
  newArticle: TreatyNode | undefined,
  renumbering: Renumbering,
  timeoutMs: number,
  deadline = Number.POSITIVE_INFINITY,
): ArticleChange {
  const referenceUpdates: ReferenceUpdate[] = [];
  const oldList: Rewritten[] = (oldArticle === undefined ? [] : listProvisions(oldArticle)).map((p) => {
    if (p.heading) return { ...p, original: p.text, updates: [] };
    const { text, updates } = rewriteReferences(p.text, renumbering);
    return { ...p, text, original: p.text, updates };
  });
  const newList = newArticle === undefined ? [] : listProvisions(newArticle);
  const newToOld = pairProvisions(oldList, newList);
  const provisions = interleave(newToOld, oldList.length, newList.length).map((slot): ProvisionChange => {
    const oldItem = slot.oldIndex === undefined ? undefined : oldList[slot.oldIndex];
    const newItem = slot.newIndex === undefined ? undefined : newList[slot.newIndex];
    // Report a rewrite only where the new draft really reads the mapped reference.
    for (const u of oldItem?.updates ?? []) {
      const seen = newItem?.text.includes(u.new) === true;
      if (seen && !referenceUpdates.some((r) => r.old === u.old && r.new === u.new)) referenceUpdates.push(u);
    }
    // A provision deleted in place (`(c) [deleted]`) is removed: classification reads it as gone,
    // while the shown diff keeps the placeholder. A placeholder filled again is added likewise.
    const deletedInPlace = oldItem !== undefined && newItem !== undefined && isDeletedInPlace(newItem) && !isDeletedInPlace(oldItem);
    const filledAgain = oldItem !== undefined && newItem !== undefined && isDeletedInPlace(oldItem) && !isDeletedInPlace(newItem);
    const readOld = filledAgain ? undefined : oldItem;
    const readNew = deletedInPlace ? undefined : newItem;
    const shown = diffText(oldItem?.original ?? '', newItem?.text ?? '', timeoutMs, deadline);
    const read =
      readOld !== oldItem || readNew !== newItem || (oldItem !== undefined && oldItem.text !== oldItem.original)
        ? diffText(readOld?.text ?? '', readNew?.text ?? '', timeoutMs, deadline)
        : shown;
    const kind =
      oldItem === undefined || filledAgain ? 'added'
      : newItem === undefined || deletedInPlace ? 'removed'
      : oldItem.original === newItem.text ? 'unchanged'
      : 'modified';
    const diff: ProvisionDiff = {
      id: newItem?.id ?? oldItem?.id ?? '',
      ...(oldItem !== undefined ? { oldId: oldItem.id } : {}),
      ...(newItem !== undefined ? { newId: newItem.id } : {}),
      kind,
      ops: shown.ops,
      ...(kind === 'modified' && oldItem?.text === newItem?.text ? { referenceOnly: true } : {}),
      ...(shown.fallback !== undefined ? { fallback: shown.fallback } : {}),
    };
    return {
      diff,
      ...(oldItem !== undefined ? { old: oldItem } : {}),
      ...(newItem !== undefined ? { new: newItem } : {}),
      oldText: readOld?.text ?? '',
      newText: readNew?.text ?? '',
      ops: read.ops,
      ...(shown.pastDeadline === true ? { pastDeadline: true as const } : {}),
    };
  });
  return { provisions, referenceUpdates };
}
