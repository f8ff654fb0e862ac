// Flattens an article into its provisions (heading, intro, paragraphs, ..., wrap-ups) for diffing.

import type { PageRange, TreatyNode } from '../types.js';
import { normalizeSpace } from '../match/similarity.js';

/** One diffable piece of an article's text. */
export interface Provision {
  /** Node id, or `<id>__heading` / `<id>__wrapup` for the pseudo-provisions. */
  id: string;
  /** The id relative to its article (`''` for the intro, `__para_2`), so renumbered articles pair up. */
  key: string;
  /** Whitespace-normalised text. */
  text: string;
  pages: PageRange;
  /** The node the text belongs to. */
  node: TreatyNode;
  /** True for a heading pseudo-provision: the article's, or a section's inside the article (charters). */
  heading: boolean;
  /** Index of the enclosing provision in the same list (its intro), or -1 for top-level ones. */
  parent: number;
}

/**
 * The provisions of `article` in document order: heading (when printed), intro, every
 * descendant's own text and wrap-up, then the article's wrap-up. Empty texts are skipped. A
 * section inside the article (`Section 1. General conditions`) gives its heading first
 * (`art_4__sec_1__heading`), so a changed section heading is a change of the article.
 * Example: an article with heading "Scope" and two paragraphs ->
 * `art_3__heading`, `art_3__para_1`, `art_3__para_2`.
 */
export function listProvisions(article: TreatyNode): Provision[] {
  const known = listed?.get(article);
  if (known !== undefined) return known;
  const out: Provision[] = [];
  const push = (id: string, text: string, node: TreatyNode, heading: boolean, parent: number): number => {
    const flat = normalizeSpace(text);
    if (flat === '') return parent;
    out.push({ id, key: id.slice(article.id.length), text: flat, pages: node.pages, node, heading, parent });
    return out.length - 1;
  };
  if (article.heading !== undefined) push(`${article.id}__heading`, article.heading, article, true, -1);
  const visit = (node: TreatyNode, parent: number): void => {
    if (node !== article && node.heading !== undefined) push(`${node.id}__heading`, node.heading, node, true, parent);
    const own = push(node.id, node.text, node, false, parent);
    for (const child of node.children) visit(child, own);
    if (node.wrapUp !== undefined) push(`${node.id}__wrapup`, node.wrapUp, node, false, parent);
  };
  visit(article, -1);
  listed?.set(article, out);
  return out;
}

/** The lists made while `withProvisionsListedOnce` runs, by article; none outside it. */
let listed: WeakMap<TreatyNode, Provision[]> | undefined;

/**
 * Runs `task` with each article's provisions listed once: a comparison asks for them in alignment, in
 * the moved-text index, in the diff and for each body text, and normalising every text's whitespace again
 * each time was a tenth of a small comparison. Only inside the task, where the drafts do not change: a
 * caller that edits a parsed draft between two comparisons gets fresh lists. The lists are shared, so
 * whoever asks must not change them.
 *
 * Example: `withProvisionsListedOnce(() => compareArticles(oldDoc, newDoc))`.
 */
export function withProvisionsListedOnce<T>(task: () => T): T {
  if (listed !== undefined) return task();
  listed = new WeakMap();
  try {
    return task();
  } finally {
    listed = undefined;
  }
}

/** The article's body text (everything but its heading), whitespace-normalised. */
export function articleBodyText(article: TreatyNode): string {
  return listProvisions(article)
    .filter((p) => !p.heading)
    .map((p) => p.text)
    .join(' ');
}
