/**
 * Event store benchmark: sqlite adapter appends (batches of 1 and 1,000) and readAll decoding,
 * against the ceiling of a bare better-sqlite3 loop inserting the same rows into an index-free
 * table with the store's pragmas, measured interleaved in the same run so both see the same
 * machine. The bare loop runs two ways, one INSERT per row and one per 100 rows binding the
 * metadata a batch shares once per statement (what the store does), and the ceiling is the
 * faster of the two.
 *
 *   npm run bench:store [-- --events 1000000] [--random-ids] [--json]
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openEventStore, startCheckpointer, uuidv7, type ProposedEvent, type SqliteEventStore } from '@staffcast/event-store';
import { argValue, machine, median, RssPeak, wantsJson } from './bench-support.js';

const TOTAL = argValue('events', 1_000_000);
const BATCH = 1000;
/** Rows per statement of the multi-row bare loop: the store's largest INSERT chunk. */
const BARE_ROWS_PER_STATEMENT = 100;
const CHUNKS = 10;
const SINGLES = argValue('singles', 20_000);
/** `v7` (default): time-ordered ids as the API mints them; `random`: UUIDv4, the index's worst case. */
const ID_SCHEME = process.argv.includes('--random-ids') ? 'random' : 'v7';
const newId = ID_SCHEME === 'random' ? () => randomUUID() : () => uuidv7(Date.now());

const channels = ['phone', 'chat', 'email', 'social'];
const categories = ['scam-fraud', 'kyc', 'account-restriction', 'deposits', 'withdrawals', 'trading'];

type BareRow = [string, string, number, string, string, string, string, string, null, number];

function makeBatch(seq: number): ProposedEvent[] {
  return Array.from({ length: BATCH }, (_, i) => {
    const n = seq * BATCH + i;
    return {
      id: newId(),
      type: 'TicketCreated',
      data: {
        ticketId: `t${n}`,
        createdAt: new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString(),
        channel: channels[n % 4],
        market: n % 3 ? 'US' : 'AU',
        category: categories[n % 6],
        language: 'en',
        priority: 'normal',
      },
      metadata: { actor: 'bench', correlationId: `bench-${seq}`, schemaVersion: 1 },
    };
  });
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'staffcast-bench-store-'));
  const rss = new RssPeak();
  try {
    const store = (await openEventStore(`sqlite:${join(dir, 'store.db')}`)) as SqliteEventStore;
    const bare = new Database(join(dir, 'bare.db'));
    // The same pragmas as the store's connection, so the ceiling differs from it only by the work
    // the store does (indexes, checks, encoding), not by cache or journal settings.
    for (const pragma of ['journal_mode', 'synchronous', 'cache_size', 'temp_store']) {
      bare.pragma(`${pragma} = ${String(store.db.pragma(pragma, { simple: true }))}`);
    }
    // The store checkpoints its WAL on a worker thread (after its first 20,000 events) and starts the WAL
    // over when that worker asks: so does the bare loop.
    const bareCheckpointer = startCheckpointer(bare.name, 200, (error) => {
      throw error;
    });
    bare.pragma('wal_autocheckpoint = 0');
    bare.exec(
      'CREATE TABLE events (position INTEGER PRIMARY KEY, event_id TEXT, stream TEXT, revision INTEGER, type TEXT, data TEXT, recorded_at TEXT, actor TEXT, correlation_id TEXT, causation_id TEXT, schema_version INTEGER)',
    );
    const columns = '(event_id, stream, revision, type, data, recorded_at, actor, correlation_id, causation_id, schema_version)';
    const bareInsert = bare.prepare(`INSERT INTO events ${columns} VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const bareBatch = bare.transaction((rows: BareRow[]) => {
      for (const row of rows) bareInsert.run(...row);
    });
    // As the store binds a batch whose events share their metadata: recorded-at, actor,
    // correlation id and causation id once per statement, the other six columns per row.
    const bareMultiInsert = bare.prepare(
      `INSERT INTO events ${columns} VALUES ${Array.from({ length: BARE_ROWS_PER_STATEMENT }, () => '(?, ?, ?, ?, ?, @recordedAt, @actor, @correlationId, @causationId, ?)').join(', ')}`,
    );
    const multiParams = new Array<unknown>(BARE_ROWS_PER_STATEMENT * 6);
    const bareMultiBatch = bare.transaction((rows: BareRow[]) => {
      for (let i = 0; i < rows.length; i += BARE_ROWS_PER_STATEMENT) {
        for (let k = 0; k < BARE_ROWS_PER_STATEMENT; k++) {
          const row = rows[i + k]!;
          for (let c = 0; c < 5; c++) multiParams[k * 6 + c] = row[c];
          multiParams[k * 6 + 5] = row[9];
        }
        const first = rows[i]!;
        for (let k = 1; k < BARE_ROWS_PER_STATEMENT; k++) {
          const row = rows[i + k]!;
          if (row[5] !== first[5] || row[6] !== first[6] || row[7] !== first[7] || row[8] !== first[8]) throw new Error('the bare loop binds a batch’s metadata once: its rows must share it');
        }
        bareMultiInsert.run(...multiParams, { recordedAt: first[5], actor: first[6], correlationId: first[7], causationId: first[8] });
      }
    });

    const batchesPerChunk = TOTAL / BATCH / CHUNKS;
    const storeRates: number[] = [];
    const bareRates: number[] = [];
    const bareMultiRates: number[] = [];
    let seq = 0;
    for (let chunk = 0; chunk < CHUNKS; chunk++) {
      const batches = Array.from({ length: batchesPerChunk }, () => makeBatch(seq++));
      const recordedAt = new Date().toISOString();
      const rows = batches.map((batch, b) =>
        batch.map((e, r): BareRow => [e.id, `bench-${chunk}-${b}`, r, e.type, JSON.stringify(e.data), recordedAt, e.metadata.actor, e.metadata.correlationId, null, 1]),
      );
      let start = process.hrtime.bigint();
      for (let b = 0; b < batches.length; b++) await store.append(`bench-${chunk}-${b}`, batches[b]!, { expectedRevision: 'no_stream' });
      storeRates.push((batchesPerChunk * BATCH) / (Number(process.hrtime.bigint() - start) / 1e9));
      // Alternate which bare loop goes first, so neither always follows the store's writes.
      const bareLoops = [
        { run: bareBatch, rates: bareRates },
        { run: bareMultiBatch, rates: bareMultiRates },
      ];
      if (chunk % 2) bareLoops.reverse();
      for (const loop of bareLoops) {
        start = process.hrtime.bigint();
        for (const batch of rows) {
          loop.run(batch);
          // As the store's writer does when its checkpoint worker asks for the WAL to start over.
          if (bareCheckpointer.takeRestartRequest()) bare.pragma('wal_checkpoint(RESTART)');
        }
        loop.rates.push((batchesPerChunk * BATCH) / (Number(process.hrtime.bigint() - start) / 1e9));
      }
      rss.sample();
    }

    // Single-event appends, each its own transaction, on top of the full database.
    const singles = makeBatch(seq++).concat(...Array.from({ length: SINGLES / BATCH - 1 }, () => makeBatch(seq++)));
    const singleRates: number[] = [];
    for (let part = 0; part < 5; part++) {
      const slice = singles.slice((part * SINGLES) / 5, ((part + 1) * SINGLES) / 5);
      const start = process.hrtime.bigint();
      for (let i = 0; i < slice.length; i++) await store.append(`single-${part}-${i % 500}`, [slice[i]!]);
      singleRates.push(slice.length / (Number(process.hrtime.bigint() - start) / 1e9));
    }

    const readRates: number[] = [];
    let decoded = 0;
    for (let pass = 0; pass < 3; pass++) {
      const start = process.hrtime.bigint();
      let count = 0;
      for await (const event of store.readAll()) {
        if (event.data !== undefined) count++;
      }
      readRates.push(count / (Number(process.hrtime.bigint() - start) / 1e9));
      decoded = count;
      rss.sample();
    }
    await store.close();
    await bareCheckpointer.stop();
    bare.close();

    const ceiling = Math.max(median(bareRates), median(bareMultiRates));
    const result = {
      events: TOTAL,
      eventsInLog: decoded,
      batchSize: BATCH,
      idScheme: ID_SCHEME,
      appendBatchedPerSec: Math.round(median(storeRates)),
      ceilingPerSec: Math.round(ceiling),
      ceilingRowPerStatementPerSec: Math.round(median(bareRates)),
      ceilingMultiRowPerSec: Math.round(median(bareMultiRates)),
      ratioToCeiling: Number((median(storeRates) / ceiling).toFixed(3)),
      appendSinglePerSec: Math.round(median(singleRates)),
      readAllPerSec: Math.round(median(readRates)),
      peakRssMiB: Math.round(rss.stop()),
      machine: machine(),
    };
    console.log(`Event store benchmark (sqlite file database, ${TOTAL.toLocaleString('en')} events in batches of ${BATCH}, ${ID_SCHEME} ids; medians)`);
    console.log(`  append, batches of ${BATCH}: ${result.appendBatchedPerSec.toLocaleString('en')} events/s`);
    console.log(`  bare insert ceiling:        ${result.ceilingPerSec.toLocaleString('en')} events/s  (store at ${(result.ratioToCeiling * 100).toFixed(1)}% of it)`);
    console.log(
      `    (bare loop, one INSERT per row: ${result.ceilingRowPerStatementPerSec.toLocaleString('en')}; per ${BARE_ROWS_PER_STATEMENT} rows: ${result.ceilingMultiRowPerSec.toLocaleString('en')})`,
    );
    console.log(`  append, batches of 1:       ${result.appendSinglePerSec.toLocaleString('en')} events/s`);
    console.log(`  readAll, decoded:           ${result.readAllPerSec.toLocaleString('en')} events/s over ${decoded.toLocaleString('en')} events`);
    console.log(`  peak RSS: ${result.peakRssMiB} MiB; machine: ${result.machine}`);
    if (wantsJson()) console.log(JSON.stringify(result));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
