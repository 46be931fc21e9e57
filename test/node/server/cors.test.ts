import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { databases, pledgeBody, pledgeInit, problemOf, startTestServer, type TestServer } from './harness.js';

const BLOG = 'https://blog.example.org';
const PARTNER = 'https://partner.example.net';
const STRANGER = 'https://evil.example.com';

for (const kind of databases) {
  describe(`CORS and write origins (${kind})`, () => {
    let s: TestServer;
    before(async () => {
      s = await startTestServer(kind, { allowedOrigins: [PARTNER] });
    });
    after(() => s.close());

    const backers = (campaignId: string) => s.count('pledges', 'campaign_id = $1', [campaignId]);

    test('public reads answer any origin with *, never with credentials', async () => {
      for (const path of [
        'campaigns',
        'campaigns/atelier-ceramique/rewards',
        'neighbourhoods/rennes-thabor/listings',
      ]) {
        const res = await s.api(path, { headers: { Origin: STRANGER } });
        assert.equal(res.status, 200);
        assert.equal(res.headers.get('access-control-allow-origin'), '*');
        assert.equal(res.headers.get('access-control-allow-credentials'), null);
        assert.match(res.headers.get('access-control-expose-headers') ?? '', /ETag/);
      }
      const missing = await s.api('campaigns/nope', { headers: { Origin: STRANGER } });
      assert.equal(missing.headers.get('access-control-allow-origin'), '*', 'errors are readable too');
    });

    test('preflights allow If-None-Match for reads and the write headers for POST', async () => {
      const read = await s.api('campaigns/atelier-ceramique', {
        method: 'OPTIONS',
        headers: {
          Origin: STRANGER,
          'Access-Control-Request-Method': 'GET',
          'Access-Control-Request-Headers': 'if-none-match',
        },
      });
      assert.equal(read.status, 204);
      assert.equal(read.headers.get('access-control-allow-origin'), '*');
      assert.match(read.headers.get('access-control-allow-headers') ?? '', /If-None-Match/);
      const write = await s.api('campaigns/atelier-ceramique/pledges', {
        method: 'OPTIONS',
        headers: {
          Origin: BLOG,
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'content-type, idempotency-key',
        },
      });
      assert.equal(write.status, 204);
      assert.equal(write.headers.get('access-control-allow-origin'), BLOG);
      assert.match(write.headers.get('access-control-allow-headers') ?? '', /Idempotency-Key/);
      assert.equal(write.headers.get('access-control-allow-credentials'), null);
    });

    test('a pledge from an origin not on any list is refused with a readable 403 and stores nothing', async () => {
      const { campaignId } = await s.sandbox();
      const res = await s.api(
        `campaigns/${campaignId}/pledges`,
        pledgeInit(pledgeBody(), crypto.randomUUID(), { Origin: STRANGER }),
      );
      assert.equal(res.status, 403);
      assert.equal(res.headers.get('access-control-allow-origin'), STRANGER, 'the widget can read why');
      assert.equal((await problemOf(res)).code, 'origin_not_allowed');
      assert.equal(await backers(campaignId), 0);
      assert.equal(await s.count('idempotency_keys'), 0);
      const nullOrigin = await s.api(
        `campaigns/${campaignId}/pledges`,
        pledgeInit(pledgeBody(), crypto.randomUUID(), { Origin: 'null' }),
      );
      assert.equal(nullOrigin.status, 403, 'sandboxed iframes and file:// pages (Origin: null) are refused');
    });

    test('the global list, the server itself and server-to-server calls may pledge', async () => {
      const { campaignId } = await s.sandbox();
      const partner = await s.api(
        `campaigns/${campaignId}/pledges`,
        pledgeInit(pledgeBody(), crypto.randomUUID(), { Origin: PARTNER }),
      );
      assert.equal(partner.status, 201);
      assert.equal(partner.headers.get('access-control-allow-origin'), PARTNER);
      assert.match(partner.headers.get('vary') ?? '', /Origin/);
      const self = await s.api(
        `campaigns/${campaignId}/pledges`,
        pledgeInit(pledgeBody(), crypto.randomUUID(), { Origin: s.origin }),
      );
      assert.equal(self.status, 201, 'the demo pages served by the server itself');
      const server = await s.api(`campaigns/${campaignId}/pledges`, pledgeInit(pledgeBody()));
      assert.equal(server.status, 201, 'no Origin header: not a browser');
      assert.equal(await backers(campaignId), 3);
    });

    test("a campaign's own list allows its blog, for that campaign only", async () => {
      const mine = await s.sandbox();
      const other = await s.sandbox();
      await s.db.query('UPDATE campaigns SET allowed_origins = $2 WHERE id = $1', [mine.campaignId, [BLOG]]);
      const ok = await s.api(
        `campaigns/${mine.campaignId}/pledges`,
        pledgeInit(pledgeBody(), crypto.randomUUID(), { Origin: BLOG }),
      );
      assert.equal(ok.status, 201);
      const refused = await s.api(
        `campaigns/${other.campaignId}/pledges`,
        pledgeInit(pledgeBody(), crypto.randomUUID(), { Origin: BLOG }),
      );
      assert.equal(refused.status, 403);
      assert.equal(await backers(other.campaignId), 0);
    });

    test("a neighbourhood's own list allows board posts, replies and reports from its site", async () => {
      const sb = await s.sandbox();
      const auth = { Authorization: `Bearer ${sb.memberToken}`, 'Content-Type': 'application/json' };
      const listing = {
        kind: 'offer',
        type: 'give',
        category: 'books',
        title: 'Some books',
        description: '',
        place: { label: 'Centre' },
      };
      const refused = await s.api(`neighbourhoods/${sb.neighbourhoodId}/listings`, {
        method: 'POST',
        headers: { ...auth, Origin: BLOG },
        body: JSON.stringify(listing),
      });
      assert.equal(refused.status, 403);
      assert.equal((await problemOf(refused)).code, 'origin_not_allowed');
      assert.equal(await s.count('listings', 'neighbourhood_id = $1', [sb.neighbourhoodId]), 0);
      await s.db.query('UPDATE neighbourhoods SET allowed_origins = $2 WHERE id = $1', [sb.neighbourhoodId, [BLOG]]);
      const posted = await s.api(`neighbourhoods/${sb.neighbourhoodId}/listings`, {
        method: 'POST',
        headers: { ...auth, Origin: BLOG },
        body: JSON.stringify(listing),
      });
      assert.equal(posted.status, 201);
      const { id } = (await posted.json()) as { id: string };
      const reply = await s.api(`listings/${id}/replies`, {
        method: 'POST',
        headers: { ...auth, Origin: BLOG },
        body: JSON.stringify({ message: 'Interested!' }),
      });
      assert.equal(reply.status, 201);
      const me = await s.api('me', { headers: { Authorization: `Bearer ${sb.memberToken}`, Origin: STRANGER } });
      assert.equal(me.status, 403, 'member reads follow the global list');
    });
  });
}
