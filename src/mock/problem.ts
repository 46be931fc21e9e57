import { HttpResponse } from 'msw';
import {
  PROBLEM_CONTENT_TYPE,
  problemType,
  type ErrorCode,
  type FieldError,
  type Problem,
  type RuleViolation,
} from '../contract/index.js';
import { baseHeaders } from './http-utils.js';

/** Human titles, as a real backend would send them (clients branch on `code`, never on these). */
const titles: Record<ErrorCode, string> = {
  validation_failed: 'The request is not valid',
  not_found: 'Not found',
  campaign_closed: 'The campaign is not accepting pledges',
  reward_sold_out: 'This reward is sold out',
  reward_unavailable: 'This reward is not available',
  pledge_below_minimum: 'The amount is below the minimum',
  pledge_above_maximum: 'The amount is above the maximum',
  currency_mismatch: 'Wrong currency',
  idempotency_key_missing: 'An Idempotency-Key header is required',
  idempotency_key_reused: 'This Idempotency-Key was used for another request',
  idempotency_in_flight: 'A request with this Idempotency-Key is still being processed',
  origin_not_allowed: 'This origin may not write',
  unauthorized: 'Sign-in required',
  forbidden: 'Not allowed',
  listing_closed: 'This listing is closed',
  rate_limited: 'Too many requests',
  payload_too_large: 'The request body is too large',
  unsupported_media_type: 'The request body must be JSON',
  method_not_allowed: 'Method not allowed',
  internal_error: 'Something went wrong on our side',
};

export interface ProblemExtras {
  errors?: FieldError[];
  /** Seconds; also sent as the Retry-After header. */
  retryAfter?: number;
  headers?: Record<string, string>;
}

/** An RFC 9457 problem+json response, shaped like the reference backend's. */
export function problem(
  status: number,
  code: ErrorCode | string,
  detail?: string,
  extras: ProblemExtras = {},
): Response {
  const body: Problem = {
    type: problemType(code),
    title: titles[code as ErrorCode] ?? 'Error',
    status,
    code,
    ...(detail === undefined ? {} : { detail }),
    ...(extras.errors ? { errors: extras.errors } : {}),
    ...(extras.retryAfter === undefined ? {} : { retryAfter: extras.retryAfter }),
  };
  const headers: Record<string, string> = { ...baseHeaders, 'Content-Type': PROBLEM_CONTENT_TYPE, ...extras.headers };
  if (extras.retryAfter !== undefined) headers['Retry-After'] = String(extras.retryAfter);
  return new HttpResponse(JSON.stringify(body), { status, headers });
}

/** 400 for a bad path or query, 422 for a bad body: both carry every offending field. */
export function validationProblem(status: 400 | 422, errors: FieldError[]): Response {
  const first = errors[0];
  const detail = first ? `${first.path || 'request'}: ${first.message}` : 'The request is not valid.';
  return problem(status, 'validation_failed', detail, { errors });
}

/** A broken pledge rule (src/contract/rules.ts) as the backend reports it. */
export function violationProblem(v: RuleViolation): Response {
  return problem(v.status, v.code, v.detail, v.path ? { errors: [{ path: v.path, message: v.detail }] } : {});
}

export const notFound = (what: string, id: string) => problem(404, 'not_found', `No ${what} "${id}".`);
