import {
  type CivicEndpointName,
  checkAgendaTimes,
  checkPollRequest,
  checkPollUpdate,
  type Member,
  type RuleViolation,
} from '../../src/contract/index.js';
import type { AppContext } from '../context.js';
import { HttpError, validationError } from '../http/problem.js';
import {
  answerRsvp,
  cancelAgendaItem,
  createAgendaItem,
  findAgendaRow,
  getMyRsvp,
  listAgenda,
  toAgendaItem,
  updateAgendaItem,
} from '../store/agenda.js';
import { findNeighbourhoodRow } from '../store/neighbourhoods.js';
import {
  ballotOf,
  castVote,
  closePoll,
  createPoll,
  findPollRow,
  listPolls,
  pollStatusOf,
  toPoll,
  updatePoll,
} from '../store/polls.js';
import { partnerHandlers } from './partners.js';
import type { Handlers } from './types.js';

async function neighbourhoodOf(ctx: AppContext, ref: string, now: Date) {
  const row = await findNeighbourhoodRow(ctx.db, ref, now);
  if (!row) throw new HttpError(404, 'not_found', `There is no neighbourhood "${ref}".`);
  return row;
}

async function pollOf(ctx: AppContext, id: string) {
  const row = await findPollRow(ctx.db, id);
  if (!row) throw new HttpError(404, 'not_found', `There is no poll "${id}".`);
  return row;
}

async function itemOf(ctx: AppContext, id: string) {
  const row = await findAgendaRow(ctx.db, id);
  if (!row) throw new HttpError(404, 'not_found', `There is no agenda item "${id}".`);
  return row;
}

function assertMemberOf(member: Member, neighbourhoodId: string) {
  if (!member.neighbourhoodIds.includes(neighbourhoodId))
    throw new HttpError(403, 'forbidden', 'Only members of this neighbourhood can vote or answer here.');
}

/** The organiser role comes from the token (the platform's authenticator), never from the request. */
function assertOrganiserOf(member: Member, neighbourhoodId: string) {
  if (!member.organiserOf?.includes(neighbourhoodId))
    throw new HttpError(403, 'forbidden', "Only the neighbourhood's organisers (town hall, associations) can do this.");
}

function refuse(v: RuleViolation | null) {
  if (!v) return;
  if (v.code === 'validation_failed') throw validationError([{ path: v.path ?? '', message: v.detail }]);
  throw new HttpError(v.status, v.code, v.detail);
}

/**
 * Polls, the local agenda and partner links. Readers see counts only; each member sees their own
 * answers only; partner visit counts are for organisers.
 */
export const civicHandlers: Pick<Handlers, CivicEndpointName> = {
  ...partnerHandlers,
  async listPolls({ params, query, now }, ctx) {
    const n = await neighbourhoodOf(ctx, params.neighbourhoodId, now);
    return { body: await listPolls(ctx.db, n.id, query, now) };
  },

  async createPoll({ params, body, member, now }, ctx) {
    const n = await neighbourhoodOf(ctx, params.neighbourhoodId, now);
    assertOrganiserOf(member!, n.id);
    refuse(checkPollRequest(body, now));
    return { body: await createPoll(ctx.db, n.id, body, member!, { now, channel: ctx.channel }) };
  },

  async getPoll({ params, now }, ctx) {
    return { body: toPoll(await pollOf(ctx, params.pollId), now) };
  },

  async updatePoll({ params, body, member, now }, ctx) {
    const row = await pollOf(ctx, params.pollId);
    assertOrganiserOf(member!, row.neighbourhood_id);
    refuse(
      checkPollUpdate(
        { opensAt: row.opens_at.toISOString(), closesAt: row.closes_at.toISOString(), status: pollStatusOf(row, now) },
        body,
        now,
      ),
    );
    return { body: await updatePoll(ctx.db, row, body, { now, channel: ctx.channel }) };
  },

  async closePoll({ params, member, now }, ctx) {
    const row = await pollOf(ctx, params.pollId);
    assertOrganiserOf(member!, row.neighbourhood_id);
    return { body: await closePoll(ctx.db, row, { now, channel: ctx.channel }) };
  },

  async castVote({ params, body, member, now }, ctx) {
    const row = await pollOf(ctx, params.pollId);
    assertMemberOf(member!, row.neighbourhood_id);
    return { body: await castVote(ctx.db, row, body.optionIds, member!, { now, channel: ctx.channel }) };
  },

  async getMyVote({ params, member, now }, ctx) {
    const row = await pollOf(ctx, params.pollId);
    assertMemberOf(member!, row.neighbourhood_id);
    const ballot = await ballotOf(ctx.db, row.id, member!.id);
    return {
      body: {
        pollId: row.id,
        optionIds: ballot?.option_ids ?? [],
        votedAt: ballot ? ballot.voted_at.toISOString() : null,
        poll: toPoll(row, now, !!ballot),
      },
      cacheControl: 'private, no-cache',
    };
  },

  async listAgenda({ params, query, now }, ctx) {
    const n = await neighbourhoodOf(ctx, params.neighbourhoodId, now);
    return { body: await listAgenda(ctx.db, n.id, query, now) };
  },

  async createAgendaItem({ params, body, member, now }, ctx) {
    const n = await neighbourhoodOf(ctx, params.neighbourhoodId, now);
    assertOrganiserOf(member!, n.id);
    refuse(checkAgendaTimes(body, body));
    return { body: await createAgendaItem(ctx.db, n.id, body, member!, { now, channel: ctx.channel }) };
  },

  async getAgendaItem({ params }, ctx) {
    return { body: toAgendaItem(await itemOf(ctx, params.itemId)) };
  },

  async updateAgendaItem({ params, body, member, now }, ctx) {
    const row = await itemOf(ctx, params.itemId);
    assertOrganiserOf(member!, row.neighbourhood_id);
    refuse(checkAgendaTimes({ startsAt: row.starts_at.toISOString(), endsAt: row.ends_at.toISOString() }, body));
    return { body: await updateAgendaItem(ctx.db, row, body, { now, channel: ctx.channel }) };
  },

  async cancelAgendaItem({ params, member, now }, ctx) {
    const row = await itemOf(ctx, params.itemId);
    assertOrganiserOf(member!, row.neighbourhood_id);
    return { body: await cancelAgendaItem(ctx.db, row, { now, channel: ctx.channel }) };
  },

  async rsvp({ params, body, member, now }, ctx) {
    const row = await itemOf(ctx, params.itemId);
    assertMemberOf(member!, row.neighbourhood_id);
    return { body: await answerRsvp(ctx.db, row, body, member!, { now, channel: ctx.channel }) };
  },

  async getMyRsvp({ params, member }, ctx) {
    const row = await itemOf(ctx, params.itemId);
    assertMemberOf(member!, row.neighbourhood_id);
    return { body: await getMyRsvp(ctx.db, row, member!.id), cacheControl: 'private, no-cache' };
  },
};
