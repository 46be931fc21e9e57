import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runConformance } from '../../../conformance/index.js';
import { formatResult } from '../../../conformance/suite.js';
import { databases, startTestServer, type TestServer } from './harness.js';

for (const kind of databases) {
  describe(`the conformance suite (${kind})`, () => {
    let s: TestServer;
    before(async () => {
      s = await startTestServer(kind, { openapiFile: join(process.cwd(), 'openapi.json') });
    });
    after(() => s.close());

    test('passes against the reference server: every check, none skipped', { timeout: 180_000 }, async () => {
      const report = await runConformance({ baseUrl: s.baseUrl });
      const problems = report.results
        .filter((r) => r.status !== 'pass')
        .map((r) => `${r.group} › ${formatResult(r).trim()}`);
      assert.equal(report.targetSource, 'sandbox');
      assert.deepEqual(problems, []);
      assert.ok(report.passed >= 30, `${report.passed} checks ran`);
    });

    test('fails a backend that oversells a limited reward', { timeout: 120_000 }, async () => {
      const sb = await s.sandbox();
      // Sabotage this one reward: its stock never drops below 1, whatever the claims.
      await s.db.query('ALTER TABLE rewards DROP CONSTRAINT IF EXISTS rewards_remaining_check');
      await s.db.query(
        `CREATE FUNCTION broken_stock() RETURNS trigger AS $$ BEGIN NEW.remaining := GREATEST(NEW.remaining, 1); RETURN NEW; END $$ LANGUAGE plpgsql`,
      );
      await s.db.query(
        `CREATE TRIGGER broken_stock BEFORE UPDATE OF remaining ON rewards FOR EACH ROW WHEN (OLD.id = '${sb.limitedRewardId}') EXECUTE FUNCTION broken_stock()`,
      );
      const report = await runConformance({
        baseUrl: s.baseUrl,
        target: { campaignId: sb.campaignId, limitedRewardId: sb.limitedRewardId },
        groups: ['concurrency'],
        grep: /limited reward/,
      });
      assert.equal(report.results.length, 1);
      assert.equal(report.results[0]!.status, 'fail');
      assert.match(report.results[0]!.detail ?? '', /100 claimers got the reward; the stock was 10/);
    });

    test('fails a backend that loses partner visits', { timeout: 120_000 }, async () => {
      const sb = await s.sandbox();
      // Sabotage: a second visit of this neighbourhood's links never adds up.
      await s.db.query(
        `CREATE FUNCTION lost_visits() RETURNS trigger AS $$ BEGIN NEW.visits := OLD.visits; RETURN NEW; END $$ LANGUAGE plpgsql`,
      );
      await s.db.query(
        `CREATE TRIGGER lost_visits BEFORE UPDATE ON partner_visits FOR EACH ROW WHEN (OLD.neighbourhood_id = '${sb.neighbourhoodId}') EXECUTE FUNCTION lost_visits()`,
      );
      const report = await runConformance({
        baseUrl: s.baseUrl,
        target: { neighbourhoodId: sb.neighbourhoodId, organiserToken: sb.organiserToken, partnerId: sb.partnerId },
        groups: ['partners'],
        grep: /concurrent visits/,
      });
      assert.equal(report.results.length, 1);
      assert.equal(report.results[0]!.status, 'fail');
      assert.match(report.results[0]!.detail ?? '', /100 visits moved the count from \d+ to \d+/);
    });
  });
}
