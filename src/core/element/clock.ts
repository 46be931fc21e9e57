import type { ReactiveController } from 'lit';
import type { PartageElement } from './partage-element.js';

/** Relative times ("5 minutes ago") are refreshed this often; coarser would read wrong, finer wastes work. */
export const CLOCK_MS = 60_000;

/**
 * Re-renders its widget every minute while it is on the page, so relative times stay true
 * without any data changing (the lists of backers and listings, the stats' "updated" line).
 */
export class ClockController implements ReactiveController {
  #host: PartageElement;
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(host: PartageElement) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    clearInterval(this.#timer);
    this.#timer = setInterval(() => this.#host.requestUpdate(), CLOCK_MS);
  }

  hostDisconnected(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }
}
