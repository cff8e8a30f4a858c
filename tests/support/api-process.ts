import type { ChildProcess } from 'node:child_process';
import { forkChild } from './fork-child.js';

export interface ApiProcess {
  child: ChildProcess;
  baseUrl: string;
  /** Kills the process with SIGKILL (no shutdown hook runs) and resolves once it is gone. */
  kill(): Promise<NodeJS.Signals | null>;
  /** Ends the process with SIGTERM, letting it commit and close the store. */
  stop(): Promise<void>;
}

/** Starts the API in a child process on the sqlite file, as a deployment runs it. */
export async function startApiProcess(file: string, tokens: string): Promise<ApiProcess> {
  const child = forkChild('api-child.ts', [file, tokens], ['ignore', 'inherit', 'inherit', 'ipc']);
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (message) => resolve((message as { port: number }).port));
    void exited.then(() => reject(new Error('the API process exited before it listened')));
  });
  return {
    child,
    baseUrl: `http://127.0.0.1:${port}`,
    kill: () => {
      child.kill('SIGKILL');
      return exited;
    },
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
