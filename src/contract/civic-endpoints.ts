import * as z from 'zod/mini';
import { AgendaItem, AgendaItemRequest, AgendaItemUpdate, AgendaQuery, MyRsvp, RsvpRequest } from './agenda.js';
import type { Endpoint } from './endpoint.js';
import { PartnerVisits } from './neighbourhood.js';
import { PARTNER_VISIT_PATH } from './paths.js';
import { MyVote, Poll, PollListQuery, PollRequest, PollUpdate, VoteRequest } from './poll.js';
import { HttpsUrl, Id, page } from './primitives.js';

const NeighbourhoodParams = z.object({ neighbourhoodId: Id });
const PollParams = z.object({ pollId: Id });
const AgendaParams = z.object({ itemId: Id });
const PartnerParams = z.object({ neighbourhoodId: Id, partnerId: Id });

/*
 * Polls and the local agenda. Organiser writes are `member` endpoints whose handler also checks
 * the member's organiser role for the neighbourhood (`Member.organiserOf`).
 */

export const listPollsEndpoint = {
  method: 'GET',
  path: '/neighbourhoods/{neighbourhoodId}/polls',
  access: 'public',
  status: 200,
  params: NeighbourhoodParams,
  query: PollListQuery,
  response: page(Poll),
} as const satisfies Endpoint;

export const createPollEndpoint = {
  method: 'POST',
  path: '/neighbourhoods/{neighbourhoodId}/polls',
  access: 'member',
  status: 201,
  params: NeighbourhoodParams,
  body: PollRequest,
  response: Poll,
} as const satisfies Endpoint;

export const getPollEndpoint = {
  method: 'GET',
  path: '/polls/{pollId}',
  access: 'public',
  status: 200,
  params: PollParams,
  response: Poll,
} as const satisfies Endpoint;

export const updatePollEndpoint = {
  method: 'POST',
  path: '/polls/{pollId}',
  access: 'member',
  status: 200,
  params: PollParams,
  body: PollUpdate,
  response: Poll,
} as const satisfies Endpoint;

export const closePollEndpoint = {
  method: 'POST',
  path: '/polls/{pollId}/close',
  access: 'member',
  status: 200,
  params: PollParams,
  response: Poll,
} as const satisfies Endpoint;

export const castVoteEndpoint = {
  method: 'POST',
  path: '/polls/{pollId}/votes',
  access: 'member',
  status: 200,
  params: PollParams,
  body: VoteRequest,
  response: MyVote,
} as const satisfies Endpoint;

export const getMyVoteEndpoint = {
  method: 'GET',
  path: '/polls/{pollId}/votes/mine',
  access: 'member',
  status: 200,
  params: PollParams,
  response: MyVote,
} as const satisfies Endpoint;

export const listAgendaEndpoint = {
  method: 'GET',
  path: '/neighbourhoods/{neighbourhoodId}/agenda',
  access: 'public',
  status: 200,
  params: NeighbourhoodParams,
  query: AgendaQuery,
  response: page(AgendaItem),
} as const satisfies Endpoint;

export const createAgendaItemEndpoint = {
  method: 'POST',
  path: '/neighbourhoods/{neighbourhoodId}/agenda',
  access: 'member',
  status: 201,
  params: NeighbourhoodParams,
  body: AgendaItemRequest,
  response: AgendaItem,
} as const satisfies Endpoint;

export const getAgendaItemEndpoint = {
  method: 'GET',
  path: '/agenda/{itemId}',
  access: 'public',
  status: 200,
  params: AgendaParams,
  response: AgendaItem,
} as const satisfies Endpoint;

export const updateAgendaItemEndpoint = {
  method: 'POST',
  path: '/agenda/{itemId}',
  access: 'member',
  status: 200,
  params: AgendaParams,
  body: AgendaItemUpdate,
  response: AgendaItem,
} as const satisfies Endpoint;

export const cancelAgendaItemEndpoint = {
  method: 'POST',
  path: '/agenda/{itemId}/cancel',
  access: 'member',
  status: 200,
  params: AgendaParams,
  response: AgendaItem,
} as const satisfies Endpoint;

export const rsvpEndpoint = {
  method: 'POST',
  path: '/agenda/{itemId}/rsvps',
  access: 'member',
  status: 200,
  params: AgendaParams,
  body: RsvpRequest,
  response: MyRsvp,
} as const satisfies Endpoint;

export const getMyRsvpEndpoint = {
  method: 'GET',
  path: '/agenda/{itemId}/rsvps/mine',
  access: 'member',
  status: 200,
  params: AgendaParams,
  response: MyRsvp,
} as const satisfies Endpoint;

/**
 * A partner link: counts one visit and answers 303 to the partner's stored address with the
 * neighbourhood's attribution (`response` is the schema of the `Location`). The target is only
 * ever the stored address: the endpoint takes no query at all (any is refused with 400), so it
 * can never be turned into an open redirect. No cookie, `Referrer-Policy: no-referrer`.
 */
export const visitPartnerEndpoint = {
  method: 'GET',
  path: PARTNER_VISIT_PATH,
  access: 'public',
  status: 303,
  redirect: true,
  params: PartnerParams,
  response: HttpsUrl,
} as const satisfies Endpoint;

/** Visits of the neighbourhood's partner links: organisers only (a member endpoint checking the role). */
export const getPartnerVisitsEndpoint = {
  method: 'GET',
  path: '/neighbourhoods/{neighbourhoodId}/partner-visits',
  access: 'member',
  status: 200,
  params: NeighbourhoodParams,
  response: PartnerVisits,
} as const satisfies Endpoint;

/**
 * The municipality tools by operation name (polls, agenda, partner links): the endpoint table
 * spreads it, and the reference server and the mocks implement exactly `CivicEndpointName`.
 */
export const civicEndpoints = {
  listPolls: listPollsEndpoint,
  createPoll: createPollEndpoint,
  getPoll: getPollEndpoint,
  updatePoll: updatePollEndpoint,
  closePoll: closePollEndpoint,
  castVote: castVoteEndpoint,
  getMyVote: getMyVoteEndpoint,
  listAgenda: listAgendaEndpoint,
  createAgendaItem: createAgendaItemEndpoint,
  getAgendaItem: getAgendaItemEndpoint,
  updateAgendaItem: updateAgendaItemEndpoint,
  cancelAgendaItem: cancelAgendaItemEndpoint,
  rsvp: rsvpEndpoint,
  getMyRsvp: getMyRsvpEndpoint,
  visitPartner: visitPartnerEndpoint,
  getPartnerVisits: getPartnerVisitsEndpoint,
};

export type CivicEndpointName = keyof typeof civicEndpoints;
