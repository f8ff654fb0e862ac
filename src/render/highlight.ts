// One highlighter serves every text-like format: ANSI colour, or plain markers when colour is off.

import { Chalk } from 'chalk';
import type { ColorLevel } from './color-level.js';

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
