import { expect } from '@open-wc/testing';
import type { SetupWorker } from 'msw/browser';
import { endpoints, type EndpointName } from '../../../src/contract/index.js';
import { createMockBackend } from '../../../src/mock/index.js';
import { startMockWorker } from '../../../src/mock/browser.js';
import { BASE, morgane, newKey, pledgeBody, SseReader } from './helpers.js';

const backend = createMockBackend();
let worker: SetupWorker;

before(async () => {
  worker = await startMockWorker(backend);
});
after(() => worker.stop());
beforeEach(() => backend.reset());

const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', ...headers },
  body: JSON.stringify(body),
});
const member = { Authorization: `Bearer ${morgane}` };
const organiser = { Authorization: 'Bearer demo-organiser-mairie' };
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z');
const mairie = { name: 'Mairie de Saint-Malo', kind: 'municipality' };

/** One valid request per endpoint; the table must name them all. */
const samples: Record<EndpointName, { path: string; init?: RequestInit; after?: () => void }> = {
  listCampaigns: { path: '/campaigns' },
  getCampaign: { path: '/campaigns/mon-petit-placement' },
  listRewards: { path: '/campaigns/atelier-ceramique/rewards' },
  listBackers: { path: '/campaigns/atelier-ceramique/backers' },
  createPledge: {
    path: '/campaigns/atelier-ceramique/pledges',
    init: json(pledgeBody(25), { 'Idempotency-Key': newKey() }),
  },
  campaignEvents: {
    path: '/campaigns/atelier-ceramique/events',
    after: () => backend.simulatePledge('atelier-ceramique', 1_000),
  },
  listNeighbourhoods: { path: '/neighbourhoods' },
  getNeighbourhood: { path: '/neighbourhoods/saint-malo-intra-muros' },
  listListings: { path: '/neighbourhoods/saint-malo-intra-muros/listings?q=velo' },
  createListing: {
    path: '/neighbourhoods/saint-malo-intra-muros/listings',
    init: json(
      {
        kind: 'offer',
        type: 'give',
        category: 'books',
        title: 'Des livres',
        description: '',
        place: { label: 'Paramé' },
      },
      member,
    ),
  },
  neighbourhoodEvents: {
    path: '/neighbourhoods/saint-malo-intra-muros/events',
    after: () => backend.simulateListing('saint-malo-intra-muros'),
  },
  getListing: { path: '/listings/sm-01' },
  createReply: { path: '/listings/sm-01/replies', init: json({ message: 'Intéressée' }, member) },
  createReport: { path: '/listings/sm-01/reports', init: json({ reason: 'other', detail: 'Doublon' }, member) },
  getMe: { path: '/me', init: { headers: member } },
  live: {
    path: '/live?campaigns=atelier-ceramique&neighbourhoods=saint-malo-intra-muros',
    after: () => backend.simulatePledge('atelier-ceramique', 1_000),
  },
  liveChanges: { path: '/live/changes?campaigns=atelier-ceramique,librairie-solidaire&after=0,0' },
  listPolls: { path: '/neighbourhoods/saint-malo-intra-muros/polls?status=open' },
  createPoll: {
    path: '/neighbourhoods/saint-malo-intra-muros/polls',
    init: json(
      {
        question: 'Un nom pour la place ?',
        options: ['Place des Voisins', 'Place du Marché'],
        closesAt: inDays(7),
        organiser: mairie,
      },
      organiser,
    ),
  },
  getPoll: { path: '/polls/sm-poll-marche' },
  updatePoll: { path: '/polls/sm-poll-marche', init: json({ description: 'Précisions.' }, organiser) },
  closePoll: { path: '/polls/sm-poll-marche/close', init: { method: 'POST', headers: organiser } },
  castVote: { path: '/polls/sm-poll-marche/votes', init: json({ optionIds: ['gare'] }, member) },
  getMyVote: { path: '/polls/sm-poll-marche/votes/mine', init: { headers: member } },
  listAgenda: { path: '/neighbourhoods/saint-malo-intra-muros/agenda' },
  createAgendaItem: {
    path: '/neighbourhoods/saint-malo-intra-muros/agenda',
    init: json(
      {
        title: 'Café des voisins',
        startsAt: inDays(2),
        endsAt: inDays(2.1),
        place: { label: 'Place Brevet' },
        organiser: mairie,
        capacity: 10,
      },
      organiser,
    ),
  },
  getAgendaItem: { path: '/agenda/sm-ag-repair' },
  updateAgendaItem: { path: '/agenda/sm-ag-repair', init: json({ capacity: 25 }, organiser) },
  cancelAgendaItem: { path: '/agenda/sm-ag-repair/cancel', init: { method: 'POST', headers: organiser } },
  rsvp: { path: '/agenda/sm-ag-repair/rsvps', init: json({ response: 'going' }, member) },
  getMyRsvp: { path: '/agenda/sm-ag-repair/rsvps/mine', init: { headers: member } },
  visitPartner: {
    path: '/neighbourhoods/saint-malo-intra-muros/partners/koolicar-saint-malo/visit',
    init: { redirect: 'manual' },
  },
  getPartnerVisits: {
    path: '/neighbourhoods/saint-malo-intra-muros/partner-visits',
    init: { headers: organiser },
  },
};

describe('mock backend: contract', () => {
  for (const name of Object.keys(endpoints) as EndpointName[]) {
    it(`${name} answers what the contract promises`, async () => {
      const endpoint = endpoints[name];
      const sample = samples[name];
      const res = await fetch(`${BASE}${sample.path}`, sample.init);
      if ('redirect' in endpoint) {
        // A page cannot read a redirect's Location (the client test does, in Node); it sees one.
        expect(res.type).to.equal('opaqueredirect');
        return;
      }
      expect(res.status).to.equal(endpoint.status);
      let body: unknown;
      if ('stream' in endpoint) {
        const reader = new SseReader(res);
        expect((await reader.next()).comment).to.equal(true);
        sample.after?.();
        body = JSON.parse((await reader.nextEvent()).data);
        await reader.cancel();
      } else {
        expect(res.headers.get('Content-Type')).to.equal('application/json');
        if (endpoint.method === 'GET') expect(res.headers.get('ETag')).to.be.a('string');
        body = await res.json();
      }
      const parsed = endpoint.response.safeParse(body);
      expect(parsed.error?.issues ?? [], JSON.stringify(parsed.error?.issues)).to.deep.equal([]);
    });
  }

  it('serves the fixtures under another base URL too', async () => {
    const other = createMockBackend({ baseUrl: 'https://api.example.test/v2/' });
    worker.use(...other.handlers);
    try {
      const res = await fetch('https://api.example.test/v2/campaigns/atelier-ceramique');
      expect(res.status).to.equal(200);
    } finally {
      worker.resetHandlers();
    }
  });
});
