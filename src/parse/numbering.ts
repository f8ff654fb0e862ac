// Warnings about article numbering: plain numbers that skip or go backwards.

import type { TreatyNode, Warning } from '../types.js';
import { warningMessage } from '../messages.js';
import { articleKey } from './ids.js';

/** Warns where plain article numbers skip or go backwards (`4, 5, 7`; roman `IV, V, VII` alike). */
export function warnNumbering(nodes: TreatyNode[], warnings: Warning[]): void {
  let previous: number | undefined;
  const visit = (node: TreatyNode): void => {
    if (node.kind === 'article') {
      const key = articleKey(node.num ?? '');
      if (/^\d+$/.test(key)) {
        const value = Number(key);
        if (previous !== undefined && value !== previous + 1 && value !== previous) {
          const detail = `article ${previous} is followed by article ${value}`;
          warnings.push({ code: 'numbering-gap', page: node.pages[0], at: node.id, message: warningMessage('numbering-gap', { page: node.pages[0], detail }) });
        }
        previous = value;
      }
      return;
    }
    for (const child of node.children) visit(child);
  };
  for (const node of nodes) visit(node);
}
