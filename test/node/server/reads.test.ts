import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Backer, Campaign, Listing, Neighbourhood, RewardTier, page } from '../../../src/contract/index.js';
import { createFixtures } from '../../../src/mock/fixtures/index.js';
import { databases, problemOf, startTestServer, type TestServer } from './harness.js';

const fixtures = createFixtures();

for (const kind of databases) {
  describe(`reads (${kind})`, () => {
    let s: TestServer;
    const site = mkdtempSync(join(tmpdir(), 'partage-static-'));
    before(async () => {
      mkdirSync(join(site, 'demo', 'board'), { recursive: true });
      mkdirSync(join(site, 'dist'));
      writeFileSync(join(site, 'demo', 'index.html'), '<!doctype html><title>Demo</title>');
      writeFileSync(join(site, 'demo', 'board', 'index.html'), '<!doctype html><title>Board</title>');
      writeFileSync(join(site, 'demo', '.env'), 'SECRET=1');
      writeFileSync(join(site, 'dist', 'partage.js'), 'export const x = 1;');
      writeFileSync(join(site, 'secret.txt'), 'outside');
      symlinkSync(join(site, 'secret.txt'), join(site, 'demo', 'link.txt'));
      s = await startTestServer(kind, {
        demoDir: join(site, 'demo'),
        distDir: join(site, 'dist'),
        openapiFile: join(process.cwd(), 'openapi.json'),
      });
    });
    after(() => s.close());

    test('lists the seeded campaigns in fixture order, every one matching the contract', async () => {
      const res = await s.api('campaigns?limit=100');
      assert.equal(res.status, 200);
      const body = page(Campaign).parse(await res.json());
      const seeded = body.items;
      assert.deepEqual(
        seeded.map((c) => c.id),
        fixtures.campaigns.map((c) => c.id),
      );
      const atelier = seeded.find((c) => c.id === 'atelier-ceramique')!;
      const fixture = fixtures.campaigns.find((c) => c.id === 'atelier-ceramique')!;
      assert.deepEqual(
        { ...atelier, updatedAt: '' },
        { ...fixture, updatedAt: '', startsAt: atelier.startsAt, endsAt: atelier.endsAt },
      );
      assert.equal(atelier.pledged.amount, fixture.pledged.amount);
    });

    test('sandbox campaigns and boards stay out of the public lists but answer by id', async () => {
      const sb = await s.sandbox();
      const campaigns = page(Campaign).parse(await (await s.api('campaigns?limit=100')).json()).items;
      assert.ok(!campaigns.some((c) => c.id.startsWith('sbx-')));
      const boards = page(Neighbourhood).parse(await (await s.api('neighbourhoods?limit=100')).json()).items;
      assert.ok(!boards.some((n) => n.id === sb.neighbourhoodId));
      assert.equal((await s.api(`campaigns/${sb.campaignId}`)).status, 200);
      assert.equal((await s.api(`neighbourhoods/${sb.neighbourhoodId}`)).status, 200);
    });

    test('gets a campaign by id and by slug; unknown ids are 404 problem+json', async () => {
      const one = Campaign.parse(await (await s.api('campaigns/mon-petit-placement')).json());
      assert.equal(one.kind, 'equity');
      assert.equal(one.equity?.waitlistCount, 800);
      assert.equal(one.equity?.oversubscribed, true);
      const missing = await s.api('campaigns/no-such-campaign');
      assert.equal(missing.status, 404);
      assert.equal((await problemOf(missing)).code, 'not_found');
    });

    test('filters campaigns by kind and by status as of now', async () => {
      const live = page(Campaign).parse(await (await s.api('campaigns?status=live&limit=100')).json()).items;
      assert.ok(live.length >= 3);
      assert.ok(live.every((c) => c.status === 'live'));
      const equity = page(Campaign).parse(await (await s.api('campaigns?kind=equity')).json()).items;
      assert.ok(equity.every((c) => c.kind === 'equity'));
      assert.ok(equity.some((c) => c.id === 'mon-petit-placement'));
    });

    test('pages with opaque cursors and refuses forged ones', async () => {
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const res: Response = await s.api(`campaigns?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        const p = page(Campaign).parse(await res.json());
        assert.ok(p.items.length <= 2);
        ids.push(...p.items.map((c) => c.id));
        cursor = p.nextCursor;
      } while (cursor);
      assert.equal(new Set(ids).size, ids.length, 'no campaign twice');
      assert.ok(fixtures.campaigns.every((c) => ids.includes(c.id)));
      const forged = await s.api(
        `campaigns?cursor=${Buffer.from('["x; DROP TABLE campaigns"]').toString('base64url')}`,
      );
      assert.equal(forged.status, 400);
      assert.deepEqual(
        (await problemOf(forged)).errors?.map((e) => e.path),
        ['cursor'],
      );
    });

    test('lists rewards cheapest first with derived availability', async () => {
      const tiers = page(RewardTier).parse(await (await s.api('campaigns/atelier-ceramique/rewards')).json()).items;
      assert.deepEqual(
        tiers.map((t) => t.id),
        fixtures.rewards.filter((r) => r.campaignId === 'atelier-ceramique').map((r) => r.id),
      );
      assert.equal(tiers.find((t) => t.id === 'ceramique-bol-atelier')?.availability, 'sold_out');
      assert.equal(tiers.find((t) => t.id === 'ceramique-piece-unique')?.availability, 'unavailable');
    });

    test('lists backers newest first without e-mails, and hides anonymous names and amounts', async () => {
      const backers = page(Backer).parse(
        await (await s.api('campaigns/atelier-ceramique/backers?limit=100')).json(),
      ).items;
      const seeded = fixtures.pledges.filter((p) => p.campaignId === 'atelier-ceramique');
      assert.equal(backers.length, seeded.length);
      assert.deepEqual(
        backers.map((b) => b.id),
        [...seeded].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).map((p) => p.id),
      );
      const anonymous = backers.filter((b) => b.anonymous);
      assert.ok(anonymous.length > 0 && anonymous.every((b) => b.displayName === null && b.amount === null));
      const raw = await (await s.api('campaigns/atelier-ceramique/backers')).text();
      assert.ok(!raw.includes('@'), 'no e-mail address in public backers');
    });

    test('serves neighbourhoods with stats that agree with their boards', async () => {
      const list = page(Neighbourhood).parse(await (await s.api('neighbourhoods')).json()).items;
      const malo = list.find((n) => n.id === 'saint-malo-intra-muros')!;
      const fixture = fixtures.neighbourhoods.find((n) => n.id === malo.id)!;
      assert.deepEqual(malo.stats, fixture.stats);
      const open = page(Listing).parse(
        await (await s.api(`neighbourhoods/${malo.id}/listings?status=open&limit=100`)).json(),
      ).items;
      assert.equal(open.length, malo.stats.openListings);
      const byCity = page(Neighbourhood).parse(await (await s.api('neighbourhoods?city=rennes')).json()).items;
      assert.deepEqual(
        byCity.map((n) => n.id),
        ['rennes-thabor'],
      );
    });

    test('filters and searches listings; LIKE wildcards are literal', async () => {
      const offers = page(Listing).parse(
        await (
          await s.api('neighbourhoods/saint-malo-intra-muros/listings?kind=offer&category=tools&limit=100')
        ).json(),
      ).items;
      assert.ok(offers.length > 0 && offers.every((l) => l.kind === 'offer' && l.category === 'tools'));
      const found = page(Listing).parse(
        await (
          await s.api(`neighbourhoods/saint-malo-intra-muros/listings?q=${encodeURIComponent('perceuse')}`)
        ).json(),
      ).items;
      assert.deepEqual(
        found.map((l) => l.title),
        ['Perceuse à percussion'],
      );
      const wildcard = page(Listing).parse(
        await (await s.api('neighbourhoods/saint-malo-intra-muros/listings?q=%25')).json(),
      ).items;
      assert.equal(wildcard.length, 0, '"%" matches only a literal percent sign');
      const one = fixtures.listings[0]!;
      assert.equal(Listing.parse(await (await s.api(`listings/${one.id}`)).json()).title, one.title);
    });

    test('GETs carry ETag and Cache-Control and answer 304 to If-None-Match', async () => {
      const first = await s.api('campaigns/atelier-ceramique');
      const etag = first.headers.get('etag');
      assert.match(etag ?? '', /^"[\w-]+"$/);
      assert.match(first.headers.get('cache-control') ?? '', /public, max-age=\d+/);
      const again = await s.api('campaigns/atelier-ceramique', { headers: { 'If-None-Match': etag! } });
      assert.equal(again.status, 304);
      assert.equal(await again.text(), '');
      assert.equal(again.headers.get('etag'), etag);
      const weak = await s.api('campaigns/atelier-ceramique', { headers: { 'If-None-Match': `"other", W/${etag}` } });
      assert.equal(weak.status, 304);
      // A pledge changes the representation, so the old ETag no longer matches.
      const { campaignId } = await s.sandbox();
      const before = (await s.api(`campaigns/${campaignId}`)).headers.get('etag')!;
      await s.api(`campaigns/${campaignId}/pledges`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
        body: JSON.stringify({
          amount: { amount: 100, currency: 'EUR' },
          backer: { name: 'A', email: 'a@example.org' },
        }),
      });
      const changed = await s.api(`campaigns/${campaignId}`, { headers: { 'If-None-Match': before } });
      assert.equal(changed.status, 200);
    });

    test('HEAD answers like GET without a body', async () => {
      const res = await s.api('campaigns/atelier-ceramique', { method: 'HEAD' });
      assert.equal(res.status, 200);
      assert.ok(res.headers.get('etag'));
      assert.equal(await res.text(), '');
    });

    test('unknown routes are 404 and wrong methods 405 with Allow, as problem+json', async () => {
      const unknown = await s.api('campaignz');
      assert.equal(unknown.status, 404);
      assert.equal((await problemOf(unknown)).code, 'not_found');
      const wrong = await s.api('campaigns/atelier-ceramique', { method: 'DELETE' });
      assert.equal(wrong.status, 405);
      assert.equal(wrong.headers.get('allow'), 'GET, HEAD, OPTIONS');
      assert.equal((await problemOf(wrong)).code, 'method_not_allowed');
      const put = await s.api('campaigns/atelier-ceramique/pledges', { method: 'PUT' });
      assert.equal(put.status, 405);
      assert.equal(put.headers.get('allow'), 'POST, OPTIONS');
    });

    test('serves the OpenAPI document', async () => {
      const res = await s.api('openapi.json');
      assert.equal(res.status, 200);
      const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown> };
      assert.match(doc.openapi, /^3\.1/);
      assert.ok(doc.paths['/campaigns/{campaignId}/pledges']);
      assert.ok(res.headers.get('etag'));
    });

    test('serves demo and dist files with content types, never outside their folders', async () => {
      const index = await fetch(`${s.origin}/`);
      assert.equal(index.status, 200);
      assert.equal(index.headers.get('content-type'), 'text/html; charset=utf-8');
      assert.match(await index.text(), /<title>Demo/);
      const dir = await fetch(`${s.origin}/board`, { redirect: 'manual' });
      assert.equal(dir.status, 308);
      assert.equal(dir.headers.get('location'), '/board/');
      const js = await fetch(`${s.origin}/dist/partage.js`);
      assert.equal(js.headers.get('content-type'), 'text/javascript; charset=utf-8');
      assert.equal(js.headers.get('access-control-allow-origin'), '*');
      const cached = await fetch(`${s.origin}/dist/partage.js`, {
        headers: { 'If-None-Match': js.headers.get('etag')! },
      });
      assert.equal(cached.status, 304);
      for (const path of [
        '/../secret.txt',
        '/%2e%2e/secret.txt',
        '/%2e%2e%2fsecret.txt',
        '/dist/..%2f..%2fsecret.txt',
        '/.env',
        '/link.txt',
        '/%00',
        '/dist/%E0%A4%A',
      ]) {
        const res = await fetch(`${s.origin}${path}`);
        assert.equal(res.status, 404, path);
        assert.ok(!(await res.text()).includes('outside'), path);
      }
    });
  });
}
