import { invalidate } from '../../client/transport.js';
import { getNeighbourhood, subscribeNeighbourhood } from '../../client/neighbourhoods.js';
import type { Neighbourhood, NeighbourhoodEvent } from '../../contract/index.js';
import { liveSource, type LiveSourceOptions } from './live-source.js';
import { ResourceController } from './resource-controller.js';
import { sourceKey, type SourceHost } from './source.js';

/** A widget's subscription to one neighbourhood's live events (listings, stats). */
export const neighbourhoodLive = (host: SourceHost, options: LiveSourceOptions<NeighbourhoodEvent>) =>
  liveSource(host, subscribeNeighbourhood, options);

export interface NeighbourhoodSourceOptions {
  /** The widget's `neighbourhood` attribute: an id or a slug. */
  neighbourhood: () => string | undefined;
}

/** One neighbourhood (name, stats) loaded for a widget (see followStats for live figures). */
export class NeighbourhoodSource {
  readonly data: ResourceController<Neighbourhood>;
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
    const client = this.#host.client;
    if (neighbourhood && client) invalidate(client, `/neighbourhoods/${encodeURIComponent(neighbourhood)}`);
  }

  /** Loads again past the cache; on failure the last value stays, marked stale. */
  async refresh(): Promise<void> {
    if (!this.key) return;
    this.invalidate();
    await this.data.reload();
  }
}

/**
 * Keeps a neighbourhood's stats up to date from the live hub, once it started loading (the stats
 * widget; the board follows the same stream itself, for its listings).
 */
export const followStats = (host: SourceHost, source: NeighbourhoodSource, neighbourhood: () => string | undefined) =>
  neighbourhoodLive(host, {
    id: neighbourhood,
    active: () => source.data.status !== 'idle',
    onEvent: (event) => {
      const current = source.current;
      if (!current || event.neighbourhoodId !== current.id) return;
      // The figures changed just now, as far as this reader can tell.
      source.data.set({ ...current, stats: event.stats, updatedAt: new Date().toISOString() });
    },
  });
