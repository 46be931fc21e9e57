import { expect } from '@open-wc/testing';
import type { SetupWorker } from 'msw/browser';
import type { Backer, Campaign, Page, PledgeResult, RewardTier } from '../../../src/contract/index.js';
import { createMockBackend } from '../../../src/mock/index.js';
import { startMockWorker } from '../../../src/mock/browser.js';
import { BASE, getJson, pledgeBody, postPledge, problemOf } from './helpers.js';

const backend = createMockBackend();
let worker: SetupWorker;

before(async () => {
  worker = await startMockWorker(backend);
});
after(() => worker.stop());
beforeEach(() => backend.reset());

const reward = async (campaign: string, id: string) =>
  (await getJson<Page<RewardTier>>(`/campaigns/${campaign}/rewards`)).items.find((r) => r.id === id)!;

describe('mock backend: campaigns', () => {
  it('finds a campaign by id or slug and answers unknown ones with a 404 problem', async () => {
    const campaign = await getJson<Campaign>('/campaigns/atelier-ceramique');
    expect(campaign.title).to.equal('L’atelier céramique de la rue Chateaubriand');
    expect(campaign.pledged).to.deep.equal({ amount: 542_000, currency: 'EUR' });

    const missing = await fetch(`${BASE}/campaigns/nope`);
    expect(missing.status).to.equal(404);
    expect((await problemOf(missing)).code).to.equal('not_found');

    const bad = await fetch(`${BASE}/campaigns/Not%20An%20Id`);
    expect(bad.status).to.equal(400);
    expect((await problemOf(bad)).errors?.[0]?.path).to.equal('campaignId');
  });

  it('filters and pages campaigns with an opaque cursor', async () => {
    const live = await getJson<Page<Campaign>>('/campaigns?status=live');
    expect(live.items.map((c) => c.status)).to.deep.equal(['live', 'live', 'live']);
    const equity = await getJson<Page<Campaign>>('/campaigns?kind=equity');
    expect(equity.items.map((c) => c.id)).to.deep.equal(['mon-petit-placement']);

    const first = await getJson<Page<Campaign>>('/campaigns?limit=4');
    expect(first.items).to.have.length(4);
    expect(first.nextCursor).to.be.a('string');
    const second = await getJson<Page<Campaign>>(`/campaigns?limit=4&cursor=${first.nextCursor}`);
    expect(second.items).to.have.length(2);
    expect(second.nextCursor).to.equal(null);
    const ids = [...first.items, ...second.items].map((c) => c.id);
    expect(new Set(ids).size).to.equal(6);

    const badCursor = await fetch(`${BASE}/campaigns?cursor=garbage`);
    expect(badCursor.status).to.equal(400);
    expect((await problemOf(badCursor)).errors).to.deep.equal([
      { path: 'cursor', message: 'Unknown or malformed cursor' },
    ]);
    const badLimit = await fetch(`${BASE}/campaigns?limit=500&kind=lottery`);
    expect(badLimit.status).to.equal(400);
    expect((await problemOf(badLimit)).errors?.map((e) => e.path)).to.have.members(['limit', 'kind']);
  });

  it('lists rewards cheapest first', async () => {
    const { items } = await getJson<Page<RewardTier>>('/campaigns/atelier-ceramique/rewards');
    const minimums = items.map((r) => r.minimum.amount);
    expect(minimums).to.deep.equal([...minimums].sort((a, b) => a - b));
    expect(items[0]!.id).to.equal('ceramique-merci');
  });

  it('moves totals, reward stock and the backers list with a pledge', async () => {
    const before = await getJson<Campaign>('/campaigns/atelier-ceramique');
    const res = await postPledge(
      'atelier-ceramique',
      pledgeBody(120, { rewardId: 'ceramique-service-the', message: 'Pour la théière !' }),
    );
    expect(res.status).to.equal(201);
    const result = (await res.json()) as PledgeResult;
    expect(result.status).to.equal('confirmed');
    expect(result.amount).to.deep.equal({ amount: 12_000, currency: 'EUR' });

    const after = await getJson<Campaign>('/campaigns/atelier-ceramique');
    expect(after.pledged.amount).to.equal(before.pledged.amount + 12_000);
    expect(after.backerCount).to.equal(before.backerCount + 1);
    const tier = await reward('atelier-ceramique', 'ceramique-service-the');
    expect(tier.remaining).to.equal(3);
    expect(tier.backerCount).to.equal(12);

    const backers = await getJson<Page<Backer>>('/campaigns/atelier-ceramique/backers?limit=2');
    expect(backers.items[0]).to.include({ id: result.id, displayName: 'Alix M.', message: 'Pour la théière !' });
    expect(backers.items[0]).not.to.have.property('email');
    expect(backers.nextCursor).to.be.a('string');
  });

  it('hides the name and amount of anonymous backers', async () => {
    await postPledge(
      'librairie-solidaire',
      pledgeBody(15, { anonymous: true, backer: { name: 'Secret S.', email: 's@example.org' } }),
    );
    const { items } = await getJson<Page<Backer>>('/campaigns/librairie-solidaire/backers');
    expect(items[0]).to.include({ anonymous: true, displayName: null, amount: null });
  });

  it('sells limited rewards out: 409 reward_sold_out once the stock reaches 0', async () => {
    for (let i = 0; i < 4; i++) {
      expect(
        (await postPledge('atelier-ceramique', pledgeBody(120, { rewardId: 'ceramique-service-the' }))).status,
      ).to.equal(201);
    }
    const tier = await reward('atelier-ceramique', 'ceramique-service-the');
    expect(tier).to.include({ remaining: 0, availability: 'sold_out' });
    const before = await getJson<Campaign>('/campaigns/atelier-ceramique');

    const res = await postPledge('atelier-ceramique', pledgeBody(120, { rewardId: 'ceramique-service-the' }));
    expect(res.status).to.equal(409);
    const problem = await problemOf(res);
    expect(problem).to.include({ code: 'reward_sold_out', status: 409 });
    expect(problem.errors?.[0]?.path).to.equal('rewardId');
    expect((await getJson<Campaign>('/campaigns/atelier-ceramique')).pledged).to.deep.equal(before.pledged);
  });

  it('refuses pledges to campaigns that are not live, and amounts outside the rules', async () => {
    for (const slug of ['court-metrage-voisins', 'bd-la-maree', 'album-fanfare']) {
      const res = await postPledge(slug, pledgeBody(20));
      expect(res.status, slug).to.equal(409);
      expect((await problemOf(res)).code).to.equal('campaign_closed');
    }
    const low = await postPledge('atelier-ceramique', pledgeBody(10, { rewardId: 'ceramique-tasse' }));
    expect(low.status).to.equal(422);
    expect(await problemOf(low)).to.include({ code: 'pledge_below_minimum' });
    const usd = await postPledge('atelier-ceramique', { ...pledgeBody(10), amount: { amount: 1000, currency: 'USD' } });
    expect((await problemOf(usd)).code).to.equal('currency_mismatch');
    const ghost = await postPledge('atelier-ceramique', pledgeBody(10, { rewardId: 'ghost' }));
    expect((await problemOf(ghost)).code).to.equal('reward_unavailable');
  });

  it('answers invalid bodies with 422 validation_failed listing every field', async () => {
    const res = await postPledge('atelier-ceramique', {
      amount: { amount: 12.5, currency: 'eur' },
      backer: { name: ' ', email: 'nope' },
    });
    expect(res.status).to.equal(422);
    const problem = await problemOf(res);
    expect(problem.code).to.equal('validation_failed');
    expect(problem.errors?.map((e) => e.path)).to.have.members([
      'amount.amount',
      'amount.currency',
      'backer.name',
      'backer.email',
    ]);
    expect(problem.errors?.every((e) => e.message.length > 0)).to.equal(true);

    const notJson = await fetch(`${BASE}/campaigns/atelier-ceramique/pledges`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain', 'Idempotency-Key': 'k-text' },
      body: 'hello',
    });
    expect(notJson.status).to.equal(415);
    expect((await problemOf(notJson)).code).to.equal('unsupported_media_type');
  });

  it('returns pending_payment with a checkout URL for equity tickets', async () => {
    const before = await getJson<Campaign>('/campaigns/mon-petit-placement');
    const res = await postPledge('mon-petit-placement', pledgeBody(500));
    const result = (await res.json()) as PledgeResult;
    expect(result.status).to.equal('pending_payment');
    if (result.status !== 'pending_payment') return;
    expect(result.checkoutUrl).to.equal(
      `https://demo.partage.example.org/campaigns/mon-petit-placement/checkout?pledge=${result.id}`,
    );
    const after = await getJson<Campaign>('/campaigns/mon-petit-placement');
    expect(after.pledged.amount).to.equal(before.pledged.amount + 50_000);
  });

  it('waitlists equity investors past the maximum raise without moving totals', async () => {
    const near = createMockBackend({ baseUrl: 'https://near-cap.partage.test/v1' });
    const mpp = near.store.findCampaign('mon-petit-placement')!;
    mpp.pledged.amount = 499_000_000; // 10 000 € below the 5 M€ cap
    worker.use(...near.handlers);
    try {
      const url = 'https://near-cap.partage.test/v1/campaigns/mon-petit-placement';
      const first = await fetch(`${url}/pledges`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'w1' },
        body: JSON.stringify(pledgeBody(20_000)),
      });
      const result = (await first.json()) as PledgeResult;
      expect(result).to.include({ status: 'waitlisted', waitlistPosition: 801 });
      const campaign = (await (await fetch(url)).json()) as Campaign;
      expect(campaign.pledged.amount).to.equal(499_000_000);
      expect(campaign.backerCount).to.equal(2447);
      expect(campaign.equity?.waitlistCount).to.equal(801);

      // Still room for a ticket that fits under the cap.
      const fits = await fetch(`${url}/pledges`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'w2' },
        body: JSON.stringify(pledgeBody(5_000)),
      });
      expect(((await fits.json()) as PledgeResult).status).to.equal('pending_payment');
    } finally {
      worker.resetHandlers();
    }
  });

  it('sends an ETag and answers 304 to If-None-Match until the campaign changes', async () => {
    const first = await fetch(`${BASE}/campaigns/atelier-ceramique`);
    const etag = first.headers.get('ETag');
    expect(etag).to.match(/^"[0-9a-z]+"$/);
    const again = await fetch(`${BASE}/campaigns/atelier-ceramique`, { headers: { 'If-None-Match': etag! } });
    expect(again.status).to.equal(304);
    expect(await again.text()).to.equal('');
    expect(again.headers.get('ETag')).to.equal(etag);

    await postPledge('atelier-ceramique', pledgeBody(10));
    const changed = await fetch(`${BASE}/campaigns/atelier-ceramique`, { headers: { 'If-None-Match': etag! } });
    expect(changed.status).to.equal(200);
    expect(changed.headers.get('ETag')).not.to.equal(etag);
  });

  it('runs simulated pledges through the same rules', async () => {
    const result = backend.simulatePledge('atelier-ceramique', 2_500, { rewardId: 'ceramique-tasse' });
    expect(result.status).to.equal('confirmed');
    expect((await reward('atelier-ceramique', 'ceramique-tasse')).remaining).to.equal(11);
    expect(() => backend.simulatePledge('atelier-ceramique', 6_000, { rewardId: 'ceramique-bol-atelier' })).to.throw(
      /sold out/,
    );
    expect(() => backend.simulatePledge('album-fanfare', 2_000)).to.throw(/not accepting/);
  });
});

describe('mock backend: forced states', () => {
  it('fails the next matching request with a problem, then recovers', async () => {
    backend.failNext('getCampaign', 500);
    const failed = await fetch(`${BASE}/campaigns/atelier-ceramique`);
    expect(failed.status).to.equal(500);
    expect((await problemOf(failed)).code).to.equal('internal_error');
    expect((await fetch(`${BASE}/campaigns/atelier-ceramique`)).status).to.equal(200);

    backend.failNext('/rewards', 503, { retryAfter: 7 });
    const unavailable = await fetch(`${BASE}/campaigns/atelier-ceramique/rewards`);
    expect(unavailable.status).to.equal(503);
    expect(unavailable.headers.get('Retry-After')).to.equal('7');
  });

  it('goes offline: fetch rejects as a network error', async () => {
    backend.setOffline(true);
    let error: unknown;
    try {
      await fetch(`${BASE}/campaigns/atelier-ceramique`);
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(TypeError);
    backend.setOffline(false);
    expect((await fetch(`${BASE}/campaigns/atelier-ceramique`)).status).to.equal(200);
  });

  it('adds latency to every answer', async () => {
    backend.setLatency(300);
    const start = performance.now();
    await fetch(`${BASE}/campaigns/atelier-ceramique`);
    expect(performance.now() - start).to.be.at.least(290);
  });

  it('answers unknown paths under the base URL with 404 and wrong methods with 405', async () => {
    expect((await problemOf(await fetch(`${BASE}/nothing-here`))).code).to.equal('not_found');
    const wrong = await fetch(`${BASE}/campaigns/atelier-ceramique`, { method: 'DELETE' });
    expect(wrong.status).to.equal(405);
  });
});
