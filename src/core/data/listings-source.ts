import { invalidate } from '../../client/transport.js';
import { listListings } from '../../client/neighbourhoods.js';
import type { Listing } from '../../contract/index.js';
import { LoadMoreController } from './load-more.js';
import { ResourceController } from './resource-controller.js';
import { sourceKey, type SourceHost } from './source.js';
import {
  firstPage,
  listingQuery,
  listKey,
  nextPage,
  withListing,
  type BoardFilters,
  type ListingList,
} from './listing-list.js';

export interface ListingsSourceOptions {
  neighbourhoodId: () => string | undefined;
  filters: () => BoardFilters;
  /** Listings per page (already within the contract's bounds). */
  limit: () => number;
}

/**
 * The listings a board shows for the current filters: the first page (with what arrived live
 * before it), the "show more" pages, and listings that arrive or change live or from the board.
 */
export class ListingsSource {
  readonly resource: ResourceController<ListingList>;
  readonly more: LoadMoreController;

  #host: SourceHost;
  #options: ListingsSourceOptions;
  /** Live listings that arrived before the first page: merged into it so none is lost. */
  #early: Listing[] = [];

  constructor(host: SourceHost, options: ListingsSourceOptions) {
    this.#host = host;
    this.#options = options;
    this.more = new LoadMoreController(host, 'listListings');
    this.resource = new ResourceController<ListingList>(host, {
      key: () => this.key,
      operation: 'listListings',
      load: async (client, signal) => {
        const key = this.key!;
        const filters = options.filters();
        const query = listingQuery(options.limit(), filters);
        const page = await listListings(client, options.neighbourhoodId()!, query, { signal });
        return firstPage(key, page, this.#early.splice(0), filters);
      },
    });
  }

  /** Identity of the list for the current backend, neighbourhood, page size and filters. */
  get key(): string | null {
    const base = sourceKey(this.#host.client, this.#options.neighbourhoodId());
    return base ? listKey(base, this.#options.limit(), this.#options.filters()) : null;
  }

  /** The listings of the current filters (never another query's while the new one loads). */
  get current(): ListingList | undefined {
    const value = this.resource.value;
    return value && value.key === this.key ? value : undefined;
  }

  /** Another neighbourhood or backend: nothing of the previous one's paging or arrivals applies. */
  forget(): void {
    this.more.reset();
    this.#early = [];
  }

  /** Cached pages no longer tell the truth (a live change): the next filter change asks the server. */
  invalidatePages(): void {
    const id = this.#options.neighbourhoodId();
    const client = this.#host.client;
    if (id && client) invalidate(client, `/neighbourhoods/${encodeURIComponent(id)}/listings`);
  }

  /** A listing that is new or changed (see withListing); true when the list shown changed. */
  put(listing: Listing, isNew: boolean): boolean {
    const list = this.current;
    const next = list && withListing(list, listing, this.#options.filters(), isNew);
    if (next) this.resource.set(next);
    return !!next;
  }

  /** A listing from the live stream: before the first page is in, a new one waits to join it. */
  arrived(listing: Listing, isNew: boolean): boolean {
    if (this.current) return this.put(listing, isNew);
    if (isNew) this.#early.push(listing);
    return false;
  }

  /** Loads the next page; resolves with the listings it added (undefined when nothing was loaded). */
  async loadMore(): Promise<Listing[] | undefined> {
    const list = this.current;
    const client = this.#host.client;
    if (!list?.nextCursor || !client) return undefined;
    const query = listingQuery(this.#options.limit(), this.#options.filters(), list.nextCursor);
    return this.more.load(
      (signal) => listListings(client, this.#options.neighbourhoodId()!, query, { signal }),
      (page) => {
        // Live arrivals may have changed the list meanwhile: append to the latest one.
        const result = nextPage(this.current ?? list, page);
        this.resource.set(result.list);
        return result.added;
      },
    );
  }
}
