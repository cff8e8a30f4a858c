import type { IngestResult, IngestUnit } from '../ticket-ingest.service.js';

/** Chunks ingested at once: one being written while the next is decided. */
const CHUNKS_IN_FLIGHT = 2;

/**
 * Hands chunks to ingest in file order and counts their results in that order. While the store
 * writes one chunk (on its writer thread) the next is parsed and decided, unless they share a
 * ticket: its history would be read before the earlier chunk's facts are written.
 */
export class OrderedIngestPipeline {
  private readonly pending: { result: Promise<IngestResult>; tickets: Set<string> }[] = [];

  constructor(
    private readonly ingest: (units: IngestUnit[]) => Promise<IngestResult>,
    private readonly onResult: (result: IngestResult) => void,
  ) {}

  /** Starts a chunk's ingest, first waiting for earlier chunks it shares a ticket with, or for a free slot. */
  async push(units: IngestUnit[]): Promise<void> {
    if (units.length === 0) return;
    const tickets = new Set<string>();
    for (const unit of units) for (const command of unit.commands) tickets.add(command.data.ticketId);
    if (this.pending.some((chunk) => [...tickets].some((id) => chunk.tickets.has(id)))) await this.drain();
    const result = this.ingest(units);
    // Handled when its turn to be counted comes; until then a failure must not go unhandled.
    result.catch(() => undefined);
    this.pending.push({ result, tickets });
    if (this.pending.length >= CHUNKS_IN_FLIGHT) await this.countOldest();
  }

  /** Counts every chunk still in flight, in order. */
  async drain(): Promise<void> {
    while (this.pending.length > 0) await this.countOldest();
  }

  /** Waits for whatever was handed to the store, so a failed import reports only once it is all done. */
  async settle(): Promise<void> {
    await Promise.allSettled(this.pending.map((chunk) => chunk.result));
  }

  private async countOldest(): Promise<void> {
    this.onResult(await this.pending.shift()!.result);
  }
}
