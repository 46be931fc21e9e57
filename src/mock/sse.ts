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
      channel = { lastId: 0, log: [], streams: new Set() };
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
    return this.#channels.get(name)?.streams.size ?? 0;
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
