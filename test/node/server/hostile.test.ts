import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Sandbox } from '../../../server/routes/sandbox.js';
import { databases, pledgeBody, problemOf, startTestServer, type TestServer } from './harness.js';

const TABLES = ['pledges', 'idempotency_keys', 'events', 'listings', 'replies', 'reports'];

for (const kind of databases) {
  describe(`hostile requests get 4xx problem+json and store nothing (${kind})`, () => {
    let s: TestServer;
    let sb: Sandbox;
    let snapshot: Record<string, unknown>;

    /** Every row count and every total a refused request could have touched. */
    async function state() {
      const counts: Record<string, unknown> = {};
      for (const table of TABLES) counts[table] = await s.count(table);
      counts.campaign = (
        await s.db.query('SELECT pledged, backer_count, waitlist_count FROM campaigns WHERE id = $1', [sb.campaignId])
      ).rows[0];
      counts.reward = (
        await s.db.query('SELECT remaining, backer_count FROM rewards WHERE id = $1', [sb.limitedRewardId])
      ).rows[0];
      return counts;
    }

    before(async () => {
      s = await startTestServer(kind, { memberWrites: { limit: 10_000, windowMs: 60_000 } });
      sb = await s.sandbox();
      snapshot = await state();
    });
    after(async () => {
      assert.deepEqual(await state(), snapshot, 'a refused request stored something');
      await s.close();
    });

    async function expectRefused(res: Response, status: number, code: string, what: string) {
      assert.equal(res.status, status, `${what}: status`);
      const problem = await problemOf(res);
      assert.equal(problem.code, code, `${what}: code`);
      assert.equal(problem.status, status);
      if (code === 'validation_failed') assert.ok(problem.errors && problem.errors.length > 0, `${what}: errors[]`);
      return problem;
    }

    const pledge = (body: BodyInit | null, headers: Record<string, string> = {}, campaign?: string) =>
      s.api(`campaigns/${campaign ?? sb.campaignId}/pledges`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID(), ...headers },
        body,
        ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
      } as RequestInit);
    const valid = pledgeBody(100, { rewardId: undefined });
    const withAmount = (amount: unknown) => JSON.stringify({ ...valid, amount: { amount, currency: 'EUR' } });

    test('wrong types, with the offending field named', async () => {
      const cases: [string, string, string][] = [
        ['amount as a string', withAmount('100'), 'amount.amount'],
        ['amount as an object', withAmount({ $gt: 0 }), 'amount.amount'],
        [
          'currency as a number',
          JSON.stringify({ ...valid, amount: { amount: 100, currency: 978 } }),
          'amount.currency',
        ],
        [
          'lower-case currency',
          JSON.stringify({ ...valid, amount: { amount: 100, currency: 'eur' } }),
          'amount.currency',
        ],
        ['backer as a string', JSON.stringify({ ...valid, backer: 'me' }), 'backer'],
        ['anonymous as a string', JSON.stringify({ ...valid, anonymous: 'true' }), 'anonymous'],
        ['rewardId as a number', JSON.stringify({ ...valid, rewardId: 7 }), 'rewardId'],
        ['an e-mail that is not one', JSON.stringify({ ...valid, backer: { name: 'A', email: 'a@' } }), 'backer.email'],
        ['a blank name', JSON.stringify({ ...valid, backer: { name: '   ', email: 'a@example.org' } }), 'backer.name'],
        ['a 501-character message', JSON.stringify({ ...valid, message: 'x'.repeat(501) }), 'message'],
      ];
      for (const [what, body, path] of cases) {
        const problem = await expectRefused(await pledge(body), 400, 'validation_failed', what);
        assert.ok(
          problem.errors!.some((e) => e.path === path),
          `${what}: errors name ${path}, got ${JSON.stringify(problem.errors)}`,
        );
      }
    });

    test('negative, fractional, huge and non-finite amounts', async () => {
      for (const amount of [-1, -100, 0.5, 100.01, 1e300, 2 ** 53 + 2]) {
        await expectRefused(await pledge(withAmount(amount)), 400, 'validation_failed', `amount ${amount}`);
      }
      await expectRefused(
        await pledge(JSON.stringify(valid).replace('"amount":100', '"amount":1e400')),
        400,
        'validation_failed',
        'amount 1e400 (Infinity)',
      );
      await expectRefused(
        await pledge(JSON.stringify(valid).replace('"amount":100', '"amount":NaN')),
        400,
        'validation_failed',
        'amount NaN',
      );
    });

    test('bodies that are not objects, empty, malformed or not UTF-8', async () => {
      for (const body of ['null', '[]', '"pledge"', '42', '', '   ', '{"amount":', '{"a":1}}', "{'single':'quotes'}"]) {
        await expectRefused(await pledge(body), 400, 'validation_failed', `body ${JSON.stringify(body)}`);
      }
      await expectRefused(
        await pledge(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])),
        400,
        'validation_failed',
        'invalid UTF-8',
      );
      await expectRefused(
        await pledge(JSON.stringify({ ...valid, message: 'a\u0000b' })),
        400,
        'validation_failed',
        'a NUL character',
      );
      await expectRefused(
        await pledge(JSON.stringify(valid).replace('"Test Backer"', '"\\ud800"')),
        400,
        'validation_failed',
        'a lone surrogate',
      );
    });

    test('10 MB bodies, declared or streamed, are cut off with 413', async () => {
      const big = Buffer.alloc(10 * 1024 * 1024, 0x20);
      big.write(JSON.stringify(valid));
      await expectRefused(await pledge(big), 413, 'payload_too_large', '10 MB with Content-Length');
      let sent = 0;
      const chunk = new Uint8Array(64 * 1024).fill(0x20);
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent >= 10 * 1024 * 1024) return controller.close();
          sent += chunk.byteLength;
          controller.enqueue(
            sent === chunk.byteLength ? new TextEncoder().encode(`{"message":"${'x'.repeat(1000)}`) : chunk,
          );
        },
      });
      await expectRefused(await pledge(stream), 413, 'payload_too_large', '10 MB streamed without Content-Length');
      assert.ok(sent < 10 * 1024 * 1024, `the server stopped reading early (read ${sent} bytes)`);
    });

    test('deeply nested JSON is refused before parsing', async () => {
      const deep = JSON.stringify(valid).replace(/}$/, `,"message":${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
      await expectRefused(
        await pledge(deep.slice(0, 60_000) + ']'.repeat(0)),
        400,
        'validation_failed',
        'deep and truncated',
      );
      const nested = JSON.stringify(valid).replace(/}$/, `,"message":${'{"a":'.repeat(20)}1${'}'.repeat(20)}}`);
      const problem = await expectRefused(await pledge(nested), 400, 'validation_failed', '20 levels of objects');
      assert.match(problem.errors![0]!.message, /nest/);
    });

    test('wrong content types answer 415', async () => {
      for (const type of [
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/json; charset=latin1',
        'application/jsonx',
      ]) {
        await expectRefused(
          await pledge(JSON.stringify(valid), { 'Content-Type': type }),
          415,
          'unsupported_media_type',
          type,
        );
      }
      const none = await s.api(`campaigns/${sb.campaignId}/pledges`, {
        method: 'POST',
        headers: { 'Idempotency-Key': crypto.randomUUID() },
        body: new Blob([JSON.stringify(valid)]),
      });
      await expectRefused(none, 415, 'unsupported_media_type', 'no Content-Type');
    });

    test('ids with path characters, in the URL and in the body', async () => {
      for (const id of [
        '..%2F..%2Fetc',
        'ABC',
        'a%20b',
        'a%00b',
        'sbx%2F1',
        '-leading-dash',
        'x'.repeat(65),
        'caf%C3%A9',
      ]) {
        const res = await pledge(JSON.stringify(valid), {}, id);
        await expectRefused(res, 400, 'validation_failed', `campaign id ${id}`);
      }
      for (const rewardId of ['../limited', 'A', 'a b', 'a/b', '']) {
        await expectRefused(
          await pledge(JSON.stringify({ ...valid, rewardId })),
          400,
          'validation_failed',
          `rewardId ${rewardId}`,
        );
      }
      const read = await s.api('campaigns/..%2f..%2fadmin');
      assert.equal(read.status, 400);
      assert.equal((await problemOf(read)).errors?.[0]?.path, 'campaignId');
    });

    test('missing or malformed Idempotency-Key', async () => {
      const missing = await s.api(`campaigns/${sb.campaignId}/pledges`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(valid),
      });
      await expectRefused(missing, 400, 'idempotency_key_missing', 'no key');
      await expectRefused(
        await pledge(JSON.stringify(valid), { 'Idempotency-Key': 'k'.repeat(256) }),
        400,
        'validation_failed',
        'a 256-character key',
      );
      await expectRefused(
        await pledge(JSON.stringify(valid), { 'Idempotency-Key': 'two words' }),
        400,
        'validation_failed',
        'a key with a space',
      );
    });

    test('hostile query strings', async () => {
      for (const q of [
        'limit=-1',
        'limit=1.5',
        'limit=1e10',
        'limit=',
        'status=everything',
        `cursor=${'x'.repeat(201)}`,
      ]) {
        await expectRefused(await s.api(`campaigns?${q}`), 400, 'validation_failed', q);
      }
      await expectRefused(
        await s.api(`neighbourhoods/${sb.neighbourhoodId}/listings?q=${'x'.repeat(101)}`),
        400,
        'validation_failed',
        'a 101-character search',
      );
    });

    test('hostile board posts, replies and reports', async () => {
      const auth = { Authorization: `Bearer ${sb.memberToken}`, 'Content-Type': 'application/json' };
      const listing = {
        kind: 'offer',
        type: 'give',
        category: 'books',
        title: 'Books',
        description: '',
        place: { label: 'Centre' },
      };
      const post = (body: unknown, path = `neighbourhoods/${sb.neighbourhoodId}/listings`) =>
        s.api(path, { method: 'POST', headers: auth, body: typeof body === 'string' ? body : JSON.stringify(body) });
      const day = 86_400_000;
      const cases: [string, unknown, string][] = [
        ['an unknown kind', { ...listing, kind: 'auction' }, 'kind'],
        ['an unknown category', { ...listing, category: 'weapons' }, 'category'],
        ['a 2-character title', { ...listing, title: 'ab' }, 'title'],
        ['a 101-character title', { ...listing, title: 'x'.repeat(101) }, 'title'],
        ['a 1 001-character description', { ...listing, description: 'x'.repeat(1001) }, 'description'],
        ['no place', { ...listing, place: undefined }, 'place'],
        ['an 81-character place', { ...listing, place: { label: 'x'.repeat(81) } }, 'place.label'],
        ['an expiry in the past', { ...listing, expiresAt: new Date(Date.now() - day).toISOString() }, 'expiresAt'],
        [
          'an expiry beyond 90 days',
          { ...listing, expiresAt: new Date(Date.now() + 91 * day).toISOString() },
          'expiresAt',
        ],
        ['an expiry that is not a date', { ...listing, expiresAt: 'tomorrow' }, 'expiresAt'],
      ];
      for (const [what, body, path] of cases) {
        const problem = await expectRefused(await post(body), 400, 'validation_failed', what);
        assert.ok(
          problem.errors!.some((e) => e.path === path),
          `${what}: errors name ${path}, got ${JSON.stringify(problem.errors)}`,
        );
      }
      const big = JSON.stringify({ ...listing, description: 'x'.repeat(70_000) });
      await expectRefused(await post(big), 413, 'payload_too_large', 'a 70 kB listing');
      const real = (await s.db.query<{ id: string }>("SELECT id FROM listings WHERE status = 'open' LIMIT 1")).rows[0]!
        .id;
      await expectRefused(
        await post({ message: '   ' }, `listings/${real}/replies`),
        400,
        'validation_failed',
        'a blank reply',
      );
      await expectRefused(
        await post({ message: 'x'.repeat(501) }, `listings/${real}/replies`),
        400,
        'validation_failed',
        'a 501-character reply',
      );
      await expectRefused(
        await post({ reason: 'boring' }, `listings/${real}/reports`),
        400,
        'validation_failed',
        'an unknown report reason',
      );
      await expectRefused(
        await post({ message: 'hi' }, 'listings/..%2Fx/replies'),
        400,
        'validation_failed',
        'a listing id with a slash',
      );
    });
  });
}
