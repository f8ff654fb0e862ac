// Renders many drafts for the terminal: each consecutive comparison, then the history of every article.

import type { TreatyHistory } from '../types.js';
import type { Highlighter } from './highlight.js';
import { showControlsIn } from '../messages.js';
import { renderText } from './text.js';
import { describeEvent, describeNums, lineageLabel } from './describe-event.js';

/** The terminal report of a series of drafts. Ends with a newline. */
export function renderHistoryText(given: TreatyHistory, hl: Highlighter): string {
  const history = showControlsIn(given);
  const out: string[] = [`${hl.heading('treaty-diff')}  ${history.drafts.length} drafts, compared in the order given`];
  for (const [index, draft] of history.drafts.entries()) {
    out.push(`  draft ${index + 1}  ${draft.path}${draft.symbol ? ` (${draft.symbol}${draft.date ? `, ${draft.date}` : ''})` : ''}`);
  }
  out.push('');
  for (const [index, comparison] of history.comparisons.entries()) {
    out.push(hl.heading(`=== Draft ${index + 1} -> draft ${index + 2} ===`), renderText(comparison, hl));
  }
  out.push(hl.heading('History of articles'));
  const changed = history.articles.filter((article) => article.events.length > 0);
  if (changed.length === 0) out.push('  No article changed across the drafts.');
  for (const article of changed) {
    out.push(`  ${hl.heading(lineageLabel(article))}  ${hl.dim(`(${describeNums(article)})`)}`);
    for (const event of article.events) {
      const findings = event.findings.length > 0 ? `  ${event.findings.join(', ')}` : '';
      out.push(`    ${describeEvent(event)}${findings}`);
    }
  }
  const steady = history.articles.length - changed.length;
  if (steady > 0) out.push(`  ${steady} other ${steady === 1 ? 'article reads' : 'articles read'} the same in every draft.`);
  return out.join('\n') + '\n';
}
