import { Campaign, PledgeResult, REPLAYED_HEADER, page } from '../../src/contract/index.js';
import { expect, expectProblem, expectShape, expectStatus, needs, type SuiteContext } from '../suite.js';

const enc = encodeURIComponent;

/** Pledge rules (minimum, currency, closed campaigns, waitlist), write origins and idempotency. */
export async function pledges(ctx: SuiteContext) {
  const { http } = ctx;

  await ctx.check('a valid pledge answers 201 with a PledgeResult and moves the totals', async () => {
    const campaignId = needs(ctx.target.campaignId, 'a target campaign');
    const before = await ctx.totals(campaignId);
    const res = await ctx.postPledge(campaignId, ctx.pledge(100, { message: 'Conformance check' }));
    expectStatus(res, 201, 'POST pledge');
    const result = expectShape(PledgeResult, res.json, 'the pledge result');
    expect(result.amount.amount === 100, `the result says ${result.amount.amount}, the request said 100`);
    const after = await ctx.totals(campaignId);
    expect(
      after.pledged === before.pledged + 100 && after.backerCount === before.backerCount + 1,
      `totals moved from ${JSON.stringify(before)} to ${JSON.stringify(after)}`,
    );
  });

  await ctx.check('pledge rules: minimum, currency, unknown reward', async () => {
    const campaignId = needs(ctx.target.campaignId, 'a target campaign');
    const c = needs(ctx.campaign, 'the target campaign');
    if (c.pledgeRules.minimum.amount > 0) {
      expectProblem(
        await ctx.postPledge(campaignId, ctx.pledge(c.pledgeRules.minimum.amount - 1)),
        422,
        'pledge_below_minimum',
        'a pledge below the minimum',
      );
    }
    const other = c.goal.currency === 'CHF' ? 'EUR' : 'CHF';
    expectProblem(
      await ctx.postPledge(campaignId, { ...ctx.pledge(100_00), amount: { amount: 100_00, currency: other } }),
      422,
      'currency_mismatch',
      `a pledge in ${other}`,
    );
    expectProblem(
      await ctx.postPledge(campaignId, ctx.pledge(100_00, { rewardId: 'conformance-no-such-reward' })),
      [409, 422],
      'reward_unavailable',
      'a pledge for an unknown reward',
    );
    expectProblem(
      await ctx.postPledge('conformance-no-such-campaign', ctx.pledge(100)),
      404,
      'not_found',
      'a pledge to an unknown campaign',
    );
  });

  await ctx.check('a campaign that is not live answers 409 campaign_closed', async () => {
    let closed = ctx.target.closedCampaignId;
    if (!closed) {
      for (const status of ['succeeded', 'failed', 'upcoming']) {
        const res = await http.request(`campaigns?status=${status}&limit=1`);
        closed ??= expectShape(page(Campaign), res.json, 'campaigns').items[0]?.id;
      }
    }
    const id = needs(closed, 'a campaign that is not live');
    const before = await ctx.totals(id);
    expectProblem(
      await ctx.postPledge(id, ctx.pledge(100_00)),
      409,
      'campaign_closed',
      'a pledge to a closed campaign',
    );
    const after = await ctx.totals(id);
    expect(
      after.pledged === before.pledged && after.backerCount === before.backerCount,
      'the refused pledge changed the totals',
    );
  });

  await ctx.check('an equity raise past its hard cap answers waitlisted with positions', async () => {
    const id = needs(ctx.target.equityCampaignId, 'an equity campaign near its cap');
    const res = await http.request(`campaigns/${enc(id)}`);
    const c = expectShape(Campaign, res.json, 'equity campaign');
    const cap = needs(c.equity?.maximumRaise?.amount, 'an equity campaign with a maximum raise');
    const ticket = Math.max(c.pledgeRules.minimum.amount, c.equity!.minimumTicket.amount);
    const room = Math.ceil(Math.max(0, cap - c.pledged.amount) / ticket);
    expect(room <= 50, `the cap is ${room} tickets away: too far for this check`);
    const body = {
      amount: { amount: ticket, currency: c.goal.currency },
      backer: { name: 'Conformance Investor', email: 'investor@example.org' },
    };
    for (let i = 0; i < room; i++) {
      const r = await ctx.postPledge(id, body);
      expectStatus(r, 201, `ticket ${i + 1} below the cap`);
      const result = expectShape(PledgeResult, r.json, 'ticket result');
      if (result.status === 'waitlisted') break;
    }
    const first = expectShape(PledgeResult, (await ctx.postPledge(id, body)).json, 'a ticket past the cap');
    const second = expectShape(PledgeResult, (await ctx.postPledge(id, body)).json, 'another ticket past the cap');
    expect(
      first.status === 'waitlisted' && second.status === 'waitlisted',
      `past the cap: "${first.status}" and "${second.status}", expected waitlisted`,
    );
    expect(
      second.waitlistPosition === first.waitlistPosition + 1,
      `waitlist positions ${first.waitlistPosition} then ${second.waitlistPosition}`,
    );
    const after = expectShape(
      Campaign,
      (await http.request(`campaigns/${enc(id)}`, { headers: { 'Cache-Control': 'no-cache' } })).json,
      'equity campaign',
    );
    expect(after.pledged.amount <= cap, `pledged ${after.pledged.amount} went past the cap ${cap}`);
    expect(
      after.equity!.waitlistCount >= second.waitlistPosition,
      `waitlistCount ${after.equity!.waitlistCount} is below the last position ${second.waitlistPosition}`,
    );
  });

  await ctx.check('writes from an origin that is not allow-listed answer 403 origin_not_allowed', async () => {
    const campaignId = needs(ctx.target.campaignId, 'a target campaign');
    const before = await ctx.totals(campaignId);
    const res = await ctx.postPledge(campaignId, ctx.pledge(100), {
      Origin: 'https://not-allowed.conformance.invalid',
    });
    expectProblem(res, 403, 'origin_not_allowed', 'a pledge from a foreign origin');
    expect(res.headers['access-control-allow-credentials'] !== 'true', 'writes must never allow credentials');
    const after = await ctx.totals(campaignId);
    expect(after.backerCount === before.backerCount, 'the refused pledge was stored');
  });

  await ctx.check('idempotency: a replay returns the first response with Idempotent-Replayed', async () => {
    const campaignId = needs(ctx.target.campaignId, 'a target campaign');
    const before = await ctx.totals(campaignId);
    const key = ctx.key();
    const body = ctx.pledge(100, { message: 'idempotent' });
    const first = await ctx.postPledge(campaignId, body, { 'Idempotency-Key': key });
    expectStatus(first, 201, 'first POST');
    expect(first.headers[REPLAYED_HEADER.toLowerCase()] !== 'true', 'the first response claims to be a replay');
    const again = await ctx.postPledge(campaignId, body, { 'Idempotency-Key': key });
    expectStatus(again, 201, 'the replay');
    expect(again.headers[REPLAYED_HEADER.toLowerCase()] === 'true', `the replay lacks ${REPLAYED_HEADER}: true`);
    expect(JSON.stringify(again.json) === JSON.stringify(first.json), 'the replay differs from the first response');
    const after = await ctx.totals(campaignId);
    expect(
      after.backerCount === before.backerCount + 1 && after.pledged === before.pledged + 100,
      'the replay created a second pledge',
    );
  });

  await ctx.check('idempotency: the same key with another body answers 422 idempotency_key_reused', async () => {
    const campaignId = needs(ctx.target.campaignId, 'a target campaign');
    const key = ctx.key();
    expectStatus(await ctx.postPledge(campaignId, ctx.pledge(100), { 'Idempotency-Key': key }), 201, 'first POST');
    const before = await ctx.totals(campaignId);
    expectProblem(
      await ctx.postPledge(campaignId, ctx.pledge(200), { 'Idempotency-Key': key }),
      422,
      'idempotency_key_reused',
      'the same key with another amount',
    );
    const after = await ctx.totals(campaignId);
    expect(after.backerCount === before.backerCount, 'the reused key created a pledge');
  });

  await ctx.check('idempotency: 250 concurrent POSTs with one key create one pledge', async () => {
    const campaignId = needs(ctx.target.campaignId, 'a target campaign');
    const before = await ctx.totals(campaignId);
    const key = ctx.key();
    const body = ctx.pledge(100, { message: 'one of 250' });
    const responses = await Promise.all(
      Array.from({ length: 250 }, () => ctx.postPledge(campaignId, body, { 'Idempotency-Key': key })),
    );
    const created = responses.filter((r) => r.status === 201);
    const inFlight = responses.filter((r) => r.status === 409);
    const other = responses.filter((r) => r.status !== 201 && r.status !== 409);
    expect(
      other.length === 0,
      `unexpected answers: ${other
        .slice(0, 3)
        .map((r) => `${r.status} ${r.text.slice(0, 120)}`)
        .join(' | ')}`,
    );
    for (const r of inFlight) expectProblem(r, 409, 'idempotency_in_flight', 'a concurrent duplicate');
    expect(created.length >= 1, 'no request succeeded');
    const ids = new Set(created.map((r) => expectShape(PledgeResult, r.json, 'result').id));
    expect(ids.size === 1, `${ids.size} different pledges were created`);
    const originals = created.filter((r) => r.headers[REPLAYED_HEADER.toLowerCase()] !== 'true');
    expect(originals.length === 1, `${originals.length} responses are not marked as replays (expected exactly 1)`);
    const after = await ctx.totals(campaignId);
    expect(
      after.backerCount === before.backerCount + 1 && after.pledged === before.pledged + 100,
      `totals moved by ${after.backerCount - before.backerCount} backers and ${after.pledged - before.pledged} units`,
    );
  });
}
