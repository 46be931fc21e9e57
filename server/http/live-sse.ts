import type { LiveKind } from '../../src/contract/index.js';
import type { EventHub, LiveEvent } from '../store/events.js';
import type { SseOptions } from './sse.js';

export interface LiveResource {
  kind: LiveKind;
  /** As the client named it (id or slug): echoed in every message. */
  ref: string;
  /** The hub stream, or null for an unknown resource (it carries no events). */
  stream: string | null;
  /** Resume after this event id; null: from now on. */
  after: number | null;
}

const encoder = new TextEncoder();
/** A client that stops reading gets disconnected once this much is queued for it. */
const MAX_QUEUED_BYTES = 1 << 20;

/**
 * The multiplexed stream: one connection subscribed to many hub streams. Each message carries
 * the whole cursor (one position per resource) as its `id:`, so a reconnection resumes every
 * resource exactly where it stopped, even though event ids of different resources do not
 * commit in id order. Once every resource is caught up, an `id:` line without data hands the
 * client its starting cursor (the standard updates the last event id without firing an event).
 */
export function liveResponse(
  request: Request,
  hub: EventHub,
  resources: readonly LiveResource[],
  options: SseOptions,
): Response {
  const positions = resources.map((r) => (r.after === null ? '' : String(r.after)));
  // The JSON envelope around the stored event text, built once per resource, not per event.
  const prefixes = resources.map((r) => `{"kind":"${r.kind}","id":"${r.ref}","event":`);
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
        const write = (text: string) => {
          if (closed) return;
          if ((controller.desiredSize ?? 0) < -MAX_QUEUED_BYTES) {
            cleanup();
            controller.close();
            return;
          }
          controller.enqueue(encoder.encode(text));
        };
        request.signal.addEventListener('abort', () => {
          if (closed) return;
          cleanup();
          try {
            controller.close();
          } catch {
            // already closed by the runtime
          }
        });
        write(`retry: ${options.retryMs ?? 3000}\n: connected\n\n`);
        try {
          await Promise.all(
            resources.map(async (resource, i) => {
              if (resource.stream === null) return;
              const sink = (event: LiveEvent) => {
                positions[i] = String(event.id);
                write(`id: ${positions.join(',')}\nevent: ${event.type}\ndata: ${prefixes[i]}${event.data}}\n\n`);
              };
              const stop = await hub.subscribe(resource.stream, resource.after, sink, (position) => {
                positions[i] = String(position);
              });
              if (closed) stop();
              else stops.push(stop);
            }),
          );
        } catch (error) {
          cleanup();
          controller.error(error);
          return;
        }
        write(`id: ${positions.join(',')}\n\n`);
        heartbeat = setInterval(() => write(': heartbeat\n\n'), options.heartbeatMs);
        heartbeat.unref?.();
      },
      cancel: cleanup,
    },
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
