import * as z from 'zod/mini';
import { Campaign, CampaignListQuery, CampaignPage, RewardTier } from './campaign.js';
import { civicEndpoints } from './civic-endpoints.js';
import { CampaignEvent, NeighbourhoodEvent } from './events.js';
import { LiveChanges, LiveChangesQuery, LiveMessage, LiveQuery } from './live.js';
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
import type { Endpoint } from './endpoint.js';

export type { Access, Endpoint } from './endpoint.js';

const CampaignParams = z.object({ campaignId: Id });
const NeighbourhoodParams = z.object({ neighbourhoodId: Id });
const ListingParams = z.object({ listingId: Id });

// One constant per endpoint, so that a widget bundle keeps only the endpoints (and schemas) it
// calls; unused ones are dropped by tree-shaking.
export const listCampaignsEndpoint = {
  method: 'GET',
  path: '/campaigns',
  access: 'public',
  status: 200,
  query: CampaignListQuery,
  response: CampaignPage,
} as const satisfies Endpoint;

export const getCampaignEndpoint = {
  method: 'GET',
  path: '/campaigns/{campaignId}',
  access: 'public',
  status: 200,
  params: CampaignParams,
  response: Campaign,
} as const satisfies Endpoint;

export const listRewardsEndpoint = {
  method: 'GET',
  path: '/campaigns/{campaignId}/rewards',
  access: 'public',
  status: 200,
  params: CampaignParams,
  query: PageQuery,
  response: page(RewardTier),
} as const satisfies Endpoint;

export const listBackersEndpoint = {
  method: 'GET',
  path: '/campaigns/{campaignId}/backers',
  access: 'public',
  status: 200,
  params: CampaignParams,
  query: PageQuery,
  response: page(Backer),
} as const satisfies Endpoint;

export const createPledgeEndpoint = {
  method: 'POST',
  path: '/campaigns/{campaignId}/pledges',
  access: 'write',
  status: 201,
  idempotent: true,
  params: CampaignParams,
  body: PledgeRequest,
  response: PledgeResult,
} as const satisfies Endpoint;

export const campaignEventsEndpoint = {
  method: 'GET',
  path: '/campaigns/{campaignId}/events',
  access: 'public',
  status: 200,
  stream: true,
  params: CampaignParams,
  response: CampaignEvent,
} as const satisfies Endpoint;

export const listNeighbourhoodsEndpoint = {
  method: 'GET',
  path: '/neighbourhoods',
  access: 'public',
  status: 200,
  query: NeighbourhoodListQuery,
  response: page(Neighbourhood),
} as const satisfies Endpoint;

export const getNeighbourhoodEndpoint = {
  method: 'GET',
  path: '/neighbourhoods/{neighbourhoodId}',
  access: 'public',
  status: 200,
  params: NeighbourhoodParams,
  response: Neighbourhood,
} as const satisfies Endpoint;

export const listListingsEndpoint = {
  method: 'GET',
  path: '/neighbourhoods/{neighbourhoodId}/listings',
  access: 'public',
  status: 200,
  params: NeighbourhoodParams,
  query: ListingQuery,
  response: page(Listing),
} as const satisfies Endpoint;

export const createListingEndpoint = {
  method: 'POST',
  path: '/neighbourhoods/{neighbourhoodId}/listings',
  access: 'member',
  status: 201,
  params: NeighbourhoodParams,
  body: ListingRequest,
  response: Listing,
} as const satisfies Endpoint;

export const neighbourhoodEventsEndpoint = {
  method: 'GET',
  path: '/neighbourhoods/{neighbourhoodId}/events',
  access: 'public',
  status: 200,
  stream: true,
  params: NeighbourhoodParams,
  response: NeighbourhoodEvent,
} as const satisfies Endpoint;

export const getListingEndpoint = {
  method: 'GET',
  path: '/listings/{listingId}',
  access: 'public',
  status: 200,
  params: ListingParams,
  response: Listing,
} as const satisfies Endpoint;

export const createReplyEndpoint = {
  method: 'POST',
  path: '/listings/{listingId}/replies',
  access: 'member',
  status: 201,
  params: ListingParams,
  body: ReplyRequest,
  response: Reply,
} as const satisfies Endpoint;

export const createReportEndpoint = {
  method: 'POST',
  path: '/listings/{listingId}/reports',
  access: 'member',
  status: 201,
  params: ListingParams,
  body: ReportRequest,
  response: Report,
} as const satisfies Endpoint;

export const getMeEndpoint = {
  method: 'GET',
  path: '/me',
  access: 'member',
  status: 200,
  response: Member,
} as const satisfies Endpoint;

/** One stream for many resources (see live.ts): what every page of widgets holds. */
export const liveEndpoint = {
  method: 'GET',
  path: '/live',
  access: 'public',
  status: 200,
  stream: true,
  query: LiveQuery,
  response: LiveMessage,
} as const satisfies Endpoint;

/** The live stream as polling: where streaming cannot work, one request for every resource. */
export const liveChangesEndpoint = {
  method: 'GET',
  path: '/live/changes',
  access: 'public',
  status: 200,
  query: LiveChangesQuery,
  response: LiveChanges,
} as const satisfies Endpoint;

/** Every endpoint by operation name: the server, the mocks and the OpenAPI document walk this. */
export const endpoints = {
  listCampaigns: listCampaignsEndpoint,
  getCampaign: getCampaignEndpoint,
  listRewards: listRewardsEndpoint,
  listBackers: listBackersEndpoint,
  createPledge: createPledgeEndpoint,
  campaignEvents: campaignEventsEndpoint,
  listNeighbourhoods: listNeighbourhoodsEndpoint,
  getNeighbourhood: getNeighbourhoodEndpoint,
  listListings: listListingsEndpoint,
  createListing: createListingEndpoint,
  neighbourhoodEvents: neighbourhoodEventsEndpoint,
  getListing: getListingEndpoint,
  createReply: createReplyEndpoint,
  createReport: createReportEndpoint,
  getMe: getMeEndpoint,
  live: liveEndpoint,
  liveChanges: liveChangesEndpoint,
  ...civicEndpoints,
};

export type EndpointName = keyof typeof endpoints;

/** The crowdfunding endpoints: the reference server's routes and the mocks implement exactly these. */
export type CampaignEndpointName = Extract<
  EndpointName,
  'listCampaigns' | 'getCampaign' | 'listRewards' | 'listBackers' | 'createPledge' | 'campaignEvents'
>;

/** The neighbourhood-sharing endpoints, implemented alike by the reference server and the mocks. */
export type NeighbourhoodEndpointName = Extract<
  EndpointName,
  | 'listNeighbourhoods'
  | 'getNeighbourhood'
  | 'listListings'
  | 'createListing'
  | 'neighbourhoodEvents'
  | 'getListing'
  | 'createReply'
  | 'createReport'
  | 'getMe'
>;

export { buildPath, IDEMPOTENCY_HEADER, REPLAYED_HEADER } from './paths.js';
