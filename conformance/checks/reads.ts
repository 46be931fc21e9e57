import { Backer, Campaign, Listing, Neighbourhood, RewardTier, page } from '../../src/contract/index.js';
import { expect, expectProblem, expectShape, expectStatus, needs, type SuiteContext } from '../suite.js';

const enc = encodeURIComponent;

/** Every GET of the contract answers the contract's shapes, pages correctly, and caches by ETag. */
export async function reads(ctx: SuiteContext) {
  const { http } = ctx;
  let campaigns: Campaign[] = [];
  let neighbourhoods: Neighbourhood[] = [];
  const listings: Listing[] = [];

  await ctx.check('GET /campaigns is a page of campaigns', async () => {
    const res = await http.request('campaigns?limit=100');
    expectStatus(res, 200, 'GET /campaigns');
    campaigns = expectShape(page(Campaign), res.json, 'GET /campaigns').items;
    expect(campaigns.length > 0, 'GET /campaigns returned no campaign at all');
  });

  await ctx.check('GET /campaigns pages with limit and nextCursor', async () => {
    const first = await http.request('campaigns?limit=1');
    expectStatus(first, 200, 'GET /campaigns?limit=1');
    const p1 = expectShape(page(Campaign), first.json, 'page 1');
    expect(p1.items.length === 1, `limit=1 returned ${p1.items.length} items`);
    if (campaigns.length < 2) return;
    expect(p1.nextCursor, 'more campaigns exist but nextCursor is null');
    const second = await http.request(`campaigns?limit=1&cursor=${enc(p1.nextCursor)}`);
    expectStatus(second, 200, 'GET /campaigns?cursor=…');
    const p2 = expectShape(page(Campaign), second.json, 'page 2');
    expect(p2.items.length === 1 && p2.items[0]!.id !== p1.items[0]!.id, 'page 2 repeats page 1');
  });

  await ctx.check('GET /campaigns filters by kind and status', async () => {
    for (const [param, value] of [
      ['kind', 'reward'],
      ['status', 'live'],
    ] as const) {
      const res = await http.request(`campaigns?${param}=${value}&limit=100`);
      expectStatus(res, 200, `GET /campaigns?${param}=${value}`);
      const items = expectShape(page(Campaign), res.json, `GET /campaigns?${param}=${value}`).items;
      expect(
        items.every((c) => c[param] === value),
        `?${param}=${value} returned a campaign with another ${param}`,
      );
    }
  });

  await ctx.check('GET /campaigns/{id}, /rewards and /backers for every campaign', async () => {
    for (const c of campaigns.slice(0, 20)) {
      const one = await http.request(`campaigns/${enc(c.id)}`);
      expectStatus(one, 200, `GET /campaigns/${c.id}`);
      expect(
        expectShape(Campaign, one.json, `campaign ${c.id}`).id === c.id,
        `GET /campaigns/${c.id} returned another campaign`,
      );
      const rewards = await http.request(`campaigns/${enc(c.id)}/rewards?limit=100`);
      expectStatus(rewards, 200, `GET /campaigns/${c.id}/rewards`);
      const tiers = expectShape(page(RewardTier), rewards.json, `rewards of ${c.id}`).items;
      expect(
        tiers.every((t) => t.campaignId === c.id),
        `rewards of ${c.id} include another campaign's reward`,
      );
      for (let i = 1; i < tiers.length; i++) {
        expect(tiers[i - 1]!.minimum.amount <= tiers[i]!.minimum.amount, `rewards of ${c.id} are not cheapest first`);
      }
      const backers = await http.request(`campaigns/${enc(c.id)}/backers?limit=20`);
      expectStatus(backers, 200, `GET /campaigns/${c.id}/backers`);
      const list = expectShape(page(Backer), backers.json, `backers of ${c.id}`).items;
      for (const b of list) {
        expect(!('email' in b), `backer ${b.id} exposes an e-mail address`);
        if (b.anonymous) expect(b.displayName === null, `anonymous backer ${b.id} shows a name`);
      }
      for (let i = 1; i < list.length; i++)
        expect(list[i - 1]!.createdAt >= list[i]!.createdAt, `backers of ${c.id} are not newest first`);
    }
  });

  await ctx.check('GET /campaigns/{slug} finds a campaign by slug', async () => {
    const c = campaigns.find((x) => x.slug !== x.id) ?? campaigns[0];
    if (!c) return;
    const res = await http.request(`campaigns/${enc(c.slug)}`);
    expectStatus(res, 200, `GET /campaigns/${c.slug}`);
    expect(expectShape(Campaign, res.json, 'campaign by slug').id === c.id, 'the slug found another campaign');
  });

  await ctx.check('GET /neighbourhoods, /neighbourhoods/{id} and their listings', async () => {
    const res = await http.request('neighbourhoods?limit=100');
    expectStatus(res, 200, 'GET /neighbourhoods');
    neighbourhoods = expectShape(page(Neighbourhood), res.json, 'GET /neighbourhoods').items;
    expect(neighbourhoods.length > 0, 'GET /neighbourhoods returned no neighbourhood');
    for (const n of neighbourhoods.slice(0, 10)) {
      const one = await http.request(`neighbourhoods/${enc(n.id)}`);
      expectStatus(one, 200, `GET /neighbourhoods/${n.id}`);
      expectShape(Neighbourhood, one.json, `neighbourhood ${n.id}`);
      const l = await http.request(`neighbourhoods/${enc(n.id)}/listings?limit=50`);
      expectStatus(l, 200, `GET /neighbourhoods/${n.id}/listings`);
      const items = expectShape(page(Listing), l.json, `listings of ${n.id}`).items;
      expect(
        items.every((x) => x.neighbourhoodId === n.id),
        `listings of ${n.id} include another neighbourhood's`,
      );
      listings.push(...items);
    }
  });

  await ctx.check('GET /neighbourhoods/{id}/listings filters (kind, status, q)', async () => {
    const n = needs(
      neighbourhoods.find((x) => listings.some((l) => l.neighbourhoodId === x.id)),
      'a neighbourhood with listings',
    );
    for (const [query, test] of [
      ['kind=offer', (l: Listing) => l.kind === 'offer'],
      ['status=open', (l: Listing) => l.status === 'open'],
    ] as const) {
      const res = await http.request(`neighbourhoods/${enc(n.id)}/listings?${query}&limit=100`);
      expectStatus(res, 200, `listings?${query}`);
      expect(
        expectShape(page(Listing), res.json, `listings?${query}`).items.every(test),
        `listings?${query} returned non-matching listings`,
      );
    }
    const sample = listings.find((l) => l.neighbourhoodId === n.id)!;
    const word = sample.title.split(/\s+/).find((w) => w.length >= 4) ?? sample.title;
    const res = await http.request(`neighbourhoods/${enc(n.id)}/listings?q=${enc(word)}&limit=100`);
    expectStatus(res, 200, 'listings?q=');
    expect(
      expectShape(page(Listing), res.json, 'listings?q=').items.some((l) => l.id === sample.id),
      `searching "${word}" did not find "${sample.title}"`,
    );
  });

  await ctx.check('GET /listings/{id}', async () => {
    const l = needs(listings[0], 'a listing');
    const res = await http.request(`listings/${enc(l.id)}`);
    expectStatus(res, 200, `GET /listings/${l.id}`);
    expect(
      expectShape(Listing, res.json, `listing ${l.id}`).id === l.id,
      'GET /listings/{id} returned another listing',
    );
  });

  await ctx.check('GETs carry ETag and Cache-Control; If-None-Match answers 304', async () => {
    const c = needs(campaigns[0], 'a campaign');
    for (const path of [`campaigns/${enc(c.id)}`, `campaigns/${enc(c.id)}/rewards`, 'neighbourhoods']) {
      const res = await http.request(path);
      const etag = res.headers.etag;
      expect(etag, `GET ${path} has no ETag`);
      expect(res.headers['cache-control'], `GET ${path} has no Cache-Control`);
      const again = await http.request(path, { headers: { 'If-None-Match': etag } });
      expectStatus(again, 304, `GET ${path} with If-None-Match`);
      expect(again.text === '', `a 304 must not carry a body`);
      const stale = await http.request(path, { headers: { 'If-None-Match': '"not-the-current-etag"' } });
      expectStatus(stale, 200, `GET ${path} with a stale If-None-Match`);
    }
  });

  await ctx.check('public reads answer any origin, without credentials', async () => {
    const c = needs(campaigns[0], 'a campaign');
    const res = await http.request(`campaigns/${enc(c.id)}`, {
      headers: { Origin: 'https://any-blog.conformance.invalid' },
    });
    expectStatus(res, 200, 'GET with a foreign Origin');
    const allow = res.headers['access-control-allow-origin'];
    expect(
      allow === '*' || allow === 'https://any-blog.conformance.invalid',
      `Access-Control-Allow-Origin is "${allow}"`,
    );
    expect(res.headers['access-control-allow-credentials'] !== 'true', 'public reads must not allow credentials');
    const pre = await http.request(`campaigns/${enc(c.id)}`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://any-blog.conformance.invalid',
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'if-none-match',
      },
    });
    expectStatus(pre, [200, 204], 'CORS preflight of a GET');
    expect(pre.headers['access-control-allow-origin'], 'the preflight of a GET does not allow the origin');
  });

  await ctx.check('GET /openapi.json serves an OpenAPI 3.1 document', async () => {
    const res = await http.request('openapi.json');
    expectStatus(res, 200, 'GET /openapi.json');
    const doc = res.json as { openapi?: string; paths?: Record<string, unknown> } | undefined;
    expect(
      typeof doc?.openapi === 'string' && doc.openapi.startsWith('3.1'),
      `openapi is "${doc?.openapi}", expected 3.1.x`,
    );
    expect(doc?.paths && Object.keys(doc.paths).length > 0, 'the document has no paths');
  });

  await ctx.check('unknown ids answer 404 not_found', async () => {
    for (const path of [
      'campaigns/conformance-no-such-campaign',
      'campaigns/conformance-no-such-campaign/rewards',
      'neighbourhoods/conformance-nowhere',
      'listings/conformance-no-listing',
    ]) {
      expectProblem(await http.request(path), 404, 'not_found', `GET /${path}`);
    }
  });
}
