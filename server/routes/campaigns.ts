import { PROBLEM_CONTENT_TYPE, REPLAYED_HEADER, type CampaignEndpointName } from '../../src/contract/index.js';
import type { AppContext } from '../context.js';
import { HttpError } from '../http/problem.js';
import { lastEventIdOf, sseResponse } from '../http/sse.js';
import { listBackers, listCampaigns, listRewards } from '../store/campaigns.js';
import { campaignStream } from '../store/events.js';
import { fingerprint } from '../store/idempotency.js';
import { createPledge } from '../store/pledges.js';
import type { Handlers } from './types.js';

/** The campaign's id from its id or slug, or 404. */
async function campaignIdOf(ctx: AppContext, ref: string): Promise<string> {
  const found = await ctx.db.query<{ id: string }>(
    'SELECT id FROM campaigns WHERE id = $1 OR slug = $1 ORDER BY (id = $1) DESC LIMIT 1',
    [ref],
  );
  if (!found.rows[0]) throw new HttpError(404, 'not_found', `There is no campaign "${ref}".`);
  return found.rows[0].id;
}

export const campaignHandlers: Pick<Handlers, CampaignEndpointName> = {
  async listCampaigns({ query, now }, ctx) {
    return { body: await listCampaigns(ctx.db, query, now) };
  },

  async getCampaign({ params, now }, ctx) {
    const cached = await ctx.campaigns.get(params.campaignId, now);
    if (!cached) throw new HttpError(404, 'not_found', `There is no campaign "${params.campaignId}".`);
    return { body: cached.campaign, serialized: cached };
  },

  async listRewards({ params, query }, ctx) {
    return { body: await listRewards(ctx.db, await campaignIdOf(ctx, params.campaignId), query) };
  },

  async listBackers({ params, query }, ctx) {
    return { body: await listBackers(ctx.db, await campaignIdOf(ctx, params.campaignId), query) };
  },

  async createPledge({ params, body, rawBody, idempotencyKey, now }, ctx) {
    const outcome = await createPledge(ctx.db, {
      campaignRef: params.campaignId,
      request: body,
      idempotencyKey: idempotencyKey!,
      fingerprint: fingerprint({ endpoint: 'createPledge', campaign: params.campaignId, body: rawBody }),
      now,
      channel: ctx.channel,
      onWritten: (ref) => ctx.campaigns.invalidate(ref),
    });
    const { status, body: text } = outcome.response;
    const headers = new Headers({
      'Content-Type': status >= 400 ? PROBLEM_CONTENT_TYPE : 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
    });
    if (outcome.replayed) headers.set(REPLAYED_HEADER, 'true');
    return new Response(text, { status, headers });
  },

  async campaignEvents({ params, request }, ctx) {
    const id = await campaignIdOf(ctx, params.campaignId);
    return sseResponse(request, ctx.hub, campaignStream(id), lastEventIdOf(request), { heartbeatMs: ctx.heartbeatMs });
  },
};
