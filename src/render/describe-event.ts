// The wording of one history event, shared by every report format.

import type { ArticleEvent, ArticleHistory } from '../types.js';

/**
 * `draft 2: added as article 20`, `draft 3: renumbered 20 -> 19`, `draft 3: removed (was article 17)`,
 * `draft 2: modified`. Findings are listed by the caller, in its own markup.
 */
export function describeEvent(event: ArticleEvent): string {
  const where = `draft ${event.to}`;
  switch (event.kind) {
    case 'added':
      return `${where}: added as article ${event.newNum ?? '?'}`;
    case 'removed':
      return `${where}: removed (was article ${event.oldNum ?? '?'})`;
    case 'renumbered':
      return `${where}: renumbered ${event.oldNum ?? '?'} -> ${event.newNum ?? '?'}`;
    case 'moved':
      return event.oldNum === event.newNum ? `${where}: moved` : `${where}: moved, renumbered ${event.oldNum ?? '?'} -> ${event.newNum ?? '?'}`;
    case 'modified':
      return `${where}: modified`;
    case 'unchanged':
      return `${where}: findings`;
  }
}

/** `Article 15 -> 16 -> -`: the number in each draft, `-` where absent, repeats kept so columns line up. */
export function describeNums(article: ArticleHistory): string {
  return article.nums.map((num) => num ?? '-').join(' -> ');
}

/** `Article 20  Training of personnel` for the latest number the article had. */
export function lineageLabel(article: ArticleHistory): string {
  const latest = [...article.nums].reverse().find((num) => num !== null) ?? '?';
  return article.heading ? `Article ${latest}  ${article.heading}` : `Article ${latest}`;
}
