import type { Controls } from './controls.js';
import type { IdempotencyStore } from './idempotency.js';
import type { RateLimiter } from './rate-limit.js';
import type { EventHub } from './sse.js';
import type { MockStore } from './store.js';

/** What every endpoint implementation works with; `store` is replaced by reset(). */
export interface MockContext {
  readonly store: MockStore;
  readonly hub: EventHub;
  readonly idempotency: IdempotencyStore;
  readonly rateLimiter: RateLimiter;
  readonly controls: Controls;
  now(): Date;
}

export type PathParams = Record<string, string | undefined>;

export type EndpointImpl = (request: Request, params: PathParams, ctx: MockContext) => Response | Promise<Response>;
