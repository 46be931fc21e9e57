import {
  campaignEventsEndpoint,
  createPledgeEndpoint,
  getCampaignEndpoint,
  IDEMPOTENCY_HEADER,
  listBackersEndpoint,
  listCampaignsEndpoint,
  listRewardsEndpoint,
  buildPath,
} from '../contract/endpoints.js';
import type {
  Backer,
  Campaign,
  CampaignEvent,
  CampaignListQuery,
  Page,
  PageQuery,
  PledgeRequest,
  PledgeResult,
  RewardTier,
} from '../contract/index.js';
import { readCampaign } from './campaign-batch.js';
import { ApiError } from './errors.js';
import { retryablePledge } from './http.js';
import { campaignPoller } from './poll.js';
import type { Transport } from './transport.js';
import type { PledgeOptions, RequestOptions, SubscribeOptions, Unsubscribe } from './types.js';

/*
 * Crowdfunding operations. Each is a function of a transport, so that a widget bundle keeps
 * only what it calls: the campaign card never carries the pledge schemas.
 */

export const listCampaigns = (api: Transport, query?: CampaignListQuery, o?: RequestOptions): Promise<Page<Campaign>> =>
  api.read(listCampaignsEndpoint, {}, query, { signal: o?.signal });

/** Batched with the other campaigns the page reads in the same task (`?ids=`), where the backend can. */
export const getCampaign = (api: Transport, campaignId: string, o?: RequestOptions): Promise<Campaign> =>
  readCampaign(api, campaignId, o?.signal);

export const listRewards = (
  api: Transport,
  campaignId: string,
  query?: PageQuery,
  o?: RequestOptions,
): Promise<Page<RewardTier>> => api.read(listRewardsEndpoint, { campaignId }, query, { signal: o?.signal });

export const listBackers = (
  api: Transport,
  campaignId: string,
  query?: PageQuery,
  o?: RequestOptions,
): Promise<Page<Backer>> => api.read(listBackersEndpoint, { campaignId }, query, { signal: o?.signal });

/** Codes meaning our cached view of the campaign was out of date. */
const STALE_CAMPAIGN = new Set(['campaign_closed', 'reward_sold_out', 'reward_unavailable', 'pledge_above_maximum']);

const campaignPath = (campaignId: string) => buildPath(getCampaignEndpoint.path, { campaignId });

export async function createPledge(
  api: Transport,
  campaignId: string,
  body: PledgeRequest,
  o: PledgeOptions,
): Promise<PledgeResult> {
  const key: unknown = o?.idempotencyKey;
  if (typeof key !== 'string' || key.trim() === '' || key.length > 255) {
    throw new TypeError(
      'createPledge needs options.idempotencyKey (newIdempotencyKey()); reuse it when retrying the same pledge',
    );
  }
  try {
    // Retried only with this key and these exact bytes, so the backend replays, never duplicates.
    const result = await api.write(createPledgeEndpoint, { campaignId }, body, {
      headers: { [IDEMPOTENCY_HEADER]: key },
      retryable: retryablePledge,
      signal: o.signal,
    });
    api.invalidateResource('/campaigns', campaignPath(campaignId), campaignPath(result.campaignId));
    return result;
  } catch (error) {
    if (error instanceof ApiError && STALE_CAMPAIGN.has(error.code))
      api.invalidateResource('/campaigns', campaignPath(campaignId));
    throw error;
  }
}

/**
 * Live pledges and campaign updates, on the page's one stream to this backend. On a backend
 * without `/live`, on the campaign's own stream, falling back to polling it (ETag, often a 304).
 */
export function subscribeCampaign(
  api: Transport,
  campaignId: string,
  subscriber: SubscribeOptions<CampaignEvent>,
): Unsubscribe {
  const poll = campaignPoller((signal) =>
    api.read(getCampaignEndpoint, { campaignId }, undefined, { signal, revalidate: true }),
  );
  return api.follow(
    { kind: 'campaign', param: 'campaigns', id: campaignId },
    campaignEventsEndpoint,
    { campaignId },
    poll,
    subscriber,
  );
}
