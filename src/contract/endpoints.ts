import * as z from 'zod/mini';
import { Campaign, CampaignListQuery, RewardTier } from './campaign.js';
import { CampaignEvent, NeighbourhoodEvent } from './events.js';
import {
  Listing,
  ListingQuery,
  ListingRequest,
  Member,
  Reply,
  ReplyRequest,
  Report,
  ReportRequest,
} from './listing.js';
import { Neighbourhood, NeighbourhoodListQuery } from './neighbourhood.js';
import { Backer, PledgeRequest, PledgeResult } from './pledge.js';
import { Id, PageQuery, page } from './primitives.js';

/**
 * What every endpoint is, for the client, the mocks and the server: method, path, schemas, access.
 * Human documentation (summaries, error codes) lives in endpoint-docs.ts so that browser bundles
 * do not carry it.
 *
 * Who may call an endpoint:
 * - `public`: any origin, no credentials (blogs embed cards);
 * - `write`: allow-listed origins only;
 * - `member`: allow-listed origins and `Authorization: Bearer <member token>`.
 */
export type Access = 'public' | 'write' | 'member';

export interface Endpoint {
  readonly method: 'GET' | 'POST';
  /** OpenAPI path template relative to the versioned base URL, e.g. `/campaigns/{campaignId}`. */
  readonly path: string;
  readonly access: Access;
  readonly params?: z.ZodMiniType;
  readonly query?: z.ZodMiniType;
  readonly body?: z.ZodMiniType;
  /** Success body; for `stream` endpoints, the schema of each event's `data`. */
  readonly response: z.ZodMiniType;
  readonly status: 200 | 201;
  readonly stream?: true;
  readonly idempotent?: true;
}

const CampaignParams = z.object({ campaignId: Id });
const NeighbourhoodParams = z.object({ neighbourhoodId: Id });
const ListingParams = z.object({ listingId: Id });

export const endpoints = {
  listCampaigns: {
    method: 'GET',
    path: '/campaigns',
    access: 'public',
    status: 200,
    query: CampaignListQuery,
    response: page(Campaign),
  },
  getCampaign: {
    method: 'GET',
    path: '/campaigns/{campaignId}',
    access: 'public',
    status: 200,
    params: CampaignParams,
    response: Campaign,
  },
  listRewards: {
    method: 'GET',
    path: '/campaigns/{campaignId}/rewards',
    access: 'public',
    status: 200,
    params: CampaignParams,
    query: PageQuery,
    response: page(RewardTier),
  },
  listBackers: {
    method: 'GET',
    path: '/campaigns/{campaignId}/backers',
    access: 'public',
    status: 200,
    params: CampaignParams,
    query: PageQuery,
    response: page(Backer),
  },
  createPledge: {
    method: 'POST',
    path: '/campaigns/{campaignId}/pledges',
    access: 'write',
    status: 201,
    idempotent: true,
    params: CampaignParams,
    body: PledgeRequest,
    response: PledgeResult,
  },
  campaignEvents: {
    method: 'GET',
    path: '/campaigns/{campaignId}/events',
    access: 'public',
    status: 200,
    stream: true,
    params: CampaignParams,
    response: CampaignEvent,
  },
  listNeighbourhoods: {
    method: 'GET',
    path: '/neighbourhoods',
    access: 'public',
    status: 200,
    query: NeighbourhoodListQuery,
    response: page(Neighbourhood),
  },
  getNeighbourhood: {
    method: 'GET',
    path: '/neighbourhoods/{neighbourhoodId}',
    access: 'public',
    status: 200,
    params: NeighbourhoodParams,
    response: Neighbourhood,
  },
  listListings: {
    method: 'GET',
    path: '/neighbourhoods/{neighbourhoodId}/listings',
    access: 'public',
    status: 200,
    params: NeighbourhoodParams,
    query: ListingQuery,
    response: page(Listing),
  },
  createListing: {
    method: 'POST',
    path: '/neighbourhoods/{neighbourhoodId}/listings',
    access: 'member',
    status: 201,
    params: NeighbourhoodParams,
    body: ListingRequest,
    response: Listing,
  },
  neighbourhoodEvents: {
    method: 'GET',
    path: '/neighbourhoods/{neighbourhoodId}/events',
    access: 'public',
    status: 200,
    stream: true,
    params: NeighbourhoodParams,
    response: NeighbourhoodEvent,
  },
  getListing: {
    method: 'GET',
    path: '/listings/{listingId}',
    access: 'public',
    status: 200,
    params: ListingParams,
    response: Listing,
  },
  createReply: {
    method: 'POST',
    path: '/listings/{listingId}/replies',
    access: 'member',
    status: 201,
    params: ListingParams,
    body: ReplyRequest,
    response: Reply,
  },
  createReport: {
    method: 'POST',
    path: '/listings/{listingId}/reports',
    access: 'member',
    status: 201,
    params: ListingParams,
    body: ReportRequest,
    response: Report,
  },
  getMe: {
    method: 'GET',
    path: '/me',
    access: 'member',
    status: 200,
    response: Member,
  },
} as const satisfies Record<string, Endpoint>;

export type EndpointName = keyof typeof endpoints;

/** Fills an OpenAPI path template; every value is URI-encoded so ids can never alter the path. */
export function buildPath(template: string, params: Record<string, string> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new TypeError(`Missing path parameter "${name}"`);
    return encodeURIComponent(value);
  });
}

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
export const REPLAYED_HEADER = 'Idempotent-Replayed';
