import type { EventHub, LiveEvent } from '../store/events.js';

export interface SseOptions {
  /** Interval of the `: heartbeat` comments that keep proxies from closing an idle stream. */
  heartbeatMs: number;
  /** Reconnection delay suggested to EventSource (`retry:`). */
  retryMs?: number;
}

/** Reads the resume point: the `Last-Event-ID` header, or `?lastEventId=` for polyfills. */
export function lastEventIdOf(request: Request): number | null {
  const raw = request.headers.get('last-event-id') ?? new URL(request.url).searchParams.get('lastEventId');
  return raw && /^\d{1,15}$/.test(raw.trim()) ? Number(raw.trim()) : null;
}

const encoder = new TextEncoder();
/** A client that stops reading gets disconnected once this much is queued for it. */
const MAX_QUEUED_BYTES = 1 << 20;

/**
 * A text/event-stream response for one stream of the hub: `id:`, `event:` and `data:` lines per
 * event, replay after `lastEventId`, heartbeats, and clean unsubscription when the client goes.
 */
export function sseResponse(
  request: Request,
  hub: EventHub,
  stream: string,
  lastEventId: number | null,
  options: SseOptions,
): Response {
  let unsubscribe: (() => void) | undefined;
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  let closed = false;
  const cleanup = () => {
    if (closed) return;
    closed = true;
    hub.connections--;
    unsubscribe?.();
    if (heartbeat) clearInterval(heartbeat);
  };
  hub.connections++;

  const body = new ReadableStream<Uint8Array>(
    {
      async start(controller) {
        const write = (text: string) => {
          if (closed) return;
          if ((controller.desiredSize ?? 0) < -MAX_QUEUED_BYTES) {
            cleanup();
            controller.close();
            return;
          }
          controller.enqueue(encoder.encode(text));
        };
        write(`retry: ${options.retryMs ?? 3000}\n: connected\n\n`);
        const send = (event: LiveEvent) => write(`id: ${event.id}\nevent: ${event.type}\ndata: ${event.data}\n\n`);
        try {
          const stop = await hub.subscribe(stream, lastEventId, send);
          if (closed) stop();
          else unsubscribe = stop;
        } catch (error) {
          cleanup();
          controller.error(error);
          return;
        }
        heartbeat = setInterval(() => write(': heartbeat\n\n'), options.heartbeatMs);
        heartbeat.unref?.();
        request.signal.addEventListener('abort', () => {
          if (closed) return;
          cleanup();
          try {
            controller.close();
          } catch {
            // already closed by the runtime
          }
        });
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
