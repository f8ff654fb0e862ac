// `npm run score:real`: how well the reader reads the real drafts in ../shared/real-drafts, as a table or as JSON.
//
// Usage: npm run score:real [-- --json]      (builds first; node scripts/score-real.mjs needs dist/)
//
// Without ../shared/real-drafts it says so in one line and exits 0, or 1 under CI=true, where the drafts are required.

import { existsSync } from 'node:fs';
import { formatTable, realDraftsDir, scoreRealDrafts } from './score-real-lib.mjs';

const args = process.argv.slice(2);
const unknown = args.filter((arg) => arg !== '--json');
if (unknown.length > 0) {
  console.error(`unknown argument ${unknown[0]}; usage: node scripts/score-real.mjs [--json]`);
  process.exit(2);
}

const dir = realDraftsDir();
if (!existsSync(dir)) {
  if (process.env.CI === 'true') {
    console.error(`real drafts folder ${dir} is missing: CI=true requires it`);
    process.exit(1);
  }
  console.log(`real drafts folder ${dir} is absent: nothing to score`);
  process.exit(0);
}

const json = args.includes('--json');
const score = await scoreRealDrafts({ dir, log: json ? undefined : (line) => console.error(line) });
console.log(json ? JSON.stringify(score, null, 2) : formatTable(score));
