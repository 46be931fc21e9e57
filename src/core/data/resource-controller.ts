import type { ReactiveController } from 'lit';
import type { Transport } from '../../client/transport.js';
import { NetworkError } from '../../client/errors.js';
import type { PartageElement } from '../element/partage-element.js';
import { registerResource, type Prerendered, type PrerenderableResource } from './prerender.js';

export type ResourceStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface ResourceOptions<T> {
  /** Identity of what to load (e.g. base URL + campaign id); null when not configured yet. */
  key: () => string | null;
  load: (client: Transport, signal: AbortSignal) => Promise<T>;
  /** Name reported in `partage-error` events. */
  operation: string;
}

/**
 * Loads one resource for a widget and keeps its network state: loading (skeleton), ready,
 * error (with retry) and stale (a refresh failed but the last good value stays on screen).
 * A widget far below the fold only fetches as it nears the viewport. Requests are aborted when
 * the widget leaves the page or its key changes.
 */
export class ResourceController<T> implements ReactiveController, PrerenderableResource {
  status: ResourceStatus = 'idle';
  value: T | undefined;
  error: unknown;
  /** True when `value` is shown but the latest refresh failed. */
  stale = false;

  #host: PartageElement;
  #options: ResourceOptions<T>;
  #key: string | null = null;
  #visible = false;
  #observer: IntersectionObserver | undefined;
  #abort: AbortController | undefined;

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

  hostConnected(): void {
    if (typeof IntersectionObserver === 'undefined') {
      this.#visible = true;
      return;
    }
    this.#observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        this.#visible = true;
        this.#observer?.disconnect();
        this.#host.requestUpdate();
      },
      { rootMargin: '600px 0px' },
    );
    this.#observer.observe(this.#host);
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#abort?.abort();
    // Reconnecting (e.g. moved in the DOM) must load again.
    this.#key = null;
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

  /** Loads again; keeps the current value on screen while doing so. */
  async reload(): Promise<void> {
    const client = this.#host.client;
    if (!client) return;
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    if (this.value === undefined) this.status = 'loading';
    this.#host.requestUpdate();
    try {
      const value = await this.#options.load(client, abort.signal);
      if (abort.signal.aborted) return;
      this.value = value;
      this.status = 'ready';
      this.stale = false;
      this.error = undefined;
    } catch (error) {
      if (abort.signal.aborted || (error instanceof NetworkError && error.reason === 'aborted')) return;
      this.error = error;
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
    this.#host.requestUpdate();
  }

  /** Replaces the value from a live update. */
  set(value: T): void {
    this.value = value;
    this.status = 'ready';
    this.#host.requestUpdate();
  }
}
