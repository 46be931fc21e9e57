import { test } from 'node:test';
import assert from 'node:assert/strict';
import { looksLikeSecret } from '../../../src/client/secrets.js';

// The list the two patterns of secrets.ts replaced (BENCHMARKS.md, issue 11): same verdicts.
const LIST = [
  /^sk[_-]/i,
  /^rk[_-]/i,
  /^secret/i,
  /^whsec_/i,
  /^(ghp|gho|ghu|ghs|ghr|github_pat)_/,
  /^xox[abposr]-/,
  /^AKIA[0-9A-Z]{16}$/,
  /-----BEGIN [A-Z ]*PRIVATE KEY-----/,
];
const byList = (value: string) => LIST.some((re) => re.test(value.trim()));

const SHAPES = [
  'sk_live_51H8',
  'sk-proj-abc',
  'SK_TEST_1',
  'rk_live_abc',
  'Rk-x',
  'secret_abc',
  'SECRETS',
  'whsec_abc',
  'WHSEC_abc',
  'ghp_abc',
  'gho_x',
  'ghu_x',
  'ghs_x',
  'ghr_x',
  'github_pat_11A',
  'GHP_abc',
  'ghx_abc',
  'ghp-abc',
  'xoxb-123',
  'xoxa-1',
  'xoxp-1',
  'xoxo-1',
  'xoxs-1',
  'xoxr-1',
  'xoxc-1',
  'XOXB-1',
  'AKIAABCDEFGHIJKLMNOP',
  'AKIAABCDEFGHIJKLMNO',
  'AKIAABCDEFGHIJKLMNOPQ',
  'akiaABCDEFGHIJKLMNOP',
  '  AKIAABCDEFGHIJKLMNOP  ',
  '-----BEGIN PRIVATE KEY-----',
  'x -----BEGIN RSA PRIVATE KEY----- y',
  '-----BEGIN rsa PRIVATE KEY-----',
  '-----BEGIN PUBLIC KEY-----',
  'pk_live_abc',
  'skate',
  'sk',
  'a-secret',
  'campaign-42',
  'v1',
  '',
  ' sk_live_1',
];

test('the secret patterns give the verdicts of the list they replaced', () => {
  const corpus = [...SHAPES, ...SHAPES.map((s) => `${s}tail`), ...SHAPES.map((s) => `lead${s}`)];
  for (const value of corpus) assert.equal(looksLikeSecret(value), byList(value), JSON.stringify(value));
  assert.equal(looksLikeSecret('sk_live_51H8'), true);
  assert.equal(looksLikeSecret('campaign-42'), false);
});
