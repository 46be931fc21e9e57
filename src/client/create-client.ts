import * as campaigns from './campaigns.js';
import { createPledge } from './pledges.js';
import * as civic from './civic.js';
import * as organiser from './civic-organiser.js';
import type { Timing } from './http.js';
import * as neighbourhoods from './neighbourhoods.js';
import { createTransport, invalidate, stream, type Out, type Params, type Transport } from './transport.js';
import { memberToken } from './transport.js';
import type { LiveSource } from './live.js';
import type { Endpoint } from '../contract/endpoints.js';
import type {
  ClientOptions,
  MemberRequestOptions,
  PledgeOptions,
  RequestOptions,
  SubscribeOptions,
  Unsubscribe,
} from './types.js';
import type {
  AgendaItem,
  AgendaItemRequest,
  AgendaItemUpdate,
  AgendaQuery,
  Backer,
  Campaign,
  CampaignEvent,
  CampaignListQuery,
  Listing,
  ListingQuery,
  ListingRequest,
  Member,
  MyRsvp,
  MyVote,
  Neighbourhood,
  NeighbourhoodEvent,
  NeighbourhoodListQuery,
  Page,
  PageQuery,
  PartnerVisits,
  PledgeRequest,
  PledgeResult,
  Poll,
  PollListQuery,
  PollRequest,
  PollUpdate,
  Reply,
  ReplyRequest,
  Report,
  ReportRequest,
  RewardTier,
  RsvpRequest,
} from '../contract/index.js';

/** A transport with every operation bound (what `createClient` returns). */
export interface PartageClient extends Transport {
  /** One shared live stream per URL (a resource's own stream) for every subscriber, with its polling fallback. */
  stream<E extends Endpoint>(
    endpoint: E,
    params: Params,
    poll: LiveSource<Out<E>>['poll'],
    subscriber: SubscribeOptions<Out<E>>,
  ): Unsubscribe;
  /** The member's bearer token; without one, a local 401 and no request at all. */
  memberToken(override?: string): Promise<string>;
  /** Drops cached GETs whose URL contains `match` (all of them without `match`). */
  invalidate(match?: string): void;

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

  listPolls(neighbourhoodId: string, query?: PollListQuery, options?: RequestOptions): Promise<Page<Poll>>;
  getPoll(pollId: string, options?: RequestOptions & { revalidate?: boolean }): Promise<Poll>;
  getMyVote(pollId: string, options?: MemberRequestOptions): Promise<MyVote>;
  castVote(pollId: string, optionIds: string[], options?: MemberRequestOptions): Promise<MyVote>;
  listAgenda(neighbourhoodId: string, query?: AgendaQuery, options?: RequestOptions): Promise<Page<AgendaItem>>;
  getAgendaItem(itemId: string, options?: RequestOptions): Promise<AgendaItem>;
  getMyRsvp(itemId: string, options?: MemberRequestOptions): Promise<MyRsvp>;
  rsvp(itemId: string, body: RsvpRequest, options?: MemberRequestOptions): Promise<MyRsvp>;

  /** Organisers only (the backend checks the member token's role). */
  createPoll(neighbourhoodId: string, body: PollRequest, options?: MemberRequestOptions): Promise<Poll>;
  updatePoll(pollId: string, body: PollUpdate, options?: MemberRequestOptions): Promise<Poll>;
  closePoll(pollId: string, options?: MemberRequestOptions): Promise<Poll>;
  createAgendaItem(
    neighbourhoodId: string,
    body: AgendaItemRequest,
    options?: MemberRequestOptions,
  ): Promise<AgendaItem>;
  updateAgendaItem(itemId: string, body: AgendaItemUpdate, options?: MemberRequestOptions): Promise<AgendaItem>;
  cancelAgendaItem(itemId: string, options?: MemberRequestOptions): Promise<AgendaItem>;
  getPartnerVisits(neighbourhoodId: string, options?: MemberRequestOptions): Promise<PartnerVisits>;
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
    stream: (endpoint, params, poll, subscriber) => stream(api, endpoint, params, poll, subscriber),
    memberToken: (override) => memberToken(api, override),
    invalidate: (match) => invalidate(api, match),
    listCampaigns: (query, o) => campaigns.listCampaigns(api, query, o),
    getCampaign: (id, o) => campaigns.getCampaign(api, id, o),
    listRewards: (id, query, o) => campaigns.listRewards(api, id, query, o),
    listBackers: (id, query, o) => campaigns.listBackers(api, id, query, o),
    createPledge: (id, body, o) => createPledge(api, id, body, o),
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
    listPolls: (id, query, o) => civic.listPolls(api, id, query, o),
    getPoll: (id, o) => civic.getPoll(api, id, o),
    getMyVote: (id, o) => civic.getMyVote(api, id, o),
    castVote: (id, optionIds, o) => civic.castVote(api, id, optionIds, o),
    listAgenda: (id, query, o) => civic.listAgenda(api, id, query, o),
    getAgendaItem: (id, o) => civic.getAgendaItem(api, id, o),
    getMyRsvp: (id, o) => civic.getMyRsvp(api, id, o),
    rsvp: (id, body, o) => civic.rsvp(api, id, body, o),
    createPoll: (id, body, o) => organiser.createPoll(api, id, body, o),
    updatePoll: (id, body, o) => organiser.updatePoll(api, id, body, o),
    closePoll: (id, o) => organiser.closePoll(api, id, o),
    createAgendaItem: (id, body, o) => organiser.createAgendaItem(api, id, body, o),
    updateAgendaItem: (id, body, o) => organiser.updateAgendaItem(api, id, body, o),
    cancelAgendaItem: (id, o) => organiser.cancelAgendaItem(api, id, o),
    getPartnerVisits: (id, o) => organiser.getPartnerVisits(api, id, o),
  };
}
