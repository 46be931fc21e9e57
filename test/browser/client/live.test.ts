import { expect, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { createClient } from '../../../src/client/create-client.js';
import type { LiveState } from '../../../src/client/types.js';
import type { CampaignEvent, NeighbourhoodEvent } from '../../../src/contract/index.js';
import { startWorker } from '../../support/msw.js';
import { instantTiming, sampleCampaign, sampleListing, sampleNeighbourhood } from './sample.js';

/** A text/event-stream response the test writes to as it goes. */
function eventStream() {
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const stream = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
  return {
    response: new HttpResponse(stream, {
      headers: { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' },
    }),
    send: (text: string) => controller.enqueue(encoder.encode(text)),
    close: () => controller.close(),
  };
}

const pledgeEvent = (backerCount: number): CampaignEvent => ({
  type: 'pledge.created',
  campaignId: 'c1',
  totals: { pledged: { amount: 1000 * backerCount, currency: 'EUR' }, backerCount, waitlistCount: 0 },
  reward: null,
  backer: null,
});
const sse = (data: unknown, id?: string) =>
  `${id ? `id: ${id}\n` : ''}event: ${(data as { type?: string }).type ?? 'message'}\ndata: ${JSON.stringify(data)}\n\n`;

function recorder<E>() {
  const events: E[] = [];
  const states: LiveState[] = [];
  return { events, states, options: { onEvent: (e: E) => events.push(e), onState: (s: LiveState) => states.push(s) } };
}

/*
 * These tests follow one resource on a backend without the multiplexed `/live` stream (a partner
 * backend): the client then uses the resource's own stream and polling, as before `/live`.
 * test/browser/client/live-hub.test.ts covers the multiplexed stream.
 */
describe('client live updates on per-resource streams', () => {
  // Each test gets its own API host: a request a finished test left in flight reaches the
  // worker after the handlers changed, and must not be counted by the next test.
  let api = '';
  let n = 0;
  const subscriptions: (() => void)[] = [];
  beforeEach(() => {
    api = `https://live-${++n}.example.test/v1`;
  });
  // A failed assertion must not leave a stream running into the next test.
  afterEach(() => subscriptions.splice(0).forEach((unsubscribe) => unsubscribe()));
  /** The test's handlers on a backend that has no `/live`. */
  const backendWithout = (...handlers: Parameters<typeof startWorker>) =>
    startWorker(
      http.get(`${api}/live`, () => new HttpResponse(null, { status: 404 })),
      ...handlers,
    );
  const track = (unsubscribe: () => void) => {
    subscriptions.push(unsubscribe);
    return unsubscribe;
  };

  it('delivers valid events, drops invalid ones, and reports its states', async () => {
    let request: Request | undefined;
    const stream = eventStream();
    await backendWithout(
      http.get(`${api}/campaigns/c1/events`, ({ request: r }) => {
        request = r;
        return stream.response;
      }),
    );
    const client = createClient({ baseUrl: api });
    const r = recorder<CampaignEvent>();
    const unsubscribe = track(client.subscribeCampaign('c1', r.options));
    await waitUntil(() => r.states.includes('open'), 'stream opened');
    stream.send(': heartbeat\n\n');
    stream.send(sse(pledgeEvent(1), '1'));
    stream.send(
      sse(
        { ...pledgeEvent(2), totals: { pledged: { amount: '12', currency: 'EUR' }, backerCount: 2, waitlistCount: 0 } },
        '2',
      ),
    );
    stream.send('id: 3\ndata: not json\n\n');
    stream.send(sse({ type: 'campaign.updated', campaignId: 'c1', campaign: sampleCampaign() }, '4'));
    await waitUntil(() => r.events.length === 2, 'two valid events');
    expect(r.events[0]).to.deep.equal(pledgeEvent(1));
    expect(r.events[1]!.type).to.equal('campaign.updated');
    expect(r.states).to.deep.equal(['connecting', 'open']);
    expect(request!.credentials).to.equal('omit');
    expect(request!.headers.get('Accept')).to.equal('text/event-stream');
    expect(request!.headers.get('Last-Event-ID')).to.equal(null);
    unsubscribe();
    expect(r.states.at(-1)).to.equal('closed');
  });

  it('reconnects after a dropped stream and resumes with Last-Event-ID', async () => {
    const lastIds: (string | null)[] = [];
    const second = eventStream();
    await backendWithout(
      http.get(`${api}/campaigns/c1/events`, ({ request }) => {
        lastIds.push(request.headers.get('Last-Event-ID'));
        if (lastIds.length === 1) {
          const first = eventStream();
          first.send(sse(pledgeEvent(1), '41'));
          first.send(sse(pledgeEvent(2), '42'));
          first.close();
          return first.response;
        }
        return second.response;
      }),
    );
    const { timing, sleeps } = instantTiming(0.5);
    const client = createClient({ baseUrl: api, retryBaseMs: 200 }, timing);
    const r = recorder<CampaignEvent>();
    const unsubscribe = track(client.subscribeCampaign('c1', r.options));
    await waitUntil(() => lastIds.length === 2, 'reconnected');
    second.send(sse(pledgeEvent(3), '43'));
    await waitUntil(() => r.events.length === 3, 'three events');
    expect(lastIds).to.deep.equal([null, '42']);
    expect(r.events.map((e) => (e.type === 'pledge.created' ? e.totals.backerCount : 0))).to.deep.equal([1, 2, 3]);
    expect(r.states).to.deep.equal(['connecting', 'open', 'reconnecting', 'open']);
    // Jittered backoff: the healthy stream reset the attempt count, so random(0, 200) = 100.
    expect(sleeps).to.deep.equal([100]);
    unsubscribe();
  });

  it('backs off with growing, capped, jittered delays while the stream keeps failing', async () => {
    let requests = 0;
    await backendWithout(
      http.get(`${api}/campaigns/c1/events`, () => {
        requests++;
        return HttpResponse.json({ type: 'x', title: 'down', status: 503, code: 'http_503' }, { status: 503 });
      }),
    );
    const { timing, sleeps } = instantTiming(1);
    const client = createClient({ baseUrl: api, retryBaseMs: 100 }, { ...timing, maxBackoffMs: 500 });
    const r = recorder<CampaignEvent>();
    const unsubscribe = track(client.subscribeCampaign('c1', r.options));
    await waitUntil(() => sleeps.length >= 5, 'five reconnection delays');
    unsubscribe();
    expect(sleeps.slice(0, 5)).to.deep.equal([100, 200, 400, 500, 500]);
    expect(r.states[0]).to.equal('connecting');
    expect(r.states).to.include('reconnecting');
    expect(r.states).not.to.include('polling');
    expect(requests).to.be.greaterThanOrEqual(5);
  });

  it('waits as long as Retry-After asks before reconnecting', async () => {
    await backendWithout(
      http.get(`${api}/campaigns/c1/events`, () =>
        HttpResponse.json(
          { type: 'x', title: 'busy', status: 503, code: 'http_503' },
          { status: 503, headers: { 'Retry-After': '7' } },
        ),
      ),
    );
    const { timing, sleeps } = instantTiming();
    const client = createClient({ baseUrl: api }, timing);
    const r = recorder<CampaignEvent>();
    track(client.subscribeCampaign('c1', r.options));
    await waitUntil(() => sleeps.length >= 2, 'two waits');
    expect(sleeps.slice(0, 2)).to.deep.equal([7000, 7000]);
  });

  it('reopens a stream that went silent (no event, no heartbeat)', async () => {
    let requests = 0;
    await backendWithout(
      http.get(`${api}/campaigns/c1/events`, () => {
        requests++;
        return eventStream().response;
      }),
    );
    const { timing } = instantTiming();
    const client = createClient({ baseUrl: api }, { ...timing, streamIdleMs: 150 });
    const r = recorder<CampaignEvent>();
    const unsubscribe = track(client.subscribeCampaign('c1', r.options));
    await waitUntil(() => requests === 2, 'reopened after silence');
    expect(r.states.slice(0, 3)).to.deep.equal(['connecting', 'open', 'reconnecting']);
    unsubscribe();
  });

  it('polls when fetch cannot stream a response body', async () => {
    await backendWithout(http.get(`${api}/campaigns/c1`, () => HttpResponse.json(sampleCampaign())));
    // A fetch without streaming bodies (old engines, some polyfills) answers with body null.
    const fetchWithoutStreams: typeof fetch = (input, init) =>
      String(input).endsWith('/events')
        ? Promise.resolve({
            ok: true,
            status: 200,
            headers: new Headers({ 'Content-Type': 'text/event-stream' }),
            body: null,
          } as Response)
        : fetch(input, init);
    const client = createClient({ baseUrl: api, pollIntervalMs: 30, fetch: fetchWithoutStreams });
    const r = recorder<CampaignEvent>();
    const unsubscribe = track(client.subscribeCampaign('c1', r.options));
    await waitUntil(() => r.events.length === 1, 'polled');
    expect(r.states).to.deep.equal(['connecting', 'polling']);
    unsubscribe();
  });

  it('shares one stream between subscribers and closes it after the last one leaves', async () => {
    let requests = 0;
    const streams: ReturnType<typeof eventStream>[] = [];
    await backendWithout(
      http.get(`${api}/campaigns/c1/events`, () => {
        requests++;
        const s = eventStream();
        streams.push(s);
        return s.response;
      }),
    );
    const client = createClient({ baseUrl: api });
    const a = recorder<CampaignEvent>();
    const b = recorder<CampaignEvent>();
    const offA = track(client.subscribeCampaign('c1', a.options));
    const offB = track(client.subscribeCampaign('c1', b.options));
    await waitUntil(() => a.states.includes('open') && b.states.includes('open'), 'both open');
    streams[0]!.send(sse(pledgeEvent(1), '1'));
    await waitUntil(() => a.events.length === 1 && b.events.length === 1, 'both received');
    expect(requests).to.equal(1);
    offA();
    streams[0]!.send(sse(pledgeEvent(2), '2'));
    await waitUntil(() => b.events.length === 2, 'b still receives');
    expect(a.events).to.have.length(1);
    offB();
    // The shared stream is gone: a new subscriber opens a new one.
    const c = recorder<CampaignEvent>();
    const offC = track(client.subscribeCampaign('c1', c.options));
    await waitUntil(() => requests === 2, 'a fresh stream');
    offC();
  });

  it('falls back to polling the campaign when the stream endpoint answers 404', async () => {
    let backers = 1;
    let reads = 0;
    const etags: (string | null)[] = [];
    await backendWithout(
      http.get(`${api}/campaigns/c1/events`, () =>
        HttpResponse.json({ type: 'x', title: 'Not found', status: 404, code: 'not_found' }, { status: 404 }),
      ),
      http.get(`${api}/campaigns/c1`, ({ request }) => {
        reads++;
        etags.push(request.headers.get('If-None-Match'));
        const etag = `"b${backers}"`;
        if (request.headers.get('If-None-Match') === etag)
          return new HttpResponse(null, { status: 304, headers: { ETag: etag } });
        return HttpResponse.json(sampleCampaign({ backerCount: backers }), { headers: { ETag: etag } });
      }),
    );
    const client = createClient({ baseUrl: api, pollIntervalMs: 30 });
    const r = recorder<CampaignEvent>();
    const unsubscribe = track(client.subscribeCampaign('c1', r.options));
    await waitUntil(() => r.events.length === 1, 'first snapshot');
    expect(r.states).to.deep.equal(['connecting', 'polling']);
    const first = r.events[0]!;
    expect(first.type).to.equal('campaign.updated');
    expect(first.type === 'campaign.updated' && first.campaign.backerCount).to.equal(1);
    await waitUntil(() => reads >= 3, 'more rounds');
    // Unchanged rounds were 304s and produced no event.
    expect(r.events).to.have.length(1);
    expect(etags.slice(1, 3)).to.deep.equal(['"b1"', '"b1"']);
    backers = 2;
    await waitUntil(() => r.events.length === 2, 'the change');
    const second = r.events[1]!;
    expect(second.type === 'campaign.updated' && second.campaign.backerCount).to.equal(2);
    unsubscribe();
    // A round already in flight may still reach the handler; after that, polling has stopped.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const after = reads;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(reads).to.equal(after);
  });

  it('falls back to polling when the answer is not an event stream', async () => {
    await backendWithout(
      http.get(`${api}/campaigns/c1/events`, () => HttpResponse.json({ hello: 'proxy' })),
      http.get(`${api}/campaigns/c1`, () => HttpResponse.json(sampleCampaign())),
    );
    const client = createClient({ baseUrl: api, pollIntervalMs: 30 });
    const r = recorder<CampaignEvent>();
    const unsubscribe = track(client.subscribeCampaign('c1', r.options));
    await waitUntil(() => r.events.length === 1, 'polled');
    expect(r.states).to.deep.equal(['connecting', 'polling']);
    unsubscribe();
  });

  it('polls a neighbourhood and synthesises listing.created for new listings', async () => {
    let items = [sampleListing({ id: 'l1' })];
    await backendWithout(
      http.get(`${api}/neighbourhoods/n1/events`, () => new HttpResponse(null, { status: 501 })),
      http.get(`${api}/neighbourhoods/n1/listings`, () => HttpResponse.json({ items, nextCursor: null })),
      http.get(`${api}/neighbourhoods/n1`, () => HttpResponse.json(sampleNeighbourhood())),
    );
    const client = createClient({ baseUrl: api, pollIntervalMs: 30 });
    const r = recorder<NeighbourhoodEvent>();
    const unsubscribe = track(client.subscribeNeighbourhood('n1', r.options));
    await waitUntil(() => r.states.includes('polling'), 'polling');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(r.events, 'existing listings are not news').to.deep.equal([]);
    items = [sampleListing({ id: 'l3', title: 'Tondeuse' }), sampleListing({ id: 'l2', title: 'Escabeau' }), ...items];
    await waitUntil(() => r.events.length === 2, 'two new listings');
    expect(r.events.map((e) => [e.type, 'listing' in e ? e.listing.id : null])).to.deep.equal([
      ['listing.created', 'l2'],
      ['listing.created', 'l3'],
    ]);
    expect(r.events[0]!.stats.members).to.equal(120);
    items = [sampleListing({ id: 'l3', title: 'Tondeuse', status: 'reserved' }), ...items.slice(1)];
    await waitUntil(() => r.events.length === 3, 'an update');
    expect(r.events[2]!.type).to.equal('listing.updated');
    unsubscribe();
  });
});
