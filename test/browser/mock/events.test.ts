import { expect, waitUntil } from '@open-wc/testing';
import type { SetupWorker } from 'msw/browser';
import type { CampaignEvent, NeighbourhoodEvent } from '../../../src/contract/index.js';
import {
  CampaignEvent as CampaignEventSchema,
  NeighbourhoodEvent as NeighbourhoodEventSchema,
} from '../../../src/contract/index.js';
import { createMockBackend } from '../../../src/mock/index.js';
import { startMockWorker } from '../../../src/mock/browser.js';
import { BASE, morgane, pledgeBody, postAs, postPledge, SseReader } from './helpers.js';

const backend = createMockBackend();
let worker: SetupWorker;
const readers: SseReader[] = [];

before(async () => {
  worker = await startMockWorker(backend);
});
after(() => worker.stop());
beforeEach(() => backend.reset());
afterEach(async () => {
  await Promise.all(readers.splice(0).map((r) => r.cancel().catch(() => undefined)));
});

async function subscribe(path: string, lastEventId?: string): Promise<SseReader> {
  const res = await fetch(`${BASE}${path}`, { headers: lastEventId ? { 'Last-Event-ID': lastEventId } : {} });
  expect(res.status).to.equal(200);
  expect(res.headers.get('Content-Type')).to.match(/^text\/event-stream/);
  const reader = new SseReader(res);
  readers.push(reader);
  const hello = await reader.next();
  expect(hello.comment).to.equal(true);
  return reader;
}

describe('mock backend: live events', () => {
  it('pushes a pledge.created event to every open stream of the campaign', async () => {
    const a = await subscribe('/campaigns/atelier-ceramique/events');
    const b = await subscribe('/campaigns/atelier-ceramique/events');
    expect(backend.listeners('campaigns/atelier-ceramique')).to.equal(2);

    await postPledge('atelier-ceramique', pledgeBody(25, { rewardId: 'ceramique-tasse' }));
    for (const reader of [a, b]) {
      const message = await reader.nextEvent();
      expect(message.id).to.match(/^\d+$/);
      expect(message.event).to.equal('pledge.created');
      const event = CampaignEventSchema.parse(JSON.parse(message.data)) as CampaignEvent;
      if (event.type !== 'pledge.created') throw new Error(event.type);
      expect(event.totals).to.deep.equal({
        pledged: { amount: 544_500, currency: 'EUR' },
        backerCount: 144,
        waitlistCount: 0,
      });
      expect(event.reward).to.deep.equal({
        id: 'ceramique-tasse',
        remaining: 11,
        backerCount: 39,
        availability: 'available',
      });
      expect(event.backer?.displayName).to.equal('Alix M.');
    }
  });

  it('reaches a stream opened by slug, and leaves other campaigns’ streams quiet', async () => {
    const other = await subscribe('/campaigns/librairie-solidaire/events');
    const reader = await subscribe('/campaigns/atelier-ceramique/events');
    backend.simulatePledge('atelier-ceramique', 1_000);
    expect((await reader.nextEvent()).event).to.equal('pledge.created');
    let quiet = true;
    await other.nextEvent(300).then(
      () => (quiet = false),
      () => undefined,
    );
    expect(quiet).to.equal(true);
  });

  it('replays the events missed after Last-Event-ID', async () => {
    const live = await subscribe('/campaigns/librairie-solidaire/events');
    backend.simulatePledge('librairie-solidaire', 1_000);
    const first = Number((await live.nextEvent()).id);
    backend.simulatePledge('librairie-solidaire', 2_000);
    backend.simulatePledge('librairie-solidaire', 3_000);
    const resumed = await subscribe('/campaigns/librairie-solidaire/events', String(first));
    const [second, third] = [await resumed.nextEvent(), await resumed.nextEvent()];
    expect([second.id, third.id]).to.deep.equal([String(first + 1), String(first + 2)]);
    expect(JSON.parse(third.data).totals.pledged.amount).to.equal(138_000 + 6_000);
    // Then it stays live.
    backend.simulatePledge('librairie-solidaire', 500);
    expect((await resumed.nextEvent()).id).to.equal(String(first + 3));
  });

  it('keeps ids increasing across reset(), so a resuming client never sees an old id again', async () => {
    backend.simulatePledge('librairie-solidaire', 1_000);
    const reader = await subscribe('/campaigns/librairie-solidaire/events', '0');
    const before = Number((await reader.nextEvent()).id);
    backend.reset();
    const after = await subscribe('/campaigns/librairie-solidaire/events');
    backend.simulatePledge('librairie-solidaire', 1_000);
    expect(Number((await after.nextEvent()).id)).to.be.greaterThan(before);
  });

  it('replays what a dropped stream missed to a reconnection with Last-Event-ID', async () => {
    const first = await subscribe('/campaigns/librairie-solidaire/events');
    backend.simulatePledge('librairie-solidaire', 1_000);
    const seen = await first.nextEvent();
    backend.dropStreams('campaigns/librairie-solidaire');
    let ended = false;
    await first.next(1000).catch((e: Error) => (ended = /ended/.test(e.message)));
    expect(ended).to.equal(true);
    expect(backend.listeners('campaigns/librairie-solidaire')).to.equal(0);

    backend.simulatePledge('librairie-solidaire', 2_000); // while nobody listens
    const again = await subscribe('/campaigns/librairie-solidaire/events', seen.id!);
    const missed = await again.nextEvent();
    expect(Number(missed.id)).to.equal(Number(seen.id) + 1);
    expect(JSON.parse(missed.data).totals.pledged.amount).to.equal(138_000 + 3_000);
  });

  // Chromium adds Last-Event-ID to EventSource's own reconnections below the service worker, so
  // msw never sees it there; the Partage client streams over fetch and sends it itself (above).
  it('serves a native EventSource, which reconnects by itself after the stream drops', async () => {
    const received: number[] = [];
    const source = new EventSource(`${BASE}/campaigns/librairie-solidaire/events`);
    source.addEventListener('pledge.created', (e) =>
      received.push(JSON.parse((e as MessageEvent<string>).data).totals.pledged.amount),
    );
    const listening = () => backend.listeners('campaigns/librairie-solidaire') === 1;
    try {
      await waitUntil(listening, 'EventSource never connected', { timeout: 3000 });
      backend.simulatePledge('librairie-solidaire', 1_000);
      await waitUntil(() => received.length === 1, 'first event not received', { timeout: 3000 });
      backend.dropStreams();
      await waitUntil(listening, 'EventSource did not reconnect', { timeout: 8000 });
      backend.simulatePledge('librairie-solidaire', 2_000);
      await waitUntil(() => received.length === 2, 'event after reconnection not received', { timeout: 3000 });
      expect(received).to.deep.equal([138_000 + 1_000, 138_000 + 3_000]);
    } finally {
      source.close();
    }
  });

  it('pushes listing.created and listing.updated to the neighbourhood stream', async () => {
    const reader = await subscribe('/neighbourhoods/saint-malo-intra-muros/events');
    const openBefore = backend.store.findNeighbourhood('saint-malo-intra-muros')!.stats.openListings;
    await postAs(morgane, '/neighbourhoods/saint-malo-intra-muros/listings', {
      kind: 'request',
      type: 'lend',
      category: 'garden',
      title: 'Brouette',
      description: '',
      place: { label: 'Paramé' },
    });
    const created = NeighbourhoodEventSchema.parse(JSON.parse((await reader.nextEvent()).data)) as NeighbourhoodEvent;
    expect(created.type).to.equal('listing.created');
    expect(created.type === 'listing.created' && created.listing.author.displayName).to.equal('Morgane L.');
    expect(created.stats.openListings).to.equal(openBefore + 1);

    await postAs(morgane, '/listings/sm-01/replies', { message: 'Intéressé' });
    const updated = await reader.nextEvent();
    expect(updated.event).to.equal('listing.updated');
    expect(JSON.parse(updated.data).listing.replyCount).to.equal(3);
  });

  it('cuts open streams when the backend goes offline', async () => {
    const reader = await subscribe('/campaigns/atelier-ceramique/events');
    backend.setOffline(true);
    const error = await reader.next(1000).then(
      () => null,
      (e: Error) => e.message,
    );
    expect(error).to.equal('SSE stream ended');
    let reconnect: unknown;
    await fetch(`${BASE}/campaigns/atelier-ceramique/events`).catch((e: unknown) => (reconnect = e));
    expect(reconnect).to.be.instanceOf(TypeError);
  });

  it('answers 404 for the events of an unknown resource', async () => {
    expect((await fetch(`${BASE}/campaigns/ghost/events`)).status).to.equal(404);
    expect((await fetch(`${BASE}/neighbourhoods/ghost/events`)).status).to.equal(404);
  });
});
