import { ContractError } from './errors.js';
import { abortedError, type Answer } from './http.js';

interface Entry {
  url: string;
  value: unknown;
  etag: string | null;
  freshUntil: number;
}

interface Flight {
  promise: Promise<unknown>;
  controller: AbortController;
  /** Callers still waiting; when the last one aborts, the shared request is aborted too. */
  waiters: number;
}

/** Loads `url`; `etag` is set when a cached copy may be revalidated with If-None-Match. */
export type Loader = (etag: string | undefined, signal: AbortSignal) => Promise<Answer<unknown>>;

/** Bound on remembered GET results: a page browsing many listing filters must not grow forever. */
const MAX_ENTRIES = 200;

/**
 * GET results by URL (+ credentials), with de-duplication of identical in-flight requests and
 * ETag revalidation once an entry is older than the TTL. Every widget of a page reading the same
 * campaign therefore costs one request. Values are shared between callers: treat them as
 * read-only.
 */
export class ReadCache {
  // True private fields: the minifier shortens their names, as it cannot a TypeScript `private`.
  readonly #entries = new Map<string, Entry>();
  readonly #flights = new Map<string, Flight>();
  readonly #ttlMs: number;
  readonly #now: () => number;

  constructor(ttlMs: number, now: () => number) {
    this.#ttlMs = ttlMs;
    this.#now = now;
  }

  /**
   * Serves a fresh entry, joins an identical in-flight request, or loads. With `revalidate`,
   * a fresh entry is not enough: the server is asked (conditionally, when there is an ETag).
   */
  read(key: string, url: string, load: Loader, signal?: AbortSignal, revalidate = false): Promise<unknown> {
    if (signal?.aborted) return Promise.reject(abortedError(url));
    const entry = this.#entries.get(key);
    if (entry && !revalidate && this.#now() < entry.freshUntil) return Promise.resolve(entry.value);
    const flight = this.#flights.get(key) ?? this.#start(key, url, load, entry);
    return this.#join(key, flight, url, signal);
  }

  /** Drops entries (and forgets in-flight requests) whose URL satisfies `match`. */
  invalidate(match: (url: string) => boolean): void {
    for (const [key, entry] of this.#entries) if (match(entry.url)) this.#entries.delete(key);
    for (const [key] of this.#flights) if (match(urlOfKey(key))) this.#flights.delete(key);
  }

  #start(key: string, url: string, load: Loader, entry: Entry | undefined): Flight {
    const controller = new AbortController();
    const flight: Flight = { controller, waiters: 0, promise: Promise.resolve() };
    flight.promise = (async () => {
      try {
        const answer = await load(entry?.etag ?? undefined, controller.signal);
        // A request forgotten by invalidate() still answers its callers but is not stored.
        const current = this.#flights.get(key) === flight;
        if (answer.notModified) {
          if (!entry) throw new ContractError(url, [{ path: '', message: '304 Not Modified without a cached copy' }]);
          if (current) {
            entry.freshUntil = this.#now() + this.#ttlMs;
            // Re-insert so that the Map's order stays "least recently confirmed first".
            this.#entries.delete(key);
            this.#entries.set(key, entry);
          }
          return entry.value;
        }
        if (current)
          this.#store(key, { url, value: answer.value, etag: answer.etag, freshUntil: this.#now() + this.#ttlMs });
        return answer.value;
      } finally {
        if (this.#flights.get(key) === flight) this.#flights.delete(key);
      }
    })();
    this.#flights.set(key, flight);
    return flight;
  }

  #store(key: string, entry: Entry): void {
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    while (this.#entries.size > MAX_ENTRIES) {
      const oldest = this.#entries.keys().next().value as string;
      this.#entries.delete(oldest);
    }
  }

  #join(key: string, flight: Flight, url: string, signal: AbortSignal | undefined): Promise<unknown> {
    flight.waiters++;
    if (!signal) return flight.promise;
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        reject(abortedError(url, signal.reason));
        if (--flight.waiters === 0) {
          if (this.#flights.get(key) === flight) this.#flights.delete(key);
          flight.controller.abort(signal.reason);
        }
      };
      signal.addEventListener('abort', onAbort, { once: true });
      flight.promise.then(
        (value) => {
          signal.removeEventListener('abort', onAbort);
          resolve(value);
        },
        (error: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(error);
        },
      );
    });
  }
}

/** Cache keys are `<url>` or `<url> <credential>`; URLs never contain a raw space. */
export const cacheKey = (url: string, credential?: string): string => (credential ? `${url} ${credential}` : url);
const urlOfKey = (key: string): string => key.split(' ', 1)[0] ?? key;
