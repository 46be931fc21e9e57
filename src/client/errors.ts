import type { FieldError, Problem } from '../contract/index.js';

/** Base of every error the client throws, so callers can tell ours from anything else. */
export class PartageError extends Error {
  override name = 'PartageError';
}

/** The backend answered with problem+json (or another 4xx/5xx). */
export class ApiError extends PartageError {
  override name = 'ApiError';
  readonly status: number;
  readonly code: string;
  readonly detail: string | undefined;
  readonly fieldErrors: readonly FieldError[];
  /** Seconds, from the Retry-After header or the problem body. */
  readonly retryAfter: number | undefined;
  readonly problem: Problem;
  constructor(problem: Problem, retryAfter?: number) {
    super(problem.detail ?? problem.title);
    this.problem = problem;
    this.status = problem.status;
    this.code = problem.code;
    this.detail = problem.detail;
    this.fieldErrors = problem.errors ?? [];
    this.retryAfter = retryAfter ?? problem.retryAfter;
  }
}

/** The backend answered something that does not match the contract. */
export class ContractError extends PartageError {
  override name = 'ContractError';
  /** Dotted path of the first mismatching field, e.g. `pledged.amount`. */
  readonly path: string;
  readonly issues: readonly { path: string; message: string }[];
  readonly url: string;
  constructor(url: string, issues: readonly { path: string; message: string }[]) {
    const first = issues[0] ?? { path: '', message: 'invalid response' };
    super(`Response from ${url} does not match the contract at "${first.path}": ${first.message}`);
    this.url = url;
    this.issues = issues;
    this.path = first.path;
  }
}

/** No usable answer: offline, DNS, CORS, timeout, or aborted by the caller. */
export class NetworkError extends PartageError {
  override name = 'NetworkError';
  readonly reason: 'offline' | 'timeout' | 'aborted';
  constructor(reason: NetworkError['reason'], message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.reason = reason;
  }
}

/** The client was configured unsafely (for instance with something that looks like a secret key). */
export class ConfigError extends PartageError {
  override name = 'ConfigError';
}
