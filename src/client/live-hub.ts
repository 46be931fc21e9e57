import type * as z from 'zod/mini';
import { ApiError } from './errors.js';
import { backoff, send, type HttpConfig, type Timing } from './http.js';
import { pause, runLive, safely, type LiveSource, type Sink } from './live.js';
import { openEventStream, SseParser, type SseMessage } from './sse.js';
import type { LiveState, SubscribeOptions, Unsubscribe } from './types.js';

/** One resource a widget follows, named the way the multiplexed stream names it. */
export interface LiveResourceSpec<E> {
  /** `campaign`, `neighbourhood`…: the `kind` of the stream's messages. */
  kind: string;
  /** Its query parameter on `/live` (`campaigns`). */
  param: string;
  /** Id or slug, as the widget was given it. */
  id: string;
  /** The schema of its events: invalid ones are dropped, never fatal. */
  schema: z.ZodMiniType<E>;
  /** Its own stream and polling, for backends without `/live` (detected once per backend). */
  legacy: LiveSource<E>;
}

export interface LiveHubConfig {
  baseUrl: string;
  http: HttpConfig;
  timing: Timing;
  pollIntervalMs: number;
}

interface Resource {
  spec: LiveResourceSpec<unknown>;
  subscribers: Set<SubscribeOptions<unknown>>;
  state: LiveState;
  stopLegacy?: () => void;
}

/** The few fields of `/live/changes` the hub reads; each event is then checked by its own schema. */
interface Changes {
  items: { kind: string; id: string; event: unknown }[];
  cursor: string;
}
const changesShape = {
  safeParse(value: unknown) {
    const v = value as Partial<Changes> | null;
    const ok = !!v && Array.isArray(v.items) && typeof v.cursor === 'string';
    return ok
      ? { success: true, data: v }
      : { success: false, error: { issues: [{ path: [], message: 'not live changes' }] } };
  },
} as unknown as z.ZodMiniType<Changes>;

/** Backends found without `/live` (per page): their widgets use per-resource streams. */
const withoutMultiplex = new Set<string>();

/**
 * Every live subscription of a page to one backend, on one connection. Widgets subscribe and
 * leave at any time; changes within one task are batched into one reopening of the stream with
 * the new set, which resumes every resource that stays from its position (the stream's
 * Last-Event-ID holds one position per resource), so nothing is lost across reopenings.
 * Falls back to polling `/live/changes` (one request for every resource) where streaming cannot
 * work, and to per-resource streams on backends that lack `/live`.
 */
export class LiveHub {
  readonly #config: LiveHubConfig;
  readonly #resources = new Map<string, Resource>();
  /** Last known position per resource key, kept while the resource is followed. */
  readonly #positions = new Map<string, string>();
  #connection: { keys: string[]; abort: AbortController } | undefined;
  #scheduled = false;

  constructor(config: LiveHubConfig) {
    this.#config = config;
  }

  subscribe<E>(spec: LiveResourceSpec<E>, options: SubscribeOptions<E>): Unsubscribe {
    if (typeof options?.onEvent !== 'function') throw new TypeError('subscribe needs an onEvent callback');
    const subscriber = options as SubscribeOptions<unknown>;
    const key = `${spec.kind}:${spec.id}`;
    let resource = this.#resources.get(key);
    if (resource) {
      resource.subscribers.add(subscriber);
      safely(options.onState, resource.state);
    } else {
      const created: Resource = {
        spec: spec as LiveResourceSpec<unknown>,
        subscribers: new Set([subscriber]),
        state: 'connecting',
      };
      resource = created;
      this.#resources.set(key, created);
      safely(options.onState, 'connecting');
      if (this.#legacy) this.#startLegacy(created);
      else this.#schedule();
    }
    const owner = resource;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      owner.subscribers.delete(subscriber);
      safely(options.onState, 'closed');
      if (owner.subscribers.size > 0 || this.#resources.get(key) !== owner) return;
      this.#resources.delete(key);
      this.#positions.delete(key);
      owner.stopLegacy?.();
      if (!this.#legacy) this.#schedule();
    };
  }

  /** Resources followed right now (tests and diagnostics). */
  get size(): number {
    return this.#resources.size;
  }

  get #legacy(): boolean {
    return withoutMultiplex.has(this.#config.baseUrl);
  }

  /** Batches the changes of this task (a page's widgets subscribe one after the other). */
  #schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    setTimeout(() => {
      this.#scheduled = false;
      this.#reconcile();
    }, 0);
  }

  #reconcile(): void {
    if (this.#legacy) return;
    // Kinds in the order of their parameter names, then ids: the order of the stream's cursor.
    const keys = [...this.#resources.keys()].sort((a, b) => {
      const ra = this.#resources.get(a)!.spec;
      const rb = this.#resources.get(b)!.spec;
      return ra.param === rb.param ? (ra.id < rb.id ? -1 : 1) : ra.param < rb.param ? -1 : 1;
    });
    const current = this.#connection;
    if (current && current.keys.join('\n') === keys.join('\n')) return;
    current?.abort.abort();
    this.#connection = undefined;
    if (keys.length === 0) return;
    const connection = { keys, abort: new AbortController() };
    this.#connection = connection;
    void this.#stream(keys, connection.abort.signal);
  }

  #url(keys: string[], path: string, after?: string): string {
    const params = new Map<string, string[]>();
    for (const key of keys) {
      const { param, id } = this.#resources.get(key)!.spec;
      params.set(param, [...(params.get(param) ?? []), id]);
    }
    const query = [...params].map(([param, ids]) => `${param}=${ids.map(encodeURIComponent).join(',')}`);
    if (after !== undefined) query.push(`after=${encodeURIComponent(after)}`);
    return `${this.#config.baseUrl}${path}?${query.join('&')}`;
  }

  #cursor(keys: string[]): string {
    return keys.map((k) => this.#positions.get(k) ?? '').join(',');
  }

  /** Remembers each resource's position from a cursor of this key order. */
  #remember(keys: string[], cursor: string): void {
    const parts = cursor.split(',');
    if (parts.length !== keys.length) return;
    keys.forEach((key, i) => {
      if (parts[i] && this.#resources.has(key)) this.#positions.set(key, parts[i]!);
    });
  }

  #setState(keys: string[], state: LiveState): void {
    for (const key of keys) {
      const resource = this.#resources.get(key);
      if (!resource || resource.state === state) continue;
      resource.state = state;
      for (const s of [...resource.subscribers]) safely(s.onState, state);
    }
  }

  #deliver(message: { kind: string; id: string; event: unknown }): void {
    const resource = this.#resources.get(`${message.kind}:${message.id}`);
    if (!resource) return;
    const result = resource.spec.schema.safeParse(message.event);
    if (!result.success) return;
    for (const s of [...resource.subscribers]) safely(s.onEvent, result.data);
  }

  #onMessage(keys: string[], message: SseMessage): void {
    this.#remember(keys, message.id);
    let data: unknown;
    try {
      data = JSON.parse(message.data);
    } catch {
      return;
    }
    const m = data as { kind?: unknown; id?: unknown; event?: unknown } | null;
    if (m && typeof m.kind === 'string' && typeof m.id === 'string') this.#deliver(m as never);
  }

  async #stream(keys: string[], signal: AbortSignal): Promise<void> {
    const { timing, http } = this.#config;
    let attempt = 0;
    let serverRetry: number | undefined;
    while (!signal.aborted) {
      const parser = new SseParser(this.#cursor(keys));
      let outcome: 'ended' | 'unsupported' | 'missing' | 'failed';
      let retryAfter: number | undefined;
      try {
        outcome = await openEventStream({
          url: this.#url(keys, '/live'),
          fetch: http.fetch,
          signal,
          parser,
          idleMs: timing.streamIdleMs,
          now: timing.now,
          onOpen: () => this.#setState(keys, 'open'),
          onActivity: () => {
            attempt = 0;
            this.#remember(keys, parser.lastEventId);
          },
          onMessage: (message) => this.#onMessage(keys, message),
        });
      } catch (error) {
        outcome = 'failed';
        if (error instanceof ApiError) retryAfter = error.retryAfter;
      }
      if (signal.aborted) return;
      this.#remember(keys, parser.lastEventId);
      serverRetry = parser.retry ?? serverRetry;
      if (outcome === 'missing') return this.#toLegacy();
      if (outcome === 'unsupported') return this.#poll(keys, signal);
      this.#setState(keys, 'reconnecting');
      // A busy server's Retry-After wins over our backoff; we never give up on a live stream.
      // After a failure (backend down, offline) the one stream of the page backs off from at
      // least STREAM_RETRY_BASE_MS with half of each delay fixed, so an outage costs a few
      // reconnections, not one every few hundred milliseconds beside the widgets' own probes.
      const delay =
        retryAfter !== undefined
          ? Math.min(retryAfter * 1000, timing.maxRetryAfterMs)
          : outcome === 'failed'
            ? failureDelay(timing, Math.max(serverRetry ?? http.retryBaseMs, STREAM_RETRY_BASE_MS), attempt)
            : backoff(timing, serverRetry ?? http.retryBaseMs, attempt);
      attempt++;
      if (!(await pause(timing, delay, signal))) return;
    }
  }

  /** Every resource in one request per round, from the stream's positions on. */
  async #poll(keys: string[], signal: AbortSignal): Promise<void> {
    const { http, timing, pollIntervalMs } = this.#config;
    this.#setState(keys, 'polling');
    while (!signal.aborted) {
      try {
        const answer = await send(
          http,
          {
            method: 'GET',
            url: this.#url(keys, '/live/changes', this.#cursor(keys)),
            headers: { Accept: 'application/json' },
            maxAttempts: 1,
            retryable: () => false,
            signal,
          },
          changesShape,
        );
        if (signal.aborted) return;
        if (!answer.notModified) {
          for (const message of answer.value.items) this.#deliver(message);
          this.#remember(keys, answer.value.cursor);
        }
      } catch (error) {
        if (error instanceof ApiError && (error.status === 404 || error.status === 405 || error.status === 501))
          return this.#toLegacy();
        // A failed round (offline, 5xx) is simply tried again at the next interval.
      }
      if (!(await pause(timing, pollIntervalMs, signal))) return;
    }
  }

  /** This backend has no `/live`: from now on, one stream (or poller) per resource. */
  #toLegacy(): void {
    withoutMultiplex.add(this.#config.baseUrl);
    this.#connection?.abort.abort();
    this.#connection = undefined;
    for (const resource of this.#resources.values()) if (!resource.stopLegacy) this.#startLegacy(resource);
  }

  #startLegacy(resource: Resource): void {
    const sink: Sink<unknown> = {
      event: (event) => {
        for (const s of [...resource.subscribers]) safely(s.onEvent, event);
      },
      state: (state) => {
        if (resource.state === state) return;
        resource.state = state;
        for (const s of [...resource.subscribers]) safely(s.onState, state);
      },
    };
    resource.stopLegacy = runLive(resource.spec.legacy, sink);
  }
}

const shared = new Map<string, LiveHub>();

/** The page's hub for a backend: every client of that base URL shares it. */
export function sharedHub(config: LiveHubConfig): LiveHub {
  let hub = shared.get(config.baseUrl);
  if (!hub) {
    hub = new LiveHub(config);
    shared.set(config.baseUrl, hub);
  }
  return hub;
}

/** The least first delay before the page's stream reconnects after a failure. */
const STREAM_RETRY_BASE_MS = 1_000;

/** Exponential, capped, half fixed and half jittered: never a burst of near-zero delays. */
function failureDelay(timing: Timing, baseMs: number, attempt: number): number {
  const ceiling = Math.min(timing.maxBackoffMs, baseMs * 2 ** attempt);
  return Math.round(ceiling / 2 + (timing.random() * ceiling) / 2);
}
