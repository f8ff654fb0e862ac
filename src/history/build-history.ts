// Follows every article through consecutive comparisons: numbers per draft, and what changed when.

import type { ArticleDiff, ArticleEvent, ArticleHistory, FindingCode, TreatyDiff, TreatyHistory } from '../types.js';
import { FINDING_CODES } from '../classify/findings.js';

/**
 * Chains the alignments of `comparisons` (draft 1 -> 2, 2 -> 3, ...) into one history per
 * article: an article of draft i+1 continues the lineage of the draft-i article it was aligned
 * with, so renumbering (5 -> 6 -> 7) never breaks a lineage. Pure and deterministic.
 *
 * Example: an article added in draft 2 and renumbered in draft 3 gives
 * `{ nums: [null, '20', '19'], firstDraft: 2, events: [{ kind: 'added', from: 1, to: 2 }, { kind: 'renumbered', from: 2, to: 3 }] }`.
 */
export function buildHistory(comparisons: TreatyDiff[]): TreatyHistory {
  const first = comparisons[0];
  if (first === undefined) throw new RangeError('buildHistory needs at least one comparison');
  const drafts = [first.old, ...comparisons.map((c) => c.new)];
  const lineages: ArticleHistory[] = [];
  // The lineage each article id of the current (older) draft belongs to.
  let current = new Map<string, ArticleHistory>();
  for (const [index, comparison] of comparisons.entries()) {
    const next = new Map<string, ArticleHistory>();
    for (const article of comparison.articles) {
      const lineage = (article.old && current.get(article.old.id)) ?? startLineage(article, index, drafts.length, lineages);
      if (article.new) {
        lineage.nums[index + 1] = article.new.num;
        lineage.ids[index + 1] = article.new.id;
        lineage.lastDraft = index + 2;
        if (article.new.heading !== undefined) lineage.heading = article.new.heading;
        next.set(article.new.id, lineage);
      }
      const event = eventOf(article, index);
      if (event !== undefined) lineage.events.push(event);
    }
    current = next;
  }
  return { drafts, comparisons, articles: lineages };
}

function startLineage(article: ArticleDiff, index: number, draftCount: number, lineages: ArticleHistory[]): ArticleHistory {
  const lineage: ArticleHistory = {
    nums: new Array<string | null>(draftCount).fill(null),
    ids: new Array<string | null>(draftCount).fill(null),
    firstDraft: article.old ? index + 1 : index + 2,
    lastDraft: index + 1,
    events: [],
  };
  if (article.old) {
    // Present in the older draft but new to the history: the first comparison, or an article that
    // `--article` left out of an earlier comparison.
    lineage.nums[index] = article.old.num;
    lineage.ids[index] = article.old.id;
    if (article.old.heading !== undefined) lineage.heading = article.old.heading;
  }
  lineages.push(lineage);
  return lineage;
}

/** The event of one comparison, or undefined when the article reads the same. */
function eventOf(article: ArticleDiff, index: number): ArticleEvent | undefined {
  const codes = new Set(article.findings.map((f) => f.code));
  const findings: FindingCode[] = FINDING_CODES.filter((code) => codes.has(code));
  const textChanged = article.provisions.some((p) => p.kind !== 'unchanged');
  if (article.kind === 'unchanged' && findings.length === 0 && !textChanged) return undefined;
  return {
    kind: article.kind,
    from: index + 1,
    to: index + 2,
    ...(article.old ? { oldNum: article.old.num } : {}),
    ...(article.new ? { newNum: article.new.num } : {}),
    findings,
  };
}
