// Walks a parsed TreatyDocument: articles with their enclosing containers, and provisions.

import type { ArticleInContext, TreatyDocument, TreatyNode } from '../types.js';

const CONTAINER_KINDS = new Set(['part', 'chapter', 'section', 'title']);

/** Every article of the document in document order, with its enclosing containers. */
export function listArticles(doc: TreatyDocument): ArticleInContext[] {
  const found: ArticleInContext[] = [];
  const visit = (node: TreatyNode, ancestors: TreatyNode[]): void => {
    if (node.kind === 'article') {
      found.push({ article: node, ancestors });
      return;
    }
    if (CONTAINER_KINDS.has(node.kind)) {
      const inner = [...ancestors, node];
      for (const child of node.children) visit(child, inner);
    }
  };
  for (const node of doc.nodes) visit(node, []);
  return found;
}

/** Every node below `node` (not itself), depth first, in document order. */
export function listDescendants(node: TreatyNode): TreatyNode[] {
  const out: TreatyNode[] = [];
  const visit = (n: TreatyNode): void => {
    for (const child of n.children) {
      out.push(child);
      visit(child);
    }
  };
  visit(node);
  return out;
}

/** Every node of the document, depth first, in document order. */
export function listNodes(doc: TreatyDocument): TreatyNode[] {
  const out: TreatyNode[] = [];
  for (const node of doc.nodes) {
    out.push(node, ...listDescendants(node));
  }
  return out;
}
