import { Neighbourhood, PartnerVisits } from '../../src/contract/index.js';
import { expect, expectProblem, expectShape, expectStatus, needs, type SuiteContext } from '../suite.js';

const enc = encodeURIComponent;

/**
 * Partner links that pay their way: the backend attributes them and counts their visits through
 * a redirect. Counts only (no cookie), each visit exactly once under concurrency, never an open
 * redirect, and the counts for organisers only.
 */
export async function partners(ctx: SuiteContext) {
  const { http } = ctx;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const neighbourhood = async () => {
    const id = needs(ctx.target.neighbourhoodId, 'a target neighbourhood');
    const res = await http.request(`neighbourhoods/${enc(id)}`, { headers: { 'Cache-Control': 'no-cache' } });
    expectStatus(res, 200, 'GET the neighbourhood');
    return expectShape(Neighbourhood, res.json, 'the neighbourhood');
  };
  const partner = async () => {
    const n = await neighbourhood();
    const wanted = ctx.target.partnerId;
    const found = wanted ? n.partnerServices.find((p) => p.id === wanted) : n.partnerServices[0];
    return { n, partner: needs(found, 'a neighbourhood with a partner service') };
  };
  const visitPath = (neighbourhoodId: string, partnerId: string) =>
    `neighbourhoods/${enc(neighbourhoodId)}/partners/${enc(partnerId)}/visit`;
  const countOf = async (neighbourhoodId: string, partnerId: string) => {
    const res = await http.request(`neighbourhoods/${enc(neighbourhoodId)}/partner-visits`, {
      headers: auth(needs(ctx.target.organiserToken, 'an organiser token')),
    });
    expectStatus(res, 200, 'GET partner visits as an organiser');
    const visits = expectShape(PartnerVisits, res.json, 'the partner visits');
    const row = visits.partners.find((p) => p.partnerId === partnerId);
    expect(row, `the visits do not list partner "${partnerId}"`);
    return row.visits;
  };

  await ctx.check('a partner link redirects to the attributed address, sets no cookie, sends no referrer', async () => {
    const { n, partner: p } = await partner();
    const path = visitPath(n.id, p.id);
    expect(p.visitUrl === http.url(path).href, `visitUrl is ${p.visitUrl}, expected this backend's ${path}`);
    expect(new URL(p.url).searchParams.has('utm_source'), `the partner url carries no attribution: ${p.url}`);
    const before = await countOf(n.id, p.id);
    const res = await http.request(path);
    expectStatus(res, [302, 303], 'GET the partner link');
    expect(res.headers.location === p.url, `Location is ${res.headers.location}, expected ${p.url}`);
    expect(res.headers['set-cookie'] === undefined, `the redirect sets a cookie: ${res.headers['set-cookie']}`);
    const policy = res.headers['referrer-policy'] ?? '';
    expect(
      ['no-referrer', 'origin', 'strict-origin', 'same-origin'].includes(policy),
      `Referrer-Policy is "${policy}": the reader's page address must not reach the partner`,
    );
    expect(/no-store/.test(res.headers['cache-control'] ?? ''), 'the redirect may be cached (visits lost)');
    const after = await countOf(n.id, p.id);
    expect(after === before + 1, `one visit moved the count from ${before} to ${after}`);
  });

  await ctx.check('100 concurrent visits of a partner link count exactly 100', async () => {
    const { n, partner: p } = await partner();
    const before = await countOf(n.id, p.id);
    const answers = await Promise.all(Array.from({ length: 100 }, () => http.request(visitPath(n.id, p.id))));
    const statuses = [...new Set(answers.map((r) => r.status))];
    expect(
      statuses.every((s) => s === 302 || s === 303),
      `statuses ${statuses.join(', ')}`,
    );
    const after = await countOf(n.id, p.id);
    expect(after === before + 100, `100 visits moved the count from ${before} to ${after}`);
  });

  await ctx.check('a forged target is refused: a partner link only ever leads to the stored address', async () => {
    const { n, partner: p } = await partner();
    const before = await countOf(n.id, p.id);
    for (const query of [
      '?url=https%3A%2F%2Fevil.example%2F',
      '?to=%2F%2Fevil.example',
      '?next=https://evil.example',
    ]) {
      const res = await http.request(`${visitPath(n.id, p.id)}${query}`);
      expectProblem(res, 400, 'validation_failed', `a partner link with ${query}`);
      expect(res.headers.location === undefined, `${query} still redirects to ${res.headers.location}`);
    }
    for (const path of [
      visitPath(n.id, 'no-such-partner'),
      `neighbourhoods/${enc(n.id)}/partners/${enc('https://evil.example')}/visit`,
    ]) {
      const res = await http.request(path);
      expectStatus(res, [400, 404], path);
      expect(res.headers.location === undefined, `${path} redirects to ${res.headers.location}`);
    }
    const after = await countOf(n.id, p.id);
    expect(after === before, `refused links moved the count from ${before} to ${after}`);
  });

  await ctx.check('partner visit counts are for organisers only', async () => {
    const { n } = await partner();
    const path = `neighbourhoods/${enc(n.id)}/partner-visits`;
    expectProblem(await http.request(path), 401, 'unauthorized', 'visits without a token');
    const member = needs(ctx.target.memberToken, 'a member token');
    expectProblem(await http.request(path, { headers: auth(member) }), 403, 'forbidden', 'visits as a member');
    const text = (await http.request(`neighbourhoods/${enc(n.id)}`)).text;
    expect(!/visits/i.test(text), 'the public neighbourhood answer carries visit counts');
  });
}
