import {
  castVoteEndpoint,
  getAgendaItemEndpoint,
  getMyRsvpEndpoint,
  getMyVoteEndpoint,
  getPollEndpoint,
  listAgendaEndpoint,
  listPollsEndpoint,
  rsvpEndpoint,
} from '../contract/civic-endpoints.js';
import { buildPath } from '../contract/endpoints.js';
import type {
  AgendaItem,
  AgendaQuery,
  MyRsvp,
  MyVote,
  Page,
  Poll,
  PollListQuery,
  RsvpRequest,
} from '../contract/index.js';
import type { Transport } from './transport.js';
import { memberToken } from './transport.js';
import type { MemberRequestOptions, RequestOptions } from './types.js';

/*
 * Polls and the local agenda, for readers and members. Organiser operations (create, edit,
 * close, cancel) are for the platform's back office and are not bundled into widgets.
 */

export const listPolls = (
  api: Transport,
  neighbourhoodId: string,
  query?: PollListQuery,
  o?: RequestOptions,
): Promise<Page<Poll>> => api.read(listPollsEndpoint, { neighbourhoodId }, query, { signal: o?.signal });

export const getPoll = (api: Transport, pollId: string, o?: RequestOptions & { revalidate?: boolean }): Promise<Poll> =>
  api.read(getPollEndpoint, { pollId }, undefined, { signal: o?.signal, revalidate: o?.revalidate });

/** The member's own vote (never anyone else's) and the poll with the counts they may see. */
export const getMyVote = async (api: Transport, pollId: string, o?: MemberRequestOptions): Promise<MyVote> =>
  api.read(getMyVoteEndpoint, { pollId }, undefined, {
    signal: o?.signal,
    revalidate: true,
    token: await memberToken(api, o?.memberToken),
  });

export async function castVote(
  api: Transport,
  pollId: string,
  optionIds: string[],
  o?: MemberRequestOptions,
): Promise<MyVote> {
  const token = await memberToken(api, o?.memberToken);
  const vote = await api.write(
    castVoteEndpoint,
    { pollId },
    { optionIds },
    {
      headers: { Authorization: `Bearer ${token}` },
      signal: o?.signal,
    },
  );
  api.invalidateResource('/polls', buildPath(getPollEndpoint.path, { pollId }));
  return vote;
}

export const listAgenda = (
  api: Transport,
  neighbourhoodId: string,
  query?: AgendaQuery,
  o?: RequestOptions,
): Promise<Page<AgendaItem>> => api.read(listAgendaEndpoint, { neighbourhoodId }, query, { signal: o?.signal });

export const getAgendaItem = (api: Transport, itemId: string, o?: RequestOptions): Promise<AgendaItem> =>
  api.read(getAgendaItemEndpoint, { itemId }, undefined, { signal: o?.signal });

export const getMyRsvp = async (api: Transport, itemId: string, o?: MemberRequestOptions): Promise<MyRsvp> =>
  api.read(getMyRsvpEndpoint, { itemId }, undefined, {
    signal: o?.signal,
    revalidate: true,
    token: await memberToken(api, o?.memberToken),
  });

export async function rsvp(
  api: Transport,
  itemId: string,
  body: RsvpRequest,
  o?: MemberRequestOptions,
): Promise<MyRsvp> {
  const token = await memberToken(api, o?.memberToken);
  const answer = await api.write(rsvpEndpoint, { itemId }, body, {
    headers: { Authorization: `Bearer ${token}` },
    signal: o?.signal,
  });
  api.invalidateResource('/agenda', buildPath(getAgendaItemEndpoint.path, { itemId }));
  return answer;
}
