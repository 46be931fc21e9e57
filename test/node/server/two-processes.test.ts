import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { after, before, describe, it } from 'node:test';
import { openDb } from '../../../server/db/db.js';
import type { Sandbox } from '../../../server/routes/sandbox.js';

/*
 * Two reference server processes on one PostgreSQL (each LISTENs once): a pledge made through
 * one reaches the live streams held by the other, the multiplexed one and the per-resource one.
 * Runs where DATABASE_URL points at a PostgreSQL server (CI); skipped otherwise.
 */
const url = process.env.DATABASE_URL;

function startProcess(schema: string): Promise<{ child: ChildProcess; baseUrl: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/test-reference-server.ts'], {
      env: { ...process.env, TEST_SERVER_DATABASE_URL: url, TEST_SERVER_SCHEMA: schema },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`server process exited with ${code}`)));
    createInterface({ input: child.stdout! }).once('line', (line) =>
      resolve({ child, baseUrl: (JSON.parse(line) as { baseUrl: string }).baseUrl }),
    );
  });
}

/** Reads an event stream until `match` accepts one message's data, or fails after 15 s. */
async function waitForEvent(res: Response, match: (data: unknown) => boolean): Promise<unknown> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const timer = setTimeout(() => void reader.cancel(), 15_000);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      assert.ok(!done, 'the stream ended before the event');
      buffer += decoder.decode(value, { stream: true });
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = block
          .split('\n')
          .filter((l) => l.startsWith('data: '))
          .map((l) => l.slice(6))
          .join('\n');
        if (data && match(JSON.parse(data))) return JSON.parse(data);
      }
    }
  } finally {
    clearTimeout(timer);
    void reader.cancel().catch(() => undefined);
  }
}

describe('two server processes on one PostgreSQL', { skip: url ? false : 'DATABASE_URL is not set' }, () => {
  const schema = `two_${randomBytes(5).toString('hex')}`;
  const processes: ChildProcess[] = [];
  let a = '';
  let b = '';

  before(async () => {
    // One after the other: the first migrates and seeds the schema.
    const first = await startProcess(schema);
    processes.push(first.child);
    const second = await startProcess(schema);
    processes.push(second.child);
    [a, b] = [first.baseUrl, second.baseUrl];
  });
  after(async () => {
    for (const child of processes) {
      child.removeAllListeners('exit');
      child.kill('SIGTERM');
    }
    const admin = await openDb({ url: url! });
    await admin.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.close();
  });

  it('a pledge made through one process reaches the streams held on the other', async () => {
    const sandbox = (await (await fetch(`${a}/_sandbox/campaigns`, { method: 'POST' })).json()) as Sandbox;
    const id = sandbox.campaignId;
    const multiplexed = await fetch(`${b}/live?campaigns=${id}&neighbourhoods=${sandbox.neighbourhoodId}`);
    const own = await fetch(`${b}/campaigns/${id}/events`);
    assert.equal(multiplexed.status, 200);
    assert.equal(own.status, 200);
    // Both subscriptions are in place once the streams sent their first bytes.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const pledge = await fetch(`${a}/campaigns/${id}/pledges`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
      body: JSON.stringify({
        amount: { amount: 4_200, currency: 'EUR' },
        backer: { name: 'Two Processes', email: 'two@example.org' },
      }),
    });
    assert.equal(pledge.status, 201, await pledge.clone().text());
    const [viaLive, viaOwn] = await Promise.all([
      waitForEvent(multiplexed, (d) => (d as { kind?: string; id?: string }).id === id),
      waitForEvent(own, (d) => (d as { type?: string }).type === 'pledge.created'),
    ]);
    const event = (viaLive as { event: { type: string; totals: { pledged: { amount: number } } } }).event;
    assert.equal(event.type, 'pledge.created');
    assert.equal(event.totals.pledged.amount, 4_200);
    assert.equal((viaOwn as { totals: { pledged: { amount: number } } }).totals.pledged.amount, 4_200);
  });

  it('a campaign read kept by one process is dropped when the other takes a pledge or an operator edits it', async () => {
    const sandbox = (await (await fetch(`${a}/_sandbox/campaigns`, { method: 'POST' })).json()) as Sandbox;
    const id = sandbox.campaignId;
    const readB = async () =>
      (await (await fetch(`${b}/campaigns/${id}`)).json()) as { pledged: { amount: number }; title: string };
    const own = await fetch(`${b}/campaigns/${id}/events`);
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal((await readB()).pledged.amount, 0);
    assert.equal((await readB()).pledged.amount, 0, 'kept by B');
    const pledge = await fetch(`${a}/campaigns/${id}/pledges`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
      body: JSON.stringify({
        amount: { amount: 1_300, currency: 'EUR' },
        backer: { name: 'Two Processes', email: 'two@example.org' },
      }),
    });
    assert.equal(pledge.status, 201, await pledge.clone().text());
    // B drops its copy on the very NOTIFY that brings the event to its stream.
    await waitForEvent(own, (d) => (d as { type?: string }).type === 'pledge.created');
    assert.equal((await readB()).pledged.amount, 1_300);

    const admin = await openDb({ url: url!, schema });
    try {
      await admin.query(
        `UPDATE campaigns SET content = (content::jsonb || jsonb_build_object('title', 'Edited in psql'::text))::json WHERE id = $1`,
        [id],
      );
    } finally {
      await admin.close();
    }
    const deadline = Date.now() + 15_000;
    let title = (await readB()).title;
    while (title !== 'Edited in psql' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      title = (await readB()).title;
    }
    assert.equal(title, 'Edited in psql');
  });
});
