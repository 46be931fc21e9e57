import type { LiveKind } from '../../src/contract/index.js';
import type { EventHub, LiveEvent } from '../store/events.js';
import { eventStreamResponse, type SseOptions } from './event-stream.js';

export interface LiveResource {
  kind: LiveKind;
  /** As the client named it (id or slug): echoed in every message. */
  ref: string;
  /** The hub stream, or null for an unknown resource (it carries no events). */
  stream: string | null;
  /** Resume after this event id; null: from now on. */
  after: number | null;
}

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
  return eventStreamResponse(request, hub, options, async (writer) => {
    await Promise.all(
      resources.map(async (resource, i) => {
        if (resource.stream === null) return;
        const sink = (event: LiveEvent) => {
          positions[i] = String(event.id);
          writer.write(`id: ${positions.join(',')}\nevent: ${event.type}\ndata: ${prefixes[i]}${event.data}}\n\n`);
        };
        const stop = await hub.subscribe(resource.stream, resource.after, sink, (position) => {
          positions[i] = String(position);
        });
        writer.onClose(stop);
      }),
    );
    writer.write(`id: ${positions.join(',')}\n\n`);
  });
}
