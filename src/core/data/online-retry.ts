import type { ReactiveController } from 'lit';
import type { PartageElement } from '../element/partage-element.js';
import type { ResourceController } from './resource-controller.js';

/**
 * Back online, whatever failed or went stale is fetched again without the reader clicking
 * "try again". Every widget that loads data had this listener; one copy keeps the rule the same.
 */
export class OnlineRetryController implements ReactiveController {
  #resources: readonly ResourceController<unknown>[];
  #retry: () => void;

  /** `retry` runs when any of `resources` is in error or stale as the browser comes back online. */
  constructor(host: PartageElement, resources: readonly ResourceController<unknown>[], retry: () => void) {
    this.#resources = resources;
    this.#retry = retry;
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('online', this.#onOnline);
  }

  hostDisconnected(): void {
    window.removeEventListener('online', this.#onOnline);
  }

  #onOnline = () => {
    if (this.#resources.some((r) => r.status === 'error' || r.stale)) this.#retry();
  };
}
