export interface ClientOptions {
  /** Versioned base URL, e.g. `https://api.example.org/v1`. */
  baseUrl: string;
  /** Defaults to `globalThis.fetch`; tests and SSR may inject their own. */
  fetch?: typeof fetch;
  /** Per-attempt timeout in ms (default 10 000). */
  timeoutMs?: number;
  /** Total tries for retryable requests (default 3). */
  maxAttempts?: number;
  /** Base delay of the exponential backoff in ms (default 300). */
  retryBaseMs?: number;
  /** How long a GET result is served from cache without revalidation, in ms (default 5 000). */
  cacheTtlMs?: number;
  /**
   * Member token for member-only endpoints. A function is called before each member request,
   * so the host page can refresh an expired token.
   */
  memberToken?: string | (() => string | null | undefined | Promise<string | null | undefined>);
  /** Interval of the polling fallback when EventSource is unavailable, in ms (default 15 000). */
  pollIntervalMs?: number;
}

export interface RequestOptions {
  signal?: AbortSignal;
}

export interface PledgeOptions extends RequestOptions {
  /** Reuse the same key when retrying the same pledge: the backend then never creates two. */
  idempotencyKey: string;
}

export interface MemberRequestOptions extends RequestOptions {
  /** Overrides the client's memberToken for this call. */
  memberToken?: string;
}

/** State of a live subscription, for widgets that show "live" / "reconnecting". */
export type LiveState = 'connecting' | 'open' | 'reconnecting' | 'polling' | 'closed';

export interface SubscribeOptions<E> {
  onEvent: (event: E) => void;
  onState?: (state: LiveState) => void;
}

export type Unsubscribe = () => void;

/** A fresh key for a new pledge attempt (keep it for retries of the same attempt). */
export const newIdempotencyKey = (): string => crypto.randomUUID();
