import { expect } from '@open-wc/testing';
import type { SetupWorker } from 'msw/browser';
import { createClient, type PartageClient } from '../../../src/client/create-client.js';
import { ApiError } from '../../../src/client/errors.js';
import { createMockBackend } from '../../../src/mock/index.js';
import { startMockWorker } from '../../../src/mock/browser.js';

/*
 * `createClient` binds the municipality tools like every other operation: polls, votes, agenda,
 * RSVPs, the organisers' writes and the partner visit counts. The same scenario runs against the
 * msw mock backend and against the real reference server (started by the test runner).
 */

interface Target {
  baseUrl: string;
  neighbourhoodId: string;
  memberToken: string;
  organiserToken: string;
}

const inHours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString().replace(/\.\d+Z$/, 'Z');
const mairie = { name: 'Mairie de Saint-Malo', kind: 'municipality' } as const;

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

function scenario(target: () => Target) {
  let client: PartageClient;
  let t: Target;
  beforeEach(() => {
    t = target();
    client = createClient({ baseUrl: t.baseUrl, memberToken: t.memberToken });
  });
  const asOrganiser = () => ({ memberToken: t.organiserToken });

  it('runs a poll: the organiser opens, edits and closes it, a member votes once', async () => {
    const poll = await client.createPoll(
      t.neighbourhoodId,
      {
        question: 'Quel jour pour le marché ?',
        options: ['Samedi', 'Dimanche'],
        closesAt: inHours(48),
        resultsVisibility: 'always',
        organiser: mairie,
      },
      asOrganiser(),
    );
    expect(poll.status).to.equal('open');
    const [saturday] = poll.options;
    const vote = await client.castVote(poll.id, [saturday!.id]);
    expect(vote.optionIds).to.deep.equal([saturday!.id]);
    expect((await client.getMyVote(poll.id)).optionIds).to.deep.equal([saturday!.id]);
    const listed = await client.listPolls(t.neighbourhoodId, { status: 'open' });
    expect(listed.items.map((p) => p.id)).to.include(poll.id);

    const edited = await client.updatePoll(poll.id, { description: 'Place Brevet.' }, asOrganiser());
    expect(edited.description).to.equal('Place Brevet.');
    expect((await client.getPoll(poll.id)).description, 'the cached poll was dropped').to.equal('Place Brevet.');

    expect((await client.closePoll(poll.id, asOrganiser())).status).to.equal('closed');
    expect((await rejection(client.castVote(poll.id, [saturday!.id]))).code).to.equal('poll_closed');
    const closed = await client.getPoll(poll.id);
    expect(closed.voterCount).to.equal(1);
  });

  it('runs an agenda item: created, answered, edited, cancelled', async () => {
    const item = await client.createAgendaItem(
      t.neighbourhoodId,
      {
        title: 'Café des voisins',
        startsAt: inHours(24),
        endsAt: inHours(26),
        place: { label: 'Place Brevet, Saint-Malo' },
        organiser: mairie,
        capacity: 10,
      },
      asOrganiser(),
    );
    expect((await client.rsvp(item.id, { response: 'going' })).status).to.equal('going');
    expect((await client.getMyRsvp(item.id)).status).to.equal('going');
    expect((await client.getAgendaItem(item.id)).going).to.equal(1);
    expect((await client.listAgenda(t.neighbourhoodId)).items.map((i) => i.id)).to.include(item.id);
    expect((await client.updateAgendaItem(item.id, { capacity: 12 }, asOrganiser())).capacity).to.equal(12);
    expect((await client.cancelAgendaItem(item.id, asOrganiser())).status).to.equal('cancelled');
  });

  it("refuses organisers' operations to a member (403 forbidden)", async () => {
    const error = await rejection(
      client.createPoll(t.neighbourhoodId, {
        question: 'Une question ?',
        options: ['Oui', 'Non'],
        closesAt: inHours(24),
        organiser: mairie,
      }),
    );
    expect([error.status, error.code]).to.deep.equal([403, 'forbidden']);
    expect((await rejection(client.getPartnerVisits(t.neighbourhoodId))).code).to.equal('forbidden');
  });

  it('counts a followed partner link in the organiser’s visits', async () => {
    const [partner] = (await client.getNeighbourhood(t.neighbourhoodId)).partnerServices;
    expect(new URL(partner!.url).searchParams.get('utm_source')).to.equal('partage');
    expect(partner!.visitUrl.startsWith(t.baseUrl)).to.equal(true);
    const countOf = async () =>
      (await client.getPartnerVisits(t.neighbourhoodId, asOrganiser())).partners.find(
        (p) => p.partnerId === partner!.id,
      )!.visits;
    const before = await countOf();
    // What a click on the board's link does; a page sees the redirect, not its Location.
    const followed = await fetch(partner!.visitUrl, { redirect: 'manual' });
    expect(followed.type).to.equal('opaqueredirect');
    expect(await countOf()).to.equal(before + 1);
  });
}

describe('client: municipality tools against the mock backend', () => {
  const backend = createMockBackend({ memberRateLimit: null });
  let worker: SetupWorker;
  before(async () => {
    worker = await startMockWorker(backend);
  });
  after(() => worker.stop());
  scenario(() => ({
    baseUrl: backend.baseUrl,
    neighbourhoodId: 'saint-malo-intra-muros',
    memberToken: 'demo-member-morgane',
    organiserToken: 'demo-organiser-mairie',
  }));
});

describe('client: municipality tools against the reference server', function () {
  // The runner starts the server at the first request: seconds on a loaded machine.
  this.timeout(60_000);
  let target: Target;
  before(async () => {
    const { baseUrl } = (await (await fetch('/__reference/base')).json()) as { baseUrl: string };
    const sandbox = (await (await fetch('/__reference/sandbox')).json()) as Omit<Target, 'baseUrl'>;
    target = { ...sandbox, baseUrl };
  });
  scenario(() => target);
});
