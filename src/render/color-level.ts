// The colour level a run writes with, from the flags, the environment and the terminal; no chalk needed to decide it.

/** Colour levels as chalk counts them: 0 none, 1 basic 16 colours, 2 256, 3 truecolor. */
export type ColorLevel = 0 | 1 | 2 | 3;

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
