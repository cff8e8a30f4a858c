import { fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { EsdbTestDoubleOptions } from './esdb-test-double.js';

/** The double's source files, transpiled together for the child. */
const DOUBLE_MODULES = ['esdb-test-double', 'esdb-double-appends', 'esdb-double-reads', 'esdb-double-wire'];

export interface DoubleProcess {
  connectionString: string;
  stop(): Promise<void>;
}

/**
 * Runs the gRPC double in a child process, as a real server runs. Some client behaviour only
 * shows across processes: there the server's messages and final status can all arrive before
 * the client reads them, which an in-process server (sharing the event loop) never lets happen.
 * The double's TypeScript source is transpiled to a temporary ES module for the child.
 */
export async function startDoubleProcess(options: EsdbTestDoubleOptions = {}): Promise<DoubleProcess> {
  const require = createRequire(import.meta.url);
  const ts = require('typescript') as typeof import('typescript');
  const dir = mkdtempSync(join(tmpdir(), 'staffcast-esdb-double-'));
  for (const name of DOUBLE_MODULES) {
    const source = readFileSync(fileURLToPath(new URL(`./${name}.ts`, import.meta.url)), 'utf8');
    const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } });
    // The temporary files live outside the project, so bare package imports become file URLs.
    const module = outputText
      .replace(/from '((?:@grpc|@eventstore|google-protobuf)\/[^']+)'/g, (_all, specifier: string) => `from '${pathToFileURL(require.resolve(specifier)).href}'`)
      .replace(/from '\.\/([\w-]+)\.js'/g, "from './$1.mjs'");
    writeFileSync(join(dir, `${name}.mjs`), module);
  }
  writeFileSync(
    join(dir, 'main.mjs'),
    `import { EsdbTestDouble } from './esdb-test-double.mjs';
const double = await EsdbTestDouble.start(${JSON.stringify(options)});
process.send(double.connectionString);
process.on('disconnect', async () => { await double.stop(); process.exit(0); });
`,
  );
  const child = fork(join(dir, 'main.mjs'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv: [] });
  const connectionString = await new Promise<string>((resolve, reject) => {
    child.once('message', (message) => resolve(String(message)));
    child.once('exit', (code) => reject(new Error(`the double process exited with code ${code}`)));
  });
  return {
    connectionString,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.disconnect();
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
