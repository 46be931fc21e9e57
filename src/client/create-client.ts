import type * as z from 'zod/mini';
import { buildPath, endpoints, IDEMPOTENCY_HEADER } from '../contract/index.js';
import { cacheKey, ReadCache } from './cache.js';
import { ApiError, ConfigError, ContractError } from './errors.js';
import {
  defaultTiming,
  localProblem,
  retryablePledge,
  retryableRead,
  send,
  type HttpConfig,
  type Timing,
} from './http.js';
import { LiveHub, runLive, type LiveSource } from './live.js';
import { campaignPoller, neighbourhoodPoller } from './poll.js';
import { checkBaseUrl, checkMemberToken } from './secrets.js';
import type { ClientOptions, PartageClient, SubscribeOptions, Unsubscribe } from './types.js';

type Endpoints = typeof endpoints;
type ReadName =
  | 'listCampaigns'
  | 'getCampaign'
  | 'listRewards'
  | 'listBackers'
  | 'listNeighbourhoods'
  | 'getNeighbourhood'
  | 'listListings'
  | 'getListing'
  | 'getMe';
type WriteName = 'createPledge' | 'createListing' | 'createReply' | 'createReport';
type Out<N extends keyof Endpoints> = z.output<Endpoints[N]['response']>;
type Params = Record<string, string>;
type Query = object | undefined;

interface ReadOptions {
  signal?: AbortSignal | undefined;
  /** Ask the server even when the cached copy is fresh (polling). */
  revalidate?: boolean;
  token?: string;
}

/** Codes meaning our cached view of the campaign was out of date. */
const STALE_CAMPAIGN = new Set(['campaign_closed', 'reward_sold_out', 'reward_unavailable', 'pledge_above_maximum']);

/**
 * A typed client for one Partage API. Every response is validated against the contract;
 * failures surface as ApiError, ContractError, NetworkError or ConfigError.
 *
 * `internals` replaces clock, randomness and sleeping (tests only).
 */
export function createClient(options: ClientOptions, internals: Partial<Timing> = {}): PartageClient {
  if (!options || typeof options !== 'object')
    throw new ConfigError('createClient needs an options object with a baseUrl');
  // No secret ever reaches the browser: refuse anything that looks like one before any request.
  const base = checkBaseUrl(options.baseUrl);
  if (typeof options.memberToken === 'string') checkMemberToken(options.memberToken);
  if (
    options.memberToken !== undefined &&
    typeof options.memberToken !== 'string' &&
    typeof options.memberToken !== 'function'
  ) {
    throw new ConfigError('memberToken must be a string or a function returning one');
  }
  if (options.fetch !== undefined && typeof options.fetch !== 'function')
    throw new ConfigError('fetch must be a function');

  const baseUrl = base.href.replace(/\/+$/, '');
  const timing: Timing = { ...defaultTiming, ...internals };
  const maxAttempts = numberOption('maxAttempts', options.maxAttempts, 3, 1, true);
  const cacheTtlMs = numberOption('cacheTtlMs', options.cacheTtlMs, 5_000, 0);
  const pollIntervalMs = numberOption('pollIntervalMs', options.pollIntervalMs, 15_000, 1);
  const http: HttpConfig = {
    // Looked up at call time, so a fetch patched after creation (tests, polyfills) is used.
    fetch: (input, init) => (options.fetch ?? globalThis.fetch)(input, init),
    timeoutMs: numberOption('timeoutMs', options.timeoutMs, 10_000, 1),
    retryBaseMs: numberOption('retryBaseMs', options.retryBaseMs, 300, 0),
    timing,
  };
  const cache = new ReadCache(cacheTtlMs, timing.now);
  const live = new LiveHub();
  /** One shared stream per URL for every subscriber, with its polling fallback. */
  const stream = <E>(
    url: string,
    schema: z.ZodMiniType<E>,
    poll: LiveSource<E>['poll'],
    subscriber: SubscribeOptions<E>,
  ): Unsubscribe =>
    live.subscribe(
      url,
      (sink) =>
        runLive({ url, schema, fetch: http.fetch, timing, retryBaseMs: http.retryBaseMs, pollIntervalMs, poll }, sink),
      subscriber,
    );

  const urlOf = (name: keyof Endpoints, params: Params = {}, query?: Query): string => {
    for (const [key, value] of Object.entries(params)) {
      if (typeof value !== 'string' || value === '')
        throw new TypeError(`${name}: "${key}" must be a non-empty string`);
    }
    return baseUrl + buildPath(endpoints[name].path, params) + encodeQuery(query);
  };

  const read = <N extends ReadName>(name: N, params: Params, query: Query, opts: ReadOptions = {}): Promise<Out<N>> => {
    const url = urlOf(name, params, query);
    const schema = endpoints[name].response as unknown as z.ZodMiniType<Out<N>>;
    const load = (etag: string | undefined, signal: AbortSignal) => {
      const headers: Record<string, string> = { Accept: 'application/json' };
      if (etag) headers['If-None-Match'] = etag;
      if (opts.token) headers.Authorization = `Bearer ${opts.token}`;
      return send(http, { method: 'GET', url, headers, maxAttempts, retryable: retryableRead, signal }, schema);
    };
    // The credential is part of the key: two members never share a cached /me.
    return cache.read(cacheKey(url, opts.token), url, load, opts.signal, opts.revalidate) as Promise<Out<N>>;
  };

  const write = async <N extends WriteName>(
    name: N,
    params: Params,
    body: unknown,
    extra: { headers?: Record<string, string>; retry?: boolean; signal?: AbortSignal | undefined },
  ): Promise<Out<N>> => {
    if (typeof body !== 'object' || body === null) throw new TypeError(`${name}: the body must be an object`);
    const url = urlOf(name, params);
    const schema = endpoints[name].response as unknown as z.ZodMiniType<Out<N>>;
    const headers = { Accept: 'application/json', 'Content-Type': 'application/json', ...extra.headers };
    const answer = await send(
      http,
      {
        method: 'POST',
        url,
        headers,
        body: JSON.stringify(body),
        maxAttempts: extra.retry ? maxAttempts : 1,
        retryable: extra.retry ? retryablePledge : () => false,
        signal: extra.signal,
      },
      schema,
    );
    if (answer.notModified) throw new ContractError(url, [{ path: '', message: 'unexpected 304 to a POST' }]);
    return answer.value;
  };

  /** Bearer token for member endpoints; without one, a local 401 and no request at all. */
  const memberToken = async (override: string | undefined): Promise<string> => {
    const source = override ?? options.memberToken;
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
  };

  /** Drops cached GETs of a resource and everything below it, and of its collection. */
  const invalidateResource = (collection: string, ...resources: string[]) => {
    const prefixes = resources.map((r) => baseUrl + r);
    const list = baseUrl + collection;
    cache.invalidate(
      (u) =>
        u === list ||
        u.startsWith(`${list}?`) ||
        prefixes.some((p) => u === p || u.startsWith(`${p}/`) || u.startsWith(`${p}?`)),
    );
  };
  const campaignPath = (campaignId: string) => buildPath(endpoints.getCampaign.path, { campaignId });

  const client: PartageClient = {
    baseUrl,
    listCampaigns: (query, o) => read('listCampaigns', {}, query, { signal: o?.signal }),
    getCampaign: (campaignId, o) => read('getCampaign', { campaignId }, undefined, { signal: o?.signal }),
    listRewards: (campaignId, query, o) => read('listRewards', { campaignId }, query, { signal: o?.signal }),
    listBackers: (campaignId, query, o) => read('listBackers', { campaignId }, query, { signal: o?.signal }),
    listNeighbourhoods: (query, o) => read('listNeighbourhoods', {}, query, { signal: o?.signal }),
    getNeighbourhood: (neighbourhoodId, o) =>
      read('getNeighbourhood', { neighbourhoodId }, undefined, { signal: o?.signal }),
    listListings: (neighbourhoodId, query, o) =>
      read('listListings', { neighbourhoodId }, query, { signal: o?.signal }),
    getListing: (listingId, o) => read('getListing', { listingId }, undefined, { signal: o?.signal }),
    getMe: async (o) => read('getMe', {}, undefined, { signal: o?.signal, token: await memberToken(o?.memberToken) }),

    async createPledge(campaignId, body, o) {
      const key: unknown = o?.idempotencyKey;
      if (typeof key !== 'string' || key.trim() === '' || key.length > 255) {
        throw new TypeError(
          'createPledge needs options.idempotencyKey (newIdempotencyKey()); reuse it when retrying the same pledge',
        );
      }
      try {
        // Retried only with this key and these exact bytes, so the backend replays, never duplicates.
        const result = await write('createPledge', { campaignId }, body, {
          headers: { [IDEMPOTENCY_HEADER]: key },
          retry: true,
          signal: o.signal,
        });
        invalidateResource('/campaigns', campaignPath(campaignId), campaignPath(result.campaignId));
        return result;
      } catch (error) {
        if (error instanceof ApiError && STALE_CAMPAIGN.has(error.code))
          invalidateResource('/campaigns', campaignPath(campaignId));
        throw error;
      }
    },
    async createListing(neighbourhoodId, body, o) {
      const token = await memberToken(o?.memberToken);
      const listing = await write('createListing', { neighbourhoodId }, body, {
        headers: bearer(token),
        signal: o?.signal,
      });
      invalidateResource('/neighbourhoods', buildPath(endpoints.getNeighbourhood.path, { neighbourhoodId }));
      return listing;
    },
    async createReply(listingId, body, o) {
      const token = await memberToken(o?.memberToken);
      const reply = await write('createReply', { listingId }, body, { headers: bearer(token), signal: o?.signal });
      invalidateResource('/listings', buildPath(endpoints.getListing.path, { listingId }));
      return reply;
    },
    async createReport(listingId, body, o) {
      const token = await memberToken(o?.memberToken);
      return write('createReport', { listingId }, body, { headers: bearer(token), signal: o?.signal });
    },

    subscribeCampaign(campaignId, subscriber) {
      const url = urlOf('campaignEvents', { campaignId });
      const poll = campaignPoller((signal) =>
        read('getCampaign', { campaignId }, undefined, { signal, revalidate: true }),
      );
      return stream(url, endpoints.campaignEvents.response, poll, subscriber);
    },
    subscribeNeighbourhood(neighbourhoodId, subscriber) {
      const url = urlOf('neighbourhoodEvents', { neighbourhoodId });
      const poll = neighbourhoodPoller(
        (signal) => read('listListings', { neighbourhoodId }, undefined, { signal, revalidate: true }),
        (signal) => read('getNeighbourhood', { neighbourhoodId }, undefined, { signal, revalidate: true }),
      );
      return stream(url, endpoints.neighbourhoodEvents.response, poll, subscriber);
    },

    invalidate(match) {
      cache.invalidate(match === undefined ? () => true : (u) => u.includes(match));
    },
  };
  return client;
}

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

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

function numberOption(name: string, value: unknown, fallback: number, min: number, integer = false): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || (integer && !Number.isInteger(value))) {
    throw new ConfigError(`${name} must be ${integer ? 'an integer' : 'a number'} ≥ ${min}, got ${String(value)}`);
  }
  return value;
}
