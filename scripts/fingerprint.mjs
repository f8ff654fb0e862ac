// Writes dist/code-fingerprint.txt: the fingerprint of every compiled module of dist/ (`codeFingerprintOf`
// in src/drafts/cache.ts, the cache's own). The cache keys every entry by it, so that a rebuilt treaty-diff
// never reads what other code wrote, without hashing a hundred files at every run. Run by `npm run build`,
// after tsc.

import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeFingerprintOf } from '../dist/drafts/cache.js';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
writeFileSync(join(dist, 'code-fingerprint.txt'), `${codeFingerprintOf(dist)}\n`);
