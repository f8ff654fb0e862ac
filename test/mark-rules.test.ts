// Whether a page's rules strike through or underline any glyph: the answer of trying every rule against
// every glyph, found by trying each rule only against the glyphs near its height.

import { describe, expect, it } from 'vitest';
import { seededRandom as random } from './helpers/seeded.js';
import { hasMarkRules, type PlacedGlyph, type Rule } from '../src/extract/glyph-runs.js';

const glyph = (x: number, y: number, size: number, space = false): PlacedGlyph => ({ text: space ? ' ' : 'a', x, y, width: size / 2, size, font: 'F', space, show: 0 });

/** The definition, by brute force: the bands of glyph-runs.ts (strike 0.15-0.42, underline -0.32 to -0.04 em, rule at most 0.16 em high). */
function everyPair(glyphs: PlacedGlyph[], rules: Rule[], underlines: boolean): boolean {
  return rules.some((rule) =>
    glyphs.some((g) => {
      if (g.space) return false;
      const middle = g.x + g.width / 2;
      if (middle < rule.x0 || middle > rule.x1 || rule.height > 0.16 * g.size) return false;
      const raise = (rule.y - g.y) / g.size;
      return (raise >= 0.15 && raise <= 0.42) || (underlines && raise >= -0.32 && raise <= -0.04);
    }),
  );
}

describe('mark rules on a page', () => {
  it('strike at 0.3 em and underline at -0.1 em are found; a rule between lines or a table border is not', () => {
    const line = [glyph(100, 700, 10), glyph(105, 700, 10), glyph(110, 700, 12, true)];
    expect(hasMarkRules(line, [{ x0: 95, x1: 120, y: 703, height: 0.5 }], false)).toBe(true);
    expect(hasMarkRules(line, [{ x0: 95, x1: 120, y: 699, height: 0.5 }], false)).toBe(false);
    expect(hasMarkRules(line, [{ x0: 95, x1: 120, y: 699, height: 0.5 }], true)).toBe(true);
    expect(hasMarkRules(line, [{ x0: 95, x1: 120, y: 706, height: 0.5 }], true)).toBe(false);
    expect(hasMarkRules(line, [{ x0: 95, x1: 120, y: 703, height: 3 }], false)).toBe(false);
    expect(hasMarkRules(line, [{ x0: 200, x1: 300, y: 703, height: 0.5 }], false)).toBe(false);
    expect(hasMarkRules(line, [], true)).toBe(false);
  });

  it('agrees with trying every rule against every glyph on 2,000 random pages of mixed sizes', () => {
    const next = random(20261203);
    let marked = 0;
    for (let page = 0; page < 2000; page++) {
      const glyphs = Array.from({ length: 1 + Math.floor(next() * 60) }, () =>
        glyph(next() * 500, 100 + Math.floor(next() * 40) * 14 + next() * 2, [6, 8, 10, 12, 24][Math.floor(next() * 5)]!, next() < 0.15),
      );
      const rules = Array.from({ length: Math.floor(next() * 12) }, () => {
        const x0 = next() * 500;
        return { x0, x1: x0 + next() * 200, y: 95 + next() * 570, height: next() < 0.8 ? next() * 2 : next() * 10 };
      });
      for (const underlines of [false, true]) {
        const expected = everyPair(glyphs, rules, underlines);
        expect(hasMarkRules(glyphs, rules, underlines), `page ${page}`).toBe(expected);
        if (expected) marked += 1;
      }
    }
    // Both answers occur often: the comparison is not vacuous.
    expect(marked).toBeGreaterThan(200);
    expect(marked).toBeLessThan(3800);
  });
});
