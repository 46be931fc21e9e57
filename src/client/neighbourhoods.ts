import {
  buildPath,
  createListingEndpoint,
  createReplyEndpoint,
  createReportEndpoint,
  getListingEndpoint,
  getMeEndpoint,
  getNeighbourhoodEndpoint,
  listListingsEndpoint,
  listNeighbourhoodsEndpoint,
  neighbourhoodEventsEndpoint,
} from '../contract/endpoints.js';
import type {
  Listing,
  ListingQuery,
  ListingRequest,
  Member,
  Neighbourhood,
  NeighbourhoodEvent,
  NeighbourhoodListQuery,
  Page,
  Reply,
  ReplyRequest,
  Report,
  ReportRequest,
} from '../contract/index.js';
import { neighbourhoodPoller } from './poll.js';
import type { Transport } from './transport.js';
import { memberToken } from './transport.js';
import type { MemberRequestOptions, RequestOptions, SubscribeOptions, Unsubscribe } from './types.js';

/* Neighbourhood sharing operations; member ones send the member's bearer token. */

export const listNeighbourhoods = (
  api: Transport,
  query?: NeighbourhoodListQuery,
  o?: RequestOptions,
): Promise<Page<Neighbourhood>> => api.read(listNeighbourhoodsEndpoint, {}, query, { signal: o?.signal });

export const getNeighbourhood = (api: Transport, neighbourhoodId: string, o?: RequestOptions): Promise<Neighbourhood> =>
  api.read(getNeighbourhoodEndpoint, { neighbourhoodId }, undefined, { signal: o?.signal });

export const listListings = (
  api: Transport,
  neighbourhoodId: string,
  query?: ListingQuery,
  o?: RequestOptions,
): Promise<Page<Listing>> => api.read(listListingsEndpoint, { neighbourhoodId }, query, { signal: o?.signal });

export const getListing = (api: Transport, listingId: string, o?: RequestOptions): Promise<Listing> =>
  api.read(getListingEndpoint, { listingId }, undefined, { signal: o?.signal });

export const getMe = async (api: Transport, o?: MemberRequestOptions): Promise<Member> =>
  api.read(getMeEndpoint, {}, undefined, { signal: o?.signal, token: await memberToken(api, o?.memberToken) });

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

export async function createListing(
  api: Transport,
  neighbourhoodId: string,
  body: ListingRequest,
  o?: MemberRequestOptions,
): Promise<Listing> {
  const token = await memberToken(api, o?.memberToken);
  const listing = await api.write(createListingEndpoint, { neighbourhoodId }, body, {
    headers: bearer(token),
    signal: o?.signal,
  });
  api.invalidateResource('/neighbourhoods', buildPath(getNeighbourhoodEndpoint.path, { neighbourhoodId }));
  return listing;
}

export async function createReply(
  api: Transport,
  listingId: string,
  body: ReplyRequest,
  o?: MemberRequestOptions,
): Promise<Reply> {
  const token = await memberToken(api, o?.memberToken);
  const reply = await api.write(createReplyEndpoint, { listingId }, body, {
    headers: bearer(token),
    signal: o?.signal,
  });
  api.invalidateResource('/listings', buildPath(getListingEndpoint.path, { listingId }));
  return reply;
}

export async function createReport(
  api: Transport,
  listingId: string,
  body: ReportRequest,
  o?: MemberRequestOptions,
): Promise<Report> {
  const token = await memberToken(api, o?.memberToken);
  return api.write(createReportEndpoint, { listingId }, body, { headers: bearer(token), signal: o?.signal });
}

/**
 * New and changed listings with the neighbourhood's stats, on the page's one stream to this
 * backend; on a backend without `/live`, on its own stream, falling back to polling both.
 */
export function subscribeNeighbourhood(
  api: Transport,
  neighbourhoodId: string,
  subscriber: SubscribeOptions<NeighbourhoodEvent>,
): Unsubscribe {
  const poll = neighbourhoodPoller(
    (signal) => api.read(listListingsEndpoint, { neighbourhoodId }, undefined, { signal, revalidate: true }),
    (signal) => api.read(getNeighbourhoodEndpoint, { neighbourhoodId }, undefined, { signal, revalidate: true }),
  );
  return api.follow(
    { kind: 'neighbourhood', param: 'neighbourhoods', id: neighbourhoodId },
    neighbourhoodEventsEndpoint,
    { neighbourhoodId },
    poll,
    subscriber,
  );
}
