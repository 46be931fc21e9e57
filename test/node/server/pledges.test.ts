import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Campaign, PledgeResult, RewardTier, page } from '../../../src/contract/index.js';
import { databases, pledgeBody, pledgeInit, problemOf, startTestServer, type TestServer } from './harness.js';

for (const kind of databases) {
  describe(`pledges (${kind})`, () => {
    let s: TestServer;
    let clock = Date.now();
    before(async () => {
      s = await startTestServer(kind, { now: () => new Date(clock) });
    });
    after(() => s.close());

    const campaign = async (id: string) => Campaign.parse(await (await s.api(`campaigns/${id}`)).json());
    const reward = async (campaignId: string, id: string) =>
      page(RewardTier)
        .parse(await (await s.api(`campaigns/${campaignId}/rewards`)).json())
        .items.find((r) => r.id === id)!;
    const post = (
      campaignId: string,
      body: unknown,
      key: string | null = crypto.randomUUID(),
      headers: Record<string, string> = {},
    ) => s.api(`campaigns/${campaignId}/pledges`, pledgeInit(body, key, headers));

    test('a pledge is confirmed, moves the totals and appears first among the backers', async () => {
      const { campaignId } = await s.sandbox();
      const res = await post(campaignId, pledgeBody(2_500, { message: '  Bravo !  ', anonymous: false }));
      assert.equal(res.status, 201);
      assert.equal(res.headers.get('cache-control'), 'no-store');
      const result = PledgeResult.parse(await res.json());
      assert.equal(result.status, 'confirmed');
      assert.deepEqual(result.amount, { amount: 2_500, currency: 'EUR' });
      const c = await campaign(campaignId);
      assert.equal(c.pledged.amount, 2_500);
      assert.equal(c.backerCount, 1);
      const backers = (await (await s.api(`campaigns/${campaignId}/backers`)).json()) as {
        items: { id: string; message: string; displayName: string }[];
      };
      assert.deepEqual(
        backers.items.map((b) => [b.id, b.message, b.displayName]),
        [[result.id, 'Bravo !', 'Test Backer']],
      );
    });

    test('a campaign found by slug takes pledges too', async () => {
      const res = await post('atelier-ceramique', pledgeBody(500));
      assert.equal(res.status, 201);
      assert.equal(PledgeResult.parse(await res.json()).campaignId, 'atelier-ceramique');
    });

    test('rules: minimum, maximum, currency, unknown and unavailable rewards', async () => {
      const below = await post('atelier-ceramique', pledgeBody(499));
      assert.equal(below.status, 422);
      assert.deepEqual(await problemOf(below).then((p) => [p.code, p.errors?.[0]?.path]), [
        'pledge_below_minimum',
        'amount.amount',
      ]);
      assert.equal(
        (await problemOf(await post('atelier-ceramique', pledgeBody(500_001)))).code,
        'pledge_above_maximum',
      );
      assert.equal(
        (
          await problemOf(
            await post('atelier-ceramique', { ...pledgeBody(1_000), amount: { amount: 1_000, currency: 'CHF' } }),
          )
        ).code,
        'currency_mismatch',
      );
      // The tier's own minimum applies: a 25 € cup for 10 €.
      assert.equal(
        (await problemOf(await post('atelier-ceramique', pledgeBody(1_000, { rewardId: 'ceramique-tasse' })))).code,
        'pledge_below_minimum',
      );
      const unknown = await post('atelier-ceramique', pledgeBody(1_000, { rewardId: 'voisins-generique' }));
      assert.deepEqual(
        [unknown.status, (await problemOf(unknown)).code],
        [422, 'reward_unavailable'],
        "another campaign's reward",
      );
      const unavailable = await post('atelier-ceramique', pledgeBody(60_000, { rewardId: 'ceramique-piece-unique' }));
      assert.deepEqual([unavailable.status, (await problemOf(unavailable)).code], [409, 'reward_unavailable']);
      const soldOut = await post('atelier-ceramique', pledgeBody(6_000, { rewardId: 'ceramique-bol-atelier' }));
      assert.deepEqual([soldOut.status, (await problemOf(soldOut)).code], [409, 'reward_sold_out']);
      assert.equal((await problemOf(await post('no-such-campaign', pledgeBody()))).code, 'not_found');
    });

    test('ended and upcoming campaigns answer 409 campaign_closed and nothing moves', async () => {
      const { closedCampaignId } = await s.sandbox();
      for (const id of [closedCampaignId, 'bd-la-maree', 'court-metrage-voisins']) {
        const before = await campaign(id);
        const res = await post(id, pledgeBody(1_000));
        assert.equal(res.status, 409, id);
        assert.equal((await problemOf(res)).code, 'campaign_closed');
        assert.equal((await campaign(id)).pledged.amount, before.pledged.amount);
      }
    });

    test('a live campaign closes by itself at its end date', async () => {
      const { campaignId } = await s.sandbox();
      const live = await campaign(campaignId);
      clock = Date.parse(live.endsAt) + 1_000;
      try {
        assert.equal(
          (await campaign(campaignId)).status,
          'failed',
          'all-or-nothing is keep-it-all in the sandbox, but nothing was raised',
        );
        assert.equal((await problemOf(await post(campaignId, pledgeBody()))).code, 'campaign_closed');
      } finally {
        clock = Date.now();
      }
    });

    test('equity tickets go to checkout; past the hard cap investors are waitlisted in order', async () => {
      const { equityCampaignId: id } = await s.sandbox();
      const ticket = pledgeBody(1_000);
      const results = [];
      for (let i = 0; i < 4; i++) results.push(PledgeResult.parse(await (await post(id, ticket)).json()));
      assert.deepEqual(
        results.map((r) => r.status),
        ['pending_payment', 'pending_payment', 'waitlisted', 'waitlisted'],
      );
      const first = results[0]!;
      assert.equal(
        first.status === 'pending_payment' && first.checkoutUrl,
        `https://sandbox.partage.example.org/campaigns/${id}/checkout?pledge=${first.id}`,
      );
      assert.deepEqual(
        results.slice(2).map((r) => r.status === 'waitlisted' && r.waitlistPosition),
        [1, 2],
      );
      const c = await campaign(id);
      assert.equal(c.pledged.amount, 2_000, 'waitlisted tickets are not raised');
      assert.equal(c.backerCount, 2);
      assert.equal(c.equity?.waitlistCount, 2);
      assert.equal(c.equity?.oversubscribed, true);
      const backers = (await (await s.api(`campaigns/${id}/backers`)).json()) as { items: unknown[] };
      assert.equal(backers.items.length, 2, 'the waitlist is not listed among backers');
    });

    test('concurrent tickets against the cap: the raise never passes it, positions are unique', async () => {
      const { equityCampaignId: id } = await s.sandbox();
      const results = await Promise.all(
        Array.from({ length: 20 }, () =>
          post(id, pledgeBody(1_000)).then(async (r) => PledgeResult.parse(await r.json())),
        ),
      );
      const raised = results.filter((r) => r.status === 'pending_payment');
      const waitlisted = results.flatMap((r) => (r.status === 'waitlisted' ? [r.waitlistPosition] : []));
      assert.equal(raised.length, 2);
      assert.deepEqual(
        waitlisted.sort((a, b) => a - b),
        Array.from({ length: 18 }, (_, i) => i + 1),
      );
      assert.equal((await campaign(id)).pledged.amount, 2_000);
    });

    test('the last unit of a reward goes to exactly one of many concurrent claimers', async () => {
      const { campaignId, limitedRewardId } = await s.sandbox();
      await s.db.query('UPDATE rewards SET remaining = 1 WHERE id = $1', [limitedRewardId]);
      const responses = await Promise.all(
        Array.from({ length: 30 }, () => post(campaignId, pledgeBody(100, { rewardId: limitedRewardId }))),
      );
      assert.deepEqual(responses.map((r) => r.status).sort(), [201, ...Array(29).fill(409)]);
      const tier = await reward(campaignId, limitedRewardId);
      assert.deepEqual([tier.remaining, tier.availability, tier.backerCount], [0, 'sold_out', 1]);
      const c = await campaign(campaignId);
      assert.deepEqual([c.pledged.amount, c.backerCount], [100, 1], 'refused claimers rolled back their totals');
      assert.equal(await s.count('pledges', 'campaign_id = $1', [campaignId]), 1);
    });

    test('a reached milestone gets its date', async () => {
      const { campaignId } = await s.sandbox();
      await s.db.query(
        "INSERT INTO milestones (campaign_id, position, title, target) VALUES ($1, 0, 'First step', 1000), ($1, 1, 'Stretch', 5000)",
        [campaignId],
      );
      await post(campaignId, pledgeBody(1_500));
      const c = await campaign(campaignId);
      assert.ok(c.milestones[0]!.reachedAt, 'first milestone reached');
      assert.equal(c.milestones[1]!.reachedAt, null);
    });

    describe('idempotency', () => {
      test('the same key and body replays the first response, marked Idempotent-Replayed', async () => {
        const { campaignId } = await s.sandbox();
        const key = crypto.randomUUID();
        const first = await post(campaignId, pledgeBody(700), key);
        assert.equal(first.status, 201);
        assert.equal(first.headers.get('idempotent-replayed'), null);
        const text = await first.text();
        // Key order is not part of the request's identity.
        const reordered = {
          backer: { email: 'backer@example.org', name: 'Test Backer' },
          amount: { currency: 'EUR', amount: 700 },
        };
        const again = await post(campaignId, reordered, key);
        assert.equal(again.status, 201);
        assert.equal(again.headers.get('idempotent-replayed'), 'true');
        assert.equal(await again.text(), text, 'byte-identical replay');
        assert.equal((await campaign(campaignId)).backerCount, 1);
      });

      test('the same key with another body or another campaign is 422 idempotency_key_reused', async () => {
        const a = await s.sandbox();
        const b = await s.sandbox();
        const key = crypto.randomUUID();
        assert.equal((await post(a.campaignId, pledgeBody(100), key)).status, 201);
        const otherBody = await post(a.campaignId, pledgeBody(200), key);
        assert.deepEqual([otherBody.status, (await problemOf(otherBody)).code], [422, 'idempotency_key_reused']);
        const otherCampaign = await post(b.campaignId, pledgeBody(100), key);
        assert.deepEqual(
          [otherCampaign.status, (await problemOf(otherCampaign)).code],
          [422, 'idempotency_key_reused'],
        );
        assert.equal((await campaign(b.campaignId)).backerCount, 0);
      });

      test('a duplicate while the first is in flight is 409; an abandoned claim is taken over after a minute', async () => {
        const { campaignId } = await s.sandbox();
        const key = crypto.randomUUID();
        const body = pledgeBody(300);
        // Claim the key as a worker would, and never finish (a crashed process).
        const { fingerprint } = await import('../../../server/store/idempotency.js');
        const print = fingerprint({ endpoint: 'createPledge', campaign: campaignId, body });
        await s.db.query(
          "INSERT INTO idempotency_keys (key, fingerprint, claim, state, created_at, locked_at) VALUES ($1, $2, 'dead-worker', 'in_flight', $3, $3)",
          [key, print, new Date(clock)],
        );
        const busy = await post(campaignId, body, key);
        assert.equal(busy.status, 409);
        const problem = await problemOf(busy);
        assert.equal(problem.code, 'idempotency_in_flight');
        assert.equal(busy.headers.get('retry-after'), '1');
        clock += 61_000;
        try {
          const retried = await post(campaignId, body, key);
          assert.equal(retried.status, 201, 'the retry took the abandoned claim over');
          assert.equal((await campaign(campaignId)).backerCount, 1);
        } finally {
          clock = Date.now();
        }
      });

      test('250 concurrent requests with one key create exactly one pledge', async () => {
        const { campaignId } = await s.sandbox();
        const key = crypto.randomUUID();
        const responses = await Promise.all(Array.from({ length: 250 }, () => post(campaignId, pledgeBody(100), key)));
        const statuses = new Set(responses.map((r) => r.status));
        assert.ok(
          [...statuses].every((st) => st === 201 || st === 409),
          `statuses ${[...statuses]}`,
        );
        const created = responses.filter((r) => r.status === 201);
        assert.equal(created.filter((r) => r.headers.get('idempotent-replayed') !== 'true').length, 1);
        const ids = new Set(await Promise.all(created.map(async (r) => ((await r.json()) as { id: string }).id)));
        assert.equal(ids.size, 1);
        for (const r of responses.filter((x) => x.status === 409))
          assert.equal((await problemOf(r)).code, 'idempotency_in_flight');
        assert.equal((await campaign(campaignId)).backerCount, 1);
        assert.equal(await s.count('pledges', 'campaign_id = $1', [campaignId]), 1);
      });

      test('a refusal is stored and replayed too; a validation error does not use up the key', async () => {
        const { campaignId, limitedRewardId } = await s.sandbox();
        await s.db.query('UPDATE rewards SET remaining = 0 WHERE id = $1', [limitedRewardId]);
        const key = crypto.randomUUID();
        const body = pledgeBody(100, { rewardId: limitedRewardId });
        const first = await post(campaignId, body, key);
        assert.equal(first.status, 409);
        const replay = await post(campaignId, body, key);
        assert.deepEqual(
          [replay.status, replay.headers.get('idempotent-replayed'), (await problemOf(replay)).code],
          [409, 'true', 'reward_sold_out'],
        );

        const fresh = crypto.randomUUID();
        assert.equal(
          (await post(campaignId, { ...pledgeBody(100), amount: { amount: -1, currency: 'EUR' } }, fresh)).status,
          400,
        );
        assert.equal(await s.count('idempotency_keys', 'key = $1', [fresh]), 0);
        assert.equal(
          (await post(campaignId, pledgeBody(100), fresh)).status,
          201,
          'the corrected request may use the key',
        );
      });

      test('an unexpected failure releases the key so that a retry can succeed', async () => {
        const { campaignId } = await s.sandbox();
        const key = crypto.randomUUID();
        // Break the pledges table for one request: the INSERT fails inside the transaction.
        await s.db.query(`ALTER TABLE pledges ADD CONSTRAINT test_break CHECK (backer_name <> 'Break Me')`);
        try {
          const broken = await post(
            campaignId,
            { ...pledgeBody(100), backer: { name: 'Break Me', email: 'x@example.org' } },
            key,
          );
          assert.equal(broken.status, 500);
          assert.equal((await problemOf(broken)).code, 'internal_error');
          assert.equal((await campaign(campaignId)).pledged.amount, 0, 'the failed pledge rolled back the totals');
        } finally {
          await s.db.query('ALTER TABLE pledges DROP CONSTRAINT test_break');
        }
        const retry = await post(
          campaignId,
          { ...pledgeBody(100), backer: { name: 'Break Me', email: 'x@example.org' } },
          key,
        );
        assert.equal(retry.status, 201);
        assert.equal(retry.headers.get('idempotent-replayed'), null);
      });
    });
  });
}
