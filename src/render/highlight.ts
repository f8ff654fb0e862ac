// One highlighter serves every text-like format: ANSI colour, or plain markers when colour is off.

import { Chalk } from 'chalk';

/** Styling roles used by the renderers; each returns the text wrapped for its medium. */
export interface Highlighter {
  /** Deleted words in a word diff. Plain: `[-words-]` (git --word-diff style). */
  deleted(text: string): string;
  /** Inserted words in a word diff. Plain: `{+words+}`. */
  inserted(text: string): string;
  heading(text: string): string;
  /** Less important detail (ids, pages, elisions). */
  dim(text: string): string;
  high(text: string): string;
  medium(text: string): string;
  low(text: string): string;
}

/** Colour levels as chalk counts them: 0 none, 1 basic 16 colours, 2 256, 3 truecolor. */
export type ColorLevel = 0 | 1 | 2 | 3;

/** A highlighter for `level`; level 0 gives plain, marker-only output that is stable for tests. */
export function createHighlighter(level: ColorLevel): Highlighter {
  if (level === 0) {
    const same = (text: string): string => text;
    return {
      deleted: (text) => `[-${text}-]`,
      inserted: (text) => `{+${text}+}`,
      heading: same,
      dim: same,
      high: same,
      medium: same,
      low: same,
    };
  }
  // chalk is given its level explicitly: its own detection ignores NO_COLOR and reads argv.
  const chalk = new Chalk({ level });
  return {
    deleted: (text) => chalk.red.strikethrough(text),
    inserted: (text) => chalk.green.underline(text),
    heading: (text) => chalk.bold(text),
    dim: (text) => chalk.dim(text),
    high: (text) => chalk.red.bold(text),
    medium: (text) => chalk.yellow(text),
    low: (text) => chalk.cyan(text),
  };
}

/**
 * The colour level for the terminal, in this order: `--no-color` (0), NO_COLOR set and non-empty (0),
 * FORCE_COLOR (`0`/`false` off, `1`-`3` that level, anything else 1), then a TTY (its depth) or 0.
 * See https://no-color.org and https://force-color.org.
 */
export function detectColorLevel(options: {
  colorFlag: boolean;
  env: NodeJS.ProcessEnv;
  stream: { isTTY?: boolean; getColorDepth?: () => number };
}): ColorLevel {
  if (!options.colorFlag) return 0;
  const noColor = options.env['NO_COLOR'];
  if (noColor !== undefined && noColor !== '') return 0;
  const force = options.env['FORCE_COLOR'];
  if (force !== undefined) {
    if (force === '0' || force === 'false') return 0;
    if (force === '2') return 2;
    if (force === '3') return 3;
    return 1;
  }
  if (!options.stream.isTTY) return 0;
  const depth = options.stream.getColorDepth?.() ?? 4;
  if (depth >= 24) return 3;
  if (depth >= 8) return 2;
  return depth >= 4 ? 1 : 0;
}
