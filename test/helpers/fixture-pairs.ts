// The fixture drafts that reports are checked on: every pair, each step of the series, the injection drafts.

import { readdirSync } from 'node:fs';

/** Every fixture pair, each step of the series and the injection drafts, as [old, new] paths from the repository root. */
export const PAIRS: [string, string][] = [
  ...readdirSync(new URL('../../fixtures/pairs/', import.meta.url)).sort().map((name): [string, string] => [`fixtures/pairs/${name}/old.pdf`, `fixtures/pairs/${name}/new.pdf`]),
  ['fixtures/series/draft-1.pdf', 'fixtures/series/draft-2.pdf'],
  ['fixtures/series/draft-2.pdf', 'fixtures/series/draft-3.pdf'],
  ['fixtures/injection/old.pdf', 'fixtures/injection/new.pdf'],
];

/** The three-draft series, in order. */
export const SERIES = ['fixtures/series/draft-1.pdf', 'fixtures/series/draft-2.pdf', 'fixtures/series/draft-3.pdf'];
