import type { ReactiveController } from 'lit';
import type { Transport } from '../../client/transport.js';
import { NetworkError } from '../../client/errors.js';
import type { PartageElement } from '../element/partage-element.js';
import { lazy } from '../../client/on-demand.js';
import { registerResource, type Prerendered, type PrerenderableResource } from './prerender.js';
import { recoverable } from './recoverable.js';
import type { Patient, RecoverySchedule } from './recovery.js';
import { whenNearViewport } from './viewport.js';
import { warmFormatting } from '../i18n/format.js';
import { wordFailures } from '../element/views.js';

/**
 * The shared recovery schedule (recovery.ts) is only needed after a failure: it loads then, in a
 * chunk of the CDN files, and no first paint waits for it.
 */
const recovery = lazy(() => import('./recovery.js'));

/** A first load taking longer than this is "slow": its skeleton starts to pulse. */
const SLOW_MS = 1000;

/**
 * For this long after a widget joins the page without data, it draws no skeleton: the host's own
 * content stays (the blogger's link), and an answer that comes sooner is the first thing drawn.
 * A skeleton on every card of a page costs a layout and a paint before the request can leave
 * and again before the amounts show (BENCHMARKS.md, the 100-card page); one that flashes for a
 * few milliseconds helps no reader. Hosts keep the size with the documented reserve rule.
 */
const QUIET_MS = 200;

export type ResourceStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface ResourceOptions<T> {
  /** Identity of what to load (e.g. base URL + campaign id); null when not configured yet. */
  key: () => string | null;
  load: (client: Transport, signal: AbortSignal) => Promise<T>;
  /** Name reported in `partage-error` events. */
  operation: string;
  /**
   * What "try again" means for this resource (e.g. drop cached pages first); `reload` by default.
   * Used by the automatic recovery too.
   */
  retry?: () => Promise<void>;
  /**
   * Keep the public answers behind this resource across visits and show them, marked with
   * their age, when the backend cannot be reached on a later visit (default true; the host's
   * `no-memory` attribute turns it off).
   */
  remember?: boolean;
}

/**
 * Loads one resource for a widget and keeps its network state: loading (skeleton), ready,
 * error (with retry) and stale (a refresh failed but the last good value stays on screen).
 * A widget far below the fold only fetches as it nears the viewport. Requests are aborted when
 * the widget leaves the page or its key changes.
 *
 * Faults heal by themselves: a recoverable failure (network, timeout, 5xx, 429, broken answer)
 * joins its backend's shared recovery schedule (recovery.ts), so the widget loads again once the
 * backend is back, without a click and without every widget of the page knocking at once. On a
 * first load that fails, the answer remembered from an earlier visit (client/memory.ts) is shown
 * instead, marked stale with its age (`asOf`).
 */
export class ResourceController<T> implements ReactiveController, PrerenderableResource, Patient {
  status: ResourceStatus = 'idle';
  value: T | undefined;
  error: unknown;
  /** True when `value` is shown but the latest refresh failed. */
  stale = false;
  /** When the value shown was received (ms since the epoch); older than this visit when remembered. */
  asOf: number | undefined;
  /** The value shown comes from an earlier visit, not from this one. */
  remembered = false;

  #host: PartageElement;
  #options: ResourceOptions<T>;
  #key: string | null = null;
  #visible = false;
  #unwatch: (() => void) | undefined;
  #slow: ReturnType<typeof setTimeout> | undefined;
  #quiet: ReturnType<typeof setTimeout> | undefined;
  #quietOver = false;
  #abort: AbortController | undefined;
  #recovery: RecoverySchedule | undefined;
  /** The client whose schedule `#recovery` is. */
  #recoveryClient: Transport | undefined;

  constructor(host: PartageElement, options: ResourceOptions<T>) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
    registerResource(host, this);
  }

  key(): string | null {
    return this.#options.key();
  }

  /**
   * A pre-rendered snippet's value: shown at once (so hydration finds the server's markup), then
   * refreshed like any loaded value when the widget nears the viewport.
   */
  adopt(values: Prerendered): void {
    if (this.value !== undefined) return;
    const key = this.#options.key();
    if (key === null || !Object.hasOwn(values, key)) return;
    this.value = values[key] as T;
    this.status = 'ready';
  }

  async prefetch(transport: Transport): Promise<[string, unknown] | null> {
    const key = this.#options.key();
    if (key === null) return null;
    this.value = await this.#options.load(transport, new AbortController().signal);
    this.status = 'ready';
    return [key, this.value];
  }

  /**
   * True during a widget's first moments without data (QUIET_MS): it shows its host's content
   * (`quietView`) instead of a skeleton.
   */
  get quiet(): boolean {
    return !this.#quietOver && this.value === undefined && this.status !== 'error';
  }

  hostConnected(): void {
    if (!this.#quietOver && this.#quiet === undefined)
      this.#quiet = setTimeout(() => {
        const wasQuiet = this.quiet;
        this.#quietOver = true;
        // Only a widget still quiet changes (to its skeleton): one whose answer came first would
        // render again for nothing (the 100-card page: 100 renders before the amounts' frame).
        if (wasQuiet) this.#host.requestUpdate();
      }, QUIET_MS);
    this.#unwatch = whenNearViewport(this.#host, () => {
      this.#visible = true;
      this.#host.requestUpdate();
    });
  }

  hostDisconnected(): void {
    clearTimeout(this.#quiet);
    this.#quiet = undefined;
    this.#unwatch?.();
    this.#abort?.abort();
    this.#recovery?.leave(this);
    this.#loading(false);
    // Reconnecting (e.g. moved in the DOM) must load again.
    this.#key = null;
  }

  /** Marks the host `slow` once a first load has lasted SLOW_MS (only then do skeletons pulse). */
  #loading(on: boolean): void {
    clearTimeout(this.#slow);
    this.#slow = on ? setTimeout(() => this.#host.setState('slow', true), SLOW_MS) : undefined;
    if (!on) this.#host.setState('slow', false);
  }

  hostUpdate(): void {
    // PartageElement already skips updates while detached; this keeps the controller safe on any host.
    if (!this.#visible || !this.#host.isConnected) return;
    const key = this.#options.key();
    if (key !== this.#key) {
      this.#key = key;
      if (key !== null) void this.reload();
    }
  }

  /** Recovery schedule entry point: tries again, true when the resource is fresh again. */
  async retry(): Promise<boolean> {
    if (!this.#host.isConnected) return false;
    await (this.#options.retry ?? (() => this.reload()))();
    return this.status === 'ready' && !this.stale;
  }

  /** Loads again; keeps the current value on screen while doing so. */
  async reload(): Promise<void> {
    const client = this.#host.client;
    if (!client) return;
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    if (this.value === undefined) {
      this.status = 'loading';
      this.#loading(true);
      warmFormatting(this.#host.resolvedLocale);
    }
    this.#host.requestUpdate();
    const memory = this.#options.remember !== false && !this.#host.memoryOff;
    if (this.#recoveryClient !== client) this.#recovery?.leave(this);
    try {
      const value = await this.#options.load(memory ? through(client, { remember: true }) : client, abort.signal);
      if (abort.signal.aborted) return;
      this.value = value;
      this.status = 'ready';
      this.stale = false;
      this.remembered = false;
      this.asOf = Date.now();
      this.error = undefined;
      this.#recovery?.leave(this);
    } catch (error) {
      if (abort.signal.aborted || (error instanceof NetworkError && error.reason === 'aborted')) return;
      this.error = error;
      // The error shows at once; joining the schedule waits for its code (a chunk) in the background.
      if (recoverable(error)) void this.#wait(client, error, abort.signal);
      if (this.value === undefined && memory && recoverable(error)) await this.#recall(client, abort.signal);
      // Its words come with the failure (a chunk; offline, the built-in offline text).
      await wordFailures();
      if (abort.signal.aborted) return;
      if (this.value !== undefined) {
        this.stale = true;
        this.status = 'ready';
      } else this.status = 'error';
      this.#host.dispatchEvent(
        new CustomEvent('partage-error', {
          detail: { operation: this.#options.operation, error },
          bubbles: true,
          composed: true,
        }),
      );
    }
    this.#loading(false);
    this.#host.requestUpdate();
  }

  /** Joins `client`'s recovery schedule, loading its code first. */
  async #wait(client: Transport, error: unknown, signal: AbortSignal): Promise<void> {
    try {
      const { recoveryOf } = await recovery();
      if (signal.aborted) return;
      const schedule = recoveryOf(client);
      if (this.#recovery !== schedule) this.#recovery?.leave(this);
      this.#recovery = schedule;
      this.#recoveryClient = client;
      schedule.wait(this, error);
    } catch {
      // Its code could not load (the reader went offline meanwhile): back online, it tries again.
      addEventListener('online', () => void this.retry(), { once: true });
    }
  }

  /** The answers kept from an earlier visit, put through the same load; nothing is requested. */
  async #recall(client: Transport, signal: AbortSignal): Promise<void> {
    let oldest = Infinity;
    try {
      const value = await this.#options.load(
        through(client, { recall: (savedAt) => (oldest = Math.min(oldest, savedAt)) }),
        signal,
      );
      if (signal.aborted || oldest === Infinity) return;
      this.value = value;
      this.remembered = true;
      this.asOf = oldest;
    } catch {
      // Nothing (or not everything) remembered: the error stays.
    }
  }

  /** Replaces the value from a live update. */
  set(value: T): void {
    this.value = value;
    // A remembered or stale value patched by one event is still as old as the rest of it.
    if (!this.stale) this.asOf = Date.now();
    this.status = 'ready';
    this.#host.requestUpdate();
  }
}

/** The same client, with extra options on every read (remember the answer, or answer from memory). */
function through(client: Transport, extra: { remember?: boolean; recall?: (savedAt: number) => void }): Transport {
  return {
    ...client,
    read: (endpoint, params, query, options) => client.read(endpoint, params, query, { ...options, ...extra }),
    readVia: (endpoint, params, load, options) => client.readVia(endpoint, params, load, { ...options, ...extra }),
  };
}
