import { endpoints, type Listing, type Member, type NeighbourhoodEndpointName } from '../contract/index.js';
import type { NeighbourhoodRecord } from './fixtures/index.js';
import type { EndpointImpl, MockContext, PathParams } from './context.js';
import { cachedJson, json } from './http-utils.js';
import { authenticate, authorizeWrite, requireMembership } from './member-auth.js';
import { pagedJson, type Ordering } from './paging.js';
import { notFound, violationProblem } from './problem.js';
import type { StoredListing } from './store.js';
import { fold, matchesQuery } from '../contract/search.js';
import { checkBody, checkParams, checkQuery, readBody, type Checked } from './validate.js';

const neighbourhoodOrder: Ordering<NeighbourhoodRecord> = { key: (n) => [n.name, n.id], directions: ['asc', 'asc'] };
/** Newest first; `seq` breaks ties between listings posted in the same millisecond. */
const listingOrder: Ordering<StoredListing> = {
  key: (l) => [l.listing.createdAt, l.seq],
  directions: ['desc', 'desc'],
};

function neighbourhoodFrom(params: PathParams, ctx: MockContext): Checked<NeighbourhoodRecord> {
  const checked = checkParams(endpoints.getNeighbourhood.params, params);
  if (!checked.ok) return checked;
  const found = ctx.store.findNeighbourhood(checked.data.neighbourhoodId);
  return found
    ? { ok: true, data: found }
    : { ok: false, response: notFound('neighbourhood', checked.data.neighbourhoodId) };
}

function listingFrom(params: PathParams, ctx: MockContext): Checked<Listing> {
  const checked = checkParams(endpoints.getListing.params, params);
  if (!checked.ok) return checked;
  const found = ctx.store.findListing(checked.data.listingId);
  return found ? { ok: true, data: found } : { ok: false, response: notFound('listing', checked.data.listingId) };
}

/**
 * The steps every member write on a listing takes, in the reference backend's order:
 * 401 → 429 → 400 (path) → 415/413/400 (body) → 404 → 403 → 422 (schema).
 */
async function memberWriteOnListing(
  request: Request,
  params: PathParams,
  ctx: MockContext,
): Promise<Checked<{ member: Member; listing: Listing; raw: unknown }>> {
  const member = authorizeWrite(request, ctx);
  if (!member.ok) return member;
  const checked = checkParams(endpoints.getListing.params, params);
  if (!checked.ok) return checked;
  const raw = await readBody(request);
  if (!raw.ok) return raw;
  const listing = listingFrom(params, ctx);
  if (!listing.ok) return listing;
  const forbidden = requireMembership(member.data, listing.data.neighbourhoodId);
  if (forbidden) return { ok: false, response: forbidden };
  return { ok: true, data: { member: member.data, listing: listing.data, raw: raw.data } };
}

export const neighbourhoodHandlers: Record<NeighbourhoodEndpointName, EndpointImpl> = {
  listNeighbourhoods(request, _params, ctx) {
    const query = checkQuery(endpoints.listNeighbourhoods.query, request);
    if (!query.ok) return query.response;
    const city = query.data.city === undefined ? null : fold(query.data.city);
    const matching = ctx.store.neighbourhoods.filter((n) => city === null || fold(n.city) === city);
    return pagedJson(request, matching, neighbourhoodOrder, query.data, (n) => ctx.store.neighbourhoodView(n, request));
  },

  getNeighbourhood(request, params, ctx) {
    const found = neighbourhoodFrom(params, ctx);
    return found.ok ? cachedJson(request, ctx.store.neighbourhoodView(found.data, request)) : found.response;
  },

  listListings(request, params, ctx) {
    const found = neighbourhoodFrom(params, ctx);
    if (!found.ok) return found.response;
    const query = checkQuery(endpoints.listListings.query, request);
    if (!query.ok) return query.response;
    const { kind, type, category, status, q } = query.data;
    const matching = ctx.store
      .listingsOf(found.data.id)
      .filter(
        ({ listing: l }) =>
          (!kind || l.kind === kind) &&
          (!type || l.type === type) &&
          (!category || l.category === category) &&
          (!status || l.status === status) &&
          matchesQuery(q, l.title, l.description),
      );
    return pagedJson(request, matching, listingOrder, query.data, (l) => l.listing);
  },

  async createListing(request, params, ctx) {
    const member = authorizeWrite(request, ctx);
    if (!member.ok) return member.response;
    const checked = checkParams(endpoints.createListing.params, params);
    if (!checked.ok) return checked.response;
    const raw = await readBody(request);
    if (!raw.ok) return raw.response;
    const found = neighbourhoodFrom(params, ctx);
    if (!found.ok) return found.response;
    const forbidden = requireMembership(member.data, found.data.id);
    if (forbidden) return forbidden;
    const body = checkBody(endpoints.createListing.body, raw.data);
    if (!body.ok) return body.response;
    const outcome = ctx.store.createListing(found.data, member.data, body.data);
    return outcome.ok ? json(outcome.value, 201) : violationProblem(outcome.violation);
  },

  neighbourhoodEvents(request, params, ctx) {
    const found = neighbourhoodFrom(params, ctx);
    if (!found.ok) return found.response;
    return ctx.hub.open(`neighbourhoods/${found.data.id}`, request.headers.get('Last-Event-ID'));
  },

  getListing(request, params, ctx) {
    const found = listingFrom(params, ctx);
    return found.ok ? cachedJson(request, found.data) : found.response;
  },

  async createReply(request, params, ctx) {
    const write = await memberWriteOnListing(request, params, ctx);
    if (!write.ok) return write.response;
    const body = checkBody(endpoints.createReply.body, write.data.raw);
    if (!body.ok) return body.response;
    const outcome = ctx.store.createReply(write.data.listing, write.data.member, body.data);
    return outcome.ok ? json(outcome.value, 201) : violationProblem(outcome.violation);
  },

  async createReport(request, params, ctx) {
    const write = await memberWriteOnListing(request, params, ctx);
    if (!write.ok) return write.response;
    const body = checkBody(endpoints.createReport.body, write.data.raw);
    if (!body.ok) return body.response;
    return json(ctx.store.createReport(write.data.listing, body.data), 201);
  },

  getMe(request, _params, ctx) {
    const member = authenticate(request, ctx);
    return member.ok ? cachedJson(request, member.data) : member.response;
  },
};
