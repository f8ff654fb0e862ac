// Limits a series of drafts to the articles asked for (`--article`), following each one through every renumbering.

import type { ArticleDiff, ArticleHistory, TreatyDiff, TreatyHistory } from '../types.js';
import { isAboutArticles, summarizeArticles } from '../compare.js';
import { articleKey } from '../parse/ids.js';

/**
 * Keeps the lineages that carry one of `wanted` in any draft (as printed or normalised: `6 bis` ==
 * `6bis`; `preface`, `preamble`, `conclusions` for those parts), and in every comparison only their
 * articles, with summary counts and the flat findings list recomputed. Selecting per comparison
 * instead would cut a lineage: article 19 renumbered 18 in draft 3 would seem to appear in draft 2.
 *
 * Example: on drafts where article 20 became 21 and then 20 again, `selectArticles(history, ['21'])`
 * keeps that article in both comparisons, with `nums: ['20', '21', '20']`.
 */
export function selectArticles(history: TreatyHistory, wanted: readonly string[]): TreatyHistory {
  const keys = new Set(wanted.map(articleKey));
  const matches = (lineage: ArticleHistory): boolean =>
    lineage.nums.some((num, index) => {
      if (num === null) return false;
      // The title block, preamble and final text have no number: they are asked for by name (their id).
      return num === '' ? keys.has(lineage.ids[index] ?? '') : keys.has(articleKey(num));
    });
  const articles = history.articles.filter(matches);
  const ids = new Set(articles.flatMap((lineage) => lineage.ids.filter((id): id is string => id !== null)));
  const comparisons = history.comparisons.map((comparison, index) => {
    const belongs = (article: ArticleDiff): boolean => {
      // Ids are per draft: the old side is draft `index`, the new side draft `index + 1`.
      const lineageOf = (side: 'old' | 'new'): boolean => {
        const id = article[side]?.id;
        const position = side === 'old' ? index : index + 1;
        return id !== undefined && articles.some((lineage) => lineage.ids[position] === id);
      };
      return lineageOf('old') || lineageOf('new');
    };
    return restrict(comparison, belongs, ids);
  });
  return { drafts: history.drafts, comparisons, articles };
}

/** One comparison with only the articles `keep` accepts; counts as `compareDrafts` makes them. */
function restrict(diff: TreatyDiff, keep: (article: ArticleDiff) => boolean, ids: Set<string>): TreatyDiff {
  const articles = diff.articles.filter(keep);
  const findings = articles.flatMap((article) => article.findings);
  // Only the warnings about the kept articles (and those about a whole draft).
  const warnings = diff.warnings.filter((warning) => isAboutArticles(warning, articles));
  return { ...diff, summary: summarizeArticles(articles), articles, findings, warnings };
}
