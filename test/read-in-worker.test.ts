// Reading drafts in worker threads: the same parsed drafts as reading them one by one, errors kept, bounds held.

import { describe, expect, it } from 'vitest';
import { readDraft } from '../src/drafts/read-draft.js';
import { parseDocument } from '../src/parse/parse-document.js';
import { startsAnotherThread } from '../src/drafts/read-in-worker.js';
// Worker threads start the compiled worker, so the built module is the one under test (npm run build).
import { parseInWorker, ReadingPool, type ThreadBounds } from '../dist/drafts/read-in-worker.js';
import type { ReadOptions } from '../src/types.js';
import { loadDrafts } from '../dist/drafts/load-drafts.js';
import { readDraftFile } from '../src/drafts/read-file.js';

describe('when a draft gets a reading thread of its own', () => {
  const KB = 1024;
  it('always for the first draft, on any machine', () => {
    expect(startsAnotherThread(10 * KB, [], 1)).toBe(true);
    expect(startsAnotherThread(10 * KB, [], 2)).toBe(true);
  });

  it('never past one thread per core', () => {
    expect(startsAnotherThread(5000 * KB, [5000 * KB], 1)).toBe(false);
    expect(startsAnotherThread(5000 * KB, [5000 * KB, 5000 * KB], 2)).toBe(false);
    expect(startsAnotherThread(10 * KB, [10 * KB, 10 * KB, 10 * KB, 10 * KB], 4)).toBe(false);
  });

  it('beside others whenever there are more than two cores', () => {
    expect(startsAnotherThread(10 * KB, [10 * KB], 4)).toBe(true);
    expect(startsAnotherThread(10 * KB, [10 * KB, 10 * KB], 4)).toBe(true);
  });

  it('on two cores only when it and the draft being read are both of 512 KB or more', () => {
    // The shipped pair (about 150 KB each) is read in one thread; the EU pair (1.35 MB, 1.0 MB) in two.
    expect(startsAnotherThread(158 * KB, [154 * KB], 2)).toBe(false);
    expect(startsAnotherThread(992 * KB, [1320 * KB], 2)).toBe(true);
    expect(startsAnotherThread(512 * KB, [512 * KB], 2)).toBe(true);
    expect(startsAnotherThread(511 * KB, [4000 * KB], 2)).toBe(false);
    expect(startsAnotherThread(4000 * KB, [511 * KB], 2)).toBe(false);
  });
});

describe('reading drafts in worker threads', () => {
  it('gives exactly the drafts that reading one after the other gives, in the order asked', async () => {
    const paths = ['fixtures/pairs/revised/old.pdf', 'fixtures/pairs/revised/new.pdf', 'fixtures/text-draft.txt'];
    const inWorkers = await loadDrafts(paths, { workers: 'auto' });
    const oneByOne = [];
    for (const path of paths) oneByOne.push(parseDocument(await readDraft(path)));
    expect(inWorkers.map((doc) => doc.source.path)).toEqual(paths);
    expect(inWorkers).toEqual(oneByOne);
  });

  it('passes on a refused draft as a TreatyDiffError with its code and one-line message', async () => {
    const failure = await loadDrafts(['fixtures/pairs/revised/old.pdf', 'fixtures/bad/encrypted.pdf']).catch((error: unknown) => error);
    expect(failure).toMatchObject({ name: 'TreatyDiffError', code: 'encrypted-pdf' });
    expect((failure as Error).message).toMatch(/^fixtures\/bad\/encrypted\.pdf: .*password/);
  });

  it('reports the first draft in path order when both fail, however far each got', async () => {
    // not-a-pdf.pdf is read from disk and refused by the reader; missing.pdf is refused before that.
    const failure = await loadDrafts(['fixtures/bad/not-a-pdf.pdf', 'fixtures/bad/missing.pdf']).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'not-a-pdf' });
    const reversed = await loadDrafts(['fixtures/bad/missing.pdf', 'fixtures/bad/not-a-pdf.pdf']).catch((error: unknown) => error);
    expect(reversed).toMatchObject({ code: 'file-not-found' });
  });

  it('takes its bounds as data: a page bound given to loadDrafts reaches the reading thread', async () => {
    const failure = await loadDrafts(['fixtures/pairs/revised/old.pdf', 'fixtures/pairs/revised/new.pdf'], { read: { maxPages: 3 } }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ name: 'TreatyDiffError', code: 'too-many-pages' });
    expect((failure as Error).message).toMatch(/^fixtures\/pairs\/revised\/old\.pdf: .*--max-pages/);
  });
});

/** What `parseInWorker` rejects with when the thread runs test/helpers/`helper`.mjs on the draft at `path`. */
async function refusalIn(helper: string, path: string, options: ReadOptions, bounds: ThreadBounds): Promise<unknown> {
  return parseInWorker(await readDraftFile(path), options, { ...bounds, script: new URL(`./helpers/${helper}.mjs`, import.meta.url) }).catch((error: unknown) => error);
}

describe('a pool of reading threads', () => {
  const OLD = 'fixtures/pairs/revised/old.pdf';
  const NEW = 'fixtures/pairs/revised/new.pdf';

  it('reads two small drafts one after the other in one thread on two cores, in two threads on four', async () => {
    const expected = await loadDrafts([OLD, NEW], { workers: 'never' });
    for (const [cores, threads] of [[2, 1], [4, 2]] as const) {
      const pool = new ReadingPool({}, { cores });
      try {
        const docs = await Promise.all([pool.parse(await readDraftFile(OLD)), pool.parse(await readDraftFile(NEW))]);
        expect(docs).toEqual(expected);
        expect(pool.started).toBe(threads);
      } finally {
        pool.close();
      }
    }
  });

  it('gives the drafts queued behind a thread stopped from outside to a fresh thread', async () => {
    const pool = new ReadingPool({ timeoutMs: 300 }, { cores: 1, graceMs: 200, script: new URL('./helpers/spin-on-un-draft-worker.mjs', import.meta.url) });
    try {
      const hanging = pool.parse(await readDraftFile('fixtures/un-draft.pdf'));
      // A text draft: read well within the 300 ms bound by the fresh thread.
      const queued = pool.parse(await readDraftFile('fixtures/text-draft.txt'));
      await expect(hanging).rejects.toMatchObject({ name: 'TreatyDiffError', code: 'timeout' });
      expect((await queued).source).toMatchObject({ path: 'fixtures/text-draft.txt', format: 'text' });
      expect(pool.started).toBe(2);
    } finally {
      pool.close();
    }
  });
});

describe('a reading thread that does not come back', () => {
  it('is stopped from outside at the reading bound plus the grace time, with the timeout refusal', async () => {
    const started = Date.now();
    const failure = await refusalIn('spinning-worker', 'fixtures/un-draft.pdf', { timeoutMs: 300 }, { graceMs: 200 });
    const elapsed = Date.now() - started;
    expect(failure).toMatchObject({ name: 'TreatyDiffError', code: 'timeout' });
    expect((failure as Error).message).toBe(
      'fixtures/un-draft.pdf: reading the PDF took longer than the limit of 300 ms; the file may be damaged or unusually complex (raise the limit with --timeout <seconds>)',
    );
    // Not before the bound and grace, and not much later: the spinning thread never answers by itself.
    expect(elapsed).toBeGreaterThanOrEqual(500);
    expect(elapsed).toBeLessThan(5_000);
  });

  it('is stopped when the whole process passes its memory bound, even with memory outside any heap', async () => {
    const started = Date.now();
    const failure = await refusalIn('buffer-hungry-worker', 'fixtures/un-draft.pdf', {}, { processMb: 400 });
    expect(failure).toMatchObject({ name: 'TreatyDiffError', code: 'out-of-memory' });
    expect((failure as Error).message).toMatch(/^fixtures\/un-draft\.pdf: reading the PDF took the process to \d+ MB of memory, past the bound of 400 MB; /);
    expect(Date.now() - started).toBeLessThan(10_000);
    // The thread is gone: the process's memory falls back (the buffers were the thread's).
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(process.memoryUsage.rss() / (1024 * 1024)).toBeLessThan(400);
  });

  it('is stopped at its heap bound with an out-of-memory refusal naming the file', async () => {
    // The process bound is set wide: this test process (vitest) alone holds more than 32 + 128 MB.
    const failure = await refusalIn('hungry-worker', 'fixtures/un-draft.pdf', { maxMemoryMb: 32 }, { processMb: 4096 });
    expect(failure).toMatchObject({ name: 'TreatyDiffError', code: 'out-of-memory' });
    expect((failure as Error).message).toMatch(/^fixtures\/un-draft\.pdf: reading the PDF needed more than 32 MB of memory; /);
  });
});

describe('a reading thread on a text draft that fails', () => {
  const TEXT = 'fixtures/text-draft.txt';

  it('names the text draft, not a PDF, when stopped at the reading bound', async () => {
    const failure = await refusalIn('spinning-worker', TEXT, { timeoutMs: 300 }, { graceMs: 200 });
    expect(failure).toMatchObject({ name: 'TreatyDiffError', code: 'timeout' });
    expect((failure as Error).message).toBe(
      'fixtures/text-draft.txt: reading the text draft took longer than the limit of 300 ms; check that the file is the draft meant (raise the limit with --timeout <seconds>)',
    );
  });

  it('says "out of memory reading the text draft" at its heap bound and at the process bound', async () => {
    const heap = await refusalIn('hungry-worker', TEXT, { maxMemoryMb: 32 }, { processMb: 4096 });
    expect(heap).toMatchObject({ name: 'TreatyDiffError', code: 'out-of-memory' });
    expect((heap as Error).message).toBe(
      'fixtures/text-draft.txt: out of memory reading the text draft: it needed more than 32 MB; check that the file is the draft meant (a text draft of a thousand pages is a few MB), or raise the bound with --max-memory <MB>',
    );
    const process = await refusalIn('buffer-hungry-worker', TEXT, {}, { processMb: 400 });
    expect(process).toMatchObject({ name: 'TreatyDiffError', code: 'out-of-memory' });
    expect((process as Error).message).toMatch(/^fixtures\/text-draft\.txt: out of memory reading the text draft: it took the process to \d+ MB, past the bound of 400 MB; .*--max-memory <MB>$/);
    expect((process as Error).message).not.toMatch(/PDF|decompression/);
  });
});
