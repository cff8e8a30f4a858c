import { fork, type ChildProcess, type StdioOptions } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** A path in tests/support. */
export const supportFile = (file: string): string => fileURLToPath(new URL(`./${file}`, import.meta.url));

/** Runs the TypeScript child script `file` of tests/support in its own Node process, with an IPC channel. */
export function forkChild(file: string, args: readonly string[], stdio: StdioOptions): ChildProcess {
  return fork(supportFile(file), args, { execArgv: ['--import', supportFile('ts-loader-register.mjs')], stdio });
}
