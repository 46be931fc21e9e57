import {
  PROBLEM_CONTENT_TYPE,
  problemType,
  type ErrorCode,
  type FieldError,
  type Problem,
} from '../../src/contract/index.js';

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
  origin_not_allowed: 'This origin may not write to this resource',
  unauthorized: 'Authentication required',
  forbidden: 'Not allowed',
  listing_closed: 'This listing is closed',
  rate_limited: 'Too many requests',
  payload_too_large: 'The request body is too large',
  unsupported_media_type: 'Unsupported content type',
  method_not_allowed: 'Method not allowed',
  internal_error: 'Internal server error',
};

export interface ProblemExtras {
  errors?: FieldError[];
  /** Seconds; also sent as the Retry-After header. */
  retryAfter?: number;
  headers?: Record<string, string>;
}

/** A failure that becomes an RFC 9457 problem+json response. Thrown anywhere, answered once. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    readonly detail: string,
    readonly extras: ProblemExtras = {},
  ) {
    super(detail);
  }

  toProblem(instance?: string): Problem {
    return {
      type: problemType(this.code),
      title: titles[this.code],
      status: this.status,
      detail: this.detail,
      ...(instance ? { instance } : {}),
      code: this.code,
      ...(this.extras.errors ? { errors: this.extras.errors } : {}),
      ...(this.extras.retryAfter !== undefined ? { retryAfter: this.extras.retryAfter } : {}),
    };
  }
}

export const validationError = (errors: FieldError[], detail?: string) =>
  new HttpError(
    400,
    'validation_failed',
    detail ?? errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('; '),
    { errors },
  );

export function problemResponse(error: HttpError, instance?: string): Response {
  const headers = new Headers({ 'Content-Type': PROBLEM_CONTENT_TYPE, 'Cache-Control': 'no-store' });
  if (error.extras.retryAfter !== undefined) headers.set('Retry-After', String(error.extras.retryAfter));
  for (const [name, value] of Object.entries(error.extras.headers ?? {})) headers.set(name, value);
  return new Response(JSON.stringify(error.toProblem(instance)), { status: error.status, headers });
}
