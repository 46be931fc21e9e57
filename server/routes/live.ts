import {
  LiveCursor,
  MAX_LIVE_RESOURCES,
  liveResources,
  parseLiveCursor,
  type LiveKind,
  type LiveMessage,
  type LiveQuery,
} from '../../src/contract/index.js';
import type { AppContext } from '../context.js';
import type { Queryable } from '../db/db.js';
import { liveResponse, type LiveResource } from '../http/live-sse.js';
import { HttpError, validationError } from '../http/problem.js';
import { campaignStream, neighbourhoodStream } from '../store/events.js';
import type { Handlers } from './types.js';

const lookups: Record<LiveKind, { sql: string; stream: (id: string) => string }> = {
  campaign: {
    sql: 'SELECT id, slug FROM campaigns WHERE id = ANY($1::text[]) OR slug = ANY($1::text[])',
    stream: campaignStream,
  },
  neighbourhood: {
    sql: 'SELECT id, slug FROM neighbourhoods WHERE id = ANY($1::text[]) OR slug = ANY($1::text[])',
    stream: neighbourhoodStream,
  },
};

/** The query's resources with their hub streams (one query per kind) and resume positions. */
async function resolve(db: Queryable, query: LiveQuery, cursor: string | null): Promise<LiveResource[]> {
  const wanted = liveResources(query);
  if (wanted.length === 0)
    throw validationError([{ path: 'campaigns', message: 'name at least one campaign or neighbourhood' }]);
  if (wanted.length > MAX_LIVE_RESOURCES) {
    throw new HttpError(
      400,
      'too_many_resources',
      `One live stream carries at most ${MAX_LIVE_RESOURCES} resources; this request names ${wanted.length}. Open several streams.`,
    );
  }
  const after = parseLiveCursor(cursor, wanted.length);
  const found = new Map<string, string>();
  for (const kind of Object.keys(lookups) as LiveKind[]) {
    const refs = wanted.filter(([k]) => k === kind).map(([, ref]) => ref);
    if (refs.length === 0) continue;
    const rows = await db.query<{ id: string; slug: string }>(lookups[kind].sql, [refs]);
    // An id wins over another resource's equal slug.
    for (const row of rows.rows) if (!found.has(`${kind}:${row.slug}`)) found.set(`${kind}:${row.slug}`, row.id);
    for (const row of rows.rows) found.set(`${kind}:${row.id}`, row.id);
  }
  return wanted.map(([kind, ref], i) => {
    const id = found.get(`${kind}:${ref}`);
    return { kind, ref, stream: id === undefined ? null : lookups[kind].stream(id), after: after[i] ?? null };
  });
}

/** `Last-Event-ID` (or `?lastEventId=` for polyfills) when it is a well-formed cursor. */
function cursorOf(request: Request): string | null {
  const raw = request.headers.get('last-event-id') ?? new URL(request.url).searchParams.get('lastEventId');
  return raw !== null && LiveCursor.safeParse(raw.trim()).success ? raw.trim() : null;
}

/** Events per resource and per poll; a busier resource continues at the next poll. */
const CHANGES_LIMIT = 100;

export const liveHandlers: Pick<Handlers, 'live' | 'liveChanges'> = {
  async live({ query, request }, ctx: AppContext) {
    const resources = await resolve(ctx.db, query, cursorOf(request));
    return liveResponse(request, ctx.hub, resources, { heartbeatMs: ctx.heartbeatMs });
  },

  async liveChanges({ query }, ctx) {
    const resources = await resolve(ctx.db, query, query.after ?? null);
    const known = resources.filter((r) => r.stream !== null);
    const positions = resources.map((r) => (r.after === null ? '' : String(r.after)));
    const items: { i: number; id: number; message: LiveMessage }[] = [];
    if (known.length > 0) {
      // One query for every resource: the events after each position, and where each stands now.
      const rows = await ctx.db.query<{ i: number; max_id: number; id: number | null; data: string | null }>(
        `SELECT r.i::int AS i, m.max_id, e.id, e.data
           FROM unnest($1::text[], $2::bigint[], $3::int[]) AS r(stream, after, i)
           CROSS JOIN LATERAL (SELECT coalesce(max(id), 0) AS max_id FROM events WHERE stream = r.stream) m
           LEFT JOIN LATERAL (
             SELECT id, data FROM events
              WHERE stream = r.stream AND r.after IS NOT NULL AND id > r.after
              ORDER BY id LIMIT ${CHANGES_LIMIT}
           ) e ON true
          ORDER BY e.id NULLS FIRST`,
        [known.map((r) => r.stream), known.map((r) => r.after), known.map((r) => resources.indexOf(r))],
      );
      for (const row of rows.rows) {
        const r = resources[row.i]!;
        if (r.after === null) positions[row.i] = String(row.max_id);
        if (row.id === null || row.data === null) continue;
        positions[row.i] = String(row.id);
        items.push({
          i: row.i,
          id: row.id,
          message: { kind: r.kind, id: r.ref, event: JSON.parse(row.data) } as LiveMessage,
        });
      }
    }
    return { body: { items: items.map((x) => x.message), cursor: positions.join(',') }, cacheControl: 'no-cache' };
  },
};
