import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Listing, Member, Reply, Report, page } from '../../../src/contract/index.js';
import type { Sandbox } from '../../../server/routes/sandbox.js';
import { databases, problemOf, startTestServer, type TestServer } from './harness.js';

const listingBody = {
  kind: 'request',
  type: 'lend',
  category: 'tools',
  title: 'Une scie à métaux',
  description: 'Pour un après-midi.',
  place: { label: 'Rocabey' },
};

for (const kind of databases) {
  describe(`neighbourhood board (${kind})`, () => {
    let s: TestServer;
    let clock = Date.now();
    before(async () => {
      s = await startTestServer(kind, { now: () => new Date(clock), memberWrites: { limit: 5, windowMs: 60_000 } });
    });
    after(() => s.close());

    const send = (path: string, token: string | null, body: unknown) =>
      s.api(path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });

    test('GET /me: 401 without, with a malformed or an unknown token; the member otherwise', async () => {
      const none = await s.api('me');
      assert.equal(none.status, 401);
      assert.equal((await problemOf(none)).code, 'unauthorized');
      assert.equal(none.headers.get('www-authenticate'), 'Bearer realm="partage"');
      for (const header of ['Bearer', 'Basic bW9yZ2FuZTpwYXNz', 'Bearer two tokens', 'demo-member-morgane']) {
        const res = await s.api('me', { headers: { Authorization: header } });
        assert.equal(res.status, 401, header);
      }
      const unknown = await s.api('me', { headers: { Authorization: 'Bearer demo-member-nobody' } });
      assert.equal(unknown.status, 401);
      assert.match(unknown.headers.get('www-authenticate') ?? '', /invalid_token/);
      const me = await s.api('me', { headers: { Authorization: 'Bearer demo-member-morgane' } });
      assert.equal(me.status, 200);
      assert.equal(me.headers.get('cache-control'), 'private, no-cache');
      assert.deepEqual(Member.parse(await me.json()), {
        id: 'm-morgane',
        displayName: 'Morgane L.',
        neighbourhoodIds: ['saint-malo-intra-muros'],
      });
    });

    test('posting: 401 without a token, 403 outside the neighbourhood, 404 for an unknown one', async () => {
      const path = 'neighbourhoods/rennes-thabor/listings';
      assert.equal((await send(path, null, listingBody)).status, 401);
      const outsider = await send(path, 'demo-member-morgane', listingBody);
      assert.equal(outsider.status, 403);
      assert.equal((await problemOf(outsider)).code, 'forbidden');
      assert.equal(
        (await problemOf(await send('neighbourhoods/nowhere/listings', 'demo-member-david', listingBody))).code,
        'not_found',
      );
      assert.equal(await s.count('listings', 'author_member_id IS NOT NULL'), 0);
    });

    test('a member posts a listing: it leads the board and counts as open', async () => {
      const before = (await (await s.api('neighbourhoods/rennes-thabor')).json()) as {
        stats: { openListings: number };
      };
      const res = await send('neighbourhoods/rennes-thabor/listings', 'demo-member-ines', {
        ...listingBody,
        title: '  Une scie à métaux  ',
      });
      assert.equal(res.status, 201);
      const listing = Listing.parse(await res.json());
      assert.deepEqual(
        [listing.title, listing.author.displayName, listing.status, listing.replyCount, listing.neighbourhoodId],
        ['Une scie à métaux', 'Inès T.', 'open', 0, 'rennes-thabor'],
      );
      const board = page(Listing).parse(await (await s.api('neighbourhoods/rennes-thabor/listings')).json());
      assert.equal(board.items[0]!.id, listing.id);
      const after = (await (await s.api('neighbourhoods/rennes-thabor')).json()) as { stats: { openListings: number } };
      assert.equal(after.stats.openListings, before.stats.openListings + 1);
    });

    test('replies count on the listing; closed and expired listings refuse them', async () => {
      const sb: Sandbox = await s.sandbox();
      const created = Listing.parse(
        await (await send(`neighbourhoods/${sb.neighbourhoodId}/listings`, sb.memberToken, listingBody)).json(),
      );
      const reply = await send(`listings/${created.id}/replies`, sb.memberToken, {
        message: ' Je peux prêter la mienne. ',
      });
      assert.equal(reply.status, 201);
      assert.equal(Reply.parse(await reply.json()).message, 'Je peux prêter la mienne.');
      assert.equal(Listing.parse(await (await s.api(`listings/${created.id}`)).json()).replyCount, 1);
      const outsider = await send(`listings/${created.id}/replies`, sb.outsiderToken, { message: 'Hello' });
      assert.equal(outsider.status, 403);

      await s.db.query("UPDATE listings SET status = 'closed' WHERE id = $1", [created.id]);
      const closed = await send(`listings/${created.id}/replies`, sb.memberToken, { message: 'Still there?' });
      assert.deepEqual([closed.status, (await problemOf(closed)).code], [409, 'listing_closed']);

      await s.db.query("UPDATE listings SET status = 'open', expires_at = $2 WHERE id = $1", [
        created.id,
        new Date(clock - 1000),
      ]);
      assert.equal(
        Listing.parse(await (await s.api(`listings/${created.id}`)).json()).status,
        'closed',
        'expired listings read as closed',
      );
      const expired = await send(`listings/${created.id}/replies`, sb.memberToken, { message: 'Still there?' });
      assert.equal((await problemOf(expired)).code, 'listing_closed');
      assert.equal(Listing.parse(await (await s.api(`listings/${created.id}`)).json()).replyCount, 1);
    });

    test('reporting twice keeps one report, with the latest reason', async () => {
      const sb = await s.sandbox();
      const created = Listing.parse(
        await (await send(`neighbourhoods/${sb.neighbourhoodId}/listings`, sb.memberToken, listingBody)).json(),
      );
      const first = Report.parse(
        await (await send(`listings/${created.id}/reports`, sb.memberToken, { reason: 'spam' })).json(),
      );
      const second = await send(`listings/${created.id}/reports`, sb.memberToken, {
        reason: 'scam',
        detail: 'Asks for money up front',
      });
      assert.equal(second.status, 201);
      const again = Report.parse(await second.json());
      assert.deepEqual([again.id, again.reason, again.status], [first.id, 'scam', 'received']);
      assert.equal(await s.count('reports', 'listing_id = $1', [created.id]), 1);
    });

    test('member writes are rate-limited per member with Retry-After, and the window resets', async () => {
      const sb = await s.sandbox();
      const path = `neighbourhoods/${sb.neighbourhoodId}/listings`;
      const statuses = [];
      for (let i = 0; i < 7; i++)
        statuses.push((await send(path, sb.memberToken, { ...listingBody, title: `Listing ${i}` })).status);
      assert.deepEqual(statuses, [201, 201, 201, 201, 201, 429, 429]);
      const limited = await send(path, sb.memberToken, listingBody);
      const problem = await problemOf(limited);
      assert.equal(problem.code, 'rate_limited');
      assert.equal(limited.headers.get('retry-after'), String(problem.retryAfter));
      assert.ok(problem.retryAfter! > 0 && problem.retryAfter! <= 60);
      assert.equal(await s.count('listings', 'neighbourhood_id = $1', [sb.neighbourhoodId]), 5);
      // Another member is not affected; reads are not limited.
      assert.equal((await s.api('me', { headers: { Authorization: `Bearer ${sb.memberToken}` } })).status, 200);
      clock += 61_000;
      try {
        assert.equal((await send(path, sb.memberToken, listingBody)).status, 201, 'a new window');
      } finally {
        clock = Date.now();
      }
    });
  });

  describe(`a platform's own authentication (${kind})`, () => {
    let s: TestServer;
    before(async () => {
      // A platform verifying its own session tokens: here, "session:<member id>".
      s = await startTestServer(kind, {
        authenticate: async (token) =>
          token.startsWith('session:')
            ? { id: token.slice(8), displayName: `Voisin ${token.slice(8)}`, neighbourhoodIds: ['rennes-thabor'] }
            : null,
      });
    });
    after(() => s.close());

    test('its members post without being seeded first', async () => {
      const auth = { Authorization: 'Bearer session:platform-user-42', 'Content-Type': 'application/json' };
      assert.equal(
        (await s.api('me', { headers: { Authorization: 'Bearer demo-member-ines' } })).status,
        401,
        'the demo tokens are gone',
      );
      const res = await s.api('neighbourhoods/rennes-thabor/listings', {
        method: 'POST',
        headers: auth,
        body: JSON.stringify(listingBody),
      });
      assert.equal(res.status, 201);
      assert.equal(Listing.parse(await res.json()).author.displayName, 'Voisin platform-user-42');
      assert.equal(await s.count('members', 'id = $1', ['platform-user-42']), 1);
    });
  });
}
