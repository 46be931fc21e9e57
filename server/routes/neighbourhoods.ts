import { apiBaseOf, type Listing, type Member, type NeighbourhoodEndpointName } from '../../src/contract/index.js';
import type { AppContext } from '../context.js';
import { HttpError, validationError } from '../http/problem.js';
import { lastEventIdOf, sseResponse } from '../http/sse.js';
import { createListing, createReply, createReport } from '../store/board.js';
import { neighbourhoodStream } from '../store/events.js';
import {
  findListingRow,
  findNeighbourhoodRow,
  listListings,
  listNeighbourhoods,
  toListing,
  toNeighbourhood,
} from '../store/neighbourhoods.js';
import type { Handlers } from './types.js';

/** A listing may stay up for 90 days at most. */
const MAX_LISTING_DAYS = 90;

async function neighbourhoodOf(ctx: AppContext, ref: string, now: Date) {
  const row = await findNeighbourhoodRow(ctx.db, ref, now);
  if (!row) throw new HttpError(404, 'not_found', `There is no neighbourhood "${ref}".`);
  return row;
}

async function listingOf(ctx: AppContext, id: string, now: Date): Promise<Listing> {
  const row = await findListingRow(ctx.db, id, now);
  if (!row) throw new HttpError(404, 'not_found', `There is no listing "${id}".`);
  return toListing(row);
}

function assertMemberOf(member: Member, neighbourhoodId: string) {
  if (!member.neighbourhoodIds.includes(neighbourhoodId)) {
    throw new HttpError(403, 'forbidden', 'Only members of this neighbourhood can do this on its board.');
  }
}

export const neighbourhoodHandlers: Pick<Handlers, NeighbourhoodEndpointName> = {
  async listNeighbourhoods({ query, now, request }, ctx) {
    return { body: await listNeighbourhoods(ctx.db, query, now, apiBaseOf(request.url)) };
  },

  async getNeighbourhood({ params, now, request }, ctx) {
    return { body: toNeighbourhood(await neighbourhoodOf(ctx, params.neighbourhoodId, now), apiBaseOf(request.url)) };
  },

  async listListings({ params, query, now }, ctx) {
    const n = await neighbourhoodOf(ctx, params.neighbourhoodId, now);
    return { body: await listListings(ctx.db, n.id, query, now) };
  },

  async getListing({ params, now }, ctx) {
    return { body: await listingOf(ctx, params.listingId, now) };
  },

  async createListing({ params, body, member, now }, ctx) {
    const n = await neighbourhoodOf(ctx, params.neighbourhoodId, now);
    assertMemberOf(member!, n.id);
    if (body.expiresAt) {
      const expires = Date.parse(body.expiresAt);
      if (expires <= now.getTime()) throw validationError([{ path: 'expiresAt', message: 'must be in the future' }]);
      if (expires > now.getTime() + MAX_LISTING_DAYS * 86_400_000) {
        throw validationError([{ path: 'expiresAt', message: `may be at most ${MAX_LISTING_DAYS} days ahead` }]);
      }
    }
    return { body: await createListing(ctx.db, n.id, body, { member: member!, now, channel: ctx.channel }) };
  },

  async createReply({ params, body, member, now }, ctx) {
    const listing = await listingOf(ctx, params.listingId, now);
    assertMemberOf(member!, listing.neighbourhoodId);
    if (listing.status !== 'open')
      throw new HttpError(409, 'listing_closed', `"${listing.title}" no longer takes replies.`);
    return { body: await createReply(ctx.db, listing, body, { member: member!, now, channel: ctx.channel }) };
  },

  async createReport({ params, body, member, now }, ctx) {
    const listing = await listingOf(ctx, params.listingId, now);
    assertMemberOf(member!, listing.neighbourhoodId);
    return { body: await createReport(ctx.db, listing, body, { member: member!, now, channel: ctx.channel }) };
  },

  async getMe({ member }) {
    // The member's own data: private to the token holder, revalidated every time.
    return { body: member!, cacheControl: 'private, no-cache' };
  },

  async neighbourhoodEvents({ params, request, now }, ctx) {
    const n = await neighbourhoodOf(ctx, params.neighbourhoodId, now);
    return sseResponse(request, ctx.hub, neighbourhoodStream(n.id), lastEventIdOf(request), {
      heartbeatMs: ctx.heartbeatMs,
    });
  },
};
