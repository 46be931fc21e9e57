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
import type { ErrorCode } from './problem.js';
import { Id, PageQuery, page } from './primitives.js';

/**
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
  readonly summary: string;
  readonly tag: 'campaigns' | 'neighbourhoods' | 'members';
  readonly access: Access;
  readonly params?: z.ZodMiniType;
  readonly query?: z.ZodMiniType;
  readonly body?: z.ZodMiniType;
  /** Success body; for `stream` endpoints, the schema of each event's `data`. */
  readonly response: z.ZodMiniType;
  readonly status: 200 | 201;
  readonly stream?: true;
  readonly idempotent?: true;
  readonly errors: readonly ErrorCode[];
}

const CampaignParams = z.object({ campaignId: Id });
const NeighbourhoodParams = z.object({ neighbourhoodId: Id });
const ListingParams = z.object({ listingId: Id });

const read = ['not_found', 'validation_failed', 'rate_limited'] as const;
const memberErrors = [
  'unauthorized',
  'forbidden',
  'origin_not_allowed',
  'rate_limited',
  'validation_failed',
  'payload_too_large',
  'unsupported_media_type',
] as const;

export const endpoints = {
  listCampaigns: {
    method: 'GET',
    path: '/campaigns',
    tag: 'campaigns',
    access: 'public',
    status: 200,
    summary: 'List campaigns (for pickers and the embed builder)',
    query: CampaignListQuery,
    response: page(Campaign),
    errors: ['validation_failed'],
  },
  getCampaign: {
    method: 'GET',
    path: '/campaigns/{campaignId}',
    tag: 'campaigns',
    access: 'public',
    status: 200,
    summary: 'Get a campaign by id or slug',
    params: CampaignParams,
    response: Campaign,
    errors: read,
  },
  listRewards: {
    method: 'GET',
    path: '/campaigns/{campaignId}/rewards',
    tag: 'campaigns',
    access: 'public',
    status: 200,
    summary: "List a campaign's reward tiers, cheapest first",
    params: CampaignParams,
    query: PageQuery,
    response: page(RewardTier),
    errors: read,
  },
  listBackers: {
    method: 'GET',
    path: '/campaigns/{campaignId}/backers',
    tag: 'campaigns',
    access: 'public',
    status: 200,
    summary: 'List recent backers, newest first (anonymous backers without name)',
    params: CampaignParams,
    query: PageQuery,
    response: page(Backer),
    errors: read,
  },
  createPledge: {
    method: 'POST',
    path: '/campaigns/{campaignId}/pledges',
    tag: 'campaigns',
    access: 'write',
    status: 201,
    summary: 'Pledge to a campaign (requires an Idempotency-Key header)',
    idempotent: true,
    params: CampaignParams,
    body: PledgeRequest,
    response: PledgeResult,
    errors: [
      'validation_failed',
      'not_found',
      'campaign_closed',
      'reward_sold_out',
      'reward_unavailable',
      'pledge_below_minimum',
      'pledge_above_maximum',
      'currency_mismatch',
      'idempotency_key_missing',
      'idempotency_key_reused',
      'idempotency_in_flight',
      'origin_not_allowed',
      'rate_limited',
      'payload_too_large',
      'unsupported_media_type',
    ],
  },
  campaignEvents: {
    method: 'GET',
    path: '/campaigns/{campaignId}/events',
    tag: 'campaigns',
    access: 'public',
    status: 200,
    summary: 'Live campaign updates (Server-Sent Events; resume with Last-Event-ID)',
    stream: true,
    params: CampaignParams,
    response: CampaignEvent,
    errors: ['not_found'],
  },
  listNeighbourhoods: {
    method: 'GET',
    path: '/neighbourhoods',
    tag: 'neighbourhoods',
    access: 'public',
    status: 200,
    summary: 'List neighbourhoods',
    query: NeighbourhoodListQuery,
    response: page(Neighbourhood),
    errors: ['validation_failed'],
  },
  getNeighbourhood: {
    method: 'GET',
    path: '/neighbourhoods/{neighbourhoodId}',
    tag: 'neighbourhoods',
    access: 'public',
    status: 200,
    summary: 'Get a neighbourhood with its stats and partner services',
    params: NeighbourhoodParams,
    response: Neighbourhood,
    errors: read,
  },
  listListings: {
    method: 'GET',
    path: '/neighbourhoods/{neighbourhoodId}/listings',
    tag: 'neighbourhoods',
    access: 'public',
    status: 200,
    summary: "List a neighbourhood's listings, newest first, with filters and text search",
    params: NeighbourhoodParams,
    query: ListingQuery,
    response: page(Listing),
    errors: read,
  },
  createListing: {
    method: 'POST',
    path: '/neighbourhoods/{neighbourhoodId}/listings',
    tag: 'neighbourhoods',
    access: 'member',
    status: 201,
    summary: 'Post an offer or a request (members only)',
    params: NeighbourhoodParams,
    body: ListingRequest,
    response: Listing,
    errors: [...memberErrors, 'not_found'],
  },
  neighbourhoodEvents: {
    method: 'GET',
    path: '/neighbourhoods/{neighbourhoodId}/events',
    tag: 'neighbourhoods',
    access: 'public',
    status: 200,
    summary: 'Live neighbourhood updates (Server-Sent Events; resume with Last-Event-ID)',
    stream: true,
    params: NeighbourhoodParams,
    response: NeighbourhoodEvent,
    errors: ['not_found'],
  },
  getListing: {
    method: 'GET',
    path: '/listings/{listingId}',
    tag: 'neighbourhoods',
    access: 'public',
    status: 200,
    summary: 'Get one listing',
    params: ListingParams,
    response: Listing,
    errors: read,
  },
  createReply: {
    method: 'POST',
    path: '/listings/{listingId}/replies',
    tag: 'neighbourhoods',
    access: 'member',
    status: 201,
    summary: 'Reply to a listing ("I\'m interested")',
    params: ListingParams,
    body: ReplyRequest,
    response: Reply,
    errors: [...memberErrors, 'not_found', 'listing_closed'],
  },
  createReport: {
    method: 'POST',
    path: '/listings/{listingId}/reports',
    tag: 'neighbourhoods',
    access: 'member',
    status: 201,
    summary: 'Report a listing to the moderators',
    params: ListingParams,
    body: ReportRequest,
    response: Report,
    errors: [...memberErrors, 'not_found'],
  },
  getMe: {
    method: 'GET',
    path: '/me',
    tag: 'members',
    access: 'member',
    status: 200,
    summary: 'The member behind the bearer token',
    response: Member,
    errors: ['unauthorized', 'rate_limited'],
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
