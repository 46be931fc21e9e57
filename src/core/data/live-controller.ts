import type { ReactiveController } from 'lit';
import type { Transport } from '../../client/transport.js';
import type { LiveState, Unsubscribe } from '../../client/types.js';
import type { PartageElement } from '../element/partage-element.js';

export interface LiveOptions<E> {
  /** Identity of the stream (base URL + resource id); null to stay unsubscribed. */
  key: () => string | null;
  subscribe: (client: Transport, handlers: { onEvent: (e: E) => void; onState: (s: LiveState) => void }) => Unsubscribe;
  onEvent: (event: E) => void;
}

/**
 * Keeps a widget subscribed to a live stream while it is on the page. The client shares one
 * stream per resource between all widgets, so ten widgets of one campaign open one connection.
 */
export class LiveController<E> implements ReactiveController {
  state: LiveState = 'closed';
  #host: PartageElement;
  #options: LiveOptions<E>;
  #key: string | null = null;
  #unsubscribe: Unsubscribe | undefined;

  constructor(host: PartageElement, options: LiveOptions<E>) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostUpdate(): void {
    const key = this.#host.isConnected ? this.#options.key() : null;
    if (key === this.#key) return;
    this.#stop();
    this.#key = key;
    const client = this.#host.client;
    if (key === null || !client) return;
    // The stream (and the live code it may download) starts once the frame showing the data is
    // painted: started at once, its chunk, its request and its first events came before that
    // frame on the 100-card page (BENCHMARKS.md). No event is lost: the stream starts from the
    // resource's current state.
    let stop: Unsubscribe | undefined;
    let stopped = false;
    this.#unsubscribe = () => {
      stopped = true;
      stop?.();
    };
    afterPaint(() => {
      if (stopped) return;
      stop = this.#options.subscribe(client, {
        onEvent: (e) => this.#options.onEvent(e),
        onState: (s) => {
          this.state = s;
          this.#host.requestUpdate();
        },
      });
    });
  }

  hostDisconnected(): void {
    this.#stop();
    this.#key = null;
  }

  #stop(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.state = 'closed';
  }
}

/**
 * Runs `task` after the next paint: a task after the next animation frame. A hidden page paints
 * nothing, so a task later; a page that draws no frame while visible (an occluded window) within a
 * second still runs it then.
 */
function afterPaint(task: () => void): void {
  if (document.visibilityState === 'hidden') {
    setTimeout(task);
    return;
  }
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    task();
  };
  requestAnimationFrame(() => setTimeout(once));
  setTimeout(once, 1000);
}
