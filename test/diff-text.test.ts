import { describe, expect, it } from 'vitest';
import { diffText, trimmedEqual } from '../src/diff/diff-text.js';
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
  it('is `trim()` equality for every UTF-16 code unit around a token, without making trimmed strings', () => {
    for (let code = 0; code < 0x10000; code++) {
      const c = String.fromCharCode(code);
      for (const [left, right] of [[`${c}shall`, 'shall'], [`shall${c}`, ' shall'], [`${c}may${c}`, 'may'], [`${c}`, '']] as const) {
        expect(trimmedEqual(left, right)).toBe(left.trim() === right.trim());
      }
    }
    expect(trimmedEqual(' shall', 'shall')).toBe(true);
    expect(trimmedEqual(' shall', ' shal')).toBe(false);
    expect(trimmedEqual('[shall][may]', ' [shall][may]')).toBe(true);
  });
});
