import { expect } from '@open-wc/testing';
import type { SetupWorker } from 'msw/browser';
import type { Campaign, PledgeResult } from '../../../src/contract/index.js';
import { createMockBackend } from '../../../src/mock/index.js';
import { startMockWorker } from '../../../src/mock/browser.js';
import { getJson, newKey, pledgeBody, postPledge, problemOf } from './helpers.js';

const backend = createMockBackend();
let worker: SetupWorker;

before(async () => {
  worker = await startMockWorker(backend);
});
after(() => worker.stop());
beforeEach(() => backend.reset());

const pledged = async () => (await getJson<Campaign>('/campaigns/librairie-solidaire')).pledged.amount;

describe('mock backend: idempotent pledges', () => {
  it('requires an Idempotency-Key (400 idempotency_key_missing)', async () => {
    const res = await postPledge('librairie-solidaire', pledgeBody(20), null);
    expect(res.status).to.equal(400);
    expect((await problemOf(res)).code).to.equal('idempotency_key_missing');
  });

  it('replays the first answer for the same key and body, marked Idempotent-Replayed, without pledging twice', async () => {
    const start = await pledged();
    const key = newKey();
    const first = await postPledge('librairie-solidaire', pledgeBody(20), key);
    expect(first.status).to.equal(201);
    expect(first.headers.get('Idempotent-Replayed')).to.equal(null);
    const original = (await first.json()) as PledgeResult;

    // Same body with its keys in another order is the same request.
    const { amount, backer } = pledgeBody(20);
    const retry = await postPledge('librairie-solidaire', { backer, amount }, key);
    expect(retry.status).to.equal(201);
    expect(retry.headers.get('Idempotent-Replayed')).to.equal('true');
    expect(await retry.json()).to.deep.equal(original);
    expect(await pledged()).to.equal(start + 2_000);
  });

  it('refuses the same key with another body (422 idempotency_key_reused)', async () => {
    const key = newKey();
    await postPledge('librairie-solidaire', pledgeBody(20), key);
    const res = await postPledge('librairie-solidaire', pledgeBody(25), key);
    expect(res.status).to.equal(422);
    expect((await problemOf(res)).code).to.equal('idempotency_key_reused');
  });

  it('answers a duplicate sent while the first is still running with 409 idempotency_in_flight', async () => {
    backend.setLatency(300);
    const key = newKey();
    const [a, b] = await Promise.all([
      postPledge('librairie-solidaire', pledgeBody(20), key),
      new Promise((r) => setTimeout(r, 50)).then(() => postPledge('librairie-solidaire', pledgeBody(20), key)),
    ]);
    expect(a.status).to.equal(201);
    expect(b.status).to.equal(409);
    expect((await problemOf(b)).code).to.equal('idempotency_in_flight');
    backend.setLatency(0);
    // Once settled, the same retry is a replay.
    const later = await postPledge('librairie-solidaire', pledgeBody(20), key);
    expect(later.headers.get('Idempotent-Replayed')).to.equal('true');
  });

  it('releases the key when the attempt failed, so the same attempt can be retried', async () => {
    const start = await pledged();
    const key = newKey();
    backend.failNext('createPledge', 503);
    expect((await postPledge('librairie-solidaire', pledgeBody(20), key)).status).to.equal(503);
    const invalid = await postPledge('librairie-solidaire', pledgeBody(1), key);
    expect((await problemOf(invalid)).code).to.equal('pledge_below_minimum');
    const ok = await postPledge('librairie-solidaire', pledgeBody(20), key);
    expect(ok.status).to.equal(201);
    expect(ok.headers.get('Idempotent-Replayed')).to.equal(null);
    expect(await pledged()).to.equal(start + 2_000);
  });
});
