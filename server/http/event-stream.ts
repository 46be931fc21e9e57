import type { EventHub } from '../store/events.js';

export interface SseOptions {
  /** Interval of the `: heartbeat` comments that keep proxies from closing an idle stream. */
  heartbeatMs: number;
  /** Reconnection delay suggested to EventSource (`retry:`). */
  retryMs?: number;
}

/** What a stream's opener writes to, and where it leaves what must be undone when the client goes. */
export interface EventStreamWriter {
  /** Queues text for the client; ignored once closed; closes a client that stopped reading. */
  write(text: string): void;
  /** Runs `stop` when the stream closes (at once if it already has). */
  onClose(stop: () => void): void;
}

const encoder = new TextEncoder();
/** A client that stops reading gets disconnected once this much is queued for it. */
const MAX_QUEUED_BYTES = 1 << 20;

/**
 * A text/event-stream response counted in the hub's connections: the `retry:` line, then
 * `open` subscribes (and may write a first message), then heartbeats until the client goes, the
 * client falls more than 1 MB behind, or the request aborts; every `onClose` stop runs once.
 * The per-resource stream and the multiplexed `/v1/live` share this, so back-pressure, heartbeat
 * and cleanup are written once.
 */
export function eventStreamResponse(
  request: Request,
  hub: EventHub,
  options: SseOptions,
  open: (writer: EventStreamWriter) => Promise<void>,
): Response {
  const stops: (() => void)[] = [];
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  let closed = false;
  const cleanup = () => {
    if (closed) return;
    closed = true;
    hub.connections--;
    for (const stop of stops.splice(0)) stop();
    if (heartbeat) clearInterval(heartbeat);
  };
  hub.connections++;

  const body = new ReadableStream<Uint8Array>(
    {
      async start(controller) {
        const close = () => {
          if (closed) return;
          cleanup();
          try {
            controller.close();
          } catch {
            // already closed by the runtime
          }
        };
        const writer: EventStreamWriter = {
          write(text) {
            if (closed) return;
            if ((controller.desiredSize ?? 0) < -MAX_QUEUED_BYTES) return close();
            controller.enqueue(encoder.encode(text));
          },
          onClose(stop) {
            if (closed) stop();
            else stops.push(stop);
          },
        };
        // Listened to before subscribing, so a client gone during the replay is not kept.
        if (request.signal.aborted) return close();
        request.signal.addEventListener('abort', close);
        writer.write(`retry: ${options.retryMs ?? 3000}\n: connected\n\n`);
        try {
          await open(writer);
        } catch (error) {
          cleanup();
          controller.error(error);
          return;
        }
        if (closed) return;
        heartbeat = setInterval(() => writer.write(': heartbeat\n\n'), options.heartbeatMs);
        heartbeat.unref?.();
      },
      cancel: cleanup,
    },
    // Sizes in bytes, so that desiredSize measures how much the client is behind.
    { highWaterMark: 16 * 1024, size: (chunk) => chunk.byteLength },
  );
  return new Response(body, {
    status: 200,
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      'X-Accel-Buffering': 'no',
    },
  });
}
