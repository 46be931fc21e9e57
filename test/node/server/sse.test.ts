import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { HttpClient, type EventStream, type SseMessage } from '../../../conformance/http.js';
import { CampaignEvent, NeighbourhoodEvent } from '../../../src/contract/index.js';
import { databases, pledgeBody, pledgeInit, startTestServer, type TestServer } from './harness.js';

/** The next real event (skipping nothing: heartbeats are comments, not messages). */
async function next(stream: EventStream, ms = 3_000): Promise<SseMessage> {
  const m = await stream.next(ms);
  assert.ok(m, 'an event arrives');
  return m;
}

const until = async (condition: () => boolean, ms = 2_000) => {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
};

for (const kind of databases) {
  describe(`live events (${kind})`, () => {
    let s: TestServer;
    let http: HttpClient;
    before(async () => {
      s = await startTestServer(kind, { heartbeatMs: 100 });
      http = new HttpClient(s.baseUrl);
    });
    after(async () => {
      http.close();
      await s.close();
    });

    const pledge = (campaignId: string, body: unknown) => s.api(`campaigns/${campaignId}/pledges`, pledgeInit(body));

    test('a pledge arrives once as pledge.created with an id, totals, stock and backer', async () => {
      const { campaignId, limitedRewardId } = await s.sandbox();
      const stream = await http.events(`campaigns/${campaignId}/events`, { Origin: 'https://any-blog.example' });
      try {
        assert.equal(stream.status, 200);
        assert.match(String(stream.headers['content-type']), /^text\/event-stream/);
        assert.equal(stream.headers['access-control-allow-origin'], '*');
        assert.equal(
          (await pledge(campaignId, pledgeBody(250, { rewardId: limitedRewardId, anonymous: true }))).status,
          201,
        );
        const m = await next(stream);
        assert.match(m.id ?? '', /^\d+$/);
        assert.equal(m.event, 'pledge.created');
        const event = CampaignEvent.parse(JSON.parse(m.data));
        assert.ok(event.type === 'pledge.created');
        assert.deepEqual(event.totals, { pledged: { amount: 250, currency: 'EUR' }, backerCount: 1, waitlistCount: 0 });
        assert.deepEqual(event.reward, {
          id: limitedRewardId,
          remaining: 9,
          backerCount: 1,
          availability: 'available',
        });
        assert.deepEqual(
          [event.backer?.anonymous, event.backer?.displayName, event.backer?.amount],
          [true, null, null],
        );
        assert.equal(await stream.next(300), null, 'exactly one event');
        assert.ok(stream.comments.includes('heartbeat'), 'heartbeats keep the stream alive');
      } finally {
        stream.close();
      }
    });

    test('a refused (rolled back) pledge publishes nothing', async () => {
      const { campaignId, limitedRewardId } = await s.sandbox();
      await s.db.query('UPDATE rewards SET remaining = 0 WHERE id = $1', [limitedRewardId]);
      const stream = await http.events(`campaigns/${campaignId}/events`);
      try {
        const events = await s.count('events');
        assert.equal((await pledge(campaignId, pledgeBody(100, { rewardId: limitedRewardId }))).status, 409);
        assert.equal(await stream.next(300), null);
        assert.equal(await s.count('events'), events);
      } finally {
        stream.close();
      }
    });

    test('Last-Event-ID (header or query) resumes with exactly the missed events, in order', async () => {
      const { campaignId } = await s.sandbox();
      const first = await http.events(`campaigns/${campaignId}/events`);
      await pledge(campaignId, pledgeBody(100));
      const seen = await next(first);
      first.close();
      const missed: string[] = [];
      for (let i = 0; i < 3; i++)
        missed.push(((await (await pledge(campaignId, pledgeBody(100 + i))).json()) as { id: string }).id);
      const resumes: { headers: Record<string, string>; path: string }[] = [
        { headers: { 'Last-Event-ID': seen.id! }, path: '' },
        { headers: {}, path: `?lastEventId=${seen.id}` },
      ];
      for (const [i, resume] of resumes.entries()) {
        const stream = await http.events(`campaigns/${campaignId}/events${resume.path}`, resume.headers);
        try {
          const got = [];
          for (let n = 0; n < 3; n++) {
            const event = CampaignEvent.parse(JSON.parse((await next(stream)).data));
            got.push(event.type === 'pledge.created' ? event.backer?.id : null);
          }
          assert.deepEqual(got, missed);
          // Then live events follow (after any replayed from the previous round).
          await pledge(campaignId, pledgeBody(900 + i));
          let live;
          do live = CampaignEvent.parse(JSON.parse((await next(stream)).data));
          while (live.type === 'pledge.created' && live.backer?.amount?.amount !== 900 + i);
        } finally {
          stream.close();
        }
      }
    });

    test('a reached milestone follows the pledge as campaign.updated', async () => {
      const { campaignId } = await s.sandbox();
      await s.db.query("INSERT INTO milestones (campaign_id, position, title, target) VALUES ($1, 0, 'Step', 500)", [
        campaignId,
      ]);
      const stream = await http.events(`campaigns/${campaignId}/events`);
      try {
        await pledge(campaignId, pledgeBody(600));
        assert.equal((await next(stream)).event, 'pledge.created');
        const updated = await next(stream);
        assert.equal(updated.event, 'campaign.updated');
        const event = CampaignEvent.parse(JSON.parse(updated.data));
        assert.ok(event.type === 'campaign.updated' && event.campaign.milestones[0]?.reachedAt);
      } finally {
        stream.close();
      }
    });

    test('neighbourhood events: listing.created, then listing.updated on a reply', async () => {
      const sb = await s.sandbox();
      const auth = { Authorization: `Bearer ${sb.memberToken}`, 'Content-Type': 'application/json' };
      const stream = await http.events(`neighbourhoods/${sb.neighbourhoodId}/events`);
      try {
        const listing = {
          kind: 'offer',
          type: 'lend',
          category: 'garden',
          title: 'Une brouette',
          description: '',
          place: { label: 'Centre' },
        };
        const created = (await (
          await s.api(`neighbourhoods/${sb.neighbourhoodId}/listings`, {
            method: 'POST',
            headers: auth,
            body: JSON.stringify(listing),
          })
        ).json()) as { id: string };
        const first = NeighbourhoodEvent.parse(JSON.parse((await next(stream)).data));
        assert.ok(first.type === 'listing.created');
        assert.deepEqual([first.type, first.listing.id, first.stats.openListings], ['listing.created', created.id, 1]);
        await s.api(`listings/${created.id}/replies`, {
          method: 'POST',
          headers: auth,
          body: JSON.stringify({ message: 'Dispo samedi ?' }),
        });
        const second = NeighbourhoodEvent.parse(JSON.parse((await next(stream)).data));
        assert.ok(second.type === 'listing.updated');
        assert.deepEqual([second.type, second.listing.replyCount], ['listing.updated', 1]);
      } finally {
        stream.close();
      }
    });

    test('closing the connection unsubscribes; unknown resources are 404 problem+json', async () => {
      const { campaignId } = await s.sandbox();
      await until(() => s.app.hub.streamCount === 0);
      const a = await http.events(`campaigns/${campaignId}/events`);
      const b = await http.events(`campaigns/${campaignId}/events`);
      await until(() => s.app.hub.streamCount === 1);
      a.close();
      b.close();
      await until(() => s.app.hub.streamCount === 0);
      const missing = await s.api('campaigns/no-such/events');
      assert.equal(missing.status, 404);
      assert.match(missing.headers.get('content-type') ?? '', /problem\+json/);
    });
  });
}

if (process.env.DATABASE_URL) {
  describe('live events across server processes (postgres, LISTEN/NOTIFY)', () => {
    let a: TestServer;
    let b: TestServer;
    let http: HttpClient;
    before(async () => {
      a = await startTestServer('postgres');
      // A second server on the same database (schema), as a second process would be.
      b = await startTestServer('postgres', {
        schema: (await a.db.query<{ s: string }>('SELECT current_schema() AS s')).rows[0]!.s,
      });
      http = new HttpClient(b.baseUrl);
    });
    after(async () => {
      http.close();
      await b.close();
      await a.close();
    });

    test('a pledge made on one server reaches subscribers of the other', async () => {
      const { campaignId } = await a.sandbox();
      const stream = await http.events(`campaigns/${campaignId}/events`);
      try {
        const res = await a.api(`campaigns/${campaignId}/pledges`, pledgeInit(pledgeBody(4_200)));
        assert.equal(res.status, 201);
        const event = CampaignEvent.parse(JSON.parse((await next(stream)).data));
        assert.ok(event.type === 'pledge.created' && event.totals.pledged.amount === 4_200);
      } finally {
        stream.close();
      }
    });
  });
}
