import type * as z from 'zod/mini';
import { problemType, type Problem } from '../contract/index.js';
import { ApiError, ContractError, NetworkError } from './errors.js';
import { lazy } from './on-demand.js';

/**
 * Clock, randomness and sleeping, injectable so that tests of retries and reconnections are fast
 * and deterministic. Not part of the public options: pages never need to change them.
 * @internal
 */
export interface Timing {
  /** Uniform in [0, 1): the jitter of every backoff. */
  random: () => number;
  /** Resolves after `ms`; may ignore `signal` (callers race it against the signal anyway). */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  now: () => number;
  /** A Retry-After longer than this is not waited for: the error goes to the caller. */
  maxRetryAfterMs: number;
  /** Upper bound of one backoff delay. */
  maxBackoffMs: number;
  /** A live stream silent for longer than this (no event, no heartbeat) is reopened. */
  streamIdleMs: number;
}

export const defaultTiming: Timing = {
  random: Math.random,
  sleep: (ms, signal) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      // Free the timer at once: an aborted 30 s Retry-After wait should not linger.
      signal?.addEventListener('abort', () => clearTimeout(timer), { once: true });
    }),
  now: () => Date.now(),
  maxRetryAfterMs: 30_000,
  maxBackoffMs: 10_000,
  streamIdleMs: 45_000,
};

export interface HttpConfig {
  fetch: typeof fetch;
  timeoutMs: number;
  retryBaseMs: number;
  timing: Timing;
}

export interface HttpCall {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  /** Serialised once, so that every retry sends exactly the same bytes. */
  body?: string;
  /** 1 for calls that must never be repeated automatically. */
  maxAttempts: number;
  retryable: (error: unknown) => boolean;
  signal?: AbortSignal;
}

export type Answer<T> = { notModified: true } | { notModified: false; value: T; etag: string | null };

export const abortedError = (url: string, cause?: unknown) =>
  new NetworkError('aborted', `Request to ${url} was aborted`, { cause });

/** Sends `call`, retrying as its policy allows, and validates the answer with `schema`. */
export async function send<T>(config: HttpConfig, call: HttpCall, schema: z.ZodMiniType<T>): Promise<Answer<T>> {
  for (let attempt = 0; ; attempt++) {
    try {
      const raw = await fetchOnce(config, call);
      if (raw.status !== 304 && (raw.status < 200 || raw.status > 299))
        throw await apiErrorOf(raw.status, raw.statusText, raw.headers, raw.text, config.timing.now());
      return interpret(call.url, raw, schema);
    } catch (error) {
      if (attempt + 1 >= call.maxAttempts || !call.retryable(error)) throw error;
      const delay = retryDelay(config, attempt, error);
      if (delay === undefined) throw error;
      await wait(config.timing, delay, call.signal, call.url);
    }
  }
}

/** GETs are safe to repeat: network trouble, 408, 429 and every 5xx. */
export function retryableRead(error: unknown): boolean {
  if (error instanceof NetworkError) return error.reason !== 'aborted';
  return error instanceof ApiError && (error.status === 408 || error.status === 429 || error.status >= 500);
}

/**
 * A pledge is repeated only when the backend cannot have created it yet, or will replay the
 * first answer for the same Idempotency-Key: never on a 500, whose outcome is unknown.
 */
export function retryablePledge(error: unknown): boolean {
  if (error instanceof NetworkError) return error.reason !== 'aborted';
  if (!(error instanceof ApiError)) return false;
  if (error.status === 409) return error.code === 'idempotency_in_flight';
  return error.status === 408 || error.status === 429 || error.status === 503;
}

/** The wait before the next try, or undefined when the server asked for more than we wait. */
export function retryDelay(config: HttpConfig, attempt: number, error: unknown): number | undefined {
  const after = error instanceof ApiError ? error.retryAfter : undefined;
  if (after !== undefined) {
    const ms = after * 1000;
    return ms > config.timing.maxRetryAfterMs ? undefined : ms;
  }
  return backoff(config.timing, config.retryBaseMs, attempt);
}

/** Exponential backoff with full jitter: many widgets on many pages never retry in lockstep. */
export function backoff(timing: Timing, baseMs: number, attempt: number): number {
  return Math.round(timing.random() * Math.min(timing.maxBackoffMs, baseMs * 2 ** attempt));
}

/** Sleeps, but rejects with NetworkError('aborted') the moment `signal` aborts. */
export function wait(timing: Timing, ms: number, signal: AbortSignal | undefined, url: string): Promise<void> {
  if (signal?.aborted) return Promise.reject(abortedError(url, signal.reason));
  return new Promise<void>((resolve, reject) => {
    const onAbort = () => reject(abortedError(url, signal?.reason));
    signal?.addEventListener('abort', onAbort, { once: true });
    timing.sleep(ms, signal).then(
      () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      },
      (error: unknown) => {
        signal?.removeEventListener('abort', onAbort);
        reject(signal?.aborted ? abortedError(url, error) : error);
      },
    );
  });
}

interface Raw {
  status: number;
  statusText: string;
  headers: Headers;
  text: string;
}

/** One try, with its own timeout covering the headers and the body. */
async function fetchOnce(config: HttpConfig, call: HttpCall): Promise<Raw> {
  const { signal, url } = call;
  if (signal?.aborted) throw abortedError(url, signal.reason);
  const controller = new AbortController();
  let timedOut = false;
  const onAbort = () => controller.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, config.timeoutMs);
  try {
    const res = await config.fetch(url, {
      method: call.method,
      headers: call.headers,
      body: call.body,
      // Public reads and bearer-token writes never need cookies; omitting them also keeps
      // the host page's session out of every request.
      credentials: 'omit',
      mode: 'cors',
      signal: controller.signal,
    });
    const text = res.status === 304 ? '' : await res.text();
    return { status: res.status, statusText: res.statusText, headers: res.headers, text };
  } catch (error) {
    if (signal?.aborted) throw abortedError(url, error);
    if (timedOut)
      throw new NetworkError('timeout', `No answer from ${url} within ${config.timeoutMs} ms`, { cause: error });
    throw new NetworkError('offline', `Could not reach ${url}`, { cause: error });
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

/** A 2xx or 304 answer, validated. */
function interpret<T>(url: string, raw: Raw, schema: z.ZodMiniType<T>): Answer<T> {
  if (raw.status === 304) return { notModified: true };
  let data: unknown;
  try {
    data = JSON.parse(raw.text);
  } catch {
    throw new ContractError(url, [{ path: '', message: 'the body is not JSON' }]);
  }
  const result = schema.safeParse(data);
  if (!result.success) throw new ContractError(url, toIssues(result.error.issues));
  return { notModified: false, value: result.data, etag: raw.headers.get('ETag') };
}

export function toIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]) {
  return issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

/**
 * Reading an error answer (its problem+json, its Retry-After) is only needed once a request has
 * failed: problems.ts loads then, in a chunk of the CDN files, and no answer that succeeds waits for it.
 */
const problems = lazy(() => import('./problems.js'));

/**
 * The ApiError of an HTTP error answer: problem+json when the body is one (problems.ts); when that
 * code cannot load (the reader went offline meanwhile), from the status line alone.
 */
export async function apiErrorOf(
  status: number,
  statusText: string,
  headers: Headers,
  text: string,
  now: number,
): Promise<ApiError> {
  try {
    return (await problems()).apiErrorFrom(status, statusText, headers, text, now);
  } catch {
    return new ApiError(statusProblem(status, statusText));
  }
}

/** The problem of an error answer without a problem+json body: its status line. */
export const statusProblem = (status: number, statusText: string): Problem => ({
  type: 'about:blank',
  title: statusText || `HTTP ${status}`,
  status,
  code: `http_${status}`,
});

/** Problems the client raises itself, shaped like the server's so callers branch on `code` alone. */
export function localProblem(status: number, code: string, title: string, detail: string): Problem {
  return { type: problemType(code), title, status, code, detail };
}
