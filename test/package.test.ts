// The published package: what `npm pack` puts in it (licence, built code without dangling source maps,
// the files the README links to), checked on the real tarball list.

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/cli.js';

/** The files `npm pack` would publish, from its own JSON listing. */
function packedFiles(): string[] {
  const listing = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' })) as { files: { path: string }[] }[];
  return listing[0]!.files.map((file) => file.path).sort();
}

describe('the npm package', () => {
  const files = packedFiles();

  it('carries the licence that package.json names, the CLI, the library and the schema', () => {
    expect(JSON.parse(readFileSync(`${ROOT}/package.json`, 'utf8')).license).toBe('MIT');
    expect(readFileSync(`${ROOT}/LICENSE`, 'utf8')).toMatch(/^MIT License/);
    expect(files).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'package.json', 'bin/treaty-diff.js', 'dist/index.js', 'dist/index.d.ts', 'dist/cli/program.js', 'schema/treaty-diff.schema.json']));
  });

  it('has no source map pointing at sources it does not ship, and no sources or tests', () => {
    expect(files.filter((file) => file.endsWith('.map'))).toEqual([]);
    expect(files.filter((file) => /^(src|test|fixtures|scripts)\//.test(file))).toEqual([]);
    for (const file of files.filter((f) => f.endsWith('.js'))) expect(readFileSync(`${ROOT}/${file}`, 'utf8'), file).not.toMatch(/sourceMappingURL/);
  });

  it('ships every file the README links to by a relative path', () => {
    const readme = readFileSync(`${ROOT}/README.md`, 'utf8');
    const linked = [...readme.matchAll(/\]\((?!https?:|#)([^)\s]+)\)/g)].map((match) => match[1]!.split('#')[0]!).filter((path) => path.startsWith('docs/'));
    expect(linked.length).toBeGreaterThan(0);
    expect(files).toEqual(expect.arrayContaining(linked));
  });
});
