/**
 * Child process for the store-close test, on the sqlite store named in argv[2].
 *
 * `write` (default): appends enough events for the store's checkpoint worker to start, leaves a read
 * of the log on its read-ahead worker unfinished, closes the store and says so. It prints only if
 * closing waits for the checkpoint worker, and it exits only if the idle read-ahead worker does not
 * hold it.
 *
 * `read`: only reads (no checkpoint worker runs), stopping at maxCount while the read-ahead worker
 * still has pages to give; it prints only if ending that worker keeps the process alive until the
 * worker has ended.
 */
import { openEventStore, type ProposedEvent } from '@staffcast/event-store';

const store = await openEventStore(`sqlite:${process.argv[2]}`);
if (process.argv[3] === 'read') {
  let counted = 0;
  for await (const event of store.readAll({ maxCount: 10_000 })) counted += event.data === undefined ? 0 : 1;
  process.stdout.write(`read ${counted}\n`);
} else {
  const events = (batch: number): ProposedEvent[] =>
    Array.from({ length: 1000 }, (_, i) => ({ id: `e-${batch}-${i}`, type: 'Noted', data: { i }, metadata: { actor: 'child', correlationId: 'close', schemaVersion: 1 } }));
  for (let batch = 0; batch < 60; batch++) await store.append(`note-${batch}`, events(batch));
  // A turn of the event loop, so the checkpoint worker is running when the store closes.
  await new Promise((resolve) => setTimeout(resolve, 300));
  // A read of the whole log runs on a read-ahead worker; this one is dropped after one event, without return().
  const first = await store.readAll()[Symbol.asyncIterator]().next();
  if (first.value?.id !== 'e-0-0') throw new Error(`read ${JSON.stringify(first.value?.id)} first`);
}
await store.close();
process.stdout.write('closed\n');
