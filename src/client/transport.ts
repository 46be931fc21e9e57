import type * as z from 'zod/mini';
import { buildPath, type Endpoint } from '../contract/endpoints.js';
import { cacheKey, ReadCache } from './cache.js';
import { ApiError, ContractError, NetworkError } from './errors.js';
import { checkOptions } from './options.js';
import { defaultTiming, localProblem, retryableRead, send, type HttpConfig, type Timing } from './http.js';
import type { LiveSource } from './live.js';
import type { LiveResourceSpec } from './live-hub.js';
import type { LiveStart } from './live-start.js';
import { lazy, onDemand } from './on-demand.js';
import { checkBaseUrl, checkMemberToken } from './secrets.js';
import type { ClientOptions, SubscribeOptions, Unsubscribe } from './types.js';

export type Params = Record<string, string>;
export type Query = object | undefined;
/** What an endpoint answers, as validated by its response schema. */
export type Out<E extends Endpoint> = z.output<E['response']>;

export interface ReadOptions {
  signal?: AbortSignal | undefined;
  /** Ask the server even when the cached copy is fresh (polling). */
  revalidate?: boolean;
  token?: string;
  /**
   * Keep the answer as this URL's last good one across visits (public reads only: ignored with
   * a `token`). See memory.ts for what is kept.
   */
  remember?: boolean;
  /**
   * Answer from memory only, without any request: the last good answer kept by `remember`,
   * validated again by the endpoint's schema. `recall` is told when it was received; without a
   * usable one the read fails with NetworkError('offline').
   */
  recall?: (savedAt: number) => void;
}

export interface WriteOptions {
  headers?: Record<string, string>;
  /** Retried as `retryable` allows; writes are sent once unless they carry an idempotency key. */
  retryable?: (error: unknown) => boolean;
  signal?: AbortSignal | undefined;
}

/**
 * One configured connection to a Partage API: base URL, fetch, retries, the shared read cache
 * and the shared live streams. It reads, writes and follows; the rest is functions taking it, as
 * the operations are (`getCampaign(transport, id)`; `memberToken(transport)`,
 * `invalidate(transport)` and `stream(transport, …)` below), so a file carries only what it calls:
 * the campaign card no member token, no per-resource stream. `createClient` binds them as methods
 * for application code. `write` and `invalidateResource` stay methods: the pledge form's
 * interaction chunk sends through them, and that chunk importing them as functions from the
 * file's client code made rolldown split `partage.js` (rolldown/rolldown#10731,
 * scripts/lazy-chunks.mjs fails the build).
 */
export interface Transport {
  readonly baseUrl: string;
  /** GET with validation, ETag revalidation, de-duplication and retries. */
  read<E extends Endpoint>(endpoint: E, params: Params, query?: Query, options?: ReadOptions): Promise<Out<E>>;
  /**
   * Like `read`, but a miss is loaded by `load` (one batched request for many resources, say),
   * which gets `single`, the endpoint's own uncached read, for its fallback. The result is
   * cached under the endpoint's URL, so later reads of the resource share it.
   */
  readVia<E extends Endpoint>(
    endpoint: E,
    params: Params,
    load: (signal: AbortSignal, single: (signal: AbortSignal) => Promise<Out<E>>) => Promise<Out<E>>,
    options?: ReadOptions,
  ): Promise<Out<E>>;
  /**
   * Follows one resource on the page's multiplexed stream (`/live`): one connection per backend
   * for every widget, provider and client of the page. `endpoint` is the resource's own stream,
   * used on backends without `/live`; `poll` its polling fallback there.
   */
  follow<E extends Endpoint>(
    resource: { kind: string; param: string; id: string },
    endpoint: E,
    params: Params,
    poll: LiveSource<Out<E>>['poll'],
    subscriber: SubscribeOptions<Out<E>>,
  ): Unsubscribe;
  /** POST with validation; retried only as `options.retryable` allows. */
  write<E extends Endpoint>(endpoint: E, params: Params, body: unknown, options?: WriteOptions): Promise<Out<E>>;
  /** Drops cached GETs of resources (paths) and everything below them, and of their collection. */
  invalidateResource(collection: string, ...resources: string[]): void;
  /** Absolute URL of an endpoint; every path value is checked and URI-encoded. */
  urlOf(endpoint: Endpoint, params?: Params, query?: Query): string;
  /**
   * What the functions taking a transport (`memberToken`, `invalidate`, `stream`) need of it.
   * @internal Not part of the API: a copy of a transport (`{ ...transport, read }`) keeps it.
   */
  readonly internals: TransportInternals;
}

/** @internal */
export interface TransportInternals {
  readonly options: ClientOptions;
  readonly cache: ReadCache;
  /** A per-resource stream's source (its URL, schema, polling) for the live code. */
  legacySource<E extends Endpoint>(endpoint: E, params: Params, poll: LiveSource<Out<E>>['poll']): LiveSource<Out<E>>;
  /** The live code, loaded with the first subscription. */
  live(): Promise<LiveStart>;
}

/**
 * Opens a transport. Refuses anything that looks like a secret before any request, and
 * validates every option. `internals` replaces clock, randomness and sleeping (tests only).
 */
export function createTransport(options: ClientOptions, internals: Partial<Timing> = {}): Transport {
  checkOptions(options);
  return openTransport(options, internals);
}

/**
 * A transport from options already checked by `checkOptions`, or from a bare base URL (the
 * widgets' `api` attribute, core/data/clients.ts): files that never take other options then do
 * not carry their checks. The base URL is checked here in any case.
 */
export function openTransport(options: ClientOptions, internals: Partial<Timing> = {}): Transport {
  // No secret ever reaches the browser: refuse anything that looks like one before any request.
  const base = checkBaseUrl(options.baseUrl);
  const baseUrl = base.href.replace(/\/+$/, '');
  const timing: Timing = { ...defaultTiming, ...internals };
  const maxAttempts = options.maxAttempts ?? 3;
  const pollIntervalMs = options.pollIntervalMs ?? 15_000;
  const http: HttpConfig = {
    // Looked up at call time, so a fetch patched after creation (tests, polyfills) is used.
    fetch: (input, init) => (options.fetch ?? globalThis.fetch)(input, init),
    timeoutMs: options.timeoutMs ?? 10_000,
    retryBaseMs: options.retryBaseMs ?? 300,
    timing,
  };
  const cache = new ReadCache(options.cacheTtlMs ?? 5_000, timing.now);
  // Live code loads with the first subscription (live-start.ts): a page whose widgets never go
  // live never downloads it. Clients of a page share one hub per backend; one with its own fetch
  // or clock keeps its own.
  const shared = options.fetch === undefined && Object.keys(internals).length === 0;
  const live = lazy(() =>
    import('./live-start.js').then((m) => m.liveStart({ baseUrl, http, timing, pollIntervalMs }, shared)),
  );
  const legacySource = <E extends Endpoint>(
    endpoint: E,
    params: Params,
    poll: LiveSource<Out<E>>['poll'],
  ): LiveSource<Out<E>> => ({
    url: urlOf(endpoint, params),
    schema: endpoint.response as z.ZodMiniType<Out<E>>,
    fetch: http.fetch,
    timing,
    retryBaseMs: http.retryBaseMs,
    pollIntervalMs,
    poll,
  });

  const loader =
    (endpoint: Endpoint, url: string, token?: string) => (etag: string | undefined, signal: AbortSignal) => {
      const headers: Record<string, string> = { Accept: 'application/json' };
      if (etag) headers['If-None-Match'] = etag;
      if (token) headers.Authorization = `Bearer ${token}`;
      return send(
        http,
        { method: 'GET', url, headers, maxAttempts, retryable: retryableRead, signal },
        endpoint.response,
      );
    };

  /** The answer, kept across visits when asked to and public (`readVia` never has a token). */
  const kept = (answer: Promise<unknown>, url: string, opts: ReadOptions): Promise<never> =>
    (opts.remember && !opts.token ? answer.then((value) => keep(url, value, timing.now())) : answer) as Promise<never>;

  const urlOf = (endpoint: Endpoint, params: Params = {}, query?: Query): string => {
    for (const [key, value] of Object.entries(params)) {
      if (typeof value !== 'string' || value === '')
        throw new TypeError(`${endpoint.path}: "${key}" must be a non-empty string`);
    }
    return baseUrl + buildPath(endpoint.path, params) + encodeQuery(query);
  };

  return {
    baseUrl,
    urlOf,
    internals: { options, cache, legacySource, live },
    read(endpoint, params, query, opts = {}) {
      const url = urlOf(endpoint, params, query);
      if (opts.recall) return recallRead(endpoint, url, opts.token ? undefined : opts.recall);
      const load = loader(endpoint, url, opts.token);
      // The credential is part of the key: two members never share a cached /me.
      // Only public answers outlive the visit: nothing read with a member token is kept.
      return kept(cache.read(cacheKey(url, opts.token), url, load, opts.signal, opts.revalidate), url, opts);
    },
    readVia(endpoint, params, load, opts = {}) {
      const url = urlOf(endpoint, params);
      if (opts.recall) return recallRead(endpoint, url, opts.recall);
      const own = loader(endpoint, url);
      // A copy with an ETag is revalidated on its own; a miss goes through `load`.
      const viaLoad = async (etag: string | undefined, signal: AbortSignal) => {
        if (etag) return own(etag, signal);
        let ownEtag: string | null = null;
        const single = async (s: AbortSignal) => {
          const answer = await own(undefined, s);
          if (answer.notModified) throw new ContractError(url, [{ path: '', message: 'unexpected 304' }]);
          ownEtag = answer.etag;
          return answer.value as never;
        };
        const value = await load(signal, single);
        return { notModified: false as const, value, etag: ownEtag };
      };
      return kept(cache.read(cacheKey(url), url, viaLoad, opts.signal, opts.revalidate), url, opts);
    },
    async write(endpoint, params, body, opts = {}) {
      if (typeof body !== 'object' || body === null)
        throw new TypeError(`${endpoint.path}: the body must be an object`);
      const url = urlOf(endpoint, params);
      const answer = await send(
        http,
        {
          method: 'POST',
          url,
          headers: { Accept: 'application/json', 'Content-Type': 'application/json', ...opts.headers },
          body: JSON.stringify(body),
          maxAttempts: opts.retryable ? maxAttempts : 1,
          retryable: opts.retryable ?? (() => false),
          signal: opts.signal,
        },
        endpoint.response,
      );
      if (answer.notModified) throw new ContractError(url, [{ path: '', message: 'unexpected 304 to a POST' }]);
      return answer.value as never;
    },
    invalidateResource(collection, ...resources) {
      const prefixes = resources.map((r) => baseUrl + r);
      const list = baseUrl + collection;
      cache.invalidate(
        (u) =>
          u === list ||
          u.startsWith(`${list}?`) ||
          prefixes.some((p) => u === p || u.startsWith(`${p}/`) || u.startsWith(`${p}?`)),
      );
    },
    follow(resource, endpoint, params, poll, subscriber) {
      const legacy = legacySource(endpoint, params, poll);
      const spec: LiveResourceSpec<Out<typeof endpoint>> = { ...resource, schema: legacy.schema, legacy };
      return onDemand<Out<typeof endpoint>>(() => live().then((l) => (s) => l.follow(spec, s)), subscriber);
    },
  };
}

/** One shared live stream per URL (a resource's own stream) for every subscriber, with its polling fallback. */
export function stream<E extends Endpoint>(
  api: Transport,
  endpoint: E,
  params: Params,
  poll: LiveSource<Out<E>>['poll'],
  subscriber: SubscribeOptions<Out<E>>,
): Unsubscribe {
  const source = api.internals.legacySource(endpoint, params, poll);
  return onDemand<Out<E>>(() => api.internals.live().then((l) => (s) => l.stream(source, s)), subscriber);
}

/** Drops cached GETs whose URL contains `match` (all of them without `match`). */
export function invalidate(api: Transport, match?: string): void {
  api.internals.cache.invalidate(match === undefined ? () => true : (u) => u.includes(match));
}

/** The member's bearer token (`override`, else the transport's option); without one, a local 401 and no request at all. */
export async function memberToken(api: Transport, override?: string): Promise<string> {
  const source = override ?? api.internals.options.memberToken;
  const value = typeof source === 'function' ? await source() : source;
  if (typeof value !== 'string' || value.trim() === '') {
    throw new ApiError(
      localProblem(
        401,
        'unauthorized',
        'Unauthorized',
        'This action needs a signed-in member, and no member token was given.',
      ),
    );
  }
  checkMemberToken(value);
  return value;
}

/**
 * Memory across visits (memory.ts) loads on demand, in a chunk of the CDN files: keeping an
 * answer happens after the widget has shown it, and recalling one needs an answer kept on an
 * earlier visit, whose keeping loaded (and cached) that chunk. The first paint never waits for it.
 */
const memory = lazy(() => import('./memory.js'));

/** Keeps `value` as `url`'s last good answer, once the memory code is there; never fails the read. */
function keep<T>(url: string, value: T, now: number): T {
  // The chunk loads now (a failure moments later may need it to recall), but the storage write is
  // never urgent: the frame that shows the answer comes first (on the 100-card page, writing at
  // once delayed the amounts, BENCHMARKS.md).
  const loading = memory();
  whenIdle(() =>
    loading.then(
      (m) => m.remember(url, value, now),
      () => undefined,
    ),
  );
  return value;
}

const whenIdle = (task: () => void) =>
  typeof requestIdleCallback === 'function' ? requestIdleCallback(task, { timeout: 2000 }) : setTimeout(task, 200);

/** A read served from memory: no request, the kept answer validated again (storage is not trusted to be current). */
async function recallRead(
  endpoint: Endpoint,
  url: string,
  told: ((savedAt: number) => void) | undefined,
): Promise<never> {
  const kept = told ? (await memory().catch(() => undefined))?.recall(url) : undefined;
  const parsed = kept && endpoint.response.safeParse(kept.value);
  if (!kept || !parsed?.success) throw new NetworkError('offline', `Nothing remembered for ${url}`);
  told!(kept.savedAt);
  return parsed.data as never;
}

/** Stable, sorted query strings: `{a, b}` and `{b, a}` share one cache entry. */
function encodeQuery(query: Query): string {
  if (!query) return '';
  const params = new URLSearchParams();
  const record = query as Record<string, unknown>;
  for (const name of Object.keys(record).sort()) {
    const value = record[name];
    if (value === undefined || value === null || value === '') continue;
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      throw new TypeError(`Query parameter "${name}" must be a string, a number or a boolean`);
    }
    params.append(name, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
