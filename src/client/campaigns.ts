import {
  campaignEventsEndpoint,
  getCampaignEndpoint,
  listBackersEndpoint,
  listCampaignsEndpoint,
  listRewardsEndpoint,
} from '../contract/endpoints.js';
import type {
  Backer,
  Campaign,
  CampaignEvent,
  CampaignListQuery,
  Page,
  PageQuery,
  RewardTier,
} from '../contract/index.js';
import { readCampaign } from './campaign-batch.js';
import { campaignPoller } from './poll.js';
import type { Transport } from './transport.js';
import type { RequestOptions, SubscribeOptions, Unsubscribe } from './types.js';

/*
 * Crowdfunding operations. Each is a function of a transport, so that a widget bundle keeps
 * only what it calls: the campaign card never carries the pledge schemas. Making a pledge is in
 * pledges.ts, which a pledge form loads only once it is used.
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
