import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { createClient } from '../../../src/client/create-client.js';
import { ApiError, ContractError, NetworkError } from '../../../src/client/errors.js';
import { startWorker } from '../../support/msw.js';
import { API, instantTiming, sampleCampaign } from './sample.js';

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('client errors', () => {
  it('turns problem+json into an ApiError with code, detail and field errors', async () => {
    await startWorker(
      http.post(`${API}/campaigns/c1/pledges`, () =>
        HttpResponse.json(
          {
            type: 'https://partage.example.org/problems/validation-failed',
            title: 'Invalid pledge',
            status: 422,
            code: 'validation_failed',
            detail: 'Two fields are invalid',
            errors: [
              { path: 'backer.email', message: 'must be an e-mail address' },
              { path: 'amount.amount', message: 'must be an integer' },
            ],
          },
          { status: 422, headers: { 'Content-Type': 'application/problem+json' } },
        ),
      ),
    );
    const client = createClient({ baseUrl: API });
    const error = await rejection(
      client.createPledge(
        'c1',
        { amount: { amount: 2500, currency: 'EUR' }, backer: { name: 'A', email: 'nope' } },
        { idempotencyKey: 'k1' },
      ),
    );
    expect(error).to.be.instanceOf(ApiError);
    const api = error as ApiError;
    expect(api.status).to.equal(422);
    expect(api.code).to.equal('validation_failed');
    expect(api.detail).to.equal('Two fields are invalid');
    expect(api.message).to.equal('Two fields are invalid');
    expect(api.fieldErrors.map((e) => e.path)).to.deep.equal(['backer.email', 'amount.amount']);
  });

  it('gives a non-problem error body the code http_<status>', async () => {
    await startWorker(
      http.get(
        `${API}/campaigns/c1`,
        () => new HttpResponse('<h1>Bad gateway</h1>', { status: 502, headers: { 'Content-Type': 'text/html' } }),
      ),
    );
    const client = createClient({ baseUrl: API, maxAttempts: 1 });
    const error = (await rejection(client.getCampaign('c1'))) as ApiError;
    expect(error).to.be.instanceOf(ApiError);
    expect(error.status).to.equal(502);
    expect(error.code).to.equal('http_502');
    expect(error.fieldErrors).to.deep.equal([]);
  });

  it('reports a contract mismatch with the dotted path of the bad field', async () => {
    const bad = { ...sampleCampaign(), pledged: { amount: '12', currency: 'EUR' } };
    await startWorker(http.get(`${API}/campaigns/c1`, () => HttpResponse.json(bad)));
    const client = createClient({ baseUrl: API });
    const error = (await rejection(client.getCampaign('c1'))) as ContractError;
    expect(error).to.be.instanceOf(ContractError);
    expect(error.path).to.equal('pledged.amount');
    expect(error.url).to.equal(`${API}/campaigns/c1`);
    expect(error.message).to.contain('pledged.amount');
  });

  it('rejects a body that is not JSON as a contract error, without retrying', async () => {
    let requests = 0;
    await startWorker(
      http.get(`${API}/campaigns/c1`, () => {
        requests++;
        return new HttpResponse('not json', { headers: { 'Content-Type': 'application/json' } });
      }),
    );
    const error = await rejection(createClient({ baseUrl: API }).getCampaign('c1'));
    expect(error).to.be.instanceOf(ContractError);
    expect(requests).to.equal(1);
  });

  it('turns a network failure into NetworkError("offline") after the retries', async () => {
    let requests = 0;
    await startWorker(
      http.get(`${API}/campaigns/c1`, () => {
        requests++;
        return HttpResponse.error();
      }),
    );
    const { timing } = instantTiming();
    const error = (await rejection(createClient({ baseUrl: API }, timing).getCampaign('c1'))) as NetworkError;
    expect(error).to.be.instanceOf(NetworkError);
    expect(error.reason).to.equal('offline');
    expect(requests).to.equal(3);
  });
});
