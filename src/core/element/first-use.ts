import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { lazy } from './on-demand.js';

/** What starts loading a form's interaction code: the reader reaching for the form. */
const FIRST_USE_EVENTS = ['focusin', 'pointerdown', 'keydown', 'input'] as const;

export interface FirstUseOptions<T> {
  /** `() => import('./x-interaction.js')`: in the CDN files, a chunk beside the file. */
  load: () => Promise<T>;
  /** Whether the widget shows what the code serves (its form): the idle download waits for it. */
  ready: () => boolean;
  /** Runs once, when the code has arrived, before anyone awaiting `get()` resumes. */
  loaded: (module: T) => void;
}

/**
 * Code a widget needs only once the reader uses it (a form's checks, its submit flow, its
 * outcome), kept out of its first paint: it loads at the first `focusin`, `pointerdown`,
 * `keydown` or `input` inside the widget, or when the browser is idle after the widget shows
 * what that code serves, whichever comes first; so a reader who clicks submit at once waits at
 * most for one small request, and usually not at all. A failed load (offline) is tried again by
 * the next `get()` (in the CDN files through the chunk loader's retry, scripts/lazy-chunks.mjs).
 */
export class FirstUse<T> implements ReactiveController {
  /** The code, once it has arrived. */
  module: T | undefined;

  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #ready: () => boolean;
  readonly #load: () => Promise<T>;
  #idle: (() => void) | undefined;
  #scheduled = false;
  #loading: Promise<void> | undefined;
  // A listener that only starts the download: an early failure waits for a `get()` that reports it.
  readonly #start = () => void this.get().catch(() => undefined);

  constructor(host: ReactiveControllerHost & HTMLElement, options: FirstUseOptions<T>) {
    this.#host = host;
    this.#ready = options.ready;
    this.#load = lazy(() =>
      options.load().then((module) => {
        if (!this.module) {
          this.module = module;
          options.loaded(module);
        }
        return module;
      }),
    );
    host.addController(this);
  }

  /** The code, loading it now if it is not there yet. */
  get(): Promise<T> {
    if (this.module) return Promise.resolve(this.module);
    const loading = this.#load();
    this.#loading = loading.then(
      () => undefined,
      () => undefined,
    );
    return loading;
  }

  /**
   * The load on its way, settling when the code has arrived or failed; undefined when none is (not
   * started, or done). For the host's `getUpdateComplete`: what the code decides changes what the
   * widget shows.
   */
  get loading(): Promise<void> | undefined {
    return this.module ? undefined : this.#loading;
  }

  hostConnected(): void {
    // The events come out of the shadow root (they are composed): the host hears them all.
    for (const type of FIRST_USE_EVENTS) this.#host.addEventListener(type, this.#start, { passive: true });
  }

  hostDisconnected(): void {
    for (const type of FIRST_USE_EVENTS) this.#host.removeEventListener(type, this.#start);
    this.#idle?.();
    this.#idle = undefined;
    this.#scheduled = false;
  }

  /** After a render that shows the form: the download waits for an idle moment, or 3 s at most. */
  hostUpdated(): void {
    if (this.#scheduled || this.module || !this.#ready()) return;
    this.#scheduled = true;
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(this.#start, { timeout: 3000 });
      this.#idle = () => cancelIdleCallback(id);
    } else {
      const id = setTimeout(this.#start, 500);
      this.#idle = () => clearTimeout(id);
    }
  }
}
