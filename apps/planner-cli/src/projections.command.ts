import { TicketProjectionRunner } from '../../planner-api/src/projections/ticket-projection.runner.js';
import { EXIT } from './cli-io.js';
import type { CliCommand } from './command.js';
import type { CliContext } from './context.js';

/** `projections rebuild`: drops the committed ticket projection and rebuilds it from the start of the log. */
export async function runProjectionsCommand(ctx: CliContext, options: { json: boolean }, write: (text: string) => void, progress: NodeJS.WriteStream = process.stderr): Promise<number> {
  const runner = ctx.app.get(TicketProjectionRunner);
  const started = performance.now();
  const result = await runner.rebuild((events) => {
    if (!options.json && progress.isTTY) progress.write(`\r${events.toLocaleString('en')} events`);
  });
  const seconds = (performance.now() - started) / 1000;
  const status = await runner.status();
  if (options.json) write(JSON.stringify({ ...result, seconds, status }) + '\n');
  else write(`rebuilt ${status.name}: ${result.events.toLocaleString('en')} events in ${seconds.toFixed(1)} s, checkpoint ${status.checkpoint ?? '(none)'}, lag ${status.lag ?? '0'}\n`);
  return EXIT.ok;
}

export const projectionsRebuildCommand: CliCommand = {
  words: ['projections', 'rebuild'],
  usage: 'projections rebuild [--json]',
  summary: 'drop the ticket projection and fold the whole log again',
  help: 'Counts the events folded on stderr as it goes, then prints how many, the time taken and the checkpoint.',
  options: {},
  prepare: ({ format }, io) => (ctx) => runProjectionsCommand(ctx, { json: format === 'json' }, io.out, io.progressStream),
};
