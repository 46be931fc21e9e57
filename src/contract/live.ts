import * as z from 'zod/mini';
import { CampaignEvent, NeighbourhoodEvent } from './events.js';
import { Id, IdList, checked } from './primitives.js';

/**
 * The multiplexed live stream: one Server-Sent Events connection carries the events of many
 * resources, so that a page holds one stream per backend however many widgets it shows (a
 * browser allows only 6 connections per host over HTTP/1.1; per-resource streams froze pages
 * with more than 6 live widgets).
 *
 * Resources are named by kind in the query (`?campaigns=a,b&neighbourhoods=x`); every message's
 * `data` names its resource as it was asked for (id or slug). The SSE `id:` is one cursor for
 * the whole stream: one position per resource, in cursor order (parameters in alphabetical
 * order, `campaigns` before `neighbourhoods`, then ids as listed), comma-separated, an empty position meaning "from now on". Sending it back as
 * `Last-Event-ID` resumes every resource where it stopped. A single number applies to every
 * resource. Unknown resources carry no events.
 *
 * A new kind of resource is one entry in `liveKinds` (and its query parameter).
 */
export const MAX_LIVE_RESOURCES = 50;

/** Every kind of resource the live stream carries: the query parameter and the event schema. */
export const liveKinds = {
  campaign: { param: 'campaigns', event: CampaignEvent },
  neighbourhood: { param: 'neighbourhoods', event: NeighbourhoodEvent },
} as const;
export type LiveKind = keyof typeof liveKinds;

/** `?campaigns=a,b&neighbourhoods=x`; at most MAX_LIVE_RESOURCES in all (problem+json 400 beyond). */
export const LiveQuery = z.object({
  campaigns: z.optional(IdList),
  neighbourhoods: z.optional(IdList),
});
export type LiveQuery = z.infer<typeof LiveQuery>;

/** `Last-Event-ID` / `after`: one position per resource, in query order. */
export const LiveCursor = checked(
  z.string(),
  z.regex(/^\d{0,15}(,\d{0,15}){0,99}$/, 'must be positions such as 12,,7'),
);

/** The `data` of each message of the multiplexed stream. */
export const LiveMessage = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('campaign'), id: Id, event: CampaignEvent }),
  z.object({ kind: z.literal('neighbourhood'), id: Id, event: NeighbourhoodEvent }),
]);
export type LiveMessage = z.infer<typeof LiveMessage>;

/** The polling form of the stream: the messages after `after`, and the cursor to send next. */
export const LiveChanges = z.object({ items: z.array(LiveMessage), cursor: LiveCursor });
export type LiveChanges = z.infer<typeof LiveChanges>;

export const LiveChangesQuery = z.extend(LiveQuery, { after: z.optional(LiveCursor) });
export type LiveChangesQuery = z.infer<typeof LiveChangesQuery>;

/** The resources of a query in cursor order (parameter names alphabetically, then as listed). */
export function liveResources(query: LiveQuery): [LiveKind, string][] {
  const out: [LiveKind, string][] = [];
  const kinds = (Object.keys(liveKinds) as LiveKind[]).sort((a, b) =>
    liveKinds[a].param < liveKinds[b].param ? -1 : 1,
  );
  for (const kind of kinds) {
    const list = query[liveKinds[kind].param];
    if (list) for (const id of list.split(',')) out.push([kind, id]);
  }
  return out;
}

/** Positions of a cursor for `count` resources; a single number applies to all. */
export function parseLiveCursor(cursor: string | null | undefined, count: number): (number | null)[] {
  const parts = cursor ? cursor.split(',') : [];
  const all = parts.length === 1 && count > 1 ? parts[0] : undefined;
  return Array.from({ length: count }, (_, i) => {
    const part = all ?? parts[i] ?? '';
    return /^\d{1,15}$/.test(part) ? Number(part) : null;
  });
}
