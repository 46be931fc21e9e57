import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runConformance } from '../../../conformance/index.js';
import { formatResult } from '../../../conformance/suite.js';
import { databases, startTestServer, type TestServer } from './harness.js';

for (const kind of databases) {
  describe(`the reference server passes the conformance suite (${kind})`, () => {
    let s: TestServer;
    before(async () => {
      s = await startTestServer(kind, { openapiFile: join(process.cwd(), 'openapi.json') });
    });
    after(() => s.close());

    test('every check passes, none skipped', { timeout: 90_000 }, async () => {
      const report = await runConformance({ baseUrl: s.baseUrl });
      const problems = report.results
        .filter((r) => r.status !== 'pass')
        .map((r) => `${r.group} › ${formatResult(r).trim()}`);
      assert.equal(report.targetSource, 'sandbox');
      assert.deepEqual(problems, []);
      assert.ok(report.passed >= 30, `${report.passed} checks ran`);
    });
  });
}

describe('the conformance suite catches a non-conforming backend', () => {
  let s: TestServer;
  before(async () => {
    s = await startTestServer('pglite');
    // Sabotage: a limited reward that "sells" without limit, and a totals counter that forgets.
    await s.db.query('ALTER TABLE rewards DROP CONSTRAINT IF EXISTS rewards_remaining_check');
    await s.db.query(
      `CREATE FUNCTION broken_stock() RETURNS trigger AS $$ BEGIN NEW.remaining := GREATEST(OLD.remaining, 1); RETURN NEW; END $$ LANGUAGE plpgsql`,
    );
    await s.db.query(
      'CREATE TRIGGER broken_stock BEFORE UPDATE OF remaining ON rewards FOR EACH ROW EXECUTE FUNCTION broken_stock()',
    );
  });
  after(() => s.close());

  test('overselling a reward fails the concurrency check', { timeout: 60_000 }, async () => {
    const report = await runConformance({ baseUrl: s.baseUrl, groups: ['concurrency'], grep: /limited reward/ });
    const check = report.results.find((r) => r.name.startsWith('a limited reward'));
    assert.equal(check?.status, 'fail');
    assert.match(check?.detail ?? '', /claimers got the reward|remaining/);
  });
});
