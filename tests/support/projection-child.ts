/**
 * Child process for the SIGKILL test: follows the sqlite store named in argv[2] with the ticket
 * projection runner, committing every argv[3] events, until it is killed.
 */
import { openEventStore } from '@staffcast/event-store';
import { TicketProjectionRunner } from '../../apps/planner-api/src/projections/ticket-projection.runner.js';

const store = await openEventStore(`sqlite:${process.argv[2]}`);
const runner = new TicketProjectionRunner(store, { commitEvery: Number(process.argv[3] ?? 200) });
await runner.start();
process.send?.('caught-up');
