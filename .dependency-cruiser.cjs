// `npm run lint` runs this after eslint: the import rules of the house, checked on every file.
//
// Core's folders stand in layers, lowest first; a file may import its own layer and the layers below
// it, never one above (tests excepted: a test may drive any layer). Each source of sales is a room of
// its own; what reads across many rooms (the overview, reports, the migration) stands above them, with
// engine.ts, the composition root (no cycle through it: no-circular sees to that).
const LAYERS = [
  ['electron/core/(domain-error|event-bus|clock)\\.ts', 'electron/core/(decimal|time)/'],
  ['electron/core/db/'],
  ['electron/core/secrets/'],
  ['electron/core/platform/'],
  ['electron/core/alerts/'],
  ['electron/core/inventory/'],
  ['electron/core/ledger/'],
  ['electron/core/sources/(?!source-rooms)[^/]+\\.ts'],
  ['electron/core/sales/', 'electron/core/locations/'],
  ['electron/core/items/'],
  ['electron/core/transfer/'],
  ['electron/core/sources/(lightspeed|sides|csv)/'],
  ['electron/core/sources/source-rooms\\.ts'],
  ['electron/core/(migration|scheduler|stock|overview|setup|diagnostics|reports|backup|people)/', 'electron/core/engine\\.ts'],
];

const either = (paths) => `^(${paths.join('|')})`;
const TESTS = '\\.test\\.ts$';

/** One rule per layer: nothing in it imports a layer above it. */
const layering = LAYERS.slice(0, -1).map((layer, index) => ({
  name: `layer-${index + 1}-not-upward`,
  comment: `${layer.join(', ')} may import only itself and the layers below it (see LAYERS in .dependency-cruiser.cjs).`,
  severity: 'error',
  from: { path: either(layer), pathNot: TESTS },
  to: { path: either(LAYERS.slice(index + 1).flat()) },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No import cycle anywhere: a cycle means two modules cannot be understood, tested or moved apart.',
      severity: 'error',
      from: { path: '^(electron|shared|renderer)/' },
      to: { circular: true },
    },
    {
      name: 'core-stays-inside',
      comment: 'Core (tests included) never imports a door, an IPC contract, the shell or Electron; its code never imports the demo or test helpers.',
      severity: 'error',
      from: { path: '^electron/core/' },
      to: { path: '^(electron/(fronts|main|preload)/|shared/ipc/)|^electron$|(^|/)node_modules/electron/' },
    },
    {
      name: 'core-code-not-demo-or-tests',
      severity: 'error',
      from: { path: '^electron/core/', pathNot: TESTS },
      to: { path: '^(electron/demo/|test/)' },
    },
    ...layering,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|out|dist|test-results)/' },
    tsConfig: { fileName: 'tsconfig.node.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs'] },
  },
};
