import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { Campaign } from '../../../src/contract/index.js';
import { createFixtures } from '../../../src/mock/fixtures/index.js';
import { startServer } from '../../../server/server.js';
import { pledgeBody, pledgeInit } from './harness.js';

describe('the embedded database keeps its data in a folder', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'partage-data-'));
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  test('pledges survive a restart, and the seed runs only once', { timeout: 60_000 }, async () => {
    const first = await startServer({ dataDir, port: 0, hostname: '127.0.0.1' });
    let pledgeId: string;
    try {
      const res = await fetch(`${first.baseUrl}/campaigns/atelier-ceramique/pledges`, pledgeInit(pledgeBody(1_234)));
      assert.equal(res.status, 201);
      pledgeId = ((await res.json()) as { id: string }).id;
    } finally {
      await first.close();
    }
    const second = await startServer({ dataDir, port: 0, hostname: '127.0.0.1' });
    try {
      const campaign = Campaign.parse(await (await fetch(`${second.baseUrl}/campaigns/atelier-ceramique`)).json());
      const seeded = createFixtures().campaigns.find((c) => c.id === 'atelier-ceramique')!;
      assert.equal(campaign.pledged.amount, seeded.pledged.amount + 1_234);
      assert.equal(campaign.backerCount, seeded.backerCount + 1);
      const backers = (await (await fetch(`${second.baseUrl}/campaigns/atelier-ceramique/backers?limit=1`)).json()) as {
        items: { id: string }[];
      };
      assert.equal(backers.items[0]?.id, pledgeId);
      const campaigns = await second.db.query<{ n: number }>('SELECT count(*)::int AS n FROM campaigns');
      assert.equal(campaigns.rows[0]!.n, createFixtures().campaigns.length, 'not seeded twice');
    } finally {
      await second.close();
    }
  });
});
