import type { Member } from '../contract/index.js';
import type { MockContext } from './context.js';
import { problem } from './problem.js';
import type { Checked } from './validate.js';

/** The member behind `Authorization: Bearer <token>`, or 401 (the host page must sign in). */
export function authenticate(request: Request, ctx: MockContext): Checked<Member> {
  const header = request.headers.get('Authorization');
  const token = header?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
  const challenge = { headers: { 'WWW-Authenticate': 'Bearer realm="partage"' } };
  if (!token)
    return {
      ok: false,
      response: problem(401, 'unauthorized', 'Send the member token as "Authorization: Bearer <token>".', challenge),
    };
  const member = ctx.store.memberByToken(token);
  if (!member)
    return { ok: false, response: problem(401, 'unauthorized', 'This member token is unknown or expired.', challenge) };
  return { ok: true, data: member };
}

/** Authenticates a member write and counts it against their rate limit (429 with Retry-After). */
export function authorizeWrite(request: Request, ctx: MockContext): Checked<Member> {
  const member = authenticate(request, ctx);
  if (!member.ok) return member;
  const retryAfter = ctx.rateLimiter.hit(member.data.id, ctx.now().getTime());
  if (retryAfter !== null) {
    return {
      ok: false,
      response: problem(429, 'rate_limited', `Too many posts; try again in ${retryAfter} s.`, { retryAfter }),
    };
  }
  return member;
}

/** 403 unless the member belongs to the neighbourhood they act in. */
export function requireMembership(member: Member, neighbourhoodId: string): Response | null {
  return member.neighbourhoodIds.includes(neighbourhoodId)
    ? null
    : problem(403, 'forbidden', 'Only members of this neighbourhood can do this.');
}
