// Builds the preamble: its title heading, the parties' opening words, the recitals and the enacting formula.

import type { BodyLine } from '../types.js';
import { createDraft, linePiece, type DraftNode } from './draft-node.js';
import { fillCitedPreamble, hasRecitalsIntro } from './cited-preamble.js';
import { idPart, joinId } from './ids.js';
import { endsBlock, isFormula, preambleLabelLength, splitPreambleLine, startsRecital } from './patterns.js';

/**
 * The preamble node from the title lines before it and its own lines. The title becomes the
 * heading (its lines are the preamble's); the opening words (`The States Parties to this
 * Convention,`) are the preamble's text; each recital starts at a block start with a recital
 * word (`Considering`, `Recognising`, ...); `Have agreed as follows:` is the formula. A run-on
 * preamble (all recitals on one line) is split at `; Recognising`-style boundaries; such a
 * line stays with the node its first words fall in (the others own no line). An EU-style
 * preamble (citations, `Whereas:`, numbered recitals) is filled by `fillCitedPreamble`.
 *
 * @example
 * // ["Convention on Cybercrime", "The member States ..., Considering ...; Recognising ...; Have agreed as follows:"]
 * // -> heading "Convention on Cybercrime", text "The member States ...,", recitals 1-2, formula
 */
export function buildPreamble(titleLines: number[], preambleLines: number[], lines: BodyLine[]): DraftNode {
  const firstPage = lines[titleLines[0] ?? preambleLines[0] ?? 0]?.page ?? 1;
  const preamble = createDraft('preamble', 'preamble', firstPage);
  if (titleLines.length > 0) {
    preamble.heading = titleLines.map((i) => lines[i]!.text).join(' ');
    preamble.lines.push(...titleLines);
  }
  if (hasRecitalsIntro(preambleLines, lines)) {
    fillCitedPreamble(preamble, preambleLines, lines);
    return preamble;
  }
  let recitalCount = 0;
  let target: DraftNode = preamble;
  let inOpener = true;
  const open = (starts: 'recital' | 'formula', page: number): DraftNode => {
    const node =
      starts === 'recital'
        ? createDraft('recital', joinId('preamble', idPart('recital', String(++recitalCount))), page)
        : createDraft('formula', joinId('preamble', 'formula'), page);
    preamble.children.push(node);
    inOpener = false;
    return node;
  };

  preambleLines.forEach((index, position) => {
    const line = lines[index]!;
    const previous = position === 0 ? undefined : lines[preambleLines[position - 1]!];
    // Recitals end in `;` or `,` (UN style), so a comma also closes a block here.
    const atBlock =
      position === 0 || line.breakBefore || line.centred || line.bold || (previous !== undefined && (endsBlock(previous.text) || /,$/.test(previous.text)));
    const label = preambleLabelLength(line.text);
    const text = line.text.slice(label);
    const pieces = splitPreambleLine(text, inOpener);
    if (pieces.length === 0) {
      // A line that is only the `Preamble` label.
      target.lines.push(index);
      return;
    }
    pieces.forEach((piece, k) => {
      let starts = piece.starts;
      if (k === 0 && atBlock) {
        if (isFormula(piece.text)) starts = 'formula';
        else if (startsRecital(piece.text) && !(target.kind === 'formula')) starts = 'recital';
      }
      if (starts !== 'none') target = open(starts, line.page);
      if (k === 0) target.lines.push(index);
      const last = k === pieces.length - 1;
      target.textParts.push({ ...linePiece(lines, index, piece.text), joinNext: last && line.joinNext });
    });
  });
  return preamble;
}
