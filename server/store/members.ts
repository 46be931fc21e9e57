import { createHash } from 'node:crypto';
import type { Member } from '../../src/contract/index.js';
import { Member as MemberSchema } from '../../src/contract/index.js';
import type { Db, Queryable } from '../db/db.js';
import { HttpError } from '../http/problem.js';

/**
 * Turns a bearer token into a member, or null when the token is not valid. The default looks
 * tokens up in the database (the seeded demo members); a platform passes its own function to
 * verify its session tokens or JWTs instead (see server/README.md).
 */
export type Authenticator = (token: string, request: Request) => Promise<Member | null>;

export const tokenDigest = (token: string) => createHash('sha256').update(token).digest('hex');

export function databaseAuthenticator(db: Db): Authenticator {
  return async (token) => {
    const result = await db.query<{
      id: string;
      display_name: string;
      neighbourhood_ids: string[];
      organiser_of: string[];
    }>(
      `SELECT m.id, m.display_name, m.neighbourhood_ids, m.organiser_of FROM member_tokens t JOIN members m ON m.id = t.member_id WHERE t.token_sha256 = $1`,
      [tokenDigest(token)],
    );
    const row = result.rows[0];
    if (!row) return null;
    const member: Member = { id: row.id, displayName: row.display_name, neighbourhoodIds: row.neighbourhood_ids };
    // Only organisers carry the field: a plain member's /me stays as it was.
    if (row.organiser_of.length > 0) member.organiserOf = row.organiser_of;
    return member;
  };
}

const BEARER = /^Bearer ([\x21-\x7e]{1,2048})$/i;
const challenge = (error?: string) => ({
  'WWW-Authenticate': `Bearer realm="partage"${error ? `, error="${error}"` : ''}`,
});

/** Reads `Authorization: Bearer …` and asks the authenticator. 401 when absent or refused. */
export async function authenticate(request: Request, authenticator: Authenticator): Promise<Member> {
  const header = request.headers.get('authorization');
  if (!header)
    throw new HttpError(401, 'unauthorized', 'Sign in on the platform first: this action needs a member token.', {
      headers: challenge(),
    });
  const match = BEARER.exec(header.trim());
  if (!match)
    throw new HttpError(401, 'unauthorized', 'The Authorization header must be "Bearer <member token>".', {
      headers: challenge('invalid_request'),
    });
  const member = await authenticator(match[1]!, request);
  if (!member)
    throw new HttpError(401, 'unauthorized', 'This member token is not valid (expired or revoked?).', {
      headers: challenge('invalid_token'),
    });
  const checked = MemberSchema.safeParse(member);
  if (!checked.success) throw new Error(`The authenticator returned an invalid member: ${checked.error.message}`);
  return checked.data;
}

/**
 * Keeps the members table in step with what the authenticator says, so that listings and
 * replies can reference members that a platform's own auth introduced.
 */
export async function rememberMember(q: Queryable, member: Member, now: Date): Promise<void> {
  await q.query(
    `INSERT INTO members (id, display_name, neighbourhood_ids, organiser_of, updated_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (id) DO UPDATE SET display_name = EXCLUDED.display_name, neighbourhood_ids = EXCLUDED.neighbourhood_ids,
       organiser_of = EXCLUDED.organiser_of, updated_at = EXCLUDED.updated_at
     WHERE members.display_name <> EXCLUDED.display_name OR members.neighbourhood_ids <> EXCLUDED.neighbourhood_ids
       OR members.organiser_of <> EXCLUDED.organiser_of`,
    [member.id, member.displayName, member.neighbourhoodIds, member.organiserOf ?? [], now],
  );
}

export interface RateLimit {
  /** Writes allowed per window. */
  limit: number;
  windowMs: number;
}

/**
 * Counts one write in `bucket` (a fixed window, in the database so that every server process
 * shares it) and throws 429 with Retry-After past the limit.
 */
export async function hitRateLimit(q: Queryable, bucket: string, rule: RateLimit, now: Date): Promise<void> {
  const result = await q.query<{ window_start: Date; hits: number }>(
    `INSERT INTO rate_limits AS r (bucket, window_start, hits) VALUES ($1, $2, 1)
     ON CONFLICT (bucket) DO UPDATE SET
       hits = CASE WHEN r.window_start <= $3 THEN 1 ELSE r.hits + 1 END,
       window_start = CASE WHEN r.window_start <= $3 THEN EXCLUDED.window_start ELSE r.window_start END
     RETURNING window_start, hits`,
    [bucket, now, new Date(now.getTime() - rule.windowMs)],
  );
  const row = result.rows[0]!;
  if (row.hits > rule.limit) {
    const retryAfter = Math.max(1, Math.ceil((row.window_start.getTime() + rule.windowMs - now.getTime()) / 1000));
    throw new HttpError(
      429,
      'rate_limited',
      `At most ${rule.limit} posts per ${Math.round(rule.windowMs / 1000)} seconds. Try again in ${retryAfter} s.`,
      {
        retryAfter,
      },
    );
  }
}
