import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Neighbourhood, PartnerVisits } from '../../../src/contract/index.js';
import type { Sandbox } from '../../../server/routes/sandbox.js';
import { databases, problemOf, startTestServer, type TestServer } from './harness.js';

for (const kind of databases) {
  describe(`partner links (${kind})`, () => {
    let s: TestServer;
    let sb: Sandbox;
    before(async () => {
      s = await startTestServer(kind);
      sb = await s.sandbox();
    });
    after(() => s.close());

    const visitPath = (partnerId = sb.partnerId, neighbourhoodId = sb.neighbourhoodId) =>
      `neighbourhoods/${neighbourhoodId}/partners/${partnerId}/visit`;
    const visit = (path = visitPath(), init: RequestInit = {}) => s.api(path, { redirect: 'manual', ...init });
    const visits = async (token = sb.organiserToken) => {
      const res = await s.api(`neighbourhoods/${sb.neighbourhoodId}/partner-visits`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      assert.equal(res.status, 200, await res.clone().text());
      return PartnerVisits.parse(await res.json());
    };
    const countOf = async () => (await visits()).partners.find((p) => p.partnerId === sb.partnerId)!.visits;

    test('the answer links each partner through the counter, with the attribution the backend sets', async () => {
      const res = await s.api(`neighbourhoods/${sb.neighbourhoodId}`);
      const n = Neighbourhood.parse(await res.json());
      const [partner] = n.partnerServices;
      assert.equal(partner!.visitUrl, `${s.baseUrl}/${visitPath()}`);
      const url = new URL(partner!.url);
      assert.equal(url.origin + url.pathname, 'https://partner.sandbox.partage.example.org/cars');
      assert.equal(url.searchParams.get('city'), 'sandbox', "the partner's own parameters stay");
      // The sandbox partner's stored URL claims utm_source=elsewhere: the platform's attribution wins.
      assert.equal(url.searchParams.get('utm_source'), 'partage');
      assert.equal(url.searchParams.get('utm_medium'), 'partner-link');
      assert.equal(url.searchParams.get('utm_campaign'), sb.neighbourhoodId.replace(/-board$/, ''));
    });

    test('a visit redirects (303) to the attributed address and counts once, with no cookie', async () => {
      const before = await countOf();
      const res = await visit();
      assert.equal(res.status, 303);
      const location = new URL(res.headers.get('location')!);
      assert.equal(location.host, 'partner.sandbox.partage.example.org');
      assert.equal(location.searchParams.get('utm_source'), 'partage');
      assert.equal(res.headers.get('set-cookie'), null);
      assert.equal(res.headers.get('referrer-policy'), 'no-referrer');
      assert.equal(res.headers.get('cache-control'), 'no-store');
      assert.equal(await countOf(), before + 1);
    });

    test('100 concurrent visits count exactly 100', async () => {
      const before = await countOf();
      const answers = await Promise.all(Array.from({ length: 100 }, () => visit()));
      assert.deepEqual(new Set(answers.map((r) => r.status)), new Set([303]));
      assert.equal(await countOf(), before + 100);
    });

    test('a forged target is refused and counts nothing; the Location is only ever the stored address', async () => {
      const before = await countOf();
      for (const query of ['?url=https://evil.example', '?to=%2F%2Fevil.example', '?utm_source=other']) {
        const res = await visit(`${visitPath()}${query}`);
        assert.equal(res.status, 400, query);
        assert.equal((await problemOf(res)).code, 'validation_failed');
        assert.equal(res.headers.get('location'), null);
      }
      for (const path of [
        visitPath('unknown-partner'),
        visitPath(sb.partnerId, 'saint-malo-intra-muros'), // another neighbourhood's link
        `neighbourhoods/${sb.neighbourhoodId}/partners/https%3A%2F%2Fevil.example/visit`,
      ]) {
        const res = await visit(path);
        assert.ok([400, 404].includes(res.status), `${path}: ${res.status}`);
        assert.equal(res.headers.get('location'), null);
      }
      assert.equal(await countOf(), before);
    });

    test('HEAD says where the link goes without counting a visit', async () => {
      const before = await countOf();
      const res = await visit(visitPath(), { method: 'HEAD' });
      assert.equal(res.status, 303);
      assert.match(res.headers.get('location')!, /^https:\/\/partner\.sandbox/);
      assert.equal(await countOf(), before);
    });

    test('only organisers see the counts; the public answer never carries them', async () => {
      const path = `neighbourhoods/${sb.neighbourhoodId}/partner-visits`;
      assert.equal((await s.api(path)).status, 401);
      for (const token of [sb.memberToken, sb.outsiderToken]) {
        const res = await s.api(path, { headers: { Authorization: `Bearer ${token}` } });
        assert.equal(res.status, 403);
        assert.equal((await problemOf(res)).code, 'forbidden');
      }
      const answer = await visits();
      assert.equal(
        answer.totalVisits,
        answer.partners.reduce((sum, p) => sum + p.visits, 0),
      );
      const res = await s.api(`neighbourhoods/${sb.neighbourhoodId}/partner-visits`, {
        headers: { Authorization: `Bearer ${sb.organiserToken}` },
      });
      assert.match(res.headers.get('cache-control')!, /private/);
      const publicText = await (await s.api(`neighbourhoods/${sb.neighbourhoodId}`)).text();
      assert.doesNotMatch(publicText, /visits/i);
    });

    test('the table holds counts only: no visitor, time, address or agent', async () => {
      const columns = await s.db.query<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns WHERE table_name = 'partner_visits' AND table_schema = current_schema() ORDER BY column_name`,
      );
      assert.deepEqual(
        columns.rows.map((r) => r.column_name),
        ['neighbourhood_id', 'partner_id', 'visits'],
      );
    });
  });
}
