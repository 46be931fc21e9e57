import {
  endpoints,
  MAX_LIVE_RESOURCES,
  liveResources,
  parseLiveCursor,
  type EndpointName,
  type LiveQuery,
} from '../contract/index.js';
import type { EndpointImpl, MockContext } from './context.js';
import { cachedJson } from './http-utils.js';
import { problem } from './problem.js';
import type { MultiplexResource } from './sse.js';
import { checkQuery, type Checked } from './validate.js';

/** The resources of a live query with their channels, as the reference backend resolves them. */
function resolve(query: LiveQuery, cursor: string | null, ctx: MockContext): Checked<MultiplexResource[]> {
  const wanted = liveResources(query);
  if (wanted.length === 0)
    return {
      ok: false,
      response: problem(400, 'validation_failed', 'Name at least one campaign or neighbourhood.', {
        errors: [{ path: 'campaigns', message: 'name at least one campaign or neighbourhood' }],
      }),
    };
  if (wanted.length > MAX_LIVE_RESOURCES)
    return {
      ok: false,
      response: problem(
        400,
        'too_many_resources',
        `One live stream carries at most ${MAX_LIVE_RESOURCES} resources; this request names ${wanted.length}.`,
      ),
    };
  const after = parseLiveCursor(cursor, wanted.length);
  return {
    ok: true,
    data: wanted.map(([kind, ref], i) => {
      const found = kind === 'campaign' ? ctx.store.findCampaign(ref) : ctx.store.findNeighbourhood(ref);
      const channel = found ? `${kind === 'campaign' ? 'campaigns' : 'neighbourhoods'}/${found.id}` : null;
      return { kind, ref, channel, after: after[i] ?? null };
    }),
  };
}

export const liveHandlers: Record<Extract<EndpointName, 'live' | 'liveChanges'>, EndpointImpl> = {
  live(request, _params, ctx) {
    const query = checkQuery(endpoints.live.query, request);
    if (!query.ok) return query.response;
    const cursor = request.headers.get('Last-Event-ID') ?? new URL(request.url).searchParams.get('lastEventId');
    const resources = resolve(query.data, cursor, ctx);
    return resources.ok ? ctx.hub.openMany(resources.data) : resources.response;
  },

  liveChanges(request, _params, ctx) {
    const query = checkQuery(endpoints.liveChanges.query, request);
    if (!query.ok) return query.response;
    const resources = resolve(query.data, query.data.after ?? null, ctx);
    return resources.ok ? cachedJson(request, ctx.hub.changes(resources.data)) : resources.response;
  },
};
