import { delay } from 'msw';
import type { ErrorCode } from '../contract/index.js';
import { problem } from './problem.js';

export interface FailureOptions {
  /** Problem `code`; defaults from the status (500 → internal_error, 404 → not_found, …). */
  code?: ErrorCode | string;
  detail?: string;
  /** How many matching requests fail (default 1). */
  times?: number;
  /** Seconds, for 429 and 503 (sent as Retry-After and `retryAfter`). */
  retryAfter?: number;
}

interface FailureRule {
  match: string;
  status: number;
  code: string;
  detail: string;
  remaining: number;
  retryAfter: number | undefined;
}

const defaultCodes: Partial<Record<number, ErrorCode>> = {
  400: 'validation_failed',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'validation_failed',
  429: 'rate_limited',
};

/**
 * Switches stories and tests flip to show every network state of a widget: slow (latency),
 * failing (forced problem answers) and offline (network errors).
 */
export class Controls {
  offline = false;
  latencyMs: number;
  #failures: FailureRule[] = [];

  constructor(latencyMs: number) {
    this.latencyMs = latencyMs;
  }

  failNext(match: string, status: number, options: FailureOptions = {}): void {
    if (!Number.isInteger(status) || status < 400 || status > 599) {
      throw new RangeError(`failNext: status must be an HTTP error status (400–599), got ${status}`);
    }
    this.#failures.push({
      match,
      status,
      code: options.code ?? defaultCodes[status] ?? 'internal_error',
      detail: options.detail ?? `Failure forced by the mock backend (${status}).`,
      remaining: options.times ?? 1,
      retryAfter: options.retryAfter,
    });
  }

  /** The forced failure for this request, if a rule matches its endpoint name or its path. */
  takeFailure(endpoint: string, request: Request): Response | null {
    const url = new URL(request.url);
    const where = url.pathname + url.search;
    const rule = this.#failures.find((r) => r.match === endpoint || where.includes(r.match));
    if (!rule) return null;
    if (--rule.remaining <= 0) this.#failures.splice(this.#failures.indexOf(rule), 1);
    return problem(
      rule.status,
      rule.code,
      rule.detail,
      rule.retryAfter === undefined ? {} : { retryAfter: rule.retryAfter },
    );
  }

  /** Waits the configured latency; `Infinity` never answers (a skeleton that stays). */
  async wait(): Promise<void> {
    if (this.latencyMs === Infinity) await delay('infinite');
    else if (this.latencyMs > 0) await delay(this.latencyMs);
  }

  clear(latencyMs: number): void {
    this.offline = false;
    this.latencyMs = latencyMs;
    this.#failures = [];
  }
}
