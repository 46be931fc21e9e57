import {
  endpoints,
  IDEMPOTENCY_HEADER,
  type Campaign,
  type CampaignEndpointName,
  type RewardTier,
} from '../contract/index.js';
import { publicBacker } from '../contract/privacy.js';
import type { EndpointImpl, MockContext, PathParams } from './context.js';
import { baseHeaders, cachedJson, canonicalJson } from './http-utils.js';
import { pagedJson, type Ordering } from './paging.js';
import { notFound, problem, validationProblem, violationProblem } from './problem.js';
import type { StoredPledge } from './store.js';
import { checkBody, checkParams, checkQuery, readBody, type Checked } from './validate.js';

const MAX_KEY_LENGTH = 255;

const campaignOrder: Ordering<Campaign> = { key: (c) => [c.startsAt, c.id], directions: ['desc', 'asc'] };
const rewardOrder: Ordering<RewardTier> = { key: (r) => [r.minimum.amount, r.id], directions: ['asc', 'asc'] };
const backerOrder: Ordering<StoredPledge> = { key: (p) => [p.createdAt, p.seq], directions: ['desc', 'desc'] };

/** The campaign named in the path (by id or slug), or the 400/404 to answer. */
function campaignFrom(params: PathParams, ctx: MockContext): Checked<Campaign> {
  const checked = checkParams(endpoints.getCampaign.params, params);
  if (!checked.ok) return checked;
  const campaign = ctx.store.findCampaign(checked.data.campaignId);
  return campaign
    ? { ok: true, data: campaign }
    : { ok: false, response: notFound('campaign', checked.data.campaignId) };
}

export const campaignHandlers: Record<CampaignEndpointName, EndpointImpl> = {
  listCampaigns(request, _params, ctx) {
    const query = checkQuery(endpoints.listCampaigns.query, request);
    if (!query.ok) return query.response;
    const { kind, status, ids } = query.data;
    if (ids !== undefined) {
      // A batched read: these campaigns in the order asked, unknown ones left out.
      const found = ids.split(',').map((ref) => ctx.store.findCampaign(ref));
      const items = found.filter((c, i): c is Campaign => c !== undefined && found.indexOf(c) === i);
      return cachedJson(request, { items, nextCursor: null });
    }
    const matching = ctx.store.campaigns.filter((c) => (!kind || c.kind === kind) && (!status || c.status === status));
    return pagedJson(request, matching, campaignOrder, query.data);
  },

  getCampaign(request, params, ctx) {
    const campaign = campaignFrom(params, ctx);
    return campaign.ok ? cachedJson(request, campaign.data) : campaign.response;
  },

  listRewards(request, params, ctx) {
    const campaign = campaignFrom(params, ctx);
    if (!campaign.ok) return campaign.response;
    const query = checkQuery(endpoints.listRewards.query, request);
    if (!query.ok) return query.response;
    return pagedJson(request, ctx.store.rewardsOf(campaign.data.id), rewardOrder, query.data);
  },

  listBackers(request, params, ctx) {
    const campaign = campaignFrom(params, ctx);
    if (!campaign.ok) return campaign.response;
    const query = checkQuery(endpoints.listBackers.query, request);
    if (!query.ok) return query.response;
    return pagedJson(request, ctx.store.backersOf(campaign.data.id), backerOrder, query.data, publicBacker);
  },

  /**
   * The key is claimed before the (simulated) latency, so a double submit while the first
   * request is still running gets 409 idempotency_in_flight, as on the reference backend.
   */
  async createPledge(request, params, ctx) {
    const key = request.headers.get(IDEMPOTENCY_HEADER)?.trim();
    if (!key)
      return problem(
        400,
        'idempotency_key_missing',
        `Send an ${IDEMPOTENCY_HEADER} header (a fresh UUID per pledge attempt).`,
      );
    if (key.length > MAX_KEY_LENGTH) {
      return validationProblem(400, [
        { path: IDEMPOTENCY_HEADER, message: `must be at most ${MAX_KEY_LENGTH} characters` },
      ]);
    }
    const raw = await readBody(request);
    if (!raw.ok) return raw.response;

    const fingerprint = `POST ${new URL(request.url).pathname} ${canonicalJson(raw.data)}`;
    const claim = ctx.idempotency.claim(key, fingerprint);
    await ctx.controls.wait();
    switch (claim.kind) {
      case 'replay':
        return claim.response;
      case 'reused':
        return problem(
          422,
          'idempotency_key_reused',
          'This Idempotency-Key was already used with another request; use a new key for a new pledge.',
        );
      case 'in_flight':
        return problem(
          409,
          'idempotency_in_flight',
          'The first request with this Idempotency-Key is still being processed; retry shortly.',
        );
      case 'new':
        break;
    }

    const response = pledge(raw.data, params, ctx);
    if (!response.ok) {
      ctx.idempotency.release(key);
      return response.response;
    }
    return ctx.idempotency.complete(key, fingerprint, 201, JSON.stringify(response.data), {
      ...baseHeaders,
      'Content-Type': 'application/json',
    });
  },

  campaignEvents(request, params, ctx) {
    const campaign = campaignFrom(params, ctx);
    if (!campaign.ok) return campaign.response;
    return ctx.hub.open(`campaigns/${campaign.data.id}`, request.headers.get('Last-Event-ID'));
  },
};

function pledge(raw: unknown, params: PathParams, ctx: MockContext): Checked<unknown> {
  const campaign = campaignFrom(params, ctx);
  if (!campaign.ok) return campaign;
  const body = checkBody(endpoints.createPledge.body, raw);
  if (!body.ok) return body;
  const outcome = ctx.store.createPledge(campaign.data, body.data);
  return outcome.ok ? { ok: true, data: outcome.value } : { ok: false, response: violationProblem(outcome.violation) };
}
