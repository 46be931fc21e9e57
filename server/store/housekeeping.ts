import type { Db } from '../db/db.js';
import { KEY_RETENTION_MS } from './idempotency.js';

/** How long live events stay available to Last-Event-ID resumes. */
export const EVENT_RETENTION_MS = 24 * 3_600_000;

/** Drops what nobody can use any more: old events, expired idempotency keys, past rate windows. */
export async function housekeeping(db: Db, now: Date): Promise<void> {
  const before = (ms: number) => new Date(now.getTime() - ms);
  await db.query('DELETE FROM events WHERE created_at < $1', [before(EVENT_RETENTION_MS)]);
  await db.query("DELETE FROM idempotency_keys WHERE created_at < $1 AND state = 'done'", [before(KEY_RETENTION_MS)]);
  await db.query('DELETE FROM rate_limits WHERE window_start < $1', [before(3_600_000)]);
}
