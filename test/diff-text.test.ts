import { describe, expect, it } from 'vitest';
import { Diff } from 'diff';
import { diffText, WORD_TOKEN, wordChanges } from '../src/diff/diff-text.js';
import { seededRandom } from './helpers/seeded.js';
import { markup } from './compare-build-doc.js';

const sides = (ops: { op: string; text: string }[]) => ({
  old: ops.filter((o) => o.op !== 'insert').map((o) => o.text).join(''),
  new: ops.filter((o) => o.op !== 'delete').map((o) => o.text).join(''),
});

describe('diffText', () => {
  it('marks a replaced modal verb as one deletion and one insertion', () => {
    const { ops } = diffText('States Parties shall take measures', 'States Parties may take measures');
    expect(markup(ops)).toBe('States Parties <del>shall</del><ins>may</ins> take measures');
  });

  it('keeps a bracketed alternative as one token', () => {
    const { ops } = diffText('Each State Party [shall][may] adopt [promptly] such measures', 'Each State Party shall adopt such measures');
    expect(markup(ops)).toBe('Each State Party <del>[shall][may]</del><ins>shall</ins> adopt <del>[promptly] </del>such measures');
  });

  it('sees text that only moved to other lines as equal', () => {
    const { ops } = diffText('Each State Party shall\nadopt such   measures', 'Each State Party shall adopt\nsuch measures');
    expect(ops).toEqual([{ op: 'equal', text: 'Each State Party shall adopt such measures' }]);
  });

  it('puts an inserted phrase between words without moving the spaces into the change', () => {
    const { ops } = diffText('Each State Party shall adopt measures', 'Each State Party shall, where appropriate, adopt measures');
    expect(markup(ops)).toBe('Each State Party shall<ins>, where appropriate,</ins> adopt measures');
  });

  it('rebuilds the old text from equal+delete and the new one from equal+insert', () => {
    const oldText = 'The powers referred to in articles 16 to 21 shall be subject to conditions and safeguards (a) ; b';
    const newText = 'The powers, referred to in article 16, may be subject to [conditions] and other safeguards (a); b c';
    const { ops } = diffText(oldText, newText);
    expect(sides(ops)).toEqual({ old: oldText, new: newText });
    expect(ops.some((o, k) => k > 0 && ops[k - 1]?.op === o.op)).toBe(false);
  });

  it('falls back to a coarser diff when the word diff runs out of time', () => {
    const words = (seed: number) => Array.from({ length: 4000 }, (_, k) => `w${(k * seed) % 997}`).join(' ');
    const oldText = `${words(7)}. ${words(3)}.`;
    const newText = `${words(11)}. ${words(13)}.`;
    const result = diffText(oldText, newText, 0);
    expect(result.fallback).toBeDefined();
    expect(sides(result.ops)).toEqual({ old: oldText, new: newText });
  });
});

describe('token equality in the word diff', () => {
  /** jsdiff as it is meant: tokens with their whitespace, equal when equal once trimmed. */
  class TrimmedEquality extends Diff<string, string, string> {
    override tokenize(value: string): string[] {
      return value.match(WORD_TOKEN)?.filter((t) => t !== '') ?? [];
    }
    override equals(left: string, right: string): boolean {
      return left.trim() === right.trim();
    }
  }
  const reference = new TrimmedEquality();
  // Every character String.prototype.trim removes, and a few it keeps (zero-width space, word joiner).
  const SPACES = [' ', '\t', '\n', '\u00a0', '\u1680', '\u2002', '\u2009', '\u200a', '\u2028', '\u202f', '\u205f', '\u3000', '\ufeff', '\u200b', '\u2060'];
  const WORDS = ['shall', 'may', 'Party', 'data', '[shall][may]', '(a)', ',', ';', 'traffic', 'judicial', 'review'];

  it('finds the same changes as jsdiff comparing tokens trimmed, on 2,000 random pairs with every kind of space', () => {
    const random = seededRandom(20261203);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const text = (length: number): string => Array.from({ length }, () => `${pick(SPACES)}${random() < 0.3 ? pick(SPACES) : ''}${pick(WORDS)}`).join('');
    for (let k = 0; k < 2000; k++) {
      const oldText = text(1 + Math.floor(random() * 30));
      // The new text: the old one with words dropped, added and respaced.
      const newText = oldText
        .split(/(?<=\S)(?=\s)/)
        .map((part) => (random() < 0.15 ? '' : random() < 0.15 ? `${pick(SPACES)}${pick(WORDS)}${part}` : random() < 0.2 ? part.replace(/^\s+/, pick(SPACES)) : part))
        .join('');
      const expected = reference.diff(oldText, newText).map(({ added, removed, count }) => ({ added, removed, count }));
      expect(wordChanges(oldText, newText), JSON.stringify([oldText, newText])).toEqual(expected);
    }
  });
});
