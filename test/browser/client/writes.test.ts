import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { createClient } from '../../../src/client/create-client.js';
import { ApiError, ConfigError } from '../../../src/client/errors.js';
import type { PledgeRequest } from '../../../src/contract/index.js';
import { startWorker } from '../../support/msw.js';
import {
  API,
  instantTiming,
  sampleCampaign,
  sampleListing,
  sampleMember,
  samplePledgeResult,
  sampleReply,
} from './sample.js';

const pledge: PledgeRequest = {
  amount: { amount: 2500, currency: 'EUR' },
  rewardId: null,
  backer: { name: 'Alex', email: 'alex@example.org' },
};
const listingRequest = {
  kind: 'offer',
  type: 'lend',
  category: 'tools',
  title: 'Perceuse',
  description: '',
  place: { label: 'Rue Dumenge' },
} as const;

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('client writes', () => {
  it('retries a pledge with the same Idempotency-Key and body, and returns the replay', async () => {
    const seen: { key: string | null; body: string }[] = [];
    await startWorker(
      http.post(`${API}/campaigns/c1/pledges`, async ({ request }) => {
        seen.push({ key: request.headers.get('Idempotency-Key'), body: await request.text() });
        if (seen.length === 1) return HttpResponse.error();
        if (seen.length === 2)
          return HttpResponse.json(
            { type: 'x', title: 'busy', status: 409, code: 'idempotency_in_flight' },
            { status: 409 },
          );
        return HttpResponse.json(samplePledgeResult({ id: 'p-first' }), {
          status: 201,
          headers: { 'Idempotent-Replayed': 'true' },
        });
      }),
    );
    const { timing } = instantTiming();
    const result = await createClient({ baseUrl: API }, timing).createPledge('c1', pledge, {
      idempotencyKey: 'key-123',
    });
    expect(result.id).to.equal('p-first');
    expect(seen).to.have.length(3);
    expect(seen.map((s) => s.key)).to.deep.equal(['key-123', 'key-123', 'key-123']);
    expect(new Set(seen.map((s) => s.body)).size).to.equal(1);
    expect(JSON.parse(seen[0]!.body)).to.deep.equal(pledge);
  });

  it('never retries a pledge on 500 (outcome unknown) or on a refusal', async () => {
    for (const [status, code] of [
      [500, 'internal_error'],
      [409, 'reward_sold_out'],
      [422, 'validation_failed'],
    ] as const) {
      let requests = 0;
      await startWorker(
        http.post(`${API}/campaigns/c1/pledges`, () => {
          requests++;
          return HttpResponse.json({ type: 'x', title: code, status, code }, { status });
        }),
      );
      const { timing } = instantTiming();
      const error = (await rejection(
        createClient({ baseUrl: API }, timing).createPledge('c1', pledge, { idempotencyKey: 'k' }),
      )) as ApiError;
      expect(error.code).to.equal(code);
      expect(requests, code).to.equal(1);
    }
  });

  it('requires an idempotency key', async () => {
    const client = createClient({ baseUrl: API });
    const error = await rejection(client.createPledge('c1', pledge, { idempotencyKey: '' }));
    expect(error).to.be.instanceOf(TypeError);
  });

  it('does not retry other POSTs', async () => {
    let requests = 0;
    await startWorker(
      http.post(`${API}/neighbourhoods/n1/listings`, () => {
        requests++;
        return HttpResponse.json({ type: 'x', title: 'down', status: 503, code: 'http_503' }, { status: 503 });
      }),
    );
    const { timing } = instantTiming();
    const error = (await rejection(
      createClient({ baseUrl: API, memberToken: 'tok' }, timing).createListing('n1', listingRequest),
    )) as ApiError;
    expect(error.status).to.equal(503);
    expect(requests).to.equal(1);
  });

  it('sends no request and fails with a local 401 without a member token', async () => {
    let requests = 0;
    await startWorker(
      http.all(`${API}/*`, () => {
        requests++;
        return HttpResponse.json({});
      }),
    );
    const client = createClient({ baseUrl: API, memberToken: () => null });
    for (const call of [
      () => client.createListing('n1', listingRequest),
      () => client.createReply('l1', { message: 'hi' }),
      () => client.createReport('l1', { reason: 'spam' }),
      () => client.getMe(),
    ]) {
      const error = (await rejection(call())) as ApiError;
      expect(error).to.be.instanceOf(ApiError);
      expect(error.status).to.equal(401);
      expect(error.code).to.equal('unauthorized');
    }
    expect(requests).to.equal(0);
  });

  it('sends the bearer token, asking the token function before each request', async () => {
    const auth: (string | null)[] = [];
    await startWorker(
      http.post(`${API}/listings/l1/replies`, ({ request }) => {
        auth.push(request.headers.get('Authorization'));
        return HttpResponse.json(sampleReply, { status: 201 });
      }),
      http.get(`${API}/me`, ({ request }) => {
        auth.push(request.headers.get('Authorization'));
        return HttpResponse.json(sampleMember);
      }),
    );
    let n = 0;
    const client = createClient({ baseUrl: API, memberToken: async () => `token-${++n}` });
    await client.createReply('l1', { message: 'Je suis intéressé' });
    await client.getMe();
    await client.createReply('l1', { message: 'encore' }, { memberToken: 'override' });
    expect(auth).to.deep.equal(['Bearer token-1', 'Bearer token-2', 'Bearer override']);
  });

  it('a new listing invalidates its neighbourhood’s cached listings', async () => {
    let reads = 0;
    await startWorker(
      http.get(`${API}/neighbourhoods/n1/listings`, () => {
        reads++;
        return HttpResponse.json({ items: [], nextCursor: null });
      }),
      http.post(`${API}/neighbourhoods/n1/listings`, () => HttpResponse.json(sampleListing(), { status: 201 })),
    );
    const client = createClient({ baseUrl: API, memberToken: 'tok' });
    await client.listListings('n1');
    await client.listListings('n1');
    await client.createListing('n1', listingRequest);
    await client.listListings('n1');
    expect(reads).to.equal(2);
  });

  it('sends credentials: omit and Accept: application/json on every request', async () => {
    const requests: { credentials: RequestCredentials; accept: string | null; cookie: string | null }[] = [];
    const note = (request: Request) =>
      requests.push({
        credentials: request.credentials,
        accept: request.headers.get('Accept'),
        cookie: request.headers.get('Cookie'),
      });
    await startWorker(
      http.get(`${API}/campaigns/c1`, ({ request }) => {
        note(request);
        return HttpResponse.json(sampleCampaign());
      }),
      http.post(`${API}/campaigns/c1/pledges`, ({ request }) => {
        note(request);
        return HttpResponse.json(samplePledgeResult(), { status: 201 });
      }),
    );
    const client = createClient({ baseUrl: API });
    await client.getCampaign('c1');
    await client.createPledge('c1', pledge, { idempotencyKey: 'k' });
    expect(requests).to.deep.equal([
      { credentials: 'omit', accept: 'application/json', cookie: null },
      { credentials: 'omit', accept: 'application/json', cookie: null },
    ]);
  });
});

describe('client configuration', () => {
  const refused = [
    'ftp://api.example.test/v1',
    'javascript:alert(1)',
    'not a url',
    'https://api.example.test/v1?key=abc',
    'https://api.example.test/v1?api_key=abc',
    'https://api.example.test/v1?token=abc',
    'https://api.example.test/v1?secret=abc',
    'https://api.example.test/v1?tenant=sk_live_123',
    'https://api.example.test/sk_live_51H8/v1',
    'https://user:pass@api.example.test/v1',
  ];
  for (const baseUrl of refused) {
    it(`refuses baseUrl ${baseUrl}`, () => {
      expect(() => createClient({ baseUrl })).to.throw(ConfigError);
    });
  }

  for (const memberToken of ['sk_live_abc', 'sk-proj-abc', 'secret_abc', 'rk_live_abc', 'whsec_abc']) {
    it(`refuses a secret-looking member token ${memberToken.slice(0, 8)}…`, () => {
      expect(() => createClient({ baseUrl: API, memberToken })).to.throw(ConfigError);
    });
  }

  it('refuses a secret returned by the token function, before any request', async () => {
    const client = createClient({ baseUrl: API, memberToken: () => 'sk_test_123' });
    expect(await rejection(client.getMe())).to.be.instanceOf(ConfigError);
  });

  it('refuses nonsensical numbers', () => {
    expect(() => createClient({ baseUrl: API, maxAttempts: 0 })).to.throw(ConfigError);
    expect(() => createClient({ baseUrl: API, timeoutMs: -1 })).to.throw(ConfigError);
  });

  it('accepts https and http URLs and trims the trailing slash', () => {
    expect(createClient({ baseUrl: `${API}/` }).baseUrl).to.equal(API);
    expect(createClient({ baseUrl: 'http://localhost:8787/v1', memberToken: 'eyJhbGciOi.member' }).baseUrl).to.equal(
      'http://localhost:8787/v1',
    );
  });
});
