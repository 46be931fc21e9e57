import type { EventHub, LiveEvent } from '../store/events.js';
import { eventStreamResponse, type SseOptions } from './event-stream.js';

export type { SseOptions } from './event-stream.js';

/** Reads the resume point: the `Last-Event-ID` header, or `?lastEventId=` for polyfills. */
export function lastEventIdOf(request: Request): number | null {
  const raw = request.headers.get('last-event-id') ?? new URL(request.url).searchParams.get('lastEventId');
  return raw && /^\d{1,15}$/.test(raw.trim()) ? Number(raw.trim()) : null;
}

/**
 * A text/event-stream response for one stream of the hub: `id:`, `event:` and `data:` lines per
 * event, replay after `lastEventId` (writing, heartbeats and cleanup: event-stream.ts).
 */
export function sseResponse(
  request: Request,
  hub: EventHub,
  stream: string,
  lastEventId: number | null,
  options: SseOptions,
): Response {
  return eventStreamResponse(request, hub, options, async (writer) => {
    const send = (event: LiveEvent) => writer.write(`id: ${event.id}\nevent: ${event.type}\ndata: ${event.data}\n\n`);
    writer.onClose(await hub.subscribe(stream, lastEventId, send));
  });
}
