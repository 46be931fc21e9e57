import { expect } from '@open-wc/testing';
import { delay, http, HttpResponse } from 'msw';
import { createClient } from '../../../src/client/create-client.js';
import { ApiError, NetworkError } from '../../../src/client/errors.js';
import { startWorker } from '../../support/msw.js';
import { API, instantTiming, sampleCampaign } from './sample.js';

const problem = (status: number, code: string) => ({ type: 'about:blank', title: code, status, code });

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

/** Answers GET /campaigns/c1 with the given statuses in turn (200 = the sample campaign). */
async function serve(statuses: number[], headers: Record<string, string> = {}) {
  const seen = { requests: 0 };
  await startWorker(
    http.get(`${API}/campaigns/c1`, () => {
      const status = statuses[Math.min(seen.requests++, statuses.length - 1)]!;
      if (status === 200) return HttpResponse.json(sampleCampaign());
      return HttpResponse.json(problem(status, `http_${status}`), { status, headers });
    }),
  );
  return seen;
}

describe('client retries', () => {
  it('retries a GET after 503, 503 and succeeds on the third request', async () => {
    const seen = await serve([503, 503, 200]);
    const { timing, sleeps } = instantTiming(0.5);
    const campaign = await createClient({ baseUrl: API, retryBaseMs: 100 }, timing).getCampaign('c1');
    expect(campaign.id).to.equal('c1');
    expect(seen.requests).to.equal(3);
    // Full jitter: random(0, base·2^attempt) with random() = 0.5 → 50 then 100 ms.
    expect(sleeps).to.deep.equal([50, 100]);
  });

  it('gives up with the ApiError after maxAttempts', async () => {
    const seen = await serve([503]);
    const { timing } = instantTiming();
    const error = (await rejection(
      createClient({ baseUrl: API, retryBaseMs: 1 }, timing).getCampaign('c1'),
    )) as ApiError;
    expect(error).to.be.instanceOf(ApiError);
    expect(error.status).to.equal(503);
    expect(seen.requests).to.equal(3);
  });

  it('honours maxAttempts', async () => {
    const seen = await serve([500]);
    const { timing } = instantTiming();
    await rejection(createClient({ baseUrl: API, maxAttempts: 5 }, timing).getCampaign('c1'));
    expect(seen.requests).to.equal(5);
  });

  it('does not retry a 400', async () => {
    const seen = await serve([400, 200]);
    const { timing, sleeps } = instantTiming();
    const error = (await rejection(createClient({ baseUrl: API }, timing).getCampaign('c1'))) as ApiError;
    expect(error.status).to.equal(400);
    expect(seen.requests).to.equal(1);
    expect(sleeps).to.deep.equal([]);
  });

  it('retries 408 and 429 too', async () => {
    const seen = await serve([408, 429, 200]);
    const { timing } = instantTiming();
    await createClient({ baseUrl: API }, timing).getCampaign('c1');
    expect(seen.requests).to.equal(3);
  });

  it('caps each backoff delay', async () => {
    await serve([503, 503, 200]);
    const { timing, sleeps } = instantTiming(0.999);
    await createClient({ baseUrl: API, retryBaseMs: 1_000_000 }, { ...timing, maxBackoffMs: 2000 }).getCampaign('c1');
    expect(sleeps).to.deep.equal([1998, 1998]);
  });

  it('waits as long as Retry-After (seconds) says instead of the backoff', async () => {
    const seen = await serve([429, 200], { 'Retry-After': '2' });
    const { timing, sleeps } = instantTiming();
    await createClient({ baseUrl: API }, timing).getCampaign('c1');
    expect(seen.requests).to.equal(2);
    expect(sleeps).to.deep.equal([2000]);
  });

  it('really waits for Retry-After: 1', async () => {
    await serve([503, 200], { 'Retry-After': '1' });
    const started = performance.now();
    await createClient({ baseUrl: API }).getCampaign('c1');
    const waited = performance.now() - started;
    expect(waited).to.be.greaterThan(950);
    expect(waited).to.be.lessThan(3000);
  });

  it('understands Retry-After as an HTTP date', async () => {
    const now = Date.parse('2026-03-01T10:00:00Z');
    await serve([503, 200], { 'Retry-After': new Date(now + 5000).toUTCString() });
    const { timing, sleeps } = instantTiming();
    await createClient({ baseUrl: API }, { ...timing, now: () => now }).getCampaign('c1');
    expect(sleeps).to.deep.equal([5000]);
  });

  it('gives up at once when Retry-After is beyond the cap, exposing retryAfter', async () => {
    const seen = await serve([429, 200], { 'Retry-After': '120' });
    const { timing, sleeps } = instantTiming();
    const error = (await rejection(createClient({ baseUrl: API }, timing).getCampaign('c1'))) as ApiError;
    expect(error).to.be.instanceOf(ApiError);
    expect(error.retryAfter).to.equal(120);
    expect(seen.requests).to.equal(1);
    expect(sleeps).to.deep.equal([]);
  });

  it('times out a slow attempt with NetworkError("timeout")', async () => {
    let requests = 0;
    await startWorker(
      http.get(`${API}/campaigns/c1`, async () => {
        requests++;
        await delay(2000);
        return HttpResponse.json(sampleCampaign());
      }),
    );
    const started = performance.now();
    const error = (await rejection(
      createClient({ baseUrl: API, timeoutMs: 100, maxAttempts: 1 }).getCampaign('c1'),
    )) as NetworkError;
    expect(error).to.be.instanceOf(NetworkError);
    expect(error.reason).to.equal('timeout');
    expect(performance.now() - started).to.be.lessThan(1000);
    expect(requests).to.equal(1);
  });

  it('retries after a timeout, each attempt with its own timeout', async () => {
    let requests = 0;
    await startWorker(
      http.get(`${API}/campaigns/c1`, async () => {
        if (++requests === 1) await delay(2000);
        return HttpResponse.json(sampleCampaign());
      }),
    );
    const { timing } = instantTiming();
    const campaign = await createClient({ baseUrl: API, timeoutMs: 150 }, timing).getCampaign('c1');
    expect(campaign.id).to.equal('c1');
    expect(requests).to.equal(2);
  });

  it('aborts a request in flight promptly with NetworkError("aborted")', async () => {
    await startWorker(
      http.get(`${API}/campaigns/c1`, async () => {
        await delay(3000);
        return HttpResponse.json(sampleCampaign());
      }),
    );
    const controller = new AbortController();
    const started = performance.now();
    const pending = createClient({ baseUrl: API }).getCampaign('c1', { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const error = (await rejection(pending)) as NetworkError;
    expect(error).to.be.instanceOf(NetworkError);
    expect(error.reason).to.equal('aborted');
    expect(performance.now() - started).to.be.lessThan(1000);
  });

  it('aborts during a backoff wait without another request', async () => {
    const seen = await serve([503, 200], { 'Retry-After': '20' });
    const controller = new AbortController();
    const started = performance.now();
    const pending = createClient({ baseUrl: API }).getCampaign('c1', { signal: controller.signal });
    setTimeout(() => controller.abort(), 200);
    const error = (await rejection(pending)) as NetworkError;
    expect(error.reason).to.equal('aborted');
    expect(performance.now() - started).to.be.lessThan(1500);
    expect(seen.requests).to.equal(1);
  });

  it('refuses an already aborted signal without a request', async () => {
    const seen = await serve([200]);
    const error = (await rejection(
      createClient({ baseUrl: API }).getCampaign('c1', { signal: AbortSignal.abort() }),
    )) as NetworkError;
    expect(error.reason).to.equal('aborted');
    expect(seen.requests).to.equal(0);
  });
});
