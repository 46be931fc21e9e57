import {
  cancelAgendaItemEndpoint,
  closePollEndpoint,
  createAgendaItemEndpoint,
  createPollEndpoint,
  getAgendaItemEndpoint,
  getPartnerVisitsEndpoint,
  getPollEndpoint,
  listAgendaEndpoint,
  listPollsEndpoint,
  updateAgendaItemEndpoint,
  updatePollEndpoint,
} from '../contract/civic-endpoints.js';
import { buildPath } from '../contract/endpoints.js';
import type {
  AgendaItem,
  AgendaItemRequest,
  AgendaItemUpdate,
  PartnerVisits,
  Poll,
  PollRequest,
  PollUpdate,
} from '../contract/index.js';
import { memberToken } from './transport.js';
import type { Transport } from './transport.js';
import type { MemberRequestOptions } from './types.js';

/*
 * What a neighbourhood's organisers (town hall staff, associations) do: create, edit, close and
 * cancel polls and agenda items, and read the visits of its partner links. The backend checks
 * the organiser role of the member token; a widget of readers never bundles these.
 */

async function organiserWrite<E extends Parameters<Transport['write']>[0]>(
  api: Transport,
  endpoint: E,
  params: Record<string, string>,
  body: object,
  o?: MemberRequestOptions,
) {
  const token = await memberToken(api, o?.memberToken);
  return api.write(endpoint, params, body, { headers: { Authorization: `Bearer ${token}` }, signal: o?.signal });
}

/** Readers of the poll and of its neighbourhood's list see the change at their next read. */
function pollChanged(api: Transport, poll: Poll): Poll {
  api.invalidateResource(
    buildPath(listPollsEndpoint.path, { neighbourhoodId: poll.neighbourhoodId }),
    buildPath(getPollEndpoint.path, { pollId: poll.id }),
  );
  return poll;
}

function itemChanged(api: Transport, item: AgendaItem): AgendaItem {
  api.invalidateResource(
    buildPath(listAgendaEndpoint.path, { neighbourhoodId: item.neighbourhoodId }),
    buildPath(getAgendaItemEndpoint.path, { itemId: item.id }),
  );
  return item;
}

export const createPoll = async (
  api: Transport,
  neighbourhoodId: string,
  body: PollRequest,
  o?: MemberRequestOptions,
): Promise<Poll> => pollChanged(api, await organiserWrite(api, createPollEndpoint, { neighbourhoodId }, body, o));

export const updatePoll = async (
  api: Transport,
  pollId: string,
  body: PollUpdate,
  o?: MemberRequestOptions,
): Promise<Poll> => pollChanged(api, await organiserWrite(api, updatePollEndpoint, { pollId }, body, o));

export const closePoll = async (api: Transport, pollId: string, o?: MemberRequestOptions): Promise<Poll> =>
  pollChanged(api, await organiserWrite(api, closePollEndpoint, { pollId }, {}, o));

export const createAgendaItem = async (
  api: Transport,
  neighbourhoodId: string,
  body: AgendaItemRequest,
  o?: MemberRequestOptions,
): Promise<AgendaItem> =>
  itemChanged(api, await organiserWrite(api, createAgendaItemEndpoint, { neighbourhoodId }, body, o));

export const updateAgendaItem = async (
  api: Transport,
  itemId: string,
  body: AgendaItemUpdate,
  o?: MemberRequestOptions,
): Promise<AgendaItem> => itemChanged(api, await organiserWrite(api, updateAgendaItemEndpoint, { itemId }, body, o));

export const cancelAgendaItem = async (api: Transport, itemId: string, o?: MemberRequestOptions): Promise<AgendaItem> =>
  itemChanged(api, await organiserWrite(api, cancelAgendaItemEndpoint, { itemId }, {}, o));

/**
 * Visits of the neighbourhood's partner links (counts only), for its organisers: always
 * revalidated, never kept across visits (it is read with a member token).
 */
export const getPartnerVisits = async (
  api: Transport,
  neighbourhoodId: string,
  o?: MemberRequestOptions,
): Promise<PartnerVisits> =>
  api.read(getPartnerVisitsEndpoint, { neighbourhoodId }, undefined, {
    signal: o?.signal,
    revalidate: true,
    token: await memberToken(api, o?.memberToken),
  });
