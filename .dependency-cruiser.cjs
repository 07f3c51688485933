// The house rule, checked in `npm test` (npm run lint:deps): the library's layers under
// fixtures/, each importing only the layers listed before it; no import cycles; the
// harness reaching the library only through its package name, as a consumer does.
// docs/architecture.md explains the layers; `npm run graph` redraws docs/architecture.svg.

/** Bottom to top: a layer may import itself and the layers before it, never one after. */
const LAYERS = [
  'core', //       settings model, exchanges, cookies, masking, errors, app facts: no processes, no Playwright
  'report', //     renderings of exchanges: auth paths, the traffic diagram, masked traffic
  'runtime', //    processes: the backends, the SPA command, the stack, the topologies, Chromium's launch
  'traffic', //    recording a test's traffic: the page's recorder, the wire and token clients
  'diagnosis', //  evidence to a named cause
  'playwright', // the fixtures, matchers, page-object contract, global setup, reporter
  'suites', //     the flows, the wire checks, the token checks
  'tools', //      the doctor, the breaks catalogue, Postman, the CLI
  'config', //     the config factory, at the top
];

const upward = LAYERS.map((layer, index) => ({
  name: `layer-${layer}`,
  comment: `fixtures/${layer}/ may import only ${LAYERS.slice(0, index + 1).join(', ')}`,
  severity: 'error',
  from: { path: `^fixtures/${layer}/` },
  to: { path: `^fixtures/(${LAYERS.slice(index + 1).join('|') || '$^'})/` },
}));

/**
 * Relative imports into the library's internals, allowed to unit tests of those internals and the benchmark of them.
 */
const INTERNALS_READERS = ['^tests/unit/', '^scripts/bench/topology\\.ts$'];

module.exports = {
  forbidden: [
    ...upward,
    { name: 'no-cycles', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'core-has-no-processes',
      comment: 'fixtures/core/ is facts and models: no child processes, no Playwright runner (types are fine)',
      severity: 'error',
      from: { path: '^fixtures/core/' },
      to: { path: '^(child_process|node:child_process|@playwright/test)$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'public-entries-only-at-the-top',
      comment: 'fixtures/public/ is the package surface: nothing in the library imports it',
      severity: 'error',
      from: { path: '^fixtures/', pathNot: '^fixtures/public/' },
      to: { path: '^fixtures/public/' },
    },
    {
      name: 'library-never-imports-the-harness',
      severity: 'error',
      from: { path: '^fixtures/' },
      to: { path: '^(app-under-test|tests|scripts|docker|examples)/' },
    },
    {
      name: 'harness-through-the-package-name',
      comment: 'the harness imports sanctum-spa-kit[/subpath], never a relative path into fixtures/',
      severity: 'error',
      from: {
        path: '^(app-under-test|tests|scripts|docker|examples|playwright\\.config\\.ts)',
        pathNot: INTERNALS_READERS,
      },
      to: { path: '^fixtures/', pathNot: '^fixtures/public/' },
    },
  ],
  options: {
    doNotFollow: { path: ['node_modules', 'dist'] },
    exclude: {
      path: [
        'node_modules',
        '^dist/',
        'app-under-test/apps/',
        'app-under-test/spa/dist',
        'tests/system/consumer/files',
        '^examples/',
      ],
    },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
    reporterOptions: {
      dot: { collapsePattern: '^fixtures/[^/]+/' },
    },
  },
};
