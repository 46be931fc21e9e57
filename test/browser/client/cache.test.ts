import { expect } from '@open-wc/testing';
import { delay, http, HttpResponse } from 'msw';
import { createClient } from '../../../src/client/create-client.js';
import { NetworkError } from '../../../src/client/errors.js';
import { startWorker } from '../../support/msw.js';
import { API, sampleCampaign, sampleListing, samplePledgeResult } from './sample.js';

/** A GET /campaigns/c1 handler with an ETag that changes with `version`. */
async function etagServer() {
  const server = { requests: 0, version: 1, ifNoneMatch: [] as (string | null)[] };
  await startWorker(
    http.get(`${API}/campaigns/c1`, async ({ request }) => {
      server.requests++;
      const sent = request.headers.get('If-None-Match');
      server.ifNoneMatch.push(sent);
      const etag = `"v${server.version}"`;
      await delay(20);
      if (sent === etag) return new HttpResponse(null, { status: 304, headers: { ETag: etag } });
      return HttpResponse.json(sampleCampaign({ backerCount: server.version }), { headers: { ETag: etag } });
    }),
  );
  return server;
}

describe('client cache', () => {
  it('shares one request between identical concurrent GETs', async () => {
    const server = await etagServer();
    const client = createClient({ baseUrl: API });
    const [a, b] = await Promise.all([client.getCampaign('c1'), client.getCampaign('c1')]);
    expect(server.requests).to.equal(1);
    expect(a).to.deep.equal(b);
  });

  it('serves a fresh result from cache within the TTL', async () => {
    const server = await etagServer();
    let now = 1000;
    const client = createClient({ baseUrl: API, cacheTtlMs: 5000 }, { now: () => now });
    await client.getCampaign('c1');
    now += 4000;
    await client.getCampaign('c1');
    expect(server.requests).to.equal(1);
  });

  it('revalidates with If-None-Match after the TTL and returns the cached value on 304', async () => {
    const server = await etagServer();
    let now = 1000;
    const client = createClient({ baseUrl: API, cacheTtlMs: 5000 }, { now: () => now });
    const first = await client.getCampaign('c1');
    now += 6000;
    const second = await client.getCampaign('c1');
    expect(server.requests).to.equal(2);
    expect(server.ifNoneMatch).to.deep.equal([null, '"v1"']);
    expect(second).to.deep.equal(first);
    // The 304 made the entry fresh again.
    now += 1000;
    await client.getCampaign('c1');
    expect(server.requests).to.equal(2);
  });

  it('takes the new body when the ETag changed', async () => {
    const server = await etagServer();
    let now = 1000;
    const client = createClient({ baseUrl: API }, { now: () => now });
    expect((await client.getCampaign('c1')).backerCount).to.equal(1);
    server.version = 2;
    now += 6000;
    expect((await client.getCampaign('c1')).backerCount).to.equal(2);
  });

  it('invalidate() forgets cached results', async () => {
    const server = await etagServer();
    const client = createClient({ baseUrl: API });
    await client.getCampaign('c1');
    client.invalidate('/campaigns/c1');
    await client.getCampaign('c1');
    client.invalidate();
    await client.getCampaign('c1');
    expect(server.requests).to.equal(3);
    expect(server.ifNoneMatch).to.deep.equal([null, null, null]);
  });

  it('keys the cache by query, whatever the order of its properties', async () => {
    const urls: string[] = [];
    await startWorker(
      http.get(`${API}/neighbourhoods/n1/listings`, ({ request }) => {
        urls.push(request.url);
        return HttpResponse.json({ items: [sampleListing()], nextCursor: null });
      }),
    );
    const client = createClient({ baseUrl: API });
    await client.listListings('n1', { kind: 'offer', limit: 10 });
    await client.listListings('n1', { limit: 10, kind: 'offer' });
    await client.listListings('n1', { limit: 20, kind: 'offer', q: undefined });
    expect(urls).to.deep.equal([
      `${API}/neighbourhoods/n1/listings?kind=offer&limit=10`,
      `${API}/neighbourhoods/n1/listings?kind=offer&limit=20`,
    ]);
  });

  it('a successful pledge invalidates that campaign, not the others', async () => {
    const hits: Record<string, number> = {};
    await startWorker(
      http.get(`${API}/campaigns/:id`, ({ params }) => {
        const id = params.id as string;
        hits[id] = (hits[id] ?? 0) + 1;
        return HttpResponse.json(sampleCampaign({ id }));
      }),
      http.post(`${API}/campaigns/c1/pledges`, () => HttpResponse.json(samplePledgeResult(), { status: 201 })),
    );
    const client = createClient({ baseUrl: API });
    // One after the other: read together, they would be one batched read (live-hub.test.ts).
    await client.getCampaign('c1');
    await client.getCampaign('c2');
    await client.createPledge(
      'c1',
      { amount: { amount: 2500, currency: 'EUR' }, backer: { name: 'A', email: 'a@example.org' } },
      { idempotencyKey: 'k' },
    );
    await Promise.all([client.getCampaign('c1'), client.getCampaign('c2')]);
    expect(hits).to.deep.equal({ c1: 2, c2: 1 });
  });

  it('one caller aborting does not abort the other sharing the request', async () => {
    const server = await etagServer();
    const client = createClient({ baseUrl: API });
    const controller = new AbortController();
    const a = client.getCampaign('c1', { signal: controller.signal });
    const b = client.getCampaign('c1');
    controller.abort();
    const [ra, rb] = await Promise.allSettled([a, b]);
    expect(ra.status).to.equal('rejected');
    expect((ra as PromiseRejectedResult).reason).to.be.instanceOf(NetworkError);
    expect(rb.status).to.equal('fulfilled');
    expect(server.requests).to.equal(1);
  });

  it('does not cache failures', async () => {
    let requests = 0;
    await startWorker(
      http.get(`${API}/campaigns/c1`, () =>
        ++requests === 1
          ? HttpResponse.json({ type: 'x', title: 'gone', status: 404, code: 'not_found' }, { status: 404 })
          : HttpResponse.json(sampleCampaign()),
      ),
    );
    const client = createClient({ baseUrl: API });
    await client.getCampaign('c1').catch(() => undefined);
    expect((await client.getCampaign('c1')).id).to.equal('c1');
    expect(requests).to.equal(2);
  });
});
