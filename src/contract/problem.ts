import * as z from 'zod/mini';

/** Machine-readable error codes carried in `problem.code`. Clients branch on these, never on text. */
export const ErrorCode = z.enum([
  'validation_failed',
  'not_found',
  'campaign_closed',
  'reward_sold_out',
  'reward_unavailable',
  'pledge_below_minimum',
  'pledge_above_maximum',
  'currency_mismatch',
  'idempotency_key_missing',
  'idempotency_key_reused',
  'idempotency_in_flight',
  'origin_not_allowed',
  'unauthorized',
  'forbidden',
  'listing_closed',
  'poll_closed',
  'poll_not_open',
  'vote_final',
  'event_cancelled',
  'event_ended',
  'rate_limited',
  'payload_too_large',
  'unsupported_media_type',
  'method_not_allowed',
  'too_many_resources',
  'internal_error',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const FieldError = z.object({
  /** Dotted path of the offending field, e.g. `amount.amount` or `backer.email`. */
  path: z.string(),
  message: z.string(),
});
export type FieldError = z.infer<typeof FieldError>;

/** RFC 9457 problem details, served as `application/problem+json`. */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.int().check(z.minimum(400), z.maximum(599)),
  detail: z.optional(z.string()),
  instance: z.optional(z.string()),
  /** Kept open (string) so that a newer backend's codes do not fail validation in older widgets. */
  code: z.string(),
  errors: z.optional(z.array(FieldError)),
  /** Seconds to wait before retrying (mirrors the Retry-After header) for 429 and 503. */
  retryAfter: z.optional(z.int().check(z.nonnegative())),
});
export type Problem = z.infer<typeof Problem>;

export { PROBLEM_CONTENT_TYPE, problemType } from './problem-type.js';
