// Path aliases are derived from tsconfig.json so that jest and tsc always agree.
import { readFileSync } from 'node:fs';

const tsconfig = JSON.parse(readFileSync(new URL('./tsconfig.json', import.meta.url), 'utf8'));
const moduleNameMapper = { '^(\\.{1,2}/.*)\\.js$': '$1' };
for (const [alias, [target]] of Object.entries(tsconfig.compilerOptions.paths)) {
  moduleNameMapper[`^${alias}$`] = `<rootDir>/${target}`;
}

// ES-module-only packages that a CommonJS dependency require()s (jest cannot load them as they are).
const ESM_ONLY_DEPENDENCIES = '/node_modules/content-disposition/.+\\.js$';

export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper,
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }],
    [ESM_ONLY_DEPENDENCIES]: '<rootDir>/tests/support/esm-to-cjs.mjs',
  },
  transformIgnorePatterns: ['/node_modules/(?!content-disposition/)'],
  testMatch: ['<rootDir>/{apps,libs,config,scripts,tests}/**/*.spec.ts'],
  // The real-server contract run needs a reachable EventStoreDB; without one it is left out, not skipped.
  testPathIgnorePatterns: ['/node_modules/', '/dist/', ...(process.env.ESDB_CONNECTION_STRING ? [] : ['esdb-real\\.contract\\.spec\\.ts$'])],
  testTimeout: 30000,
  maxWorkers: 2,
};
