// Progress of a long run, for a person watching a terminal: one self-overwriting line on stderr.

import { showControls } from '../messages.js';

/** Where progress goes and whether anyone is watching. */
export interface ProgressSink {
  /** True when stderr is a terminal; progress is never shown otherwise (CI logs, pipes, files). */
  isTTY: boolean;
  write(text: string): void;
}

/** Reports what is being done; `finish` clears the line. Every method is a no-op when not shown. */
export interface Progress {
  /** These drafts are being read. */
  reading(paths: readonly string[]): void;
  /** Every draft has been read: `pages` pages in all. */
  read(drafts: number, pages: number): void;
  /** Comparison `index` (1-based: draft index with draft index + 1) of `total` is running. */
  comparing(index: number, total: number): void;
  finish(): void;
}

/** Nothing is shown for the first moment: a small pair of drafts is done before a line would flicker. */
export const QUIET_MS = 400;

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

/** Runs `task` after `ms` unless cancelled; the timer never keeps the process alive. */
export type Schedule = (task: () => void, ms: number) => () => void;

const scheduleTimer: Schedule = (task, ms) => {
  const timer = setTimeout(task, ms);
  timer.unref();
  return () => clearTimeout(timer);
};

/**
 * A progress line on `sink` when it is a terminal, shown only once the run takes longer than
 * QUIET_MS: a line set during that first moment (`reading 3 drafts ...`, while the slow part runs)
 * is shown when the moment is over if nothing replaced it, later lines at once. `now` and
 * `schedule` are injectable so the behaviour can be tested without waiting.
 *
 * Example on a terminal: `treaty-diff: read 3 drafts, 68 pages; comparing draft 2 with draft 3 (2 of 2)`.
 */
export function createProgress(sink: ProgressSink, now: () => number = Date.now, schedule: Schedule = scheduleTimer): Progress {
  if (!sink.isTTY) return { reading: () => undefined, read: () => undefined, comparing: () => undefined, finish: () => undefined };
  const started = now();
  let shown = false;
  let finished = false;
  let latest = '';
  let done = '';
  let cancel: (() => void) | undefined;
  // \r and erase-to-end-of-line: the line overwrites itself instead of scrolling.
  const write = (): void => {
    if (finished) return;
    shown = true;
    sink.write(`\r\u001b[2Ktreaty-diff: ${latest}`);
  };
  const show = (line: string): void => {
    latest = line;
    const waited = now() - started;
    if (waited >= QUIET_MS) write();
    else cancel ??= schedule(() => write(), QUIET_MS - waited);
  };
  return {
    reading: (paths) => show(`reading ${plural(paths.length, 'draft')} (${paths.map(showControls).join(', ')})`),
    read: (drafts, pages) => {
      done = `read ${plural(drafts, 'draft')}, ${plural(pages, 'page')}`;
      show(done);
    },
    comparing: (index, total) => show(`${done}; comparing draft ${index} with draft ${index + 1} (${index} of ${total})`),
    finish: () => {
      finished = true;
      cancel?.();
      if (shown) sink.write('\r\u001b[2K');
    },
  };
}
