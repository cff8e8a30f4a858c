import cliProgress from 'cli-progress';
import type { CliIo } from './cli-io.js';

const SPIN = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/** A bar on stderr, drawn only when it is a terminal (so scripts and pipes see nothing). */
function bar(io: CliIo, format: string): cliProgress.SingleBar {
  return new cliProgress.SingleBar({ format, stream: io.progressStream ?? process.stderr, hideCursor: true, clearOnComplete: true, noTTYOutput: false }, cliProgress.Presets.shades_classic);
}

/** Runs one piece of work of unknown length, showing what it is and how long it has taken. */
export async function withSpinner<T>(io: CliIo, label: string, work: () => Promise<T>): Promise<T> {
  const spinner = bar(io, `${label} {spin} {duration_formatted}`);
  spinner.start(1, 0, { spin: SPIN[0] });
  let turn = 0;
  const timer = setInterval(() => spinner.update(0, { spin: SPIN[++turn % SPIN.length] }), 100);
  try {
    return await work();
  } finally {
    clearInterval(timer);
    spinner.stop();
  }
}
