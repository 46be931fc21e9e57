import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { openDb, type Db } from '../../../server/db/db.js';
import { databases, pledgeBody, pledgeInit } from './harness.js';

/**
 * `kill -9` of the reference server in the middle of a burst of pledges, then a restart on the
 * same data: every pledge is either fully stored (its row, the campaign totals and its
 * idempotency record) or absent, the totals equal the sum of the stored pledges, and replaying
 * each Idempotency-Key answers as the first time (or 409 while a claim cut short by the crash has
 * not timed out yet, with nothing stored). Runs on PGlite (data folder) and on PostgreSQL.
 */

const CHILD = new URL('./crash-child.ts', import.meta.url).pathname;
const BURST = 60;
const CONCURRENCY = 12;
/** The server dies once this many answers came back: the rest are in flight or not yet sent. */
const KILL_AFTER = 20;

interface Running {
  child: ChildProcess;
  baseUrl: string;
}

function start(env: Record<string, string>): Promise<Running> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /LISTENING (\S+)/.exec(out);
      if (match) resolve({ child, baseUrl: match[1]! });
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before listening: ${out}`)));
  });
}

const stop = (child: ChildProcess, signal: NodeJS.Signals) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill(signal);
  });

interface Sent {
  key: string;
  amount: number;
  /** The answer received before the crash, if any. */
  answer?: { status: number; body: string };
}

for (const kind of databases) {
  describe(`kill -9 during a burst of pledges (${kind})`, () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'partage-crash-'));
    const schema = `crash_${randomBytes(5).toString('hex')}`;
    const env: Record<string, string> =
      kind === 'postgres' ? { PARTAGE_SCHEMA: schema } : { PARTAGE_DATA_DIR: dataDir, DATABASE_URL: '' };
    after(async () => {
      rmSync(dataDir, { recursive: true, force: true });
      if (kind === 'postgres') {
        const admin = await openDb({ url: process.env.DATABASE_URL! });
        await admin.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await admin.close();
      }
    });

    test('each pledge is stored whole or not at all; totals and replays hold', { timeout: 180_000 }, async () => {
      let server = await start(env);
      const sandbox = (await (await fetch(`${server.baseUrl}/_sandbox/campaigns`, { method: 'POST' })).json()) as {
        campaignId: string;
      };
      const campaignId = sandbox.campaignId;
      const url = (base: string) => `${base}/campaigns/${campaignId}/pledges`;

      // The burst: distinct amounts, so a stored pledge names the request it came from.
      const sent: Sent[] = Array.from({ length: BURST }, (_, i) => ({ key: crypto.randomUUID(), amount: 1_000 + i }));
      let answered = 0;
      let next = 0;
      const killed = (async () => {
        while (answered < KILL_AFTER) await new Promise((r) => setTimeout(r, 5));
        server.child.kill('SIGKILL');
      })();
      const worker = async () => {
        while (next < sent.length) {
          const s = sent[next++]!;
          try {
            const res = await fetch(url(server.baseUrl), pledgeInit(pledgeBody(s.amount), s.key));
            s.answer = { status: res.status, body: await res.text() };
            answered++;
          } catch {
            // The server died with this request in flight (or before it was sent).
          }
        }
      };
      await Promise.all([killed, ...Array.from({ length: CONCURRENCY }, worker)]);
      await stop(server.child, 'SIGKILL');

      server = await start(env);
      let survived: number;
      try {
        // What the crash left: every pledge answered 201 before it is still there (durable).
        const after = (await (await fetch(`${server.baseUrl}/campaigns/${campaignId}`)).json()) as {
          backerCount: number;
        };
        survived = after.backerCount;
        assert.ok(survived >= sent.filter((s) => s.answer?.status === 201).length, 'answered pledges survive');
        // Replays: an answer seen before the crash comes back identical; a pledge the crash cut
        // short is either stored now or refused with 409 while its claim is held.
        const replays = [];
        for (const s of sent) {
          const res = await fetch(url(server.baseUrl), pledgeInit(pledgeBody(s.amount), s.key));
          replays.push({
            s,
            status: res.status,
            body: await res.text(),
            replayed: res.headers.get('Idempotent-Replayed'),
          });
        }
        const seenBefore = replays.filter((r) => r.s.answer);
        for (const r of seenBefore) {
          assert.equal(r.status, r.s.answer!.status, `replay of ${r.s.key}`);
          assert.equal(r.body, r.s.answer!.body, `replayed body of ${r.s.key}`);
          assert.equal(r.replayed, 'true');
        }
        const inFlight = replays.filter((r) => !r.s.answer);
        for (const r of inFlight) assert.ok([201, 409].includes(r.status), `after the crash ${r.s.key}: ${r.status}`);
      } finally {
        await stop(server.child, 'SIGTERM');
      }

      // The database itself, server stopped: no half pledge, totals = sum of pledges.
      const db: Db =
        kind === 'postgres' ? await openDb({ url: process.env.DATABASE_URL!, schema }) : await openDb({ dataDir });
      try {
        const pledges = await db.query<{ amount: string }>('SELECT amount FROM pledges WHERE campaign_id = $1', [
          campaignId,
        ]);
        const campaign = await db.query<{ pledged: string; backer_count: string }>(
          'SELECT pledged, backer_count FROM campaigns WHERE id = $1',
          [campaignId],
        );
        const amounts = pledges.rows.map((p) => Number(p.amount));
        const sum = amounts.reduce((a, b) => a + b, 0);
        assert.equal(Number(campaign.rows[0]!.pledged), sum, 'pledged = sum of stored pledges');
        assert.equal(Number(campaign.rows[0]!.backer_count), amounts.length, 'backers = stored pledges');
        assert.equal(new Set(amounts).size, amounts.length, 'no pledge stored twice');
        for (const a of amounts)
          assert.ok(
            sent.some((s) => s.amount === a),
            `pledge ${a} was sent`,
          );
        const done = await db.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM idempotency_keys WHERE key = ANY($1) AND state = 'done' AND response_status = 201",
          [sent.map((s) => s.key)],
        );
        assert.equal(done.rows[0]!.n, amounts.length, 'one stored answer per stored pledge');
        const before = sent.filter((s) => s.answer?.status === 201).length;
        console.log(
          `[crash ${kind}] sent ${BURST}, answered before kill -9: ${before}, stored at restart: ${survived}, stored after replays: ${amounts.length}, still claimed (409): ${BURST - amounts.length}`,
        );
      } finally {
        await db.close();
      }
    });
  });
}
