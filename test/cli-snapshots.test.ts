// Recorded CLI runs (command, exit code, output) on the fixture pairs, colour off: a change to what
// users see shows up as a reviewed diff of test/snapshots/*.txt.

import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';

const record = (args: string[]): string => {
  const result = runCli(args);
  return [`$ treaty-diff ${args.join(' ')}`, `exit ${result.code}`, '--- stdout', result.stdout, '--- stderr', result.stderr].join('\n');
};

describe('recorded runs', () => {
  it.each([
    ['revised', ['fixtures/pairs/revised/old.pdf', 'fixtures/pairs/revised/new.pdf']],
    ['renumber-only', ['fixtures/pairs/renumber-only/old.pdf', 'fixtures/pairs/renumber-only/new.pdf']],
    ['reflow', ['fixtures/pairs/reflow/old.pdf', 'fixtures/pairs/reflow/new.pdf']],
    ['extract-negotiation', ['extract', 'fixtures/negotiation-draft.pdf']],
  ])('%s', async (name, args) => {
    await expect(record(args)).toMatchFileSnapshot(`snapshots/${name}.txt`);
  });
});
