import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';
import { endpoints } from '../../src/contract/index.js';
import { openApiText } from '../../scripts/openapi-document.js';

const checkedIn = readFileSync(new URL('../../openapi.json', import.meta.url), 'utf8');

it('openapi.json is up to date with the contract (run `npm run openapi`)', () => {
  assert.equal(checkedIn, openApiText());
});

it('documents every endpoint, the Idempotency-Key header and problem responses', () => {
  const doc = JSON.parse(checkedIn);
  assert.equal(doc.openapi, '3.1.0');
  for (const ep of Object.values(endpoints))
    assert.ok(doc.paths[ep.path]?.[ep.method.toLowerCase()], `${ep.method} ${ep.path}`);
  const pledge = doc.paths['/campaigns/{campaignId}/pledges'].post;
  assert.ok(
    pledge.parameters.some((p: { name: string; required: boolean }) => p.name === 'Idempotency-Key' && p.required),
  );
  assert.ok(pledge.responses['409'].content['application/problem+json']);
  assert.equal(
    pledge.requestBody.content['application/json'].schema.properties.amount.properties.amount.type,
    'integer',
  );
});
