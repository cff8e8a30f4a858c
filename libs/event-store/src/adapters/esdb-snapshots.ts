import {
  BACKWARDS,
  END,
  FORWARDS,
  NO_STREAM,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError,
  binaryEvent,
  jsonEvent,
  type AppendExpectedRevision,
  type EventData,
  type EventStoreDBClient,
  type ReadStreamOptions,
  type ResolvedEvent,
  type StreamingRead,
} from '@eventstore/db-client';
import { CheckpointMovedError } from '../errors.js';
import type { SnapshotChunk, SnapshotCommit, StoredSnapshot } from '../event-store.port.js';

/** Projection snapshots live in one stream per projection, in this reserved category. */
export const SNAPSHOT_STREAM_PREFIX = 'staffcast.snapshot-';
const PART = 'ProjectionChunkPart';
const COMMITTED = 'ProjectionCommitted';
const RESET = 'ProjectionReset';
/** Bytes of chunk per part event: well inside the server's 1 MiB append limit with its metadata. */
const PART_BYTES = 512 * 1024;
/** Events read back from the end to find the last commit marker past a torn commit's parts. */
const TAIL_PAGE = 64;

interface CommittedData {
  position: string;
  state: string;
  parts: number;
}

/**
 * Projection snapshots on EventStoreDB. A commit appends its chunk as binary part events and then
 * a `ProjectionCommitted` marker carrying the model's position (the checkpoint) and its small
 * state. The commit is the marker: parts without one (a commit torn by a crash) are ignored, so a
 * restart resumes from a checkpoint that matches the model exactly, and reads only the log's tail.
 * Concurrent committers are kept apart by the stream's expected revision. A reset appends a
 * `ProjectionReset` marker and sets `$tb` so the server can scavenge what came before it.
 */
export class EsdbSnapshots {
  constructor(private readonly client: EventStoreDBClient) {}

  async load(name: string): Promise<StoredSnapshot> {
    let chunks: SnapshotChunk[] = [];
    let pending: Uint8Array[] = [];
    let state: string | undefined;
    let checkpoint: bigint | undefined;
    for (const resolved of await this.read(name, { direction: FORWARDS, fromRevision: START, maxCount: Number.MAX_SAFE_INTEGER })) {
      const event = resolved.event!;
      if (event.type === PART) pending.push(event.data as Uint8Array);
      else if (event.type === RESET) {
        [chunks, pending, state, checkpoint] = [[], [], undefined, undefined];
      } else if (event.type === COMMITTED) {
        const data = event.data as unknown as CommittedData;
        if (pending.length >= data.parts) chunks.push(decodeChunk(Buffer.concat(pending.slice(pending.length - data.parts))));
        pending = [];
        state = data.state;
        checkpoint = BigInt(data.position);
      }
    }
    return { chunks, state, checkpoint };
  }

  async commit(name: string, commit: SnapshotCommit): Promise<void> {
    const { checkpoint, revision } = await this.lastCommit(name);
    if (checkpoint !== commit.expected) throw new CheckpointMovedError(name, commit.expected, checkpoint);
    const bytes = encodeChunk(commit.chunk);
    const events: EventData[] = [];
    for (let at = 0; at < bytes.length; at += PART_BYTES) events.push(binaryEvent({ type: PART, data: bytes.subarray(at, at + PART_BYTES) }));
    const marker: CommittedData = { position: commit.position.toString(), state: commit.state, parts: events.length };
    events.push(jsonEvent({ type: COMMITTED, data: { ...marker } }));
    let expectedRevision: AppendExpectedRevision = revision ?? NO_STREAM;
    // One part per append keeps each under the size limit, the marker going with the last part; a
    // crash between them tears only this commit.
    const appends = events.length === 1 ? [events] : [...events.slice(0, -2).map((event) => [event]), events.slice(-2)];
    try {
      for (const batch of appends) {
        const written: { nextExpectedRevision: bigint } = await this.client.appendToStream(snapshotStream(name), batch, { expectedRevision, requiresLeader: true });
        expectedRevision = written.nextExpectedRevision;
      }
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) throw new CheckpointMovedError(name, commit.expected, undefined);
      throw error;
    }
  }

  async reset(name: string): Promise<void> {
    const result = await this.client.appendToStream(snapshotStream(name), jsonEvent({ type: RESET, data: {} }), { requiresLeader: true });
    await this.client.setStreamMetadata(snapshotStream(name), { truncateBefore: Number(result.nextExpectedRevision) });
  }

  /** The checkpoint of the last complete commit (undefined after a reset or none) and the stream's last revision. */
  private async lastCommit(name: string): Promise<{ checkpoint: bigint | undefined; revision: bigint | undefined }> {
    let revision: bigint | undefined;
    let from: ReadStreamOptions['fromRevision'] = END;
    for (;;) {
      const page = await this.read(name, { direction: BACKWARDS, fromRevision: from, maxCount: TAIL_PAGE });
      for (const resolved of page) {
        const event = resolved.event!;
        revision ??= event.revision;
        if (event.type === COMMITTED) return { checkpoint: BigInt((event.data as unknown as CommittedData).position), revision };
        if (event.type === RESET) return { checkpoint: undefined, revision };
      }
      const last = page.at(-1)?.event;
      if (page.length < TAIL_PAGE || !last || last.revision === 0n) return { checkpoint: undefined, revision };
      from = last.revision - 1n;
    }
  }

  private async read(name: string, options: ReadStreamOptions): Promise<ResolvedEvent[]> {
    const events: ResolvedEvent[] = [];
    const read: StreamingRead<ResolvedEvent> = this.client.readStream(snapshotStream(name), { ...options, requiresLeader: true });
    try {
      for await (const resolved of read) if (resolved.event) events.push(resolved);
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return events;
  }
}

function snapshotStream(name: string): string {
  return `${SNAPSHOT_STREAM_PREFIX}${name}`;
}

/** `[u32 header bytes][header UTF-8][columns]`. */
function encodeChunk(chunk: SnapshotChunk): Buffer {
  const header = Buffer.from(chunk.header, 'utf8');
  const out = Buffer.allocUnsafe(4 + header.length + chunk.columns.length);
  out.writeUInt32LE(header.length, 0);
  header.copy(out, 4);
  out.set(chunk.columns, 4 + header.length);
  return out;
}

function decodeChunk(bytes: Buffer): SnapshotChunk {
  const length = bytes.readUInt32LE(0);
  return { header: bytes.subarray(4, 4 + length).toString('utf8'), columns: bytes.subarray(4 + length) };
}
