// Progress of a series run through the program's own entry point: on stderr only when it is a terminal, never on stdout.

import { describe, expect, it, vi } from 'vitest';
import type { Io } from '../src/cli/program.js';
import { runCli } from './helpers/cli.js';

/**
 * The progress line's clock, a second later at every reading: the run "takes long" without waiting
 * for it. Only progress gets it: the word diff keeps the real clock for its time bound.
 */
const clock = vi.hoisted(() => {
  let time = 0;
  return () => (time += 1000);
});
vi.mock('../dist/cli/progress.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../src/cli/progress.js')>();
  return { ...original, createProgress: (sink: Parameters<typeof original.createProgress>[0]) => original.createProgress(sink, clock) };
});

const SERIES = ['fixtures/series/draft-1.pdf', 'fixtures/series/draft-2.pdf', 'fixtures/series/draft-3.pdf'];

/** The built program (drafts are read in worker threads, which need the compiled reader), typed from the source. */
async function loadMain(): Promise<(typeof import('../src/cli/program.js'))['main']> {
  const url = new URL('../dist/cli/program.js', import.meta.url).href;
  return ((await import(url)) as typeof import('../src/cli/program.js')).main;
}

/** Runs `treaty-diff ...args` in this process with a recording Io whose stderr is (or is not) a terminal. */
async function runMain(args: string[], stderrIsTTY: boolean): Promise<{ stdout: string; stderr: string; code: number | undefined }> {
  const main = await loadMain();
  let stdout = '';
  let stderr = '';
  let code: number | undefined;
  const io: Io = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    setExitCode: (value) => void (code = value),
    env: { NO_COLOR: '1' },
    stdoutStream: { isTTY: false },
    stderrStream: { isTTY: stderrIsTTY },
  };
  await main(['node', 'treaty-diff', ...args], io);
  return { stdout, stderr, code };
}

describe('progress through main()', () => {
  it('on a terminal: one self-overwriting line on stderr (which drafts, pages read), cleared at the end; stdout untouched', async () => {
    const { stdout, stderr, code } = await runMain([...SERIES, '--no-cache', '--format', 'json'], true);
    expect(code).toBe(1);
    expect(stderr.startsWith('\r\u001b[2Ktreaty-diff: reading 3 drafts (fixtures/series/draft-1.pdf, ')).toBe(true);
    // 4 + 5 + 4 pages: the series fixture's drafts.
    expect(stderr).toContain('\r\u001b[2Ktreaty-diff: read 3 drafts, 13 pages');
    expect(stderr).toContain('comparing draft 2 with draft 3 (2 of 2)');
    expect(stderr.endsWith('\r\u001b[2K')).toBe(true);
    expect(stderr).not.toContain('\n');
    expect(stdout).not.toMatch(/\r|\u001b|treaty-diff: read/);
    expect(JSON.parse(stdout).series.drafts).toHaveLength(3);
  });

  it('not a terminal: nothing at all on stderr, however long it takes', async () => {
    const { stdout, stderr, code } = await runMain([...SERIES, '--no-cache', '--format', 'json'], false);
    expect(code).toBe(1);
    expect(stderr).toBe('');
    // The report is the same as the one the installed command prints.
    expect(stdout).toBe(runCli([...SERIES, '--format', 'json']).stdout);
  });
});
