import { PledgeResult } from '../../src/contract/index.js';
import { expect, expectProblem, expectShape, needs, type SuiteContext } from '../suite.js';
import { rewardOf } from './errors.js';

/** Totals and stock stay exact under concurrent pledges. */
export async function concurrency(ctx: SuiteContext) {
  await ctx.check('1 000 concurrent 1.00 pledges add exactly 100 000 minor units and 1 000 backers', async () => {
    const campaignId = needs(ctx.target.campaignId, 'a target campaign');
    const c = needs(ctx.campaign, 'the target campaign');
    expect(
      c.pledgeRules.minimum.amount <= 100,
      `the campaign's minimum (${c.pledgeRules.minimum.amount}) is above 1.00`,
    );
    const before = await ctx.totals(campaignId);
    const responses = await Promise.all(
      Array.from({ length: 1000 }, (_, i) =>
        ctx.postPledge(campaignId, ctx.pledge(100, { message: `concurrent ${i}` })),
      ),
    );
    const failed = responses.filter((r) => r.status !== 201);
    expect(
      failed.length === 0,
      `${failed.length} of 1 000 pledges failed, e.g. ${failed[0]?.status} ${failed[0]?.text.slice(0, 200)}`,
    );
    const ids = new Set(responses.map((r) => expectShape(PledgeResult, r.json, 'pledge result').id));
    expect(ids.size === 1000, `${ids.size} distinct pledge ids for 1 000 pledges`);
    const after = await ctx.totals(campaignId);
    expect(
      after.pledged - before.pledged === 100_000,
      `pledged moved by ${after.pledged - before.pledged} instead of 100 000`,
    );
    expect(
      after.backerCount - before.backerCount === 1000,
      `backerCount moved by ${after.backerCount - before.backerCount} instead of 1 000`,
    );
  });

  await ctx.check('a limited reward under 100 concurrent claimers sells exactly its stock', async () => {
    const campaignId = needs(ctx.target.campaignId, 'a target campaign');
    const rewardId = needs(ctx.target.limitedRewardId, 'a limited reward');
    const tier = await rewardOf(ctx, campaignId, rewardId);
    const stock = tier.remaining;
    expect(
      stock !== null && stock > 0 && stock < 100,
      `the reward's stock is ${stock}; the check needs 1–99 units left`,
    );
    const before = await ctx.totals(campaignId);
    const responses = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        ctx.postPledge(
          campaignId,
          ctx.pledge(Math.max(tier.minimum.amount, 100), { rewardId, message: `claimer ${i}` }),
        ),
      ),
    );
    const sold = responses.filter((r) => r.status === 201);
    const refused = responses.filter((r) => r.status !== 201);
    for (const r of refused) expectProblem(r, 409, 'reward_sold_out', 'a claimer after the last unit');
    expect(sold.length === stock, `${sold.length} claimers got the reward; the stock was ${stock}`);
    const afterTier = await rewardOf(ctx, campaignId, rewardId);
    expect(afterTier.remaining === 0, `remaining is ${afterTier.remaining}, expected 0`);
    expect(afterTier.availability === 'sold_out', `availability is "${afterTier.availability}", expected sold_out`);
    const after = await ctx.totals(campaignId);
    expect(
      after.backerCount - before.backerCount === stock,
      `backerCount moved by ${after.backerCount - before.backerCount}; only ${stock} pledges succeeded`,
    );
    expectProblem(
      await ctx.postPledge(campaignId, ctx.pledge(Math.max(tier.minimum.amount, 100), { rewardId })),
      409,
      'reward_sold_out',
      'one more claimer',
    );
  });
}
