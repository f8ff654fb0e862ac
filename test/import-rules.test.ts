// The import-rule checker (.dependency-cruiser.cjs) holds the pipeline order: it passes on src/ and fails
// on a tree with an upward import, a cycle or a stray file at src/ root.

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers/cli.js';

const DEPCRUISE = join(ROOT, 'node_modules', '.bin', 'depcruise');
const CONFIG = join(ROOT, '.dependency-cruiser.cjs');
const scratch: string[] = [];
afterAll(() => scratch.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** Runs the checker on a made-up src/ tree (file path -> source) and returns its exit code and output. */
function cruise(files: Record<string, string>): { status: number | null; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'treaty-diff-imports-'));
  scratch.push(dir);
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext' } }));
  for (const [path, source] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), source);
  }
  const run = spawnSync(DEPCRUISE, ['src', '--config', CONFIG], { cwd: dir, encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('the import rules', () => {
  it('pass on the project', () => {
    const run = spawnSync(DEPCRUISE, ['src', '--config', CONFIG], { cwd: ROOT, encoding: 'utf8' });
    expect(run.stdout).toMatch(/no dependency violations found/);
    expect(run.status).toBe(0);
  });

  it('pass on a tree whose imports all point down the pipeline', () => {
    const run = cruise({
      'src/types.ts': 'export type Line = string;\n',
      'src/extract/read.ts': "import type { Line } from '../types.js';\nexport const read = (line: Line) => line;\n",
      'src/render/text.ts': "import { read } from '../extract/read.js';\nexport const render = () => read('x');\n",
    });
    expect(run.output).toMatch(/no dependency violations found/);
    expect(run.status).toBe(0);
  });

  it('fail on an import from an earlier stage to a later one, naming both', () => {
    const run = cruise({
      'src/extract/read.ts': "import { render } from '../render/text.js';\nexport const read = () => render();\n",
      'src/render/text.ts': 'export const render = () => 1;\n',
    });
    expect(run.output).toMatch(/extract-imports-render: src\/extract\/read\.ts → src\/render\/text\.ts/);
    expect(run.status).not.toBe(0);
  });

  it('fail on a cycle inside one stage', () => {
    const run = cruise({
      'src/diff/a.ts': "import { b } from './b.js';\nexport const a = () => b();\n",
      'src/diff/b.ts': "import { a } from './a.js';\nexport const b = () => a();\n",
    });
    expect(run.output).toMatch(/no-circular/);
    expect(run.status).not.toBe(0);
  });

  it('fail on a file at src/ root that belongs in a room', () => {
    const run = cruise({
      'src/helpers.ts': 'export const help = () => 1;\n',
      'src/cli/program.ts': "import { help } from '../helpers.js';\nexport const main = () => help();\n",
    });
    expect(run.output).toMatch(/nothing-imports-a-stray-root-file/);
    expect(run.status).not.toBe(0);
  });
});
