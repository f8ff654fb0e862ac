// The import rules of src/: every import points down the pipeline (a stage imports only the stages before
// it and the contract), no import cycles, no file at src/ root outside the contract. Run by `npm test`
// (`npm run lint:imports`); a later change that imports upward fails the suite.

/**
 * The layers of src/, lowest first: a module may import its own layer and the layers before it, never a
 * later one. `index.ts` re-exports the library and is imported by nothing.
 */
const LAYERS = [
  ['contract', '^src/(types|errors|exit-codes|version|messages)\\.ts$'],
  ['match', '^src/match/'],
  ['extract', '^src/extract/'],
  ['parse', '^src/parse/'],
  ['align', '^src/align/'],
  ['diff', '^src/diff/'],
  ['classify', '^src/classify/'],
  ['compare', '^src/compare\\.ts$'],
  ['history', '^src/history/'],
  ['render', '^src/render/'],
  ['drafts', '^src/drafts/'],
  ['cli', '^src/cli/'],
];

const upward = LAYERS.flatMap(([name, path], index) =>
  LAYERS.slice(index + 1).map(([later, laterPath]) => ({
    name: `${name}-imports-${later}`,
    comment: `${name} comes before ${later} in the pipeline: it may not import it (see README, How the code is laid out)`,
    severity: 'error',
    from: { path },
    to: { path: laterPath },
  })),
);

module.exports = {
  forbidden: [
    ...upward,
    {
      name: 'no-circular',
      comment: 'modules that import each other, directly or through others, cannot be read or moved apart',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'index-is-imported-by-nothing',
      comment: 'src/index.ts is the public entry point: it re-exports, and nothing inside src/ imports it',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^src/index\\.ts$' },
    },
    {
      name: 'root-is-the-contract',
      comment: 'a file at src/ root that is not the contract, compare.ts or index.ts belongs in a room',
      severity: 'error',
      from: { path: '^src/[^/]+\\.ts$', pathNot: '^src/(types|errors|exit-codes|version|messages|compare|index)\\.ts$' },
      to: {},
    },
    {
      name: 'nothing-imports-a-stray-root-file',
      comment: 'a file at src/ root that is not the contract, compare.ts or index.ts belongs in a room',
      severity: 'error',
      from: {},
      to: { path: '^src/[^/]+\\.ts$', pathNot: '^src/(types|errors|exit-codes|version|messages|compare|index)\\.ts$' },
    },
    {
      name: 'no-orphans',
      comment: 'a module that nothing imports is dead code or a stray file (index.ts, the CLI and the thread entry are entry points)',
      severity: 'error',
      from: { orphan: true, path: '^src/', pathNot: '^src/(index\\.ts|cli/program\\.ts|drafts/read-worker\\.ts)$' },
      to: {},
    },
    {
      name: 'every-layer-is-known',
      comment: 'a new folder under src/ needs its place in LAYERS (.dependency-cruiser.cjs) and in the README',
      severity: 'error',
      from: { path: '^src/', pathNot: `${LAYERS.map(([, path]) => `(${path})`).join('|')}|^src/index\\.ts$` },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '\\.d\\.ts$' },
  },
};
