import type * as z from 'zod/mini';
import { ApiError } from './errors.js';
import { backoff, type Timing } from './http.js';
import { openEventStream, SseParser, type SseMessage } from './sse.js';
import type { LiveState, SubscribeOptions, Unsubscribe } from './types.js';

export interface Sink<E> {
  event(event: E): void;
  state(state: LiveState): void;
}

export interface LiveSource<E> {
  /** The SSE endpoint. */
  url: string;
  /** Schema of each event's data: events that fail it are dropped, never fatal. */
  schema: z.ZodMiniType<E>;
  fetch: typeof fetch;
  timing: Timing;
  /** Base of the reconnection backoff when the server sent no `retry:`. */
  retryBaseMs: number;
  pollIntervalMs: number;
  /** One round of the polling fallback: the events to synthesise since the previous round. */
  poll: (signal: AbortSignal) => Promise<E[]>;
}

/**
 * Runs a live source until the returned function is called: SSE with resume and jittered
 * reconnection, or polling when streaming is not available. States: connecting → open →
 * reconnecting → open …, or → polling.
 */
export function runLive<E>(source: LiveSource<E>, sink: Sink<E>): () => void {
  const controller = new AbortController();
  const { signal } = controller;
  const state = (s: LiveState) => {
    if (!signal.aborted) sink.state(s);
  };
  const deliver = (message: SseMessage) => {
    let data: unknown;
    try {
      data = JSON.parse(message.data);
    } catch {
      return;
    }
    const result = source.schema.safeParse(data);
    if (result.success && !signal.aborted) sink.event(result.data);
  };

  void (async () => {
    const { timing } = source;
    let lastEventId = '';
    let attempt = 0;
    let serverRetry: number | undefined;
    state('connecting');
    while (!signal.aborted) {
      const parser = new SseParser(lastEventId);
      let outcome: 'ended' | 'unsupported' | 'missing' | 'failed';
      let retryAfter: number | undefined;
      try {
        outcome = await openEventStream({
          url: source.url,
          fetch: source.fetch,
          signal,
          parser,
          idleMs: timing.streamIdleMs,
          now: timing.now,
          onOpen: () => state('open'),
          onActivity: () => (attempt = 0),
          onMessage: deliver,
        });
      } catch (error) {
        outcome = 'failed';
        if (error instanceof ApiError) retryAfter = error.retryAfter;
      }
      lastEventId = parser.lastEventId;
      serverRetry = parser.retry ?? serverRetry;
      if (signal.aborted) return;
      if (outcome === 'unsupported' || outcome === 'missing') return poll(source, sink, signal, state);
      state('reconnecting');
      // A busy server's Retry-After wins over our backoff; we never give up on a live stream.
      const delay =
        retryAfter !== undefined
          ? Math.min(retryAfter * 1000, timing.maxRetryAfterMs)
          : backoff(timing, serverRetry ?? source.retryBaseMs, attempt);
      attempt++;
      if (!(await pause(timing, delay, signal))) return;
    }
  })();

  return () => controller.abort();
}

async function poll<E>(source: LiveSource<E>, sink: Sink<E>, signal: AbortSignal, state: (s: LiveState) => void) {
  state('polling');
  while (!signal.aborted) {
    try {
      const events = await source.poll(signal);
      for (const event of events) if (!signal.aborted) sink.event(event);
    } catch {
      // A failed round (offline, 5xx) is simply tried again at the next interval.
    }
    if (!(await pause(source.timing, source.pollIntervalMs, signal))) return;
  }
}

/** Sleeps; false when aborted meanwhile. */
export function pause(timing: Timing, ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onAbort = () => resolve(false);
    signal.addEventListener('abort', onAbort, { once: true });
    timing.sleep(ms, signal).then(
      () => {
        signal.removeEventListener('abort', onAbort);
        resolve(!signal.aborted);
      },
      () => resolve(false),
    );
  });
}

interface Shared {
  subscribers: Set<SubscribeOptions<never>>;
  state: LiveState;
  stop: () => void;
}

/**
 * One underlying stream per resource, shared by every subscriber of a client (all the widgets
 * of a page showing the same campaign), started by the first and stopped after the last.
 */
export class LiveHub {
  readonly #streams = new Map<string, Shared>();

  subscribe<E>(key: string, start: (sink: Sink<E>) => () => void, options: SubscribeOptions<E>): Unsubscribe {
    if (typeof options?.onEvent !== 'function') throw new TypeError('subscribe needs an onEvent callback');
    const subscriber = options as SubscribeOptions<never>;
    let shared = this.#streams.get(key);
    if (shared) {
      shared.subscribers.add(subscriber);
      safely(options.onState, shared.state);
    } else {
      const created: Shared = { subscribers: new Set([subscriber]), state: 'connecting', stop: () => undefined };
      shared = created;
      this.#streams.set(key, created);
      created.stop = start({
        event: (event) => {
          for (const s of [...created.subscribers]) safely(s.onEvent as (e: E) => void, event);
        },
        state: (state) => {
          created.state = state;
          for (const s of [...created.subscribers]) safely(s.onState, state);
        },
      });
    }
    const owner = shared;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      owner.subscribers.delete(subscriber);
      safely(options.onState, 'closed');
      if (owner.subscribers.size === 0) {
        if (this.#streams.get(key) === owner) this.#streams.delete(key);
        owner.stop();
      }
    };
  }
}

/** One widget's failing callback must not starve the other widgets of the page. */
export function safely<A>(fn: ((arg: A) => void) | undefined, arg: A): void {
  if (!fn) return;
  try {
    fn(arg);
  } catch (error) {
    if (typeof reportError === 'function') reportError(error);
    else
      queueMicrotask(() => {
        throw error;
      });
  }
}
