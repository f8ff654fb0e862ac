// Groups compared articles the way every report presents them: safeguards, powers, other, compact.

import type { AlignmentKind, ArticleDiff, ArticleSummary } from '../types.js';
import { isFootnoteChange } from '../diff/footnote-change.js';

/** Display order of alignment kinds; a Record so that a new kind without a place fails to compile. */
const ALIGNMENT_ORDER: Record<AlignmentKind, number> = {
  unchanged: 0,
  modified: 1,
  renumbered: 2,
  moved: 3,
  added: 4,
  removed: 5,
};

export const ALIGNMENT_KINDS = (Object.keys(ALIGNMENT_ORDER) as AlignmentKind[]).sort(
  (a, b) => ALIGNMENT_ORDER[a] - ALIGNMENT_ORDER[b],
);

export interface ArticleGroups {
  /** Articles with a safeguard finding. */
  safeguards: ArticleDiff[];
  /** Articles with a surveillance-power finding (an article may be in both lists). */
  powers: ArticleDiff[];
  /** Other articles whose text changed, or that were added or removed. */
  other: ArticleDiff[];
  /** Articles only renumbered, moved, or with cross-references updated through the renumbering:
   * listed compactly. */
  compact: ArticleDiff[];
}

const hasFinding = (article: ArticleDiff, prefix: string): boolean =>
  article.findings.some((finding) => finding.code.startsWith(prefix));

/**
 * True for an article whose only change is its number, its place, or references mapped through the
 * renumbering: no finding beyond article-renumbered / article-moved, every provision unchanged or
 * reference-only, no footnote reworded, added or removed.
 */
export function isCompactChange(article: ArticleDiff): boolean {
  return (
    article.old !== undefined &&
    article.new !== undefined &&
    article.findings.every((f) => f.code === 'article-renumbered' || f.code === 'article-moved') &&
    article.provisions.every((p) => p.kind === 'unchanged' || p.referenceOnly === true) &&
    !article.footnotes.some(isFootnoteChange)
  );
}

/** True when the article differs in any way between the drafts. */
export function isChanged(article: ArticleDiff): boolean {
  return article.kind !== 'unchanged' || article.findings.length > 0 || article.provisions.some((p) => p.kind !== 'unchanged');
}

/** Splits changed articles into report sections, keeping the comparison's article order. */
export function groupArticles(articles: ArticleDiff[]): ArticleGroups {
  const groups: ArticleGroups = { safeguards: [], powers: [], other: [], compact: [] };
  for (const article of articles) {
    if (!isChanged(article)) continue;
    const safeguard = hasFinding(article, 'safeguard-');
    const power = hasFinding(article, 'power-');
    if (safeguard) groups.safeguards.push(article);
    if (power) groups.powers.push(article);
    if (safeguard || power) continue;
    if (isCompactChange(article)) groups.compact.push(article);
    else groups.other.push(article);
  }
  return groups;
}

/**
 * What happened to an article of the compact list, reference updates aside: `moved to Chapter III`,
 * `renumbered` (only when the number differs: an article can keep its number while the articles
 * around it are renumbered, and then only its references changed).
 */
export function compactNotes(article: ArticleDiff): string[] {
  const notes: string[] = [];
  if (article.kind === 'moved') notes.push(`moved to ${article.new?.path.join(', ') || 'the body'}`);
  if (article.old !== undefined && article.new !== undefined && article.old.num !== article.new.num) notes.push('renumbered');
  if (notes.length === 0 && article.referenceUpdates.length === 0) notes.push(article.kind);
  return notes;
}

const PART_LABEL: Record<NonNullable<ArticleSummary['element']>, string> = {
  preface: 'Document title',
  annex: 'Annex',
  preamble: 'Preamble',
  conclusions: 'Final text',
};

/** `Article 5 -> 6  Respect for human rights`, `Article 7 (added)  ...`, `Article 10 (removed)`, `Preamble`. */
export function articleLabel(article: ArticleDiff): string {
  const element = (article.new ?? article.old)?.element;
  if (element !== undefined) {
    const state = article.new === undefined ? ' (removed)' : article.old === undefined ? ' (added)' : '';
    if (element === 'annex') {
      const side = (article.new ?? article.old)!;
      const nums = article.old && article.new && article.old.num !== article.new.num ? `${article.old.num} -> ${article.new.num}` : side.num;
      return [`${PART_LABEL.annex}${nums ? ` ${nums}` : ''}${state}`, side.heading].filter(Boolean).join(' ');
    }
    return `${PART_LABEL[element]}${state}`;
  }
  const heading = article.new?.heading ?? article.old?.heading;
  let num: string;
  if (article.old && article.new) {
    num = article.old.num === article.new.num ? `Article ${article.new.num}` : `Article ${article.old.num} -> ${article.new.num}`;
  } else if (article.new) {
    num = `Article ${article.new.num} (added)`;
  } else {
    num = `Article ${article.old?.num ?? '?'} (removed)`;
  }
  return heading ? `${num}  ${heading}` : num;
}
