// A draft file read ahead (by the CLI, before anything else starts) is taken once by the run, within the
// run's own bounds, instead of being read and hashed again.

import { describe, expect, it } from 'vitest';
import { readDraftFile, readDraftFileAhead } from '../src/drafts/read-file.js';

describe('reading a draft file ahead', () => {
  const PATH = 'fixtures/pairs/revised/old.pdf';

  it('hands the run the very read made ahead, once; the next read is a fresh one', async () => {
    const ahead = await readDraftFileAhead(PATH);
    const taken = await readDraftFile(PATH);
    expect(taken).toBe(ahead);
    const again = await readDraftFile(PATH);
    expect(again).not.toBe(ahead);
    expect(again.sha256).toBe(ahead.sha256);
  });

  it("holds the run to its own size bound, and reports a failed read ahead with the run's own error", async () => {
    await readDraftFileAhead(PATH);
    // 150 KB against a bound of 0.1 MB: refused as the run would refuse it, not passed on.
    await expect(readDraftFile(PATH, { maxBytes: 100_000 })).rejects.toMatchObject({ code: 'too-large' });
    await readDraftFileAhead('fixtures/bad/missing.pdf').catch(() => undefined);
    await expect(readDraftFile('fixtures/bad/missing.pdf')).rejects.toMatchObject({ code: 'file-not-found' });
  });
});
