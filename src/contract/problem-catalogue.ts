import type { ErrorCode } from './problem.js';

/**
 * The usual HTTP status and human title of every error code, shared by the reference backend,
 * the mocks and the OpenAPI document. Clients branch on `code`, never on titles. Not re-exported
 * from the contract's index, so browser bundles do not carry the titles.
 * (`validation_failed` is 422 for bodies and 400 for paths and queries.)
 */
export const problemCatalogue: Record<ErrorCode, { status: number; title: string }> = {
  validation_failed: { status: 422, title: 'The request is not valid' },
  not_found: { status: 404, title: 'Not found' },
  campaign_closed: { status: 409, title: 'The campaign is not accepting pledges' },
  reward_sold_out: { status: 409, title: 'This reward is sold out' },
  reward_unavailable: { status: 409, title: 'This reward is not available' },
  pledge_below_minimum: { status: 422, title: 'The amount is below the minimum' },
  pledge_above_maximum: { status: 422, title: 'The amount is above the maximum' },
  currency_mismatch: { status: 422, title: 'Wrong currency' },
  idempotency_key_missing: { status: 400, title: 'An Idempotency-Key header is required' },
  idempotency_key_reused: { status: 422, title: 'This Idempotency-Key was used for another request' },
  idempotency_in_flight: { status: 409, title: 'A request with this Idempotency-Key is still being processed' },
  origin_not_allowed: { status: 403, title: 'This origin may not write to this resource' },
  unauthorized: { status: 401, title: 'Sign-in required' },
  forbidden: { status: 403, title: 'Not allowed' },
  listing_closed: { status: 409, title: 'This listing is closed' },
  poll_closed: { status: 409, title: 'This poll is closed' },
  poll_not_open: { status: 409, title: 'This poll is not open yet' },
  vote_final: { status: 409, title: 'Votes in this poll cannot be changed' },
  event_cancelled: { status: 409, title: 'This event was cancelled' },
  event_ended: { status: 409, title: 'This event is over' },
  rate_limited: { status: 429, title: 'Too many requests' },
  payload_too_large: { status: 413, title: 'The request body is too large' },
  unsupported_media_type: { status: 415, title: 'The request body must be JSON' },
  method_not_allowed: { status: 405, title: 'Method not allowed' },
  too_many_resources: { status: 400, title: 'Too many resources in one live stream' },
  internal_error: { status: 500, title: 'Something went wrong on our side' },
};
