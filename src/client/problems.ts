import { Problem } from '../contract/problem-answer.js';
import { ApiError } from './errors.js';
import { statusProblem } from './http.js';

/*
 * Reading an HTTP error answer: its problem+json (validated by the contract) and its Retry-After.
 * Loaded when a request fails (http.ts `apiErrorOf`), in a chunk of the CDN files.
 */

/** problem+json when the body is one; any other error body still becomes an ApiError. */
export function apiErrorFrom(
  status: number,
  statusText: string,
  headers: Headers,
  text: string,
  now: number,
): ApiError {
  const retryAfter = parseRetryAfter(headers.get('Retry-After'), now);
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  const parsed = Problem.safeParse(body);
  // The status line is authoritative: a body that disagrees with it is a server bug.
  const problem: Problem = parsed.success ? { ...parsed.data, status } : statusProblem(status, statusText);
  return new ApiError(problem, retryAfter);
}

/** Retry-After is either delay-seconds or an HTTP-date; returns whole seconds from `now`. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v);
  const at = Date.parse(v);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now) / 1000));
}
