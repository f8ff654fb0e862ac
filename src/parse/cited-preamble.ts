// Fills an EU-style preamble: opening words, citations, `Whereas:` and numbered recitals, enacting formula.

import type { BodyLine } from '../types.js';
import { createDraft, linePiece, type DraftNode } from './draft-node.js';
import { idPart, joinId, numKey } from './ids.js';
import { endsBlock, isFormula, isRecitalsIntro, matchRecitalNumber, startsRecital, type RecitalNumber } from './patterns.js';

/** How far a recital number may jump ahead (`(7)` after `(5)`: one recital lost to a page break is no reason to stop). */
const MAX_RECITAL_STEP = 2;

/**
 * True when the preamble's lines hold a `Whereas:` line followed by a numbered recital: its
 * recitals are numbered and the blocks before it are citations.
 *
 * @example hasRecitalsIntro(['Having regard to ...,', 'Whereas:', '(1) ...']) // true
 * @example hasRecitalsIntro(['The States Parties,', 'Considering ...']) // false
 * @example hasRecitalsIntro(['Whereas:', 'the Parties recognise ...']) // false (no numbered recital)
 */
export function hasRecitalsIntro(preambleLines: number[], lines: BodyLine[]): boolean {
  const intro = preambleLines.findIndex((i) => isRecitalsIntro(lines[i]!.text));
  return intro >= 0 && preambleLines.slice(intro + 1).some((i) => matchRecitalNumber(lines[i]!.text) !== undefined);
}

/**
 * Fills `preamble` with an EU act's preamble, by sequence: the opening words (`THE EUROPEAN
 * PARLIAMENT AND THE COUNCIL ...,`) are its text; each block from the first `Having regard`
 * to `Whereas:` is a citation; `Whereas:` opens the `recitals` group; a line starting `(n)` is
 * a new recital only when `n` continues the numbering (`(5)`, `(5a)`, `(6)`) and the line
 * starts a block, so a wrapped `(2)` of `Article 42(2)` stays in its recital; the enacting
 * formula (`HAVE ADOPTED THIS REGULATION:`) closes the preamble.
 *
 * @example
 * // ["THE COUNCIL,", "Having regard to the Treaty,", "Whereas:", "(1) First.", "(1a) Inserted.", "HAVE ADOPTED THIS DECISION:"]
 * // -> text "THE COUNCIL,", citation_1, recitals { recital_1, recital_1a }, formula
 * @example
 * // "(2) ... referred to in Article 42" / "(2) of Regulation ..." -> one recital (2 does not follow 2)
 */
export function fillCitedPreamble(preamble: DraftNode, preambleLines: number[], lines: BodyLine[]): void {
  let target: DraftNode = preamble;
  let recitals: DraftNode | undefined;
  let formula: DraftNode | undefined;
  let citations = 0;
  let last: RecitalNumber | undefined;
  const seen = new Set<string>();
  const add = (parent: DraftNode, node: DraftNode): DraftNode => {
    parent.children.push(node);
    return node;
  };

  preambleLines.forEach((index, position) => {
    const line = lines[index]!;
    const previous = position === 0 ? undefined : lines[preambleLines[position - 1]!];
    const atBlock =
      previous === undefined || line.breakBefore || line.centred || line.bold || previous.page !== line.page || endsBlock(previous.text) || /,$/.test(previous.text);
    let text = line.text;
    if (formula === undefined && atBlock && isFormula(text)) {
      target = formula = add(preamble, createDraft('formula', joinId('preamble', 'formula'), line.page));
    } else if (formula === undefined && recitals === undefined && isRecitalsIntro(text)) {
      target = recitals = add(preamble, createDraft('recitals', joinId('preamble', 'recitals'), line.page));
    } else if (formula === undefined && recitals !== undefined) {
      const number = atBlock ? matchRecitalNumber(text) : undefined;
      if (number !== undefined && follows(last, number)) {
        last = number;
        let id = joinId('preamble', idPart('recital', numKey(`${number.value}${number.suffix}`)));
        while (seen.has(id)) id += '_2';
        seen.add(id);
        target = add(recitals, createDraft('recital', id, line.page, { num: number.num }));
        text = number.rest;
      }
    } else if (formula === undefined && atBlock && (target !== preamble || startsRecital(text))) {
      target = add(preamble, createDraft('citation', joinId('preamble', idPart('citation', String(++citations))), line.page));
    }
    target.lines.push(index);
    target.textParts.push(linePiece(lines, index, text));
  });
}

/** Whether recital number `next` continues the numbering after `last` (any number may come first; a bare `38)` only right after 37). */
function follows(last: RecitalNumber | undefined, next: RecitalNumber): boolean {
  if (next.bare) return last !== undefined && next.suffix === '' && next.value === last.value + 1;
  if (last === undefined) return true;
  if (next.value === last.value) return next.suffix > last.suffix;
  return next.value > last.value && next.value - last.value <= MAX_RECITAL_STEP;
}
