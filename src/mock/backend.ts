import { http, HttpResponse, type RequestHandler } from 'msw';
import {
  endpoints,
  PledgeRequest,
  ListingRequest,
  type EndpointName,
  type Listing,
  type PledgeResult,
  type RuleViolation,
} from '../contract/index.js';
import { campaignHandlers } from './campaigns-handlers.js';
import type { EndpointImpl, MockContext, PathParams } from './context.js';
import { Controls, type FailureOptions } from './controls.js';
import { createFixtures, type Fixtures } from './fixtures/index.js';
import { parseWith } from './http-utils.js';
import { IdempotencyStore } from './idempotency.js';
import { liveHandlers } from './live-handlers.js';
import { civicHandlers } from './civic-handlers.js';
import { neighbourhoodHandlers } from './neighbourhood-handlers.js';
import { problem } from './problem.js';
import { DEFAULT_MEMBER_RATE_LIMIT, RateLimiter, type RateLimit } from './rate-limit.js';
import { EventHub } from './sse.js';
import { MockStore, type Channel } from './store.js';

export const DEFAULT_MOCK_BASE_URL = 'https://api.partage.test/v1';

export interface MockBackendOptions {
  /** Versioned base URL the handlers answer under (default `https://api.partage.test/v1`). */
  baseUrl?: string;
  /** The backend's clock, for open/closed campaigns and timestamps (default: the real clock). */
  now?: () => Date;
  /** Seed data (default `createFixtures(now())`); copied, never mutated. */
  fixtures?: Fixtures;
  /** Delay before every answer, in ms (default 0); `Infinity` never answers. */
  latencyMs?: number;
  /** Member writes allowed per window (default 5 per minute); null disables the limit. */
  memberRateLimit?: RateLimit | null;
}

export interface SimulatedPledge {
  rewardId?: string | null;
  name?: string;
  email?: string;
  anonymous?: boolean;
  message?: string;
}

/** Thrown by the simulate* helpers when the backend refuses, with the problem `code`. */
export class MockRuleError extends Error {
  override name = 'MockRuleError';
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

export interface MockBackend {
  /** msw handlers for every endpoint of the contract (pass them to setupWorker/setupServer). */
  readonly handlers: RequestHandler[];
  readonly baseUrl: string;
  /** Current state; replaced by reset(). */
  readonly store: MockStore;
  /** Back to the fixtures: state, idempotency keys, rate limits, failures, latency, streams. */
  reset(): void;
  /**
   * The next request(s) whose endpoint name (e.g. `getCampaign`) equals `match`, or whose path
   * contains it, get a problem+json answer with `status` (default 500 internal_error).
   */
  failNext(match: EndpointName | (string & {}), status?: number, codeOrOptions?: string | FailureOptions): void;
  /** Offline: open streams drop and every request fails as a network error (fetch rejects). */
  setOffline(offline: boolean): void;
  /** Delay before every answer, in ms; `Infinity` keeps requests pending forever. */
  setLatency(ms: number): void;
  setMemberRateLimit(limit: RateLimit | null): void;
  /** Runs a real pledge through the store (totals, stock, live event) without a form. */
  simulatePledge(campaignId: string, amountMinor: number, options?: SimulatedPledge): PledgeResult;
  /** Posts a listing as a member of the neighbourhood (first member found, or `memberToken`'s). */
  simulateListing(neighbourhoodId: string, request?: Partial<ListingRequest>, memberToken?: string): Listing;
  /** Open live streams on `campaigns/<id>` or `neighbourhoods/<id>` (wait for a widget to listen). */
  listeners(channel: Channel): number;
  /**
   * Ends the open live streams (of one channel, or all), as a server restart or a flaky network
   * would; the logs stay, so clients that reconnect with Last-Event-ID miss nothing.
   */
  dropStreams(channel?: Channel): void;
}

const toMswPath = (template: string) => template.replace(/\{(\w+)\}/g, ':$1');

const refusal = (v: RuleViolation) => new MockRuleError(v.code, v.detail);

/** The contract in memory: an msw backend that behaves like the reference backend. */
export function createMockBackend(options: MockBackendOptions = {}): MockBackend {
  const baseUrl = (options.baseUrl ?? DEFAULT_MOCK_BASE_URL).replace(/\/+$/, '');
  const now = options.now ?? (() => new Date());
  const fixtures = options.fixtures ?? createFixtures(now());
  const initialLatency = options.latencyMs ?? 0;
  const initialRateLimit = options.memberRateLimit === undefined ? DEFAULT_MEMBER_RATE_LIMIT : options.memberRateLimit;

  const hub = new EventHub();
  const publish = (channel: Channel, event: { type: string }) => hub.publish(channel, event);
  let store = new MockStore(fixtures, now, publish);
  const ctx: MockContext = {
    get store() {
      return store;
    },
    hub,
    idempotency: new IdempotencyStore(),
    rateLimiter: new RateLimiter(initialRateLimit),
    controls: new Controls(initialLatency),
    now,
  };
  const impls: Record<EndpointName, EndpointImpl> = {
    ...campaignHandlers,
    ...neighbourhoodHandlers,
    ...liveHandlers,
    ...civicHandlers,
  };

  const route = (name: EndpointName): RequestHandler => {
    const endpoint = endpoints[name];
    const method = endpoint.method === 'GET' ? http.get : http.post;
    // Idempotent endpoints wait inside, after claiming their key (see createPledge).
    const waitsItself = 'idempotent' in endpoint;
    return method(`${baseUrl}${toMswPath(endpoint.path)}`, async ({ request, params }) => {
      if (ctx.controls.offline) return HttpResponse.error();
      const failure = ctx.controls.takeFailure(name, request);
      if (failure || !waitsItself) await ctx.controls.wait();
      if (ctx.controls.offline) return HttpResponse.error();
      if (failure) return failure;
      return impls[name](request, params as PathParams, ctx);
    });
  };

  const knownPaths = Object.values(endpoints).map((e) => new RegExp(`^${e.path.replace(/\{\w+\}/g, '[^/]+')}$`));
  // Anything else under the base URL answers like a real backend would, instead of leaking to
  // the network (where it would fail as a confusing DNS error).
  const fallback = http.all(`${baseUrl}/*`, ({ request }) => {
    if (ctx.controls.offline) return HttpResponse.error();
    const path = new URL(request.url).pathname.slice(new URL(baseUrl).pathname.replace(/\/$/, '').length);
    return knownPaths.some((re) => re.test(path))
      ? problem(405, 'method_not_allowed', `${request.method} is not allowed on ${path}.`)
      : problem(404, 'not_found', `No endpoint ${path}.`);
  });

  const handlers = [...(Object.keys(endpoints) as EndpointName[]).map(route), fallback];

  return {
    handlers,
    baseUrl,
    get store() {
      return store;
    },
    reset() {
      hub.clear();
      store = new MockStore(fixtures, now, publish);
      ctx.idempotency.clear();
      ctx.rateLimiter.clear(initialRateLimit);
      ctx.controls.clear(initialLatency);
    },
    failNext(match, status = 500, codeOrOptions) {
      ctx.controls.failNext(match, status, typeof codeOrOptions === 'string' ? { code: codeOrOptions } : codeOrOptions);
    },
    setOffline(offline) {
      ctx.controls.offline = offline;
      // A real network loss also cuts the live streams: widgets should show "reconnecting".
      if (offline) hub.drop();
    },
    setLatency(ms) {
      if (!(ms >= 0)) throw new RangeError(`setLatency: expected a delay in ms ≥ 0, got ${ms}`);
      ctx.controls.latencyMs = ms;
    },
    setMemberRateLimit(limit) {
      ctx.rateLimiter.policy = limit;
    },
    simulatePledge(campaignId, amountMinor, pledge = {}) {
      const campaign = store.findCampaign(campaignId);
      if (!campaign) throw new MockRuleError('not_found', `No campaign "${campaignId}".`);
      const request = parseWith(PledgeRequest, {
        amount: { amount: amountMinor, currency: campaign.goal.currency },
        rewardId: pledge.rewardId ?? null,
        backer: { name: pledge.name ?? 'Camille D.', email: pledge.email ?? 'camille@example.org' },
        anonymous: pledge.anonymous ?? false,
        ...(pledge.message === undefined ? {} : { message: pledge.message }),
      });
      if (!request.ok)
        throw new MockRuleError(
          'validation_failed',
          `Invalid pledge: ${request.errors.map((e) => `${e.path} ${e.message}`).join('; ')}`,
        );
      const outcome = store.createPledge(campaign, request.data);
      if (!outcome.ok) throw refusal(outcome.violation);
      return outcome.value;
    },
    simulateListing(neighbourhoodId, overrides = {}, memberToken) {
      const neighbourhood = store.findNeighbourhood(neighbourhoodId);
      if (!neighbourhood) throw new MockRuleError('not_found', `No neighbourhood "${neighbourhoodId}".`);
      const member = memberToken
        ? store.memberByToken(memberToken)
        : store.members.find((m) => m.member.neighbourhoodIds.includes(neighbourhood.id))?.member;
      if (!member) throw new MockRuleError('unauthorized', `No member to post in "${neighbourhoodId}".`);
      if (!member.neighbourhoodIds.includes(neighbourhood.id))
        throw new MockRuleError('forbidden', `${member.displayName} is not a member of "${neighbourhoodId}".`);
      const request = parseWith(ListingRequest, {
        kind: 'offer',
        type: 'give',
        category: 'other',
        title: 'Nouvelle annonce',
        description: '',
        place: { label: 'Centre' },
        ...overrides,
      });
      if (!request.ok)
        throw new MockRuleError(
          'validation_failed',
          `Invalid listing: ${request.errors.map((e) => `${e.path} ${e.message}`).join('; ')}`,
        );
      const outcome = store.createListing(neighbourhood, member, request.data);
      if (!outcome.ok) throw refusal(outcome.violation);
      return outcome.value;
    },
    listeners(channel) {
      return hub.listeners(channel);
    },
    dropStreams(channel) {
      hub.drop(channel);
    },
  };
}
