import { endpoints, type CivicEndpointName, type Member } from '../contract/index.js';
import type { CivicStore } from './civic-store.js';
import type { EndpointImpl, MockContext, PathParams } from './context.js';
import type { NeighbourhoodRecord } from './fixtures/index.js';
import { cachedJson, json } from './http-utils.js';
import { authenticate, authorizeWrite, requireMembership } from './member-auth.js';
import { pagedJson, type Ordering } from './paging.js';
import { notFound, problem, violationProblem } from './problem.js';
import { checkBody, checkParams, checkQuery, readBody, type Checked } from './validate.js';

type StoredPoll = CivicStore['polls'][number];
type StoredItem = CivicStore['items'][number];

const pollOrder: Ordering<StoredPoll> = { key: (p) => [p.poll.createdAt, p.seq], directions: ['desc', 'desc'] };
const agendaOrder: Ordering<StoredItem> = { key: (i) => [i.item.startsAt, i.seq], directions: ['asc', 'asc'] };

function neighbourhoodFrom(params: PathParams, ctx: MockContext): Checked<NeighbourhoodRecord> {
  const checked = checkParams(endpoints.listPolls.params, params);
  if (!checked.ok) return checked;
  const found = ctx.store.findNeighbourhood(checked.data.neighbourhoodId);
  return found
    ? { ok: true, data: found }
    : { ok: false, response: notFound('neighbourhood', checked.data.neighbourhoodId) };
}

function pollFrom(params: PathParams, ctx: MockContext): Checked<StoredPoll> {
  const checked = checkParams(endpoints.getPoll.params, params);
  if (!checked.ok) return checked;
  const found = ctx.store.civic.findPoll(checked.data.pollId);
  return found ? { ok: true, data: found } : { ok: false, response: notFound('poll', checked.data.pollId) };
}

function itemFrom(params: PathParams, ctx: MockContext): Checked<StoredItem> {
  const checked = checkParams(endpoints.getAgendaItem.params, params);
  if (!checked.ok) return checked;
  const found = ctx.store.civic.findItem(checked.data.itemId);
  return found ? { ok: true, data: found } : { ok: false, response: notFound('agenda item', checked.data.itemId) };
}

const notOrganiser = (member: Member, neighbourhoodId: string): Response | null =>
  member.organiserOf?.includes(neighbourhoodId)
    ? null
    : problem(403, 'forbidden', "Only the neighbourhood's organisers (town hall, associations) can do this.");

/** A member write: 401 → 429 → 404 → 403 (membership or organiser role) → body schema. */
async function memberWrite<T extends { neighbourhoodId: string }>(
  request: Request,
  found: (ctx: MockContext) => Checked<T>,
  ctx: MockContext,
  role: 'member' | 'organiser',
): Promise<Checked<{ member: Member; target: T; raw: unknown }>> {
  const member = authorizeWrite(request, ctx);
  if (!member.ok) return member;
  const raw = request.headers.get('content-type')?.includes('json')
    ? await readBody(request)
    : { ok: true as const, data: {} };
  if (!raw.ok) return raw;
  const target = found(ctx);
  if (!target.ok) return target;
  const refused =
    role === 'organiser'
      ? notOrganiser(member.data, target.data.neighbourhoodId)
      : requireMembership(member.data, target.data.neighbourhoodId);
  if (refused) return { ok: false, response: refused };
  return { ok: true, data: { member: member.data, target: target.data, raw: raw.data } };
}

const ofPoll = (params: PathParams) => (ctx: MockContext) => {
  const p = pollFrom(params, ctx);
  return p.ok ? { ok: true as const, data: { stored: p.data, neighbourhoodId: p.data.poll.neighbourhoodId } } : p;
};
const ofItem = (params: PathParams) => (ctx: MockContext) => {
  const i = itemFrom(params, ctx);
  return i.ok ? { ok: true as const, data: { stored: i.data, neighbourhoodId: i.data.item.neighbourhoodId } } : i;
};
const ofNeighbourhood = (params: PathParams) => (ctx: MockContext) => {
  const n = neighbourhoodFrom(params, ctx);
  return n.ok ? { ok: true as const, data: { n: n.data, neighbourhoodId: n.data.id } } : n;
};

const answer = <T>(
  o: { ok: true; value: T } | { ok: false; violation: Parameters<typeof violationProblem>[0] },
  status = 200,
) => (o.ok ? json(o.value, status) : violationProblem(o.violation));

export const civicHandlers: Record<CivicEndpointName, EndpointImpl> = {
  listPolls(request, params, ctx) {
    const found = neighbourhoodFrom(params, ctx);
    if (!found.ok) return found.response;
    const query = checkQuery(endpoints.listPolls.query, request);
    if (!query.ok) return query.response;
    const civic = ctx.store.civic;
    const matching = civic
      .pollsOf(found.data.id)
      .filter((p) => !query.data.status || civic.view(p).status === query.data.status);
    return pagedJson(request, matching, pollOrder, query.data, (p) => civic.view(p));
  },

  async createPoll(request, params, ctx) {
    const write = await memberWrite(request, ofNeighbourhood(params), ctx, 'organiser');
    if (!write.ok) return write.response;
    const body = checkBody(endpoints.createPoll.body, write.data.raw);
    if (!body.ok) return body.response;
    return answer(ctx.store.civic.createPoll(write.data.target.n, body.data), 201);
  },

  getPoll(request, params, ctx) {
    const found = pollFrom(params, ctx);
    return found.ok ? cachedJson(request, ctx.store.civic.view(found.data)) : found.response;
  },

  async updatePoll(request, params, ctx) {
    const write = await memberWrite(request, ofPoll(params), ctx, 'organiser');
    if (!write.ok) return write.response;
    const body = checkBody(endpoints.updatePoll.body, write.data.raw);
    if (!body.ok) return body.response;
    return answer(ctx.store.civic.updatePoll(write.data.target.stored, body.data));
  },

  async closePoll(request, params, ctx) {
    const write = await memberWrite(request, ofPoll(params), ctx, 'organiser');
    if (!write.ok) return write.response;
    return json(ctx.store.civic.closePoll(write.data.target.stored), 200);
  },

  async castVote(request, params, ctx) {
    const write = await memberWrite(request, ofPoll(params), ctx, 'member');
    if (!write.ok) return write.response;
    const body = checkBody(endpoints.castVote.body, write.data.raw);
    if (!body.ok) return body.response;
    return answer(ctx.store.civic.vote(write.data.target.stored, write.data.member, body.data.optionIds));
  },

  getMyVote(request, params, ctx) {
    const member = authenticate(request, ctx);
    if (!member.ok) return member.response;
    const found = pollFrom(params, ctx);
    if (!found.ok) return found.response;
    const refused = requireMembership(member.data, found.data.poll.neighbourhoodId);
    if (refused) return refused;
    return cachedJson(request, ctx.store.civic.myVote(found.data, member.data.id));
  },

  listAgenda(request, params, ctx) {
    const found = neighbourhoodFrom(params, ctx);
    if (!found.ok) return found.response;
    const query = checkQuery(endpoints.listAgenda.query, request);
    if (!query.ok) return query.response;
    return pagedJson(request, ctx.store.civic.upcomingOf(found.data.id), agendaOrder, query.data, (i) =>
      structuredClone(i.item),
    );
  },

  async createAgendaItem(request, params, ctx) {
    const write = await memberWrite(request, ofNeighbourhood(params), ctx, 'organiser');
    if (!write.ok) return write.response;
    const body = checkBody(endpoints.createAgendaItem.body, write.data.raw);
    if (!body.ok) return body.response;
    return answer(ctx.store.civic.createItem(write.data.target.n, body.data), 201);
  },

  getAgendaItem(request, params, ctx) {
    const found = itemFrom(params, ctx);
    return found.ok ? cachedJson(request, found.data.item) : found.response;
  },

  async updateAgendaItem(request, params, ctx) {
    const write = await memberWrite(request, ofItem(params), ctx, 'organiser');
    if (!write.ok) return write.response;
    const body = checkBody(endpoints.updateAgendaItem.body, write.data.raw);
    if (!body.ok) return body.response;
    return answer(ctx.store.civic.updateItem(write.data.target.stored, body.data));
  },

  async cancelAgendaItem(request, params, ctx) {
    const write = await memberWrite(request, ofItem(params), ctx, 'organiser');
    if (!write.ok) return write.response;
    return json(ctx.store.civic.cancelItem(write.data.target.stored), 200);
  },

  async rsvp(request, params, ctx) {
    const write = await memberWrite(request, ofItem(params), ctx, 'member');
    if (!write.ok) return write.response;
    const body = checkBody(endpoints.rsvp.body, write.data.raw);
    if (!body.ok) return body.response;
    return answer(ctx.store.civic.rsvp(write.data.target.stored, write.data.member, body.data));
  },

  getMyRsvp(request, params, ctx) {
    const member = authenticate(request, ctx);
    if (!member.ok) return member.response;
    const found = itemFrom(params, ctx);
    if (!found.ok) return found.response;
    const refused = requireMembership(member.data, found.data.item.neighbourhoodId);
    if (refused) return refused;
    return cachedJson(request, ctx.store.civic.myRsvp(found.data, member.data.id));
  },

  visitPartner(request, params, ctx) {
    const checked = checkParams(endpoints.visitPartner.params, params);
    if (!checked.ok) return checked.response;
    // The target is only ever the stored address: a query (`?url=…`) is refused, not followed.
    if (new URL(request.url).search !== '')
      return problem(400, 'validation_failed', 'A partner link takes no parameters.', {
        errors: [{ path: 'query', message: 'must be empty' }],
      });
    const n = ctx.store.findNeighbourhood(checked.data.neighbourhoodId);
    if (!n) return notFound('neighbourhood', checked.data.neighbourhoodId);
    const location = ctx.store.visitPartner(n, checked.data.partnerId);
    if (!location) return notFound('partner service', checked.data.partnerId);
    return new Response(null, {
      status: 303,
      headers: { Location: location, 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' },
    });
  },

  getPartnerVisits(request, params, ctx) {
    const member = authenticate(request, ctx);
    if (!member.ok) return member.response;
    const found = neighbourhoodFrom(params, ctx);
    if (!found.ok) return found.response;
    const refused = notOrganiser(member.data, found.data.id);
    if (refused) return refused;
    return cachedJson(request, ctx.store.partnerVisitsOf(found.data));
  },
};
