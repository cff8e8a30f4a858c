/**
 * Architecture rules (docs/ARCHITECTURE.md): pure domain libs stay free of frameworks and adapters,
 * libs are reached only through their public index.ts, and nothing imports apps/ or tests/.
 */
const PURE_LIBS = '^libs/(events|staffing|forecasting|tickets|launches|roster|projections|planning|scenarios|local-team|scheduling|demo)/';

module.exports = {
  forbidden: [
    {
      name: 'pure-libs-no-nest',
      severity: 'error',
      comment: 'Domain code is pure: no NestJS in pure libs.',
      from: { path: PURE_LIBS },
      to: { path: '@nestjs' },
    },
    {
      name: 'pure-libs-no-io',
      severity: 'error',
      comment: 'Domain code is pure: no store adapters, drivers or I/O modules.',
      from: { path: PURE_LIBS, pathNot: '\\.spec\\.ts$' },
      to: { path: '(^libs/event-store/|better-sqlite3|@eventstore/db-client|@grpc/grpc-js|^(node:)?(fs|fs/promises|net|http|https|child_process)$)' },
    },
    {
      name: 'libs-not-into-apps-or-tests',
      severity: 'error',
      from: { path: '^(libs|config)/' },
      to: { path: '^(apps|tests)/' },
    },
    {
      name: 'apps-not-into-scripts',
      severity: 'error',
      comment: 'Benchmarks and converters are not part of the service; what apps need lives in a lib or the app.',
      from: { path: '^apps/', pathNot: '\\.spec\\.ts$' },
      to: { path: '^scripts/' },
    },
    {
      name: 'no-deep-imports-across-libs',
      severity: 'error',
      comment: 'Another lib is reached only through its index.ts.',
      from: { path: '^libs/([^/]+)/' },
      to: { path: '^libs/([^/]+)/', pathNot: ['^libs/$1/', '^libs/[^/]+/src/index\\.ts$'] },
    },
    {
      name: 'apps-only-through-lib-index',
      severity: 'error',
      from: { path: '^(apps|scripts|tests)/' },
      to: { path: '^libs/[^/]+/', pathNot: '^libs/[^/]+/src/index\\.ts$' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^dist/|node_modules)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.js'] },
  },
};
