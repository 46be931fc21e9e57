import { Listing, Member, Reply, Report } from '../../src/contract/index.js';
import { expect, expectProblem, expectShape, expectStatus, needs, type SuiteContext } from '../suite.js';

const enc = encodeURIComponent;

/** Member actions on a neighbourhood board: bearer auth, membership, bounded inputs, rate limit. */
export async function board(ctx: SuiteContext) {
  const { http } = ctx;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const listingBody = {
    kind: 'offer',
    type: 'give',
    category: 'books',
    title: 'Conformance: a box of books',
    description: 'Posted by the conformance suite.',
    place: { label: 'Sandbox district' },
  };
  let listing: Listing | undefined;

  await ctx.check('GET /me needs a valid bearer token', async () => {
    expectProblem(await http.request('me'), 401, 'unauthorized', 'GET /me without a token');
    expectProblem(
      await http.request('me', { headers: auth('conformance-not-a-token') }),
      401,
      'unauthorized',
      'GET /me with an unknown token',
    );
    expectProblem(
      await http.request('me', { headers: { Authorization: 'Basic dXNlcjpwYXNz' } }),
      401,
      'unauthorized',
      'GET /me with Basic auth',
    );
    const token = needs(ctx.target.memberToken, 'a member token');
    const res = await http.request('me', { headers: auth(token) });
    expectStatus(res, 200, 'GET /me');
    expectShape(Member, res.json, 'the member');
  });

  await ctx.check('posting a listing: 401 without token, 403 outside the neighbourhood, 201 for a member', async () => {
    const neighbourhoodId = needs(ctx.target.neighbourhoodId, 'a target neighbourhood');
    const path = `neighbourhoods/${enc(neighbourhoodId)}/listings`;
    expectProblem(
      await http.request(path, { method: 'POST', body: listingBody }),
      401,
      'unauthorized',
      'POST listing without a token',
    );
    const outsider = needs(ctx.target.outsiderToken, 'an outsider token');
    expectProblem(
      await http.request(path, { method: 'POST', body: listingBody, headers: auth(outsider) }),
      403,
      'forbidden',
      'POST listing by an outsider',
    );
    const res = await http.request(path, {
      method: 'POST',
      body: listingBody,
      headers: auth(needs(ctx.target.memberToken, 'a member token')),
    });
    expectStatus(res, 201, 'POST listing by a member');
    listing = expectShape(Listing, res.json, 'the new listing');
    expect(
      listing.neighbourhoodId === neighbourhoodId && listing.title === listingBody.title && listing.status === 'open',
      'the listing differs from what was posted',
    );
    const read = await http.request(`listings/${enc(listing.id)}`);
    expectStatus(read, 200, 'GET the new listing');
  });

  await ctx.check('posting a listing with invalid fields answers 400 validation_failed', async () => {
    const neighbourhoodId = needs(ctx.target.neighbourhoodId, 'a target neighbourhood');
    const token = needs(ctx.target.memberToken, 'a member token');
    const res = await http.request(`neighbourhoods/${enc(neighbourhoodId)}/listings`, {
      method: 'POST',
      headers: auth(token),
      body: { ...listingBody, kind: 'auction', title: 'x', description: 'y'.repeat(5000) },
    });
    const problem = expectProblem(res, 400, 'validation_failed', 'POST an invalid listing');
    const paths = problem.errors!.map((e) => e.path);
    expect(
      ['kind', 'title', 'description'].every((p) => paths.includes(p)),
      `errors name ${paths.join(', ')}; expected kind, title and description`,
    );
  });

  await ctx.check('replying counts on the listing; reporting answers received', async () => {
    const l = needs(listing, 'the listing posted above');
    const token = needs(ctx.target.memberToken, 'a member token');
    const reply = await http.request(`listings/${enc(l.id)}/replies`, {
      method: 'POST',
      headers: auth(token),
      body: { message: 'Still available?' },
    });
    expectStatus(reply, 201, 'POST reply');
    expect(expectShape(Reply, reply.json, 'the reply').listingId === l.id, 'the reply is for another listing');
    const after = expectShape(
      Listing,
      (await http.request(`listings/${enc(l.id)}`, { headers: { 'Cache-Control': 'no-cache' } })).json,
      'listing',
    );
    expect(after.replyCount === l.replyCount + 1, `replyCount is ${after.replyCount}, expected ${l.replyCount + 1}`);
    const report = await http.request(`listings/${enc(l.id)}/reports`, {
      method: 'POST',
      headers: auth(token),
      body: { reason: 'spam', detail: 'Conformance check' },
    });
    expectStatus(report, 201, 'POST report');
    expect(expectShape(Report, report.json, 'the report').status === 'received', 'the report is not "received"');
    expectProblem(
      await http.request('listings/conformance-no-listing/replies', {
        method: 'POST',
        headers: auth(token),
        body: { message: 'hello' },
      }),
      404,
      'not_found',
      'a reply to an unknown listing',
    );
  });

  await ctx.check('member writes are rate-limited: 429 rate_limited with Retry-After', async () => {
    const l = needs(listing, 'the listing posted above');
    const token = needs(ctx.target.memberToken, 'a member token');
    let limited;
    for (let i = 0; i < 120 && !limited; i++) {
      const res = await http.request(`listings/${enc(l.id)}/replies`, {
        method: 'POST',
        headers: auth(token),
        body: { message: `burst ${i}` },
      });
      if (res.status === 429) limited = res;
      else expectStatus(res, 201, `reply ${i + 1} of the burst`);
    }
    expect(limited, 'no 429 within 120 writes in a row');
    expectProblem(limited, 429, 'rate_limited', 'the limited write');
    const retry = Number(limited.headers['retry-after']);
    expect(Number.isInteger(retry) && retry > 0, `Retry-After is "${limited.headers['retry-after']}"`);
  });
}
