import { TicketProjectionRunner } from '../../planner-api/src/projections/ticket-projection.runner.js';
import type { CliContext } from './context.js';

export const PROJECTIONS_USAGE = '  npm run cli -- projections rebuild [--json]      drop the ticket projection and fold the whole log again';

/** `projections rebuild`: drops the committed ticket projection and rebuilds it from the start of the log. */
export async function runProjectionsCommand(ctx: CliContext, options: { json: boolean }, write: (text: string) => void): Promise<number> {
  const runner = ctx.app.get(TicketProjectionRunner);
  const started = performance.now();
  const result = await runner.rebuild((events) => {
    if (!options.json) process.stderr.write(`\r${events.toLocaleString('en')} events`);
  });
  const seconds = (performance.now() - started) / 1000;
  const status = await runner.status();
  if (options.json) write(JSON.stringify({ ...result, seconds, status }) + '\n');
  else write(`\rrebuilt ${status.name}: ${result.events.toLocaleString('en')} events in ${seconds.toFixed(1)} s, checkpoint ${status.checkpoint ?? '(none)'}, lag ${status.lag ?? '0'}\n`);
  return 0;
}
