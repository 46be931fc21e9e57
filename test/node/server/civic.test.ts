import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { AgendaItem, MyRsvp, MyVote, NeighbourhoodEvent, Poll, page } from '../../../src/contract/index.js';
import type { Sandbox } from '../../../server/routes/sandbox.js';
import { databases, problemOf, startTestServer, type TestServer } from './harness.js';

const HOUR = 3_600_000;

for (const kind of databases) {
  describe(`polls and agenda (${kind})`, () => {
    let s: TestServer;
    let sb: Sandbox;
    const clock = Date.now();
    const iso = (offsetMs: number) => new Date(clock + offsetMs).toISOString();
    before(async () => {
      s = await startTestServer(kind, { now: () => new Date(clock), memberWrites: { limit: 1000, windowMs: 60_000 } });
      sb = await s.sandbox();
    });
    after(() => s.close());

    const send = (path: string, token: string | null, body: unknown = {}) =>
      s.api(path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });
    const read = (path: string, token?: string) =>
      s.api(path, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
    const pollBody = (extra: Record<string, unknown> = {}) => ({
      question: 'Où installer les nouveaux bancs ?',
      options: ['Square Bouvet', 'Quai Saint-Louis', 'Rue de Dinan'],
      closesAt: iso(48 * HOUR),
      organiser: { name: 'Mairie de Saint-Malo', kind: 'municipality' },
      ...extra,
    });
    const newPoll = async (extra: Record<string, unknown> = {}) => {
      const res = await send(`neighbourhoods/${sb.neighbourhoodId}/polls`, sb.organiserToken, pollBody(extra));
      assert.equal(res.status, 201, await res.clone().text());
      return Poll.parse(await res.json());
    };
    const itemBody = (extra: Record<string, unknown> = {}) => ({
      title: 'Atelier compost',
      startsAt: iso(24 * HOUR),
      endsAt: iso(26 * HOUR),
      place: { label: 'Jardin partagé, rue de la Pie, 35400 Saint-Malo' },
      organiser: { name: 'Les Jardins partagés', kind: 'association' },
      capacity: 20,
      ...extra,
    });
    const newItem = async (extra: Record<string, unknown> = {}) => {
      const res = await send(`neighbourhoods/${sb.neighbourhoodId}/agenda`, sb.organiserToken, itemBody(extra));
      assert.equal(res.status, 201, await res.clone().text());
      return AgendaItem.parse(await res.json());
    };

    test('the seed has Saint-Malo polls and agenda; results follow their visibility', async () => {
      const polls = page(Poll).parse(await (await read('neighbourhoods/saint-malo-intra-muros/polls')).json());
      const byId = new Map(polls.items.map((p) => [p.id, p]));
      assert.equal(byId.get('sm-poll-marche')!.results!.voterCount, 214);
      assert.equal(byId.get('sm-poll-jardin')!.results, null, 'after_voting: hidden from anonymous readers');
      assert.equal(byId.get('sm-poll-sillon')!.status, 'closed');
      assert.ok(byId.get('sm-poll-sillon')!.results, 'closed: shown');
      assert.equal(byId.get('sm-poll-noel')!.status, 'upcoming');
      const agenda = page(AgendaItem).parse(await (await read('neighbourhoods/saint-malo-intra-muros/agenda')).json());
      assert.deepEqual(
        agenda.items.map((a) => a.id),
        ['sm-ag-repair', 'sm-ag-reunion', 'sm-ag-troc', 'sm-ag-sillon'],
      );
      assert.equal(agenda.items[2]!.remaining, 0);
      const n = await (await read('neighbourhoods/saint-malo-intra-muros')).json();
      assert.equal(n.stats.votesLast30Days, 214 + 63 + 425);
      assert.equal(n.stats.rsvpsLast30Days, 12 + 43 + 15);
    });

    test('only organisers create, edit, close and cancel: 401 anonymous, 403 members and outsiders', async () => {
      const path = `neighbourhoods/${sb.neighbourhoodId}/polls`;
      assert.equal((await send(path, null, pollBody())).status, 401);
      for (const token of [sb.memberToken, sb.outsiderToken]) {
        const res = await send(path, token, pollBody());
        assert.equal(res.status, 403);
        assert.equal((await problemOf(res)).code, 'forbidden');
        assert.equal((await send(`neighbourhoods/${sb.neighbourhoodId}/agenda`, token, itemBody())).status, 403);
      }
      const before = await s.count('polls');
      const poll = await newPoll();
      assert.equal(await s.count('polls'), before + 1);
      assert.deepEqual(
        poll.options.map((o) => o.label),
        ['Square Bouvet', 'Quai Saint-Louis', 'Rue de Dinan'],
      );
      assert.equal(poll.status, 'open');
      assert.equal((await send(`polls/${poll.id}/close`, sb.memberToken)).status, 403);
      assert.equal((await send(`polls/${poll.id}`, sb.voterTokens[0]!, { question: 'Hacked?' })).status, 403);
      const edited = Poll.parse(
        await (await send(`polls/${poll.id}`, sb.organiserToken, { question: 'Où mettre les bancs ?' })).json(),
      );
      assert.equal(edited.question, 'Où mettre les bancs ?');
      const item = await newItem();
      assert.equal((await send(`agenda/${item.id}/cancel`, sb.memberToken)).status, 403);
      assert.equal((await send(`agenda/${item.id}`, sb.memberToken, { title: 'Hacked' })).status, 403);
      const cancelled = AgendaItem.parse(await (await send(`agenda/${item.id}/cancel`, sb.organiserToken)).json());
      assert.equal(cancelled.status, 'cancelled');
      const refused = await send(`agenda/${item.id}/rsvps`, sb.memberToken, { response: 'going' });
      assert.equal(refused.status, 409);
      assert.equal((await problemOf(refused)).code, 'event_cancelled');
    });

    test('bad polls answer 4xx and store nothing', async () => {
      const before = await s.count('polls');
      const path = `neighbourhoods/${sb.neighbourhoodId}/polls`;
      for (const body of [
        pollBody({ options: ['Seule'] }),
        pollBody({ options: Array.from({ length: 13 }, (_, i) => `Option ${i}`) }),
        pollBody({ closesAt: iso(-HOUR) }),
        pollBody({ options: ['Oui', 'oui'] }),
        pollBody({ maxChoices: 2 }),
        pollBody({ organiser: { name: 'X', kind: 'company' } }),
      ]) {
        const res = await send(path, sb.organiserToken, body);
        assert.equal(res.status, 400, `${res.status} for ${JSON.stringify(body).slice(0, 80)}`);
        assert.equal((await problemOf(res)).code, 'validation_failed');
      }
      assert.equal(await s.count('polls'), before);
    });

    test('100 concurrent votes of one member count once; a change moves the vote', async () => {
      const poll = await newPoll({ resultsVisibility: 'always' });
      const token = sb.voterTokens[10]!;
      const answers = await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          send(`polls/${poll.id}/votes`, token, { optionIds: [poll.options[i % 2]!.id] }).then((r) => r.status),
        ),
      );
      assert.ok(
        answers.every((st) => st === 200 || st === 429),
        answers.join(','),
      );
      const after = Poll.parse(await (await read(`polls/${poll.id}`)).json());
      assert.equal(after.voterCount, 1);
      assert.equal(
        after.results!.options.reduce((sum, o) => sum + o.votes, 0),
        1,
      );
      assert.equal(await s.count('poll_ballots', 'poll_id = $1', [poll.id]), 1);
    });

    test('a closed poll refuses votes and counts nothing; single choice, maximum and final votes hold', async () => {
      const poll = await newPoll({ allowChange: false, multiple: true, maxChoices: 2 });
      const token = sb.voterTokens[11]!;
      const tooMany = await send(`polls/${poll.id}/votes`, token, { optionIds: poll.options.map((o) => o.id) });
      assert.equal(tooMany.status, 400);
      const unknown = await send(`polls/${poll.id}/votes`, token, { optionIds: ['nope'] });
      assert.equal(unknown.status, 400);
      const first = MyVote.parse(
        await (await send(`polls/${poll.id}/votes`, token, { optionIds: ['o1', 'o3'] })).json(),
      );
      assert.deepEqual(first.optionIds, ['o1', 'o3']);
      assert.deepEqual(
        first.poll.results!.options.map((o) => o.votes),
        [1, 0, 1],
        'after_voting: the voter sees the counts',
      );
      const again = await send(`polls/${poll.id}/votes`, token, { optionIds: ['o2'] });
      assert.equal(again.status, 409);
      assert.equal((await problemOf(again)).code, 'vote_final');
      assert.equal(Poll.parse(await (await send(`polls/${poll.id}/close`, sb.organiserToken)).json()).status, 'closed');
      const late = await send(`polls/${poll.id}/votes`, sb.voterTokens[12]!, { optionIds: ['o1'] });
      assert.equal(late.status, 409);
      assert.equal((await problemOf(late)).code, 'poll_closed');
      const closed = Poll.parse(await (await read(`polls/${poll.id}`)).json());
      assert.equal(closed.voterCount, 1);
      const upcoming = await newPoll({ opensAt: iso(HOUR) });
      assert.equal(upcoming.status, 'upcoming');
      const early = await send(`polls/${upcoming.id}/votes`, token, { optionIds: ['o1'] });
      assert.equal((await problemOf(early)).code, 'poll_not_open');
    });

    test("a member's token shows their own vote only, never anyone else's choices", async () => {
      const poll = await newPoll({ resultsVisibility: 'after_voting' });
      const [alice, bob] = [sb.voterTokens[20]!, sb.voterTokens[21]!];
      await send(`polls/${poll.id}/votes`, alice, { optionIds: ['o2'] });
      const bobView = MyVote.parse(await (await read(`polls/${poll.id}/votes/mine`, bob)).json());
      assert.deepEqual(bobView.optionIds, []);
      assert.equal(bobView.poll.results, null, 'not voted yet: no counts either');
      assert.equal(bobView.poll.voterCount, 1);
      const text = JSON.stringify(bobView);
      assert.ok(!text.includes('voter-20') && !text.includes('Sandbox voter'), text);
      const aliceView = MyVote.parse(await (await read(`polls/${poll.id}/votes/mine`, alice)).json());
      assert.deepEqual(aliceView.optionIds, ['o2']);
      assert.equal((await read(`polls/${poll.id}/votes/mine`, sb.outsiderToken)).status, 403);
      assert.equal((await read(`polls/${poll.id}/votes/mine`)).status, 401);
    });

    test('100 concurrent RSVPs for 20 places: exactly 20 going, 80 waitlisted; a freed place goes to the first in line', async () => {
      const item = await newItem({ capacity: 20 });
      const answers = await Promise.all(
        sb.voterTokens
          .slice(0, 100)
          .map((token) =>
            send(`agenda/${item.id}/rsvps`, token, { response: 'going' }).then(async (r) =>
              MyRsvp.parse(await r.json()),
            ),
          ),
      );
      assert.equal(answers.filter((a) => a.status === 'going').length, 20);
      assert.equal(answers.filter((a) => a.status === 'waitlisted').length, 80);
      const positions = answers.map((a) => a.waitlistPosition).filter((p): p is number => p !== null);
      assert.deepEqual(
        [...positions].sort((a, b) => a - b),
        Array.from({ length: 80 }, (_, i) => i + 1),
      );
      const after = AgendaItem.parse(await (await read(`agenda/${item.id}`)).json());
      assert.deepEqual([after.going, after.waitlisted, after.remaining], [20, 80, 0]);
      const goer = sb.voterTokens[answers.findIndex((a) => a.status === 'going')]!;
      const firstInLine = sb.voterTokens[answers.findIndex((a) => a.waitlistPosition === 1)]!;
      const left = MyRsvp.parse(await (await send(`agenda/${item.id}/rsvps`, goer, { response: 'not_going' })).json());
      assert.equal(left.status, 'not_going');
      assert.deepEqual([left.item.going, left.item.waitlisted], [20, 79]);
      const promoted = MyRsvp.parse(await (await read(`agenda/${item.id}/rsvps/mine`, firstInLine)).json());
      assert.equal(promoted.status, 'going');
      const grown = AgendaItem.parse(
        await (await send(`agenda/${item.id}`, sb.organiserToken, { capacity: 30 })).json(),
      );
      assert.deepEqual([grown.going, grown.waitlisted, grown.remaining], [30, 69, 0]);
      const shrink = await send(`agenda/${item.id}`, sb.organiserToken, { capacity: 10 });
      assert.equal(shrink.status, 400);
    });

    test('votes and answers arrive live as neighbourhood events, counts only', async () => {
      const poll = await newPoll({ resultsVisibility: 'after_closing' });
      const controller = new AbortController();
      const res = await s.api(`neighbourhoods/${sb.neighbourhoodId}/events`, { signal: controller.signal });
      const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      const next = async (): Promise<NeighbourhoodEvent> => {
        for (;;) {
          const match = /(?:^|\n)data: (.*)\n/.exec(buffer);
          if (match) {
            buffer = buffer.slice(match.index + match[0].length);
            return NeighbourhoodEvent.parse(JSON.parse(match[1]!));
          }
          const { value, done } = await reader.read();
          if (done) throw new Error('stream ended');
          buffer += value;
        }
      };
      try {
        await new Promise((r) => setTimeout(r, 200));
        await send(`polls/${poll.id}/votes`, sb.voterTokens[30]!, { optionIds: ['o1'] });
        const voted = await next();
        assert.equal(voted.type, 'poll.updated');
        assert.ok(voted.type === 'poll.updated');
        assert.equal(voted.poll.voterCount, 1);
        assert.equal(voted.poll.results, null, 'after_closing: the stream does not leak counts');
        const item = await newItem({ capacity: 2 });
        const created = await next();
        assert.ok(created.type === 'agenda.updated' && created.item.id === item.id);
        await send(`agenda/${item.id}/rsvps`, sb.voterTokens[31]!, { response: 'going' });
        const answered = await next();
        assert.ok(answered.type === 'agenda.updated');
        assert.deepEqual([answered.item.going, answered.item.remaining], [1, 1]);
        assert.ok(answered.stats.rsvpsLast30Days >= 1);
      } finally {
        controller.abort();
      }
    });
  });
}
