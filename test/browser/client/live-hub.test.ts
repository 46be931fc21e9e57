import { expect, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import type { SetupWorker } from 'msw/browser';
import { createClient } from '../../../src/client/create-client.js';
import { ApiError } from '../../../src/client/errors.js';
import type { LiveState } from '../../../src/client/types.js';
import type { CampaignEvent, NeighbourhoodEvent } from '../../../src/contract/index.js';
import { createMockBackend, type MockBackend } from '../../../src/mock/index.js';
import { startWorker } from '../../support/msw.js';

function recorder<E>() {
  const events: E[] = [];
  const states: LiveState[] = [];
  return { events, states, options: { onEvent: (e: E) => events.push(e), onState: (s: LiveState) => states.push(s) } };
}
const backers = (events: CampaignEvent[]) =>
  events.map((e) => (e.type === 'pledge.created' ? e.totals.backerCount : -1));

/*
 * The page's live hub against the mock backend: one multiplexed stream per backend for every
 * subscription of every client, reopened with the new set without losing events, polling in one
 * request, and per-resource streams on a backend without `/live`. Also the batched campaign reads.
 */
describe('live hub and batched reads', () => {
  // Each test has its own backend host: what a backend lacks is remembered per host and page.
  let api = '';
  let n = 0;
  let backend: MockBackend;
  let worker: SetupWorker;
  let requests: URL[] = [];
  let headers: Headers[] = [];
  const subscriptions: (() => void)[] = [];
  const track = (unsubscribe: () => void) => (subscriptions.push(unsubscribe), unsubscribe);
  const onRequest = ({ request }: { request: Request }) => {
    if (!request.url.startsWith(api)) return;
    requests.push(new URL(request.url));
    headers.push(request.headers);
  };
  const seen = (path: string) => requests.filter((u) => u.pathname === new URL(api).pathname + path);

  beforeEach(async () => {
    api = `https://hub-${++n}.example.test/v1`;
    backend = createMockBackend({ baseUrl: api });
    requests = [];
    headers = [];
    worker = await startWorker(...backend.handlers);
    worker.events.on('request:start', onRequest);
  });
  afterEach(() => {
    subscriptions.splice(0).forEach((unsubscribe) => unsubscribe());
    worker.events.removeListener('request:start', onRequest);
  });

  it('carries every resource of every client of the page on one stream, each event to its own subscribers', async () => {
    const a = createClient({ baseUrl: api });
    const b = createClient({ baseUrl: api });
    const ceramique = recorder<CampaignEvent>();
    const librairie = recorder<CampaignEvent>();
    const ceramiqueToo = recorder<CampaignEvent>();
    const board = recorder<NeighbourhoodEvent>();
    track(a.subscribeCampaign('atelier-ceramique', ceramique.options));
    track(a.subscribeCampaign('librairie-solidaire', librairie.options));
    track(b.subscribeCampaign('atelier-ceramique', ceramiqueToo.options));
    track(b.subscribeNeighbourhood('saint-malo-intra-muros', board.options));
    await waitUntil(() => ceramique.states.includes('open') && board.states.includes('open'), 'open');
    const live = seen('/live');
    expect(live).to.have.length(1);
    expect(live[0]!.searchParams.get('campaigns')).to.equal('atelier-ceramique,librairie-solidaire');
    expect(live[0]!.searchParams.get('neighbourhoods')).to.equal('saint-malo-intra-muros');
    expect(backend.listeners('campaigns/atelier-ceramique')).to.equal(1);

    backend.simulatePledge('librairie-solidaire', 1_000);
    backend.simulateListing('saint-malo-intra-muros');
    await waitUntil(() => librairie.events.length === 1 && board.events.length === 1, 'both events');
    expect(librairie.events[0]!.campaignId).to.equal('librairie-solidaire');
    expect(board.events[0]!.type).to.equal('listing.created');
    backend.simulatePledge('atelier-ceramique', 1_000);
    await waitUntil(() => ceramique.events.length === 1 && ceramiqueToo.events.length === 1, 'shared resource');
    expect(librairie.events).to.have.length(1);
    expect(seen('/live')).to.have.length(1);
    expect(requests.filter((u) => u.pathname.endsWith('/events'))).to.deep.equal([]);
  });

  it('reopens with the new set and resumes from the last position: no event lost in between', async () => {
    let gate!: () => void;
    const held = new Promise<void>((resolve) => (gate = resolve));
    let opened = 0;
    // The second opening waits until an event was published while no stream was listening.
    worker.use(
      http.get(`${api}/live`, async () => {
        if (++opened === 2) await held;
        return undefined;
      }),
    );
    const client = createClient({ baseUrl: api });
    const ceramique = recorder<CampaignEvent>();
    track(client.subscribeCampaign('atelier-ceramique', ceramique.options));
    await waitUntil(() => backend.listeners('campaigns/atelier-ceramique') === 1, 'listening');
    const start = backend.store.findCampaign('atelier-ceramique')!.backerCount;
    backend.simulatePledge('atelier-ceramique', 1_000);
    await waitUntil(() => ceramique.events.length === 1, 'first event');

    const librairie = recorder<CampaignEvent>();
    track(client.subscribeCampaign('librairie-solidaire', librairie.options));
    await waitUntil(() => opened === 2, 'reopening');
    await waitUntil(() => backend.listeners('campaigns/atelier-ceramique') === 0, 'old stream gone');
    backend.simulatePledge('atelier-ceramique', 2_000);
    gate();
    await waitUntil(() => ceramique.events.length === 2, 'the event published in between');
    backend.simulatePledge('librairie-solidaire', 1_000);
    await waitUntil(() => librairie.events.length === 1, 'the new resource');
    expect(backers(ceramique.events)).to.deep.equal([start + 1, start + 2]);
    const live = seen('/live');
    expect(live).to.have.length(2);
    expect(live[1]!.searchParams.get('campaigns')).to.equal('atelier-ceramique,librairie-solidaire');
    const lastEventId = headers[requests.indexOf(live[1]!)]!.get('Last-Event-ID')!;
    // One position per resource, in the stream's order: the campaign it already followed, then the new one.
    expect(lastEventId).to.match(/^\d+,\d*$/);
  });

  it('closes the stream after the last subscriber leaves', async () => {
    const client = createClient({ baseUrl: api });
    const off = client.subscribeCampaign('atelier-ceramique', recorder<CampaignEvent>().options);
    const r = recorder<CampaignEvent>();
    const off2 = client.subscribeCampaign('librairie-solidaire', r.options);
    await waitUntil(() => backend.listeners('campaigns/librairie-solidaire') === 1, 'listening');
    off();
    off2();
    expect(r.states.at(-1)).to.equal('closed');
    await waitUntil(() => backend.listeners('campaigns/atelier-ceramique') === 0, 'stream closed');
    expect(backend.listeners('campaigns/librairie-solidaire')).to.equal(0);
  });

  it('polls every resource in one request where the stream cannot be read', async () => {
    worker.use(http.get(`${api}/live`, () => HttpResponse.json({ not: 'a stream' })));
    const client = createClient({ baseUrl: api, pollIntervalMs: 30 });
    const ceramique = recorder<CampaignEvent>();
    const librairie = recorder<CampaignEvent>();
    track(client.subscribeCampaign('atelier-ceramique', ceramique.options));
    track(client.subscribeCampaign('librairie-solidaire', librairie.options));
    await waitUntil(() => seen('/live/changes').length >= 2, 'polling');
    expect(librairie.states).to.deep.equal(['connecting', 'polling']);
    backend.simulatePledge('librairie-solidaire', 1_000);
    await waitUntil(() => librairie.events.length === 1, 'polled event');
    expect(ceramique.events).to.deep.equal([]);
    for (const url of seen('/live/changes'))
      expect(url.searchParams.get('campaigns')).to.equal('atelier-ceramique,librairie-solidaire');
    // Every round after the first resumes from a cursor with a position for each.
    expect(seen('/live/changes').at(-1)!.searchParams.get('after')).to.match(/^\d+,\d+$/);
    expect(requests.filter((u) => u.pathname.includes('/campaigns/'))).to.deep.equal([]);
  });

  it('uses per-resource streams on a backend without /live, detected once', async () => {
    worker.use(http.get(`${api}/live`, () => new HttpResponse(null, { status: 404 })));
    const client = createClient({ baseUrl: api });
    const ceramique = recorder<CampaignEvent>();
    track(client.subscribeCampaign('atelier-ceramique', ceramique.options));
    track(client.subscribeCampaign('librairie-solidaire', recorder<CampaignEvent>().options));
    await waitUntil(() => seen('/campaigns/librairie-solidaire/events').length === 1, 'own stream');
    await waitUntil(() => backend.listeners('campaigns/atelier-ceramique') === 1, 'own stream too');
    backend.simulatePledge('atelier-ceramique', 1_000);
    await waitUntil(() => ceramique.events.length === 1, 'event');
    expect(ceramique.states).to.deep.equal(['connecting', 'open']);
    track(createClient({ baseUrl: api }).subscribeCampaign('court-metrage-voisins', recorder<CampaignEvent>().options));
    await waitUntil(() => seen('/campaigns/court-metrage-voisins/events').length === 1, 'third');
    expect(seen('/live')).to.have.length(1);
  });

  it('reads the campaigns asked for in one task in one request; the same campaign once; an unknown one alone', async () => {
    const client = createClient({ baseUrl: api });
    const [a, b, c, d] = await Promise.allSettled([
      client.getCampaign('atelier-ceramique'),
      client.getCampaign('librairie-solidaire'),
      client.getCampaign('atelier-ceramique'),
      client.getCampaign('ghost'),
    ]);
    expect(a.status === 'fulfilled' && a.value.slug).to.equal('atelier-ceramique');
    expect(b.status === 'fulfilled' && b.value.slug).to.equal('librairie-solidaire');
    expect(c.status === 'fulfilled' && c.value).to.equal(a.status === 'fulfilled' && a.value);
    expect(d.status === 'rejected' && d.reason instanceof ApiError && d.reason.code).to.equal('not_found');
    expect(requests.map((u) => u.pathname.replace(new URL(api).pathname, '') + u.search)).to.deep.equal([
      '/campaigns?ids=atelier-ceramique%2Clibrairie-solidaire%2Cghost',
      '/campaigns/ghost',
    ]);
    // Each campaign is cached: a widget mounted later reads it without a request.
    await client.getCampaign('librairie-solidaire');
    expect(requests).to.have.length(2);
  });

  it('reads one by one on a backend whose list ignores ids, detected once', async () => {
    // A partner backend without batched reads answers its usual first page.
    worker.use(
      http.get(`${api}/campaigns`, () =>
        HttpResponse.json({ items: backend.store.campaigns.slice(0, 3), nextCursor: 'next' }),
      ),
    );
    const client = createClient({ baseUrl: api });
    const wanted = ['court-metrage-voisins', 'librairie-solidaire'];
    const first = await Promise.all(wanted.map((id) => client.getCampaign(id)));
    expect(first.map((c) => c.slug)).to.deep.equal(wanted);
    const second = await Promise.all(['atelier-ceramique', 'mon-petit-placement'].map((id) => client.getCampaign(id)));
    expect(second.map((c) => c.slug)).to.deep.equal(['atelier-ceramique', 'mon-petit-placement']);
    expect(requests.filter((u) => u.searchParams.has('ids'))).to.have.length(1);
    expect(requests.filter((u) => /\/campaigns\/[^/]+$/.test(u.pathname))).to.have.length(4);
  });
});
