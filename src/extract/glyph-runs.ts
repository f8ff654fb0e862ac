// Reads a page's operator list into positioned glyph runs and thin rules, and marks each glyph struck or underlined.

import type { PlacedItem } from './page-model.js';

/**
 * pdf.js operator codes (`OPS` in pdf.js 5.4) this walk follows. Numbers, not an import: pdf.ts is the
 * one door to pdf.js, and hands over the operator list as plain arrays.
 */
const OP = {
  setLineWidth: 2,
  save: 10,
  restore: 11,
  transform: 12,
  stroke: 20,
  closeStroke: 21,
  fill: 22,
  eoFill: 23,
  fillStroke: 24,
  eoFillStroke: 25,
  closeFillStroke: 26,
  closeEOFillStroke: 27,
  beginText: 31,
  setCharSpacing: 33,
  setWordSpacing: 34,
  setHScale: 35,
  setLeading: 36,
  setFont: 37,
  setTextRise: 39,
  moveText: 40,
  setLeadingMoveText: 41,
  setTextMatrix: 42,
  nextLine: 43,
  showText: 44,
  showSpacedText: 45,
  nextLineShowText: 46,
  nextLineSetSpacingShowText: 47,
  paintFormXObjectBegin: 74,
  paintFormXObjectEnd: 75,
  constructPath: 91,
} as const;
const FILLS = new Set<number>([OP.fill, OP.eoFill, OP.fillStroke, OP.eoFillStroke, OP.closeFillStroke, OP.closeEOFillStroke]);
const STROKES = new Set<number>([OP.stroke, OP.closeStroke]);

/** A rule's middle this far above the baseline (x the font size) strikes the text through: Word draws
 * strikes at 0.23-0.29 em, LibreOffice at 0.275 em. */
const STRIKE_BAND: [number, number] = [0.15, 0.42];
/** ... and this far below underlines it (Word 0.16 em, LibreOffice 0.1 em). */
const UNDERLINE_BAND: [number, number] = [-0.32, -0.04];
/** The farthest a mark lies from its glyph's baseline (x the font size): the widest of the two bands. */
const MAX_RAISE = Math.max(...STRIKE_BAND.map(Math.abs), ...UNDERLINE_BAND.map(Math.abs));
/** A mark is a thin rule: at most this high (x the font size). Word's strike is 0.05 em, its underline 0.1 em. */
const MAX_RULE_HEIGHT = 0.16;
/** A kerning gap inside one text-showing operator wider than this (x the font size) is a word space. */
const KERNING_SPACE = 0.2;

/** A thin horizontal rule drawn on the page (a filled thin rectangle or a stroked horizontal line), in page space. */
export interface Rule {
  x0: number;
  x1: number;
  /** Middle of the rule. */
  y: number;
  height: number;
}

/** One glyph as drawn, in page space. */
export interface PlacedGlyph {
  text: string;
  x: number;
  /** Baseline (text rise included). */
  y: number;
  /** Advance width. */
  width: number;
  size: number;
  font: string;
  /** True for a space glyph (or a kerning gap read as one). */
  space: boolean;
  /** Index of the text-showing operator that drew it: glyphs of one operator form one run. */
  show: number;
}

/** The parts of pdf.js's operator list the walk reads. */
export interface OperatorList {
  fnArray: ArrayLike<number>;
  argsArray: ArrayLike<unknown>;
}

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
const toMatrix = (value: unknown): Matrix | undefined => {
  if (value === null || typeof value !== 'object') return undefined;
  const list = Array.from(value as ArrayLike<number>);
  return list.length >= 6 && list.every((n) => typeof n === 'number' && Number.isFinite(n)) ? (list.slice(0, 6) as Matrix) : undefined;
};

interface GraphicsState {
  ctm: Matrix;
  font: string;
  fontSize: number;
  charSpacing: number;
  wordSpacing: number;
  hScale: number;
  leading: number;
  rise: number;
  lineWidth: number;
}

/**
 * The glyphs a page draws and the thin horizontal rules it paints, in page space. The graphics state (the
 * transformation matrix, font, spacing, line width) is saved and restored with q/Q; the text matrix is
 * set again at each BT. Rotated text and vertical fonts are left out (they are not reading text).
 *
 * Example: `BT /F1 12 Tf 1 0 0 1 99 618.7 Tm (official) Tj ET` then a filled 34 x 0.6 rectangle at
 * y 621.2 -> glyphs `o f f i c i a l` on baseline 618.7 and one rule at y 621.5.
 */
export function readGlyphsAndRules(ops: OperatorList, fontOf: (id: string) => { name: string; unitsPerEm?: number } | undefined): { glyphs: PlacedGlyph[]; rules: Rule[] } {
  const glyphs: PlacedGlyph[] = [];
  const rules: Rule[] = [];
  let state: GraphicsState = { ctm: IDENTITY, font: '', fontSize: 0, charSpacing: 0, wordSpacing: 0, hScale: 1, leading: 0, rise: 0, lineWidth: 1 };
  const stack: GraphicsState[] = [];
  let textMatrix: Matrix = IDENTITY;
  let lineMatrix: Matrix = IDENTITY;
  const fontNames = new Map<string, string>();
  const nameOf = (id: string): string => {
    let name = fontNames.get(id);
    if (name === undefined) {
      name = fontOf(id)?.name ?? '';
      fontNames.set(id, name);
    }
    return name;
  };
  const moveLine = (tx: number, ty: number): void => {
    lineMatrix = multiply([1, 0, 0, 1, tx, ty], lineMatrix);
    textMatrix = lineMatrix;
  };
  const show = (items: unknown, index: number): void => {
    if (!Array.isArray(items) || state.fontSize === 0) return;
    const size = state.fontSize;
    const font = nameOf(state.font);
    // One matrix per operator: glyphs advance along its x axis (computed once, not per glyph: this walk
    // runs over every glyph of a marked draft).
    const full = multiply(textMatrix, state.ctm);
    // Upright text only: rotated runs are margin stamps, never reading text.
    const upright = full[0] > 0 && Math.abs(full[1]) <= 0.1 * Math.abs(full[0]);
    const placedSize = size * Math.hypot(full[2], full[3]);
    const originX = full[4] + state.rise * full[2];
    const originY = full[5] + state.rise * full[3];
    let advanced = 0;
    for (const item of items as unknown[]) {
      if (typeof item === 'number') {
        const advance = (-item / 1000) * size * state.hScale;
        if (upright && advance > KERNING_SPACE * size) {
          glyphs.push({ text: ' ', x: originX + advanced * full[0], y: originY + advanced * full[1], width: advance * full[0], size: placedSize, font, space: true, show: index });
        }
        advanced += advance;
        continue;
      }
      if (item === null || typeof item !== 'object') continue;
      const glyph = item as { unicode?: unknown; width?: unknown; isSpace?: unknown };
      const width = typeof glyph.width === 'number' ? glyph.width : 0;
      const advance = ((width / 1000) * size + state.charSpacing + (glyph.isSpace === true ? state.wordSpacing : 0)) * state.hScale;
      if (upright) {
        const text = typeof glyph.unicode === 'string' ? glyph.unicode : '';
        // A space by its text: pdf.js's isSpace only says the code was 32 (word spacing applies), and subset
        // fonts give code 32 to any glyph (LibreOffice's `S`).
        glyphs.push({ text, x: originX + advanced * full[0], y: originY + advanced * full[1], width: advance * full[0], size: placedSize, font, space: text.trim() === '', show: index });
      }
      advanced += advance;
    }
    textMatrix = multiply([1, 0, 0, 1, advanced, 0], textMatrix);
  };
  const { fnArray, argsArray } = ops;
  for (let index = 0; index < fnArray.length; index += 1) {
    const fn = fnArray[index];
    const args = argsArray[index] as unknown[] | null | undefined;
    switch (fn) {
      case OP.save:
      case OP.paintFormXObjectBegin:
        stack.push(state);
        state = { ...state };
        if (fn === OP.paintFormXObjectBegin) {
          const matrix = toMatrix(args?.[0]);
          if (matrix !== undefined) state.ctm = multiply(matrix, state.ctm);
        }
        break;
      case OP.restore:
      case OP.paintFormXObjectEnd:
        state = stack.pop() ?? state;
        break;
      case OP.transform: {
        const matrix = toMatrix(args);
        if (matrix !== undefined) state.ctm = multiply(matrix, state.ctm);
        break;
      }
      case OP.setLineWidth:
        state.lineWidth = Number(args?.[0]) || 0;
        break;
      case OP.beginText:
        textMatrix = IDENTITY;
        lineMatrix = IDENTITY;
        break;
      case OP.setFont:
        state.font = String(args?.[0] ?? '');
        state.fontSize = Number(args?.[1]) || 0;
        break;
      case OP.setCharSpacing:
        state.charSpacing = Number(args?.[0]) || 0;
        break;
      case OP.setWordSpacing:
        state.wordSpacing = Number(args?.[0]) || 0;
        break;
      case OP.setHScale:
        state.hScale = (Number(args?.[0]) || 100) / 100;
        break;
      case OP.setLeading:
        state.leading = Number(args?.[0]) || 0;
        break;
      case OP.setTextRise:
        state.rise = Number(args?.[0]) || 0;
        break;
      case OP.moveText:
        moveLine(Number(args?.[0]) || 0, Number(args?.[1]) || 0);
        break;
      case OP.setLeadingMoveText:
        state.leading = -(Number(args?.[1]) || 0);
        moveLine(Number(args?.[0]) || 0, Number(args?.[1]) || 0);
        break;
      case OP.setTextMatrix: {
        const matrix = toMatrix(args?.[0]) ?? toMatrix(args);
        if (matrix !== undefined) {
          textMatrix = matrix;
          lineMatrix = matrix;
        }
        break;
      }
      case OP.nextLine:
        moveLine(0, -state.leading);
        break;
      case OP.showText:
      case OP.showSpacedText:
        show(args?.[0], index);
        break;
      case OP.nextLineShowText:
        moveLine(0, -state.leading);
        show(args?.[0], index);
        break;
      case OP.nextLineSetSpacingShowText:
        state.wordSpacing = Number(args?.[0]) || 0;
        state.charSpacing = Number(args?.[1]) || 0;
        moveLine(0, -state.leading);
        show(args?.[2], index);
        break;
      case OP.constructPath: {
        const rule = ruleOf(args, state);
        if (rule !== undefined) rules.push(rule);
        break;
      }
      default:
        break;
    }
  }
  return { glyphs, rules };
}

/** A painted path that is a thin horizontal rule, in page space; undefined for anything else. */
function ruleOf(args: unknown[] | null | undefined, state: GraphicsState): Rule | undefined {
  const paint = Number(args?.[0]);
  const box = toBox(args?.[2]);
  if (box === undefined) return undefined;
  const { ctm } = state;
  // Upright, unrotated space only (marks on rotated pages are not read).
  if (Math.abs(ctm[1]) > 1e-6 || Math.abs(ctm[2]) > 1e-6 || ctm[0] <= 0 || ctm[3] <= 0) return undefined;
  const [x0, y0] = apply(ctm, box[0], box[1]);
  const [x1, y1] = apply(ctm, box[2], box[3]);
  if (FILLS.has(paint)) return { x0, x1, y: (y0 + y1) / 2, height: y1 - y0 };
  if (STROKES.has(paint) && Math.abs(box[3] - box[1]) < 1e-3) {
    // LibreOffice strokes a line of the rule's height as its width.
    const height = state.lineWidth * ctm[3];
    return { x0, x1, y: (y0 + y1) / 2, height };
  }
  return undefined;
}

const toBox = (value: unknown): [number, number, number, number] | undefined => {
  if (value === null || typeof value !== 'object') return undefined;
  const list = Array.from(value as ArrayLike<number>);
  return list.length === 4 && list.every(Number.isFinite) ? (list as [number, number, number, number]) : undefined;
};

/** What a rule does to a glyph it passes over. */
type RuleMark = 'strike' | 'underline';

/** The mark a rule makes on a glyph of `size` on `baseline`, if it is thin enough and at a mark's height. */
function markOf(rule: Rule, baseline: number, size: number): RuleMark | undefined {
  if (rule.height > MAX_RULE_HEIGHT * size) return undefined;
  const raise = (rule.y - baseline) / size;
  if (raise >= STRIKE_BAND[0] && raise <= STRIKE_BAND[1]) return 'strike';
  if (raise >= UNDERLINE_BAND[0] && raise <= UNDERLINE_BAND[1]) return 'underline';
  return undefined;
}

/**
 * True when some rule on the page strikes through (or, with `underlines`, underlines) some glyph: the
 * page's marks are worth reading glyph by glyph.
 */
export function hasMarkRules(glyphs: PlacedGlyph[], rules: Rule[], underlines: boolean): boolean {
  if (rules.length === 0) return false;
  // A mark lies at most MAX_RAISE font sizes from its glyph's baseline, so each rule is tried only against the
  // glyphs that near its height (sorted by baseline), not against every glyph of the page: a page of tables
  // has hundreds of rules. Glyphs without a finite place or size can carry no mark.
  const near = glyphs.filter((glyph) => !glyph.space && Number.isFinite(glyph.y) && Number.isFinite(glyph.size) && glyph.size !== 0).sort((a, b) => a.y - b.y);
  if (near.length === 0) return false;
  const largest = near.reduce((most, glyph) => Math.max(most, Math.abs(glyph.size)), 0);
  // A hair over the bound, so that rounding in `markOf`'s division never puts a glyph it marks outside the reach.
  const reach = MAX_RAISE * largest * (1 + 1e-9) + 1e-9;
  return rules.some((rule) => {
    for (let i = firstAtOrAbove(near, rule.y - reach); i < near.length && near[i]!.y <= rule.y + reach; i++) {
      const glyph = near[i]!;
      const middle = glyph.x + glyph.width / 2;
      if (middle < rule.x0 || middle > rule.x1) continue;
      const mark = markOf(rule, glyph.y, glyph.size);
      if (mark === 'strike' || (underlines && mark === 'underline')) return true;
    }
    return false;
  });
}

/** Index of the first of `sorted` (by baseline) whose baseline is at or above `y`; its length when none is. */
function firstAtOrAbove(sorted: PlacedGlyph[], y: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]!.y < y) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * The page's text as runs, split wherever the mark changes: glyphs of one text-showing operator with the
 * same mark form one item, so a word half struck (`N` struck in `Notified`) is two items side by side.
 * A glyph is struck (or underlined) when a rule at strike (underline) height runs under its middle; a
 * space takes the mark of the glyphs on both sides when they agree.
 */
export function markedItems(glyphs: PlacedGlyph[], rules: Rule[], isBold: (font: string) => boolean): PlacedItem[] {
  const sortedRules = [...rules].sort((a, b) => a.y - b.y);
  const marks = glyphs.map((glyph) => {
    if (glyph.space) return { struck: false, underlined: false };
    const middle = glyph.x + glyph.width / 2;
    let struck = false;
    let underlined = false;
    for (const rule of sortedRules) {
      if (rule.y < glyph.y - glyph.size || rule.y > glyph.y + glyph.size) continue;
      if (middle < rule.x0 || middle > rule.x1) continue;
      const mark = markOf(rule, glyph.y, glyph.size);
      if (mark === 'strike') struck = true;
      else if (mark === 'underline') underlined = true;
    }
    return { struck, underlined };
  });
  // Spaces inside a struck (underlined) stretch belong to it, also when each space is drawn on its own.
  const sameLine = (a: PlacedGlyph | undefined, b: PlacedGlyph): boolean => a !== undefined && Math.abs(a.y - b.y) < 0.1 * b.size;
  glyphs.forEach((glyph, index) => {
    if (!glyph.space) return;
    let before = index - 1;
    while (before >= 0 && glyphs[before]!.space && sameLine(glyphs[before], glyph)) before -= 1;
    let after = index + 1;
    while (after < glyphs.length && glyphs[after]!.space && sameLine(glyphs[after], glyph)) after += 1;
    if (!sameLine(glyphs[before], glyph) || !sameLine(glyphs[after], glyph)) return;
    const [left, right] = [marks[before]!, marks[after]!];
    marks[index] = { struck: left.struck && right.struck, underlined: left.underlined && right.underlined };
  });
  const items: PlacedItem[] = [];
  let current: { item: PlacedItem; show: number; end: number } | undefined;
  glyphs.forEach((glyph, index) => {
    const mark = marks[index]!;
    const bold = isBold(glyph.font);
    const same =
      current !== undefined &&
      current.show === glyph.show &&
      current.item.bold === bold &&
      (current.item.struck ?? false) === mark.struck &&
      (current.item.underlined ?? false) === mark.underlined &&
      Math.abs(current.item.y - glyph.y) < 0.01 &&
      Math.abs(current.item.size - glyph.size) < 0.01;
    if (same && current !== undefined) {
      current.item.text += glyph.text;
      current.end = glyph.x + glyph.width;
      current.item.width = current.end - current.item.x;
      return;
    }
    const item: PlacedItem = { text: glyph.text, x: glyph.x, y: glyph.y, width: glyph.width, size: glyph.size, bold };
    if (mark.struck) item.struck = true;
    if (mark.underlined) item.underlined = true;
    items.push(item);
    current = { item, show: glyph.show, end: glyph.x + glyph.width };
  });
  return items;
}
