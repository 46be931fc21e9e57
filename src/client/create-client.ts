import * as campaigns from './campaigns.js';
import type { Timing } from './http.js';
import * as neighbourhoods from './neighbourhoods.js';
import { createTransport, type Transport } from './transport.js';
import type {
  ClientOptions,
  MemberRequestOptions,
  PledgeOptions,
  RequestOptions,
  SubscribeOptions,
  Unsubscribe,
} from './types.js';
import type {
  Backer,
  Campaign,
  CampaignEvent,
  CampaignListQuery,
  Listing,
  ListingQuery,
  ListingRequest,
  Member,
  Neighbourhood,
  NeighbourhoodEvent,
  NeighbourhoodListQuery,
  Page,
  PageQuery,
  PledgeRequest,
  PledgeResult,
  Reply,
  ReplyRequest,
  Report,
  ReportRequest,
  RewardTier,
} from '../contract/index.js';

/** A transport with every operation bound (what `createClient` returns). */
export interface PartageClient extends Transport {
  listCampaigns(query?: CampaignListQuery, options?: RequestOptions): Promise<Page<Campaign>>;
  getCampaign(campaignId: string, options?: RequestOptions): Promise<Campaign>;
  listRewards(campaignId: string, query?: PageQuery, options?: RequestOptions): Promise<Page<RewardTier>>;
  listBackers(campaignId: string, query?: PageQuery, options?: RequestOptions): Promise<Page<Backer>>;
  createPledge(campaignId: string, body: PledgeRequest, options: PledgeOptions): Promise<PledgeResult>;
  subscribeCampaign(campaignId: string, options: SubscribeOptions<CampaignEvent>): Unsubscribe;

  listNeighbourhoods(query?: NeighbourhoodListQuery, options?: RequestOptions): Promise<Page<Neighbourhood>>;
  getNeighbourhood(neighbourhoodId: string, options?: RequestOptions): Promise<Neighbourhood>;
  listListings(neighbourhoodId: string, query?: ListingQuery, options?: RequestOptions): Promise<Page<Listing>>;
  getListing(listingId: string, options?: RequestOptions): Promise<Listing>;
  createListing(neighbourhoodId: string, body: ListingRequest, options?: MemberRequestOptions): Promise<Listing>;
  createReply(listingId: string, body: ReplyRequest, options?: MemberRequestOptions): Promise<Reply>;
  createReport(listingId: string, body: ReportRequest, options?: MemberRequestOptions): Promise<Report>;
  getMe(options?: MemberRequestOptions): Promise<Member>;
  subscribeNeighbourhood(neighbourhoodId: string, options: SubscribeOptions<NeighbourhoodEvent>): Unsubscribe;
}

/**
 * A typed client for one Partage API, every operation bound: `client.getCampaign(id)`. Every
 * response is validated against the contract; failures surface as ApiError, ContractError,
 * NetworkError or ConfigError.
 *
 * Widgets call the operations as functions of the transport instead (`getCampaign(api, id)`),
 * so that a widget bundle carries only the endpoints it uses.
 *
 * `internals` replaces clock, randomness and sleeping (tests only).
 */
export function createClient(options: ClientOptions, internals: Partial<Timing> = {}): PartageClient {
  const api = createTransport(options, internals);
  return {
    ...api,
    listCampaigns: (query, o) => campaigns.listCampaigns(api, query, o),
    getCampaign: (id, o) => campaigns.getCampaign(api, id, o),
    listRewards: (id, query, o) => campaigns.listRewards(api, id, query, o),
    listBackers: (id, query, o) => campaigns.listBackers(api, id, query, o),
    createPledge: (id, body, o) => campaigns.createPledge(api, id, body, o),
    subscribeCampaign: (id, subscriber) => campaigns.subscribeCampaign(api, id, subscriber),
    listNeighbourhoods: (query, o) => neighbourhoods.listNeighbourhoods(api, query, o),
    getNeighbourhood: (id, o) => neighbourhoods.getNeighbourhood(api, id, o),
    listListings: (id, query, o) => neighbourhoods.listListings(api, id, query, o),
    getListing: (id, o) => neighbourhoods.getListing(api, id, o),
    getMe: (o) => neighbourhoods.getMe(api, o),
    createListing: (id, body, o) => neighbourhoods.createListing(api, id, body, o),
    createReply: (id, body, o) => neighbourhoods.createReply(api, id, body, o),
    createReport: (id, body, o) => neighbourhoods.createReport(api, id, body, o),
    subscribeNeighbourhood: (id, subscriber) => neighbourhoods.subscribeNeighbourhood(api, id, subscriber),
  };
}
