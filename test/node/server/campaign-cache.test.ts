import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { Campaign } from '../../../src/contract/index.js';
import { openDb, type Db } from '../../../server/db/db.js';
import { migrate } from '../../../server/db/migrate.js';
import { seedIfEmpty } from '../../../server/db/seed.js';
import { CampaignCache } from '../../../server/store/campaign-cache.js';
import { databases, pledgeBody, pledgeInit, startTestServer, type TestServer } from './harness.js';

/** Reads until `ok` accepts the campaign (a NOTIFY travels through the database), at most 15 s. */
async function eventually(read: () => Promise<Campaign>, ok: (c: Campaign) => boolean): Promise<Campaign> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const c = await read();
    if (ok(c) || Date.now() > deadline) return c;
    await sleep(50);
  }
}

for (const kind of databases) {
  describe(`kept campaign reads (${kind})`, () => {
    let s: TestServer;
    before(async () => {
      s = await startTestServer(kind);
    });
    after(() => s.close());

    const read = async (ref: string) => Campaign.parse(await (await s.api(`campaigns/${ref}`)).json());
    const pledge = async (ref: string, amount: number) => {
      const res = await s.api(`campaigns/${ref}/pledges`, pledgeInit(pledgeBody(amount)));
      assert.equal(res.status, 201, await res.clone().text());
    };

    test('a read is kept: same bytes and ETag, 304 on revalidation', async () => {
      const { campaignId } = await s.sandbox();
      const first = await s.api(`campaigns/${campaignId}`);
      const second = await s.api(`campaigns/${campaignId}`);
      assert.equal(first.headers.get('etag'), second.headers.get('etag'));
      assert.equal(await first.text(), await second.text());
      assert.ok(s.app.campaigns.size > 0, 'the read is kept');
      const again = await s.api(`campaigns/${campaignId}`, {
        headers: { 'If-None-Match': first.headers.get('etag')! },
      });
      assert.equal(again.status, 304);
    });

    test('a read after a pledge’s answer shows the pledge, by id and by slug', async () => {
      const { campaignId } = await s.sandbox();
      const { slug } = await read(campaignId);
      const etag = (await s.api(`campaigns/${slug}`)).headers.get('etag');
      await pledge(slug, 700);
      assert.equal((await read(campaignId)).pledged.amount, 700);
      assert.equal((await read(slug)).pledged.amount, 700);
      assert.notEqual((await s.api(`campaigns/${slug}`)).headers.get('etag'), etag);
    });

    test('reads racing concurrent pledges never show fewer pledges than were answered', async () => {
      const { campaignId } = await s.sandbox();
      let answered = 0;
      await Promise.all(
        Array.from({ length: 20 }, async () => {
          await pledge(campaignId, 100);
          const atLeast = ++answered * 100;
          const [a, b] = await Promise.all([read(campaignId), read(campaignId)]);
          assert.ok(a.pledged.amount >= atLeast, `${a.pledged.amount} < ${atLeast}`);
          assert.ok(b.pledged.amount >= atLeast, `${b.pledged.amount} < ${atLeast}`);
        }),
      );
      assert.equal((await read(campaignId)).pledged.amount, 2_000);
    });

    test('an operator’s UPDATE and a new milestone reach kept reads (trigger and NOTIFY)', async () => {
      const { campaignId } = await s.sandbox();
      await read(campaignId);
      await s.db.query(
        `UPDATE campaigns SET content = (content::jsonb || jsonb_build_object('title', 'Renamed'::text))::json WHERE id = $1`,
        [campaignId],
      );
      assert.equal(
        (
          await eventually(
            () => read(campaignId),
            (c) => c.title === 'Renamed',
          )
        ).title,
        'Renamed',
      );
      await s.db.query("INSERT INTO milestones (campaign_id, position, title, target) VALUES ($1, 0, 'Step', 500)", [
        campaignId,
      ]);
      const c = await eventually(
        () => read(campaignId),
        (c) => c.milestones.length === 1,
      );
      assert.deepEqual(
        c.milestones.map((m) => m.title),
        ['Step'],
      );
    });

    test('a pledge reaching a milestone (the full transaction) shows at once', async () => {
      const { campaignId } = await s.sandbox();
      await s.db.query("INSERT INTO milestones (campaign_id, position, title, target) VALUES ($1, 0, 'Step', 500)", [
        campaignId,
      ]);
      await eventually(
        () => read(campaignId),
        (c) => c.milestones.length === 1,
      );
      await pledge(campaignId, 600);
      const c = await read(campaignId);
      assert.equal(c.pledged.amount, 600);
      assert.ok(c.milestones[0]!.reachedAt, 'the milestone has its date');
    });
  });
}

describe('kept campaign reads without a listening connection', () => {
  let db: Db;
  let lost: () => void = () => undefined;
  let back: () => void = () => undefined;
  let cache: CampaignCache;
  before(async () => {
    db = await openDb();
    await migrate(db);
    await seedIfEmpty(db);
    // The real database, with a listening connection the test can lose and bring back.
    const controlled: Db = {
      ...db,
      listen: async (channel, fn, onReconnect, onLost) => {
        lost = onLost!;
        back = onReconnect!;
        return db.listen(channel, fn);
      },
    };
    cache = new CampaignCache(controlled, 'partage_events');
    await cache.start();
  });
  after(async () => {
    await cache.close();
    await db.close();
  });

  test('keeps nothing while lost, drops everything when back', async () => {
    const now = new Date();
    assert.ok(await cache.get('atelier-ceramique', now));
    assert.equal(cache.size, 1);
    lost();
    assert.equal(cache.size, 0, 'dropped when the connection is lost');
    assert.ok(await cache.get('atelier-ceramique', now), 'still answered from the database');
    assert.equal(cache.size, 0, 'but not kept');
    back();
    await cache.get('atelier-ceramique', now);
    assert.equal(cache.size, 1);
  });

  test('a read that ran while the campaign changed is answered but not kept', async () => {
    cache.clear();
    const reading = cache.get('atelier-ceramique', new Date());
    cache.invalidate('atelier-ceramique');
    assert.ok(await reading);
    assert.equal(cache.size, 0);
  });

  test('an entry serves only within the phase it was read in (the status follows the clock)', async () => {
    const now = new Date();
    const kept = (await cache.get('atelier-ceramique', now))!;
    assert.equal(await cache.get('atelier-ceramique', now), kept, 'served from the cache');
    const ended = new Date(Date.parse(kept.campaign.endsAt) + 1_000);
    const later = (await cache.get('atelier-ceramique', ended))!;
    assert.notEqual(later, kept);
    assert.notEqual(later.campaign.status, 'live');
  });
});
