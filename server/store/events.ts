import type { CampaignEvent, NeighbourhoodEvent } from '../../src/contract/index.js';
import type { Db, Queryable } from '../db/db.js';

export const campaignStream = (campaignId: string) => `campaign:${campaignId}`;
export const neighbourhoodStream = (neighbourhoodId: string) => `neighbourhood:${neighbourhoodId}`;

export interface LiveEvent {
  id: number;
  type: string;
  /** The event JSON, sent as the SSE `data:` line. */
  data: string;
}

/**
 * Appends an event inside the caller's transaction. The NOTIFY is transactional too: PostgreSQL
 * (and PGlite) deliver it only when the transaction commits, to every listening process, so
 * nobody ever sees an event whose pledge was rolled back. The caller must hold the stream's row
 * lock (campaign or neighbourhood) so that per stream, ids are handed out in commit order.
 */
export async function appendEvent(
  tx: Queryable,
  channel: string,
  stream: string,
  event: CampaignEvent | NeighbourhoodEvent,
  now: Date,
): Promise<number> {
  // One round trip: an event is appended under its resource's row lock (a pledge's campaign).
  const inserted = await tx.query<{ id: number }>(
    `WITH e AS (INSERT INTO events (stream, type, data, created_at) VALUES ($1, $2, $3, $4) RETURNING id)
     SELECT e.id, pg_notify($5, $1) FROM e`,
    [stream, event.type, JSON.stringify(event), now, channel],
  );
  return inserted.rows[0]!.id;
}

interface Subscriber {
  sink: (event: LiveEvent) => void;
  /** Catch-up (Last-Event-ID) done; live events may flow. */
  active: boolean;
  lastSent: number;
}

interface StreamState {
  /** Highest event id already fanned out to this stream's subscribers. */
  cursor: number;
  subscribers: Set<Subscriber>;
  /** Every read of this stream runs in this chain, one after the other: no gaps, no repeats. */
  chain: Promise<void>;
  syncQueued: boolean;
}

const BATCH = 500;

/**
 * Fans events out to this process's SSE connections. A notification only says "stream X has
 * news"; the hub then reads the events table past its cursor. Missed or coalesced notifications
 * therefore lose nothing, and a reconnected listener catches up by reading again.
 */
export class EventHub {
  #streams = new Map<string, StreamState>();
  #unlisten: (() => Promise<void>) | undefined;

  constructor(
    private readonly db: Db,
    readonly channel: string,
  ) {}

  async start() {
    this.#unlisten = await this.db.listen(
      this.channel,
      (stream) => this.#sync(stream),
      () => {
        for (const stream of this.#streams.keys()) this.#sync(stream);
      },
    );
  }

  /**
   * Subscribes to a stream. With `lastEventId`, first replays the stored events after it (the
   * SSE resume); otherwise starts with the next event. Resolves once the replay was handed to
   * `sink`; returns the unsubscribe function.
   */
  async subscribe(
    stream: string,
    lastEventId: number | null,
    sink: (event: LiveEvent) => void,
    /** Called once caught up, with the position from which live events follow. */
    onReady?: (position: number) => void,
  ): Promise<() => void> {
    let state = this.#streams.get(stream);
    if (!state) {
      const created: StreamState = { cursor: 0, subscribers: new Set(), chain: Promise.resolve(), syncQueued: false };
      state = created;
      this.#streams.set(stream, created);
      this.#enqueue(created, async () => {
        const max = await this.db.query<{ id: number | null }>('SELECT max(id) AS id FROM events WHERE stream = $1', [
          stream,
        ]);
        created.cursor = max.rows[0]?.id ?? 0;
      });
    }
    const own = state;
    const subscriber: Subscriber = { sink, active: false, lastSent: lastEventId ?? 0 };
    own.subscribers.add(subscriber);
    const unsubscribe = () => {
      own.subscribers.delete(subscriber);
      if (own.subscribers.size === 0 && this.#streams.get(stream) === own) this.#streams.delete(stream);
    };
    try {
      await this.#enqueue(own, async () => {
        if (lastEventId !== null) {
          for (let from = lastEventId; from < own.cursor;) {
            const rows = await this.#read(stream, from, own.cursor);
            for (const row of rows) sink(row);
            if (rows.length < BATCH) break;
            from = rows.at(-1)!.id;
          }
        }
        // Everything up to the cursor was sent (or predates the subscription). A Last-Event-ID
        // beyond it (from another server, say) must not hide the events still to come.
        subscriber.lastSent = own.cursor;
        subscriber.active = true;
        onReady?.(own.cursor);
      });
    } catch (error) {
      unsubscribe();
      throw error;
    }
    return unsubscribe;
  }

  /** Streams with at least one local subscriber (for tests and metrics). */
  get streamCount() {
    return this.#streams.size;
  }

  /** Open SSE connections of this process (multiplexed or not), for tests and metrics. */
  connections = 0;

  async close() {
    await this.#unlisten?.();
    this.#streams.clear();
  }

  #sync(stream: string) {
    const state = this.#streams.get(stream);
    if (!state || state.syncQueued) return; // a queued sync will read this event too
    state.syncQueued = true;
    void this.#enqueue(state, async () => {
      state.syncQueued = false;
      for (;;) {
        const rows = await this.#read(stream, state.cursor, null);
        for (const row of rows) {
          for (const s of state.subscribers) {
            if (s.active && row.id > s.lastSent) {
              s.lastSent = row.id;
              s.sink(row);
            }
          }
          state.cursor = row.id;
        }
        if (rows.length < BATCH) break;
      }
    }).catch(() => undefined);
  }

  #enqueue(state: StreamState, task: () => Promise<void>): Promise<void> {
    const run = state.chain.then(task);
    // The chain itself must survive a failed task (a dropped connection, say).
    state.chain = run.catch((error: unknown) => console.warn(`[events] ${(error as Error).message}`));
    return run;
  }

  async #read(stream: string, after: number, upTo: number | null): Promise<LiveEvent[]> {
    const result = await this.db.query<LiveEvent>(
      `SELECT id, type, data FROM events WHERE stream = $1 AND id > $2 ${upTo === null ? '' : 'AND id <= $4'} ORDER BY id LIMIT $3`,
      upTo === null ? [stream, after, BATCH] : [stream, after, BATCH, upTo],
    );
    return result.rows;
  }
}
