import { AgendaItem, MyRsvp, MyVote, Poll } from '../../src/contract/index.js';
import type { HttpResponse } from '../http.js';
import { expect, expectProblem, expectShape, expectStatus, needs, type SuiteContext } from '../suite.js';

const enc = encodeURIComponent;
const HOUR = 3_600_000;
const iso = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString().replace(/\.\d+Z$/, 'Z');

/**
 * Polls and the local agenda: organiser-only writes, one vote per member, exact capacity with a
 * waitlist under concurrency, closed polls, and private ballots.
 */
export async function civic(ctx: SuiteContext) {
  const { http } = ctx;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const post = (path: string, token: string | null, body: unknown = {}) =>
    http.request(path, { method: 'POST', body, headers: token ? auth(token) : {} });
  const organiser = { name: 'Conformance town hall', kind: 'municipality' };
  const voters = () => {
    const tokens = needs(ctx.target.voterTokens, 'voter tokens (110 members of the neighbourhood)');
    expect(tokens.length >= 110, `${tokens.length} voter tokens; the checks need 110`);
    return tokens;
  };
  const newPoll = async (extra: Record<string, unknown> = {}): Promise<Poll> => {
    const neighbourhoodId = needs(ctx.target.neighbourhoodId, 'a target neighbourhood');
    const token = needs(ctx.target.organiserToken, 'an organiser token');
    const res = await post(`neighbourhoods/${enc(neighbourhoodId)}/polls`, token, {
      question: 'Conformance: which day for the market?',
      options: ['Saturday', 'Sunday', 'Wednesday'],
      closesAt: iso(24 * HOUR),
      resultsVisibility: 'always',
      organiser,
      ...extra,
    });
    expectStatus(res, 201, 'POST a poll as an organiser');
    return expectShape(Poll, res.json, 'the new poll');
  };
  const pollNow = async (pollId: string) => {
    const res = await http.request(`polls/${enc(pollId)}`, { headers: { 'Cache-Control': 'no-cache' } });
    expectStatus(res, 200, 'GET the poll');
    return expectShape(Poll, res.json, 'the poll');
  };

  // The RSVP check runs first: each of its 100 members answers once, with a whole write budget.
  await ctx.check('100 concurrent RSVPs for 20 places: exactly 20 going, the rest waitlisted', async () => {
    const neighbourhoodId = needs(ctx.target.neighbourhoodId, 'a target neighbourhood');
    const tokens = voters().slice(0, 100);
    const created = await post(
      `neighbourhoods/${enc(neighbourhoodId)}/agenda`,
      needs(ctx.target.organiserToken, 'an organiser token'),
      {
        title: 'Conformance workshop',
        startsAt: iso(24 * HOUR),
        endsAt: iso(26 * HOUR),
        place: { label: '1 place de la Mairie' },
        organiser,
        capacity: 20,
      },
    );
    expectStatus(created, 201, 'POST an agenda item as an organiser');
    const item = expectShape(AgendaItem, created.json, 'the new agenda item');
    const responses = await Promise.all(
      tokens.map((t) => post(`agenda/${enc(item.id)}/rsvps`, t, { response: 'going' })),
    );
    const failed = responses.filter((r) => r.status !== 200);
    expect(
      failed.length === 0,
      `${failed.length} RSVPs failed, e.g. ${failed[0]?.status} ${failed[0]?.text.slice(0, 200)}`,
    );
    const statuses = responses.map((r) => expectShape(MyRsvp, r.json, 'an RSVP').status);
    const going = statuses.filter((s) => s === 'going').length;
    const waitlisted = statuses.filter((s) => s === 'waitlisted').length;
    expect(going === 20, `${going} members are going; there were 20 places`);
    expect(waitlisted === 80, `${waitlisted} members are waitlisted, expected 80`);
    const after = expectShape(
      AgendaItem,
      (await http.request(`agenda/${enc(item.id)}`, { headers: { 'Cache-Control': 'no-cache' } })).json,
      'the agenda item',
    );
    expect(
      after.going === 20 && after.waitlisted === 80 && after.remaining === 0,
      `the item says going ${after.going}, waitlisted ${after.waitlisted}, remaining ${after.remaining}`,
    );
  });

  await ctx.check('only organisers create, close and cancel: 401 anonymous, 403 members', async () => {
    const neighbourhoodId = needs(ctx.target.neighbourhoodId, 'a target neighbourhood');
    const member = voters()[105]!;
    const body = { question: 'Not allowed?', options: ['Yes', 'No'], closesAt: iso(HOUR), organiser };
    const path = `neighbourhoods/${enc(neighbourhoodId)}/polls`;
    expectProblem(await post(path, null, body), 401, 'unauthorized', 'POST a poll anonymously');
    expectProblem(await post(path, member, body), 403, 'forbidden', 'POST a poll as a member');
    const poll = await newPoll();
    expectProblem(await post(`polls/${enc(poll.id)}/close`, member, {}), 403, 'forbidden', 'close as a member');
    expectProblem(await post(`polls/${enc(poll.id)}/close`, null, {}), 401, 'unauthorized', 'close anonymously');
    const item = {
      title: 'Conformance event',
      startsAt: iso(HOUR),
      endsAt: iso(2 * HOUR),
      place: { label: 'Town hall' },
      organiser,
    };
    expectProblem(
      await post(`neighbourhoods/${enc(neighbourhoodId)}/agenda`, member, item),
      403,
      'forbidden',
      'POST an agenda item as a member',
    );
    expect((await pollNow(poll.id)).status === 'open', 'a member managed to close the poll');
  });

  await ctx.check('100 concurrent votes of one member count exactly once', async () => {
    const token = voters()[100]!;
    const poll = await newPoll();
    const responses = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        post(`polls/${enc(poll.id)}/votes`, token, { optionIds: [poll.options[i % poll.options.length]!.id] }),
      ),
    );
    const odd = responses.filter((r) => r.status !== 200 && r.status !== 429);
    expect(odd.length === 0, `unexpected answers, e.g. ${odd[0]?.status} ${odd[0]?.text.slice(0, 200)}`);
    expect(
      responses.some((r) => r.status === 200),
      'no vote was accepted',
    );
    const after = await pollNow(poll.id);
    expect(after.voterCount === 1, `voterCount is ${after.voterCount} after one member voted 100 times`);
    const votes = after.results?.options.reduce((sum, o) => sum + o.votes, 0);
    expect(votes === 1, `the options hold ${votes} votes in all; one member voted`);
  });

  await ctx.check('a closed poll refuses votes (409 poll_closed) and counts nothing', async () => {
    const [first, second] = voters().slice(101, 103);
    const poll = await newPoll();
    expectStatus(
      await post(`polls/${enc(poll.id)}/votes`, first!, { optionIds: [poll.options[0]!.id] }),
      200,
      'a vote',
    );
    const closed = await post(
      `polls/${enc(poll.id)}/close`,
      needs(ctx.target.organiserToken, 'an organiser token'),
      {},
    );
    expectStatus(closed, 200, 'close the poll');
    expect(expectShape(Poll, closed.json, 'the closed poll').status === 'closed', 'the poll is not closed');
    expectProblem(
      await post(`polls/${enc(poll.id)}/votes`, second!, { optionIds: [poll.options[1]!.id] }),
      409,
      'poll_closed',
      'a vote after closing',
    );
    const after = await pollNow(poll.id);
    expect(after.voterCount === 1, `voterCount is ${after.voterCount}, expected 1`);
  });

  await ctx.check("a member token never reveals other members' choices", async () => {
    const [alice, bob] = voters().slice(103, 105);
    const poll = await newPoll({ resultsVisibility: 'after_voting' });
    const secret = poll.options[2]!.id;
    expectStatus(await post(`polls/${enc(poll.id)}/votes`, alice!, { optionIds: [secret] }), 200, "Alice's vote");
    const answers: [string, HttpResponse][] = [
      ['GET poll', await http.request(`polls/${enc(poll.id)}`)],
      ['GET my vote (Bob)', await http.request(`polls/${enc(poll.id)}/votes/mine`, { headers: auth(bob!) })],
      ['GET polls', await http.request(`neighbourhoods/${enc(poll.neighbourhoodId)}/polls`, { headers: auth(bob!) })],
    ];
    const mine = expectShape(MyVote, answers[1]![1].json, "Bob's view");
    expect(mine.optionIds.length === 0, `Bob (who did not vote) is told he voted ${mine.optionIds.join(',')}`);
    expect(mine.poll.results === null, 'Bob sees the counts before voting (results are after_voting)');
    for (const [what, res] of answers) {
      expectStatus(res, 200, what);
      expect(
        !/"(memberId|voterId|voters|ballots?|members)"/.test(res.text),
        `${what} names voters: ${res.text.slice(0, 300)}`,
      );
    }
    const aliceView = expectShape(
      MyVote,
      (await http.request(`polls/${enc(poll.id)}/votes/mine`, { headers: auth(alice!) })).json,
      "Alice's view",
    );
    expect(aliceView.optionIds.join() === secret, 'Alice does not get her own vote back');
  });
}
