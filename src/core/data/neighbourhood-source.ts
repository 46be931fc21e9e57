import { getNeighbourhood, subscribeNeighbourhood } from '../../client/neighbourhoods.js';
import type { Neighbourhood, NeighbourhoodEvent } from '../../contract/index.js';
import { LiveSource, type LiveSourceOptions } from './live-source.js';
import { ResourceController } from './resource-controller.js';
import { sourceKey, type SourceHost } from './source.js';

/** A widget's subscription to one neighbourhood's live events (listings, stats). */
export const neighbourhoodLive = (host: SourceHost, options: LiveSourceOptions<NeighbourhoodEvent>) =>
  new LiveSource<NeighbourhoodEvent>(host, subscribeNeighbourhood, options);

export interface NeighbourhoodSourceOptions {
  /** The widget's `neighbourhood` attribute: an id or a slug. */
  neighbourhood: () => string | undefined;
  /**
   * Keep the stats up to date from the live hub once loading started (the stats widget). The
   * board follows the same stream itself, for its listings.
   */
  followStats?: boolean;
}

/** One neighbourhood (name, stats) loaded for a widget; its stats may follow the live hub. */
export class NeighbourhoodSource {
  readonly data: ResourceController<Neighbourhood>;
  readonly live: LiveSource<NeighbourhoodEvent> | undefined;
  #host: SourceHost;
  #neighbourhood: () => string | undefined;

  constructor(host: SourceHost, options: NeighbourhoodSourceOptions) {
    this.#host = host;
    this.#neighbourhood = options.neighbourhood;
    this.data = new ResourceController<Neighbourhood>(host, {
      key: () => this.key,
      operation: 'getNeighbourhood',
      load: (client, signal) => getNeighbourhood(client, options.neighbourhood()!, { signal }),
    });
    // Opens the stream only once the widget nears the viewport and starts loading.
    this.live = options.followStats
      ? neighbourhoodLive(host, {
          id: options.neighbourhood,
          active: () => this.data.status !== 'idle',
          onEvent: (event) => {
            const current = this.current;
            if (!current || event.neighbourhoodId !== current.id) return;
            // The figures changed just now, as far as this reader can tell.
            this.data.set({ ...current, stats: event.stats, updatedAt: new Date().toISOString() });
          },
        })
      : undefined;
  }

  get key(): string | null {
    return sourceKey(this.#host.client, this.#neighbourhood());
  }

  /** The neighbourhood asked for (never a previous one's while a new one loads). */
  get current(): Neighbourhood | undefined {
    const value = this.data.value;
    const asked = this.#neighbourhood();
    return value && (value.id === asked || value.slug === asked) ? value : undefined;
  }

  /** Forgets the cached neighbourhood (and its listings' pages), so the next load asks the server. */
  invalidate(): void {
    const neighbourhood = this.#neighbourhood();
    if (neighbourhood) this.#host.client?.invalidate(`/neighbourhoods/${encodeURIComponent(neighbourhood)}`);
  }

  /** Loads again past the cache; on failure the last value stays, marked stale. */
  async refresh(): Promise<void> {
    if (!this.key) return;
    this.invalidate();
    await this.data.reload();
  }
}
