// Path aliases are derived from tsconfig.json so that jest and tsc always agree.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import ts from 'typescript';

const tsconfig = JSON.parse(readFileSync(new URL('./tsconfig.json', import.meta.url), 'utf8'));
const moduleNameMapper = { '^(\\.{1,2}/.*)\\.js$': '$1' };
for (const [alias, [target]] of Object.entries(tsconfig.compilerOptions.paths)) {
  moduleNameMapper[`^${alias}$`] = `<rootDir>/${target}`;
}

// @fastify/static require()s content-disposition, which ships only as ES modules; Node runs that,
// but jest's module runtime cannot require ESM before Node 24.9, so tests load a CommonJS
// transpilation of the installed file (the same code, only its export syntax changed).
const require = createRequire(import.meta.url);
const esmOnly = { 'content-disposition': require.resolve('content-disposition', { paths: [require.resolve('@fastify/static')] }) };
const cjsDir = new URL('./node_modules/.cache/jest-cjs/', import.meta.url);
mkdirSync(cjsDir, { recursive: true });
for (const [name, file] of Object.entries(esmOnly)) {
  const target = new URL(`${name}.cjs`, cjsDir);
  writeFileSync(target, ts.transpileModule(readFileSync(file, 'utf8'), { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText);
  moduleNameMapper[`^${name}$`] = target.pathname;
}

export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper,
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }],
  },
  testMatch: ['<rootDir>/{apps,libs,config,scripts,tests}/**/*.spec.ts'],
  // The real-server contract run needs a reachable EventStoreDB; without one it is left out, not skipped.
  testPathIgnorePatterns: ['/node_modules/', '/dist/', ...(process.env.ESDB_CONNECTION_STRING ? [] : ['esdb-real\\.contract\\.spec\\.ts$'])],
  testTimeout: 30000,
  maxWorkers: 2,
};
