// Writes dist/code-fingerprint.txt: the SHA-256 of every compiled module of dist/ (names and contents, in
// name order). The cache keys every entry by it, so that a rebuilt treaty-diff never reads what other code
// wrote, without hashing a hundred files at every run. Run by `npm run build`, after tsc.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The fingerprint of the modules under `root` (dist/). Example: `codeFingerprintOf('dist')` -> 64 hex digits. */
export function codeFingerprintOf(root) {
  const hash = createHash('sha256');
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.js')).sort();
  for (const name of files) hash.update(name).update('\0').update(readFileSync(join(root, name))).update('\0');
  return hash.digest('hex');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
  writeFileSync(join(dist, 'code-fingerprint.txt'), `${codeFingerprintOf(dist)}\n`);
}
