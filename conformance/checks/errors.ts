import { RewardTier, page } from '../../src/contract/index.js';
import { expect, expectProblem, expectShape, needs, type SuiteContext } from '../suite.js';

const enc = encodeURIComponent;

/** Remaining stock of a reward, read from the rewards list. */
export async function rewardOf(ctx: SuiteContext, campaignId: string, rewardId: string): Promise<RewardTier> {
  const res = await ctx.http.request(`campaigns/${enc(campaignId)}/rewards?limit=100`, {
    headers: { 'Cache-Control': 'no-cache' },
  });
  const tier = expectShape(page(RewardTier), res.json, 'rewards').items.find((t) => t.id === rewardId);
  expect(tier, `reward ${rewardId} is not listed under campaign ${campaignId}`);
  return tier;
}

/** Routing errors and hostile requests: 4xx problem+json every time, and nothing stored. */
export async function errors(ctx: SuiteContext) {
  const { http } = ctx;

  await ctx.check('unknown routes answer 404 problem+json', async () => {
    expectProblem(await http.request('no-such-endpoint'), 404, 'not_found', 'GET /no-such-endpoint');
  });

  await ctx.check('a wrong method answers 405 problem+json with Allow', async () => {
    const res = await http.request('campaigns', { method: 'DELETE' });
    expectProblem(res, 405, 'method_not_allowed', 'DELETE /campaigns');
    expect(res.headers.allow?.includes('GET'), `Allow is "${res.headers.allow}"`);
  });

  await ctx.check('invalid query parameters answer 400 validation_failed', async () => {
    for (const q of ['limit=0', 'limit=1000', 'limit=abc', 'kind=lottery', 'cursor=%00%01garbage']) {
      expectProblem(await http.request(`campaigns?${q}`), 400, 'validation_failed', `GET /campaigns?${q}`);
    }
  });

  await ctx.check('ids with path characters are refused', async () => {
    for (const id of ['..%2F..%2Fetc%2Fpasswd', 'ABC', 'a%20b', '%2e%2e', 'x%00y', 'a'.repeat(65)]) {
      expectProblem(
        await http.request(`campaigns/${id}`),
        [400, 404],
        ['validation_failed', 'not_found'],
        `GET /campaigns/${id.slice(0, 30)}`,
      );
    }
  });

  await ctx.check('hostile pledges get 4xx problem+json and store nothing', async () => {
    const campaignId = needs(ctx.target.campaignId, 'a target campaign');
    const rewardId = ctx.target.limitedRewardId;
    const before = await ctx.totals(campaignId);
    const stockBefore = rewardId ? (await rewardOf(ctx, campaignId, rewardId)).remaining : null;
    const valid = ctx.pledge(100);
    const post = (body: unknown, headers: Record<string, string> = {}) => ctx.postPledge(campaignId, body, headers);
    // Built as text: JSON.stringify itself would overflow the stack on 10 000 levels.
    const nested = JSON.stringify(valid).replace(/}$/, `,"message":${'['.repeat(10_000)}${']'.repeat(10_000)}}`);
    const json = { 'Content-Type': 'application/json' };
    const invalid = ['validation_failed'];
    const cases: [string, () => ReturnType<typeof post>, number[], string[]][] = [
      [
        'amount as a string',
        () => post({ ...valid, amount: { amount: '100', currency: valid.amount.currency } }),
        [400],
        invalid,
      ],
      [
        'negative amount',
        () => post({ ...valid, amount: { amount: -100, currency: valid.amount.currency } }),
        [400],
        invalid,
      ],
      [
        'fractional amount',
        () => post({ ...valid, amount: { amount: 100.5, currency: valid.amount.currency } }),
        [400],
        invalid,
      ],
      [
        'an amount beyond 2^53',
        () => post({ ...valid, amount: { amount: 1e300, currency: valid.amount.currency } }),
        [400],
        invalid,
      ],
      ['missing backer', () => post({ amount: valid.amount }), [400], invalid],
      ['invalid e-mail', () => post({ ...valid, backer: { name: 'X', email: 'not-an-email' } }), [400], invalid],
      ['anonymous as a string', () => post({ ...valid, anonymous: 'yes' }), [400], invalid],
      [
        'a 100 kB message',
        () => post({ ...valid, message: 'x'.repeat(100_000) }),
        [400, 413],
        [...invalid, 'payload_too_large'],
      ],
      ['an array instead of an object', () => post([valid]), [400], invalid],
      ['reward id with path characters', () => post({ ...valid, rewardId: '../../admin' }), [400], invalid],
      ['deeply nested JSON', () => post(nested, json), [400], invalid],
      ['malformed JSON', () => post('{"amount": {', json), [400], invalid],
      [
        'a NUL character',
        () => post({ ...valid, backer: { name: 'Null\u0000Byte', email: 'x@example.org' } }),
        [400],
        invalid,
      ],
    ];
    for (const [what, send, status, codes] of cases) expectProblem(await send(), status, codes, `pledge with ${what}`);
    expectProblem(
      await post(JSON.stringify(valid), { 'Content-Type': 'text/plain' }),
      415,
      'unsupported_media_type',
      'pledge as text/plain',
    );
    expectProblem(
      await post(JSON.stringify(valid), { 'Content-Type': 'application/x-www-form-urlencoded' }),
      415,
      'unsupported_media_type',
      'pledge as a form',
    );
    const huge = Buffer.alloc(10 * 1024 * 1024, 0x20);
    huge.write(JSON.stringify(valid));
    expectProblem(await post(huge, json), 413, 'payload_too_large', 'a 10 MB pledge body');
    expectProblem(
      await http.request(`campaigns/${enc(campaignId)}/pledges`, { method: 'POST', body: valid }),
      400,
      'idempotency_key_missing',
      'a pledge without Idempotency-Key',
    );

    const after = await ctx.totals(campaignId);
    expect(
      after.pledged === before.pledged && after.backerCount === before.backerCount,
      `hostile requests changed the totals: ${JSON.stringify(before)} → ${JSON.stringify(after)}`,
    );
    if (rewardId) {
      const stockAfter = (await rewardOf(ctx, campaignId, rewardId)).remaining;
      expect(stockAfter === stockBefore, `hostile requests changed the reward stock: ${stockBefore} → ${stockAfter}`);
    }
  });
}
