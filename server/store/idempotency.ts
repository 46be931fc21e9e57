import { createHash, randomUUID } from 'node:crypto';
import type { Db, Queryable } from '../db/db.js';
import { HttpError } from '../http/problem.js';

/** A response as first sent, kept to be replayed byte for byte. */
export interface StoredResponse {
  status: number;
  body: string;
}

/** How long a key is remembered; after that, the same key starts a new request. */
export const KEY_RETENTION_MS = 24 * 3_600_000;
/** A claim older than this belongs to a worker that died; a retry may take it over. */
export const CLAIM_TIMEOUT_MS = 60_000;

/** Idempotency-Key values: printable ASCII, as in the IETF draft (a UUID fits). */
export const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** Canonical JSON (sorted keys), so that key order does not make two bodies "different". */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export const fingerprint = (request: unknown) => createHash('sha256').update(canonical(request)).digest('base64url');

export type Claim = { kind: 'claimed'; token: string } | { kind: 'replay'; response: StoredResponse };

/**
 * Claims `key` for a new request, or returns the first response to replay. The claim is an
 * INSERT on the primary key, committed on its own before any work starts: of any number of
 * concurrent requests with one key, exactly one gets the row. Throws 422 when the key was used
 * with another request, 409 while the first request is still running.
 */
/**
 * The claim: an INSERT on the primary key, or the takeover of an expired or abandoned key. $1 key,
 * $2 fingerprint, $3 claim token, $4 now; the claim comes back when it was taken.
 */
export const CLAIM_SQL = `INSERT INTO idempotency_keys AS k (key, fingerprint, claim, state, created_at, locked_at)
       VALUES ($1, $2, $3, 'in_flight', $4, $4)
       ON CONFLICT (key) DO UPDATE
         SET fingerprint = EXCLUDED.fingerprint, claim = EXCLUDED.claim, state = 'in_flight',
             response_status = NULL, response_body = NULL, created_at = EXCLUDED.created_at, locked_at = EXCLUDED.locked_at
         WHERE k.created_at < $5
            OR (k.state = 'in_flight' AND k.locked_at < $6 AND k.fingerprint = EXCLUDED.fingerprint)
       RETURNING claim`;

/** The parameters of CLAIM_SQL. */
export const claimParams = (key: string, print: string, token: string, now: Date) => [
  key,
  print,
  token,
  now,
  new Date(now.getTime() - KEY_RETENTION_MS),
  new Date(now.getTime() - CLAIM_TIMEOUT_MS),
];

export async function claimKey(db: Db, key: string, print: string, now: Date): Promise<Claim> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const token = randomUUID();
    const claimed = await db.query<{ claim: string }>(CLAIM_SQL, claimParams(key, print, token, now));
    if (claimed.rows[0]?.claim === token) return { kind: 'claimed', token };

    const existing = await db.query<{
      fingerprint: string;
      state: string;
      response_status: number | null;
      response_body: string | null;
    }>('SELECT fingerprint, state, response_status, response_body FROM idempotency_keys WHERE key = $1', [key]);
    const row = existing.rows[0];
    if (!row) continue; // released between our two statements: try to claim again
    if (row.fingerprint !== print) {
      throw new HttpError(
        422,
        'idempotency_key_reused',
        'This Idempotency-Key was already used for a different request. Use a new key for a new pledge.',
      );
    }
    if (row.state === 'in_flight' || row.response_status === null || row.response_body === null) {
      throw new HttpError(
        409,
        'idempotency_in_flight',
        'The first request with this Idempotency-Key is still being processed. Retry in a moment.',
        {
          retryAfter: 1,
        },
      );
    }
    return { kind: 'replay', response: { status: row.response_status, body: row.response_body } };
  }
  throw new HttpError(409, 'idempotency_in_flight', 'This Idempotency-Key is busy. Retry in a moment.', {
    retryAfter: 1,
  });
}

/** Thrown when a worker finds its claim taken over (it was presumed dead): its work rolls back. */
export class ClaimLostError extends Error {}

/**
 * Stores the response under the key, in the caller's transaction when given one so the pledge
 * and its stored response commit together. Only the claim holder may write.
 */
export async function completeKey(q: Queryable, key: string, token: string, response: StoredResponse): Promise<void> {
  const updated = await q.query(
    `UPDATE idempotency_keys SET state = 'done', response_status = $3, response_body = $4 WHERE key = $1 AND claim = $2`,
    [key, token, response.status, response.body],
  );
  if (updated.rowCount === 0) throw new ClaimLostError(`Idempotency claim on "${key}" was lost`);
}

/** Forgets a claim whose request failed unexpectedly, so that a retry can run it again. */
export async function releaseKey(db: Db, key: string, token: string): Promise<void> {
  await db.query('DELETE FROM idempotency_keys WHERE key = $1 AND claim = $2', [key, token]);
}
