import { baseHeaders } from './http-utils.js';

interface LoggedEvent {
  id: number;
  type: string;
  /** Serialized at publish time: later mutations of the store never alter a sent event. */
  data: string;
}

interface Channel {
  lastId: number;
  log: LoggedEvent[];
  streams: Set<ReadableStreamDefaultController<Uint8Array>>;
  /** Multiplexed streams (`/live`) that carry this channel among others. */
  taps: Set<Tap>;
}

interface Tap {
  deliver(event: LoggedEvent): void;
  close(): void;
}

/** One resource of a multiplexed stream: its channel (null when unknown) and resume point. */
export interface MultiplexResource {
  kind: string;
  ref: string;
  channel: string | null;
  after: number | null;
}

/** Events kept per channel for Last-Event-ID resume; older ones are gone, as on a real server. */
const LOG_LIMIT = 500;
const encoder = new TextEncoder();

const frame = (e: LoggedEvent) => encoder.encode(`id: ${e.id}\nevent: ${e.type}\ndata: ${e.data}\n\n`);

/**
 * Server-Sent Events in memory: one monotonic id sequence and log per channel, and every open
 * stream of that channel receives each published event.
 */
export class EventHub {
  #channels = new Map<string, Channel>();

  #channel(name: string): Channel {
    let channel = this.#channels.get(name);
    if (!channel) {
      channel = { lastId: 0, log: [], streams: new Set(), taps: new Set() };
      this.#channels.set(name, channel);
    }
    return channel;
  }

  publish(name: string, event: { type: string }): void {
    const channel = this.#channel(name);
    const logged: LoggedEvent = { id: ++channel.lastId, type: event.type, data: JSON.stringify(event) };
    channel.log.push(logged);
    if (channel.log.length > LOG_LIMIT) channel.log.shift();
    for (const controller of channel.streams) {
      try {
        controller.enqueue(frame(logged));
      } catch {
        // The reader went away without cancelling (page closed): forget it.
        channel.streams.delete(controller);
      }
    }
    for (const tap of channel.taps) tap.deliver(logged);
  }

  /**
   * The multiplexed stream (`/live`): one response subscribed to many channels. Every message
   * carries the whole cursor (one position per resource) as its id, and an id-only frame hands
   * over the starting cursor, as the reference backend does.
   */
  openMany(resources: readonly MultiplexResource[]): Response {
    const channels = resources.map((r) => (r.channel === null ? null : this.#channel(r.channel)));
    const positions = resources.map((r, i) => String(r.after ?? channels[i]?.lastId ?? ''));
    const taps: [Channel, Tap][] = [];
    const detach = () => {
      for (const [channel, tap] of taps) channel.taps.delete(tap);
    };
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        const send = (i: number, e: LoggedEvent) => {
          positions[i] = String(e.id);
          const r = resources[i]!;
          const data = `{"kind":"${r.kind}","id":"${r.ref}","event":${e.data}}`;
          controller.enqueue(encoder.encode(`id: ${positions.join(',')}\nevent: ${e.type}\ndata: ${data}\n\n`));
        };
        controller.enqueue(encoder.encode(': hi\n\n'));
        channels.forEach((channel, i) => {
          if (!channel) return;
          const after = resources[i]!.after;
          if (after !== null) for (const e of channel.log) if (e.id > after) send(i, e);
          const tap: Tap = {
            deliver: (e) => {
              try {
                send(i, e);
              } catch {
                detach();
              }
            },
            close: () => {
              detach();
              try {
                controller.close();
              } catch {
                // already closed by the reader
              }
            },
          };
          channel.taps.add(tap);
          taps.push([channel, tap]);
        });
        controller.enqueue(encoder.encode(`id: ${positions.join(',')}\n\n`));
      },
      cancel: detach,
    });
    return new Response(body, {
      status: 200,
      headers: { ...baseHeaders, 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache' },
    });
  }

  /** The polling form of openMany: the logged messages after each position, and the next cursor. */
  changes(resources: readonly MultiplexResource[]): { items: unknown[]; cursor: string } {
    const items: { id: number; message: unknown }[] = [];
    const positions = resources.map((r) => {
      if (r.channel === null) return r.after === null ? '' : String(r.after);
      const channel = this.#channel(r.channel);
      if (r.after === null) return String(channel.lastId);
      let position = r.after;
      for (const e of channel.log) {
        if (e.id <= r.after) continue;
        items.push({ id: e.id, message: { kind: r.kind, id: r.ref, event: JSON.parse(e.data) as unknown } });
        position = e.id;
      }
      return String(position);
    });
    return { items: items.map((x) => x.message), cursor: positions.join(',') };
  }

  /**
   * A `text/event-stream` response kept open until the client disconnects. It starts with a
   * comment, then replays the events after `lastEventId` (a reconnecting EventSource sends it).
   */
  open(name: string, lastEventId: string | null): Response {
    const channel = this.#channel(name);
    const after = lastEventId !== null && /^\d+$/.test(lastEventId.trim()) ? Number(lastEventId) : null;
    let self: ReadableStreamDefaultController<Uint8Array>;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        self = controller;
        controller.enqueue(encoder.encode(': hi\n\n'));
        if (after !== null) for (const e of channel.log) if (e.id > after) controller.enqueue(frame(e));
        channel.streams.add(controller);
      },
      cancel() {
        channel.streams.delete(self);
      },
    });
    return new Response(body, {
      status: 200,
      headers: { ...baseHeaders, 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache' },
    });
  }

  /** Open streams on a channel: lets tests and stories wait until a widget is listening. */
  listeners(name: string): number {
    const channel = this.#channels.get(name);
    return channel ? channel.streams.size + channel.taps.size : 0;
  }

  /** Ends the open streams (of one channel, or all) but keeps the logs: clients resume. */
  drop(name?: string): void {
    const channels =
      name === undefined ? [...this.#channels.values()] : [this.#channels.get(name)].filter((c) => c !== undefined);
    for (const channel of channels) {
      for (const controller of channel.streams) {
        try {
          controller.close();
        } catch {
          // already closed by the reader
        }
      }
      channel.streams.clear();
      for (const tap of [...channel.taps]) tap.close();
    }
  }

  /**
   * Ends every open stream and forgets the logs (EventSource clients will reconnect). Ids keep
   * counting up, so a client that resumes never sees an id it already had.
   */
  clear(): void {
    this.drop();
    for (const channel of this.#channels.values()) channel.log = [];
  }
}
