import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as z from 'zod/mini';
import {
  Backer,
  Campaign,
  CampaignEvent,
  Listing,
  ListingRequest,
  Money,
  Neighbourhood,
  PledgeRequest,
  PledgeResult,
  Problem,
  RewardTier,
  buildPath,
  checkPledge,
  isWaitlisted,
} from '../../src/contract/index.js';
import { publicBacker } from '../../src/contract/privacy.js';
import { attributedUrl, partnerServiceView } from '../../src/contract/partner-rules.js';
import { createFixtures } from '../../src/mock/fixtures/index.js';

const now = new Date('2026-11-23T12:00:00Z');
const fx = createFixtures(now);
const paths = (schema: z.ZodMiniType, value: unknown) =>
  (schema.safeParse(value).error?.issues ?? []).map((i) => i.path.join('.'));

describe('partner links', () => {
  it('carry the platform attribution, replacing any utm_* and keeping other parameters', () => {
    const url = new URL(attributedUrl('https://p.example/a?x=1&utm_source=them&utm_term=t#top', 'mpv-saint-malo'));
    assert.equal(url.searchParams.get('x'), '1');
    assert.equal(url.searchParams.get('utm_source'), 'partage');
    assert.equal(url.searchParams.get('utm_medium'), 'partner-link');
    assert.equal(url.searchParams.get('utm_campaign'), 'mpv-saint-malo');
    assert.equal(url.searchParams.get('utm_term'), null);
    assert.equal(url.hash, '#top');
  });
  it('point at the counting redirect of the API they were answered from', () => {
    const view = partnerServiceView(
      { id: 'koolicar', name: 'Koolicar', kind: 'car_sharing', description: '', url: 'https://k.example/' },
      { id: 'saint-malo', partnerCode: 'c' },
      'https://api.example.org/v1',
    );
    assert.equal(view.visitUrl, 'https://api.example.org/v1/neighbourhoods/saint-malo/partners/koolicar/visit');
  });
});

describe('fixtures satisfy the contract', () => {
  const cases: [string, z.ZodMiniType, unknown[]][] = [
    ['campaigns', Campaign, fx.campaigns],
    ['rewards', RewardTier, fx.rewards],
    ['backers', Backer, fx.pledges.map(publicBacker)],
    [
      'neighbourhoods',
      Neighbourhood,
      fx.neighbourhoods.map((n) => ({
        ...n,
        partnerServices: n.partnerServices.map((p) => partnerServiceView(p, n, 'https://api.example.org/v1')),
      })),
    ],
    ['listings', Listing, fx.listings],
  ];
  for (const [name, schema, items] of cases) {
    it(`every ${name} fixture is valid`, () => {
      assert.ok(items.length > 0);
      for (const item of items) assert.deepEqual(paths(schema, item), [], JSON.stringify(item).slice(0, 120));
    });
  }
  it('holds the figures of the source articles', () => {
    const mpp = fx.campaigns.find((c) => c.id === 'mon-petit-placement')!;
    assert.equal(mpp.goal.amount, 75_000_000);
    assert.equal(mpp.pledged.amount, 310_000_000);
    assert.equal(Math.round((mpp.pledged.amount / mpp.goal.amount) * 100), 413);
    assert.equal(mpp.equity?.waitlistCount, 800);
    assert.equal(mpp.equity?.averageTicket.amount, 126_700);
    const sm = fx.listings.filter((l) => l.neighbourhoodId === 'saint-malo-intra-muros');
    assert.ok(sm.length >= 30);
    for (const t of ['give', 'lend', 'swap', 'service', 'carpool'])
      assert.ok(
        sm.some((l) => l.type === t),
        t,
      );
    const ceramics = fx.rewards.filter((r) => r.campaignId === 'atelier-ceramique');
    assert.ok(ceramics.some((r) => r.availability === 'sold_out'));
    const c = fx.campaigns.find((x) => x.id === 'atelier-ceramique')!;
    assert.ok(Date.parse(c.endsAt) - Date.parse(c.startsAt) <= 90 * 86_400_000);
  });
  it('never exposes a backer e-mail nor an anonymous name', () => {
    const anon = fx.pledges.find((p) => p.anonymous)!;
    const view = publicBacker(anon);
    assert.equal(view.displayName, null);
    assert.ok(!JSON.stringify(fx.pledges.map(publicBacker)).includes('@'));
  });
});

describe('money', () => {
  it('accepts integer minor units with an ISO 4217 code', () => {
    assert.ok(Money.safeParse({ amount: 1234, currency: 'EUR' }).success);
  });
  for (const [label, value] of [
    ['a float', { amount: 12.5, currency: 'EUR' }],
    ['a string', { amount: '12', currency: 'EUR' }],
    ['a negative amount', { amount: -1, currency: 'EUR' }],
    ['a lowercase currency', { amount: 1, currency: 'eur' }],
    ['a 4-letter currency', { amount: 1, currency: 'EURO' }],
    ['an unsafe integer', { amount: 2 ** 60, currency: 'EUR' }],
  ] as const) {
    it(`rejects ${label}`, () => assert.equal(Money.safeParse(value).success, false));
  }
  it('names the bad field of a campaign', () => {
    const bad = { ...fx.campaigns[0], pledged: { amount: '12', currency: 'EUR' } };
    assert.deepEqual(paths(Campaign, bad), ['pledged.amount']);
  });
});

describe('requests', () => {
  const pledge = {
    amount: { amount: 2500, currency: 'EUR' },
    rewardId: 'ceramique-tasse',
    backer: { name: 'Ana', email: 'ana@example.org' },
  };
  it('accepts a valid pledge and rejects bad e-mails, empty names and long messages', () => {
    assert.ok(PledgeRequest.safeParse(pledge).success);
    assert.deepEqual(paths(PledgeRequest, { ...pledge, backer: { name: ' ', email: 'nope' } }), [
      'backer.name',
      'backer.email',
    ]);
    assert.deepEqual(paths(PledgeRequest, { ...pledge, message: 'x'.repeat(501) }), ['message']);
  });
  it('rejects ids with path characters', () => {
    assert.deepEqual(paths(PledgeRequest, { ...pledge, rewardId: '../admin' }), ['rewardId']);
  });
  it('bounds listing requests', () => {
    const ok = {
      kind: 'offer',
      type: 'lend',
      category: 'tools',
      title: 'Perceuse',
      description: '',
      place: { label: 'Rocabey' },
    };
    assert.ok(ListingRequest.safeParse(ok).success);
    assert.deepEqual(paths(ListingRequest, { ...ok, type: 'sell', title: 'ab' }), ['type', 'title']);
  });
  it('discriminates pledge results and events', () => {
    const base = {
      id: 'p1',
      campaignId: 'c',
      amount: { amount: 1, currency: 'EUR' },
      rewardId: null,
      createdAt: now.toISOString(),
    };
    assert.ok(PledgeResult.safeParse({ ...base, status: 'waitlisted', waitlistPosition: 801 }).success);
    assert.equal(PledgeResult.safeParse({ ...base, status: 'pending_payment' }).success, false);
    assert.equal(CampaignEvent.safeParse({ type: 'nope', campaignId: 'c' }).success, false);
    assert.ok(
      Problem.safeParse({
        type: 'about:blank',
        title: 'Bad',
        status: 422,
        code: 'validation_failed',
        errors: [{ path: 'a', message: 'b' }],
      }).success,
    );
  });
  it('encodes path parameters', () => {
    assert.equal(buildPath('/campaigns/{campaignId}', { campaignId: 'a/b?c' }), '/campaigns/a%2Fb%3Fc');
  });
});

describe('pledge rules', () => {
  const c = fx.campaigns.find((x) => x.id === 'atelier-ceramique')!;
  const tier = (id: string) => fx.rewards.find((r) => r.id === id);
  const req = (euros: number, rewardId: string | null = null) => ({
    amount: { amount: euros * 100, currency: 'EUR' },
    rewardId,
    backer: { name: 'A', email: 'a@b.fr' },
  });
  it('accepts a pledge within the rules', () =>
    assert.equal(checkPledge(c, tier('ceramique-tasse'), req(25, 'ceramique-tasse'), now), null));
  it('refuses below the reward minimum, sold out, unavailable, and closed campaigns', () => {
    assert.equal(
      checkPledge(c, tier('ceramique-tasse'), req(10, 'ceramique-tasse'), now)?.code,
      'pledge_below_minimum',
    );
    assert.equal(
      checkPledge(c, tier('ceramique-bol-atelier'), req(60, 'ceramique-bol-atelier'), now)?.code,
      'reward_sold_out',
    );
    assert.equal(
      checkPledge(c, tier('ceramique-piece-unique'), req(500, 'ceramique-piece-unique'), now)?.code,
      'reward_unavailable',
    );
    assert.equal(checkPledge(c, undefined, req(10, 'ghost'), now)?.code, 'reward_unavailable');
    assert.equal(checkPledge(c, null, req(6000), now)?.code, 'pledge_above_maximum');
    const ended = fx.campaigns.find((x) => x.status === 'succeeded')!;
    assert.equal(checkPledge(ended, null, req(10), now)?.code, 'campaign_closed');
    assert.equal(
      checkPledge(c, null, { ...req(10), amount: { amount: 1000, currency: 'USD' } }, now)?.code,
      'currency_mismatch',
    );
  });
  it('waitlists equity tickets past the maximum raise', () => {
    const mpp = fx.campaigns.find((x) => x.kind === 'equity')!;
    assert.equal(isWaitlisted(mpp, 126_700), false);
    assert.equal(isWaitlisted(mpp, 190_000_001), true);
  });
});
