import { invalidate } from '../../client/transport.js';
import { listBackers } from '../../client/campaigns.js';
import type { Backer, CampaignEvent } from '../../contract/index.js';
import { withFirstPage, withLiveBacker, withNextPage, type BackerList } from './backer-list.js';
import { campaignLive } from './campaign-source.js';
import type { LiveSource } from './live-source.js';
import { LoadMoreController } from './load-more.js';
import { KeyedSource, sourceKey, type SourceHost } from './source.js';

export interface BackersSourceOptions {
  campaign: () => string | undefined;
  /** Backers per page, already within the contract's bounds. */
  limit: () => number;
  /** A backer arrived live and joined the list shown (the widget announces it). */
  onArrival?: (backer: Backer) => void;
}

/**
 * A campaign's backers, newest first: the first page (with live arrivals that came before it),
 * "show more" pages, and backers arriving live. A backer appears once, whatever brought it.
 */
export class BackersSource extends KeyedSource<BackerList> {
  readonly more: LoadMoreController;
  readonly live: LiveSource<CampaignEvent>;
  #host: SourceHost;
  #options: BackersSourceOptions;
  /** Live backers that arrived before the first page: merged into it so none is lost. */
  #early: Backer[] = [];

  constructor(host: SourceHost, options: BackersSourceOptions) {
    super(host, {
      key: () => sourceKey(host.client, options.campaign(), options.limit()),
      operation: 'listBackers',
      load: async (client, key, signal, previous) => {
        const page = await listBackers(client, options.campaign()!, { limit: options.limit() }, { signal });
        let list = withFirstPage(previous, key, page);
        for (const backer of this.#early.splice(0).reverse()) list = withLiveBacker(list, backer) ?? list;
        return list;
      },
    });
    this.#host = host;
    this.#options = options;
    this.more = new LoadMoreController(host, 'listBackers');
    // Subscribes only once the list starts loading, so a widget far below the fold opens no stream.
    this.live = campaignLive(host, {
      id: options.campaign,
      active: () => this.status !== 'idle' && this.key() !== null,
      onEvent: (event) => this.#onLive(event),
    });
  }

  /** Another campaign or backend: nothing of the previous one's paging or arrivals applies. */
  forget(): void {
    this.more.reset();
    this.#early = [];
  }

  /** Loads the first page again past the cache, keeping the backers already shown. */
  async refresh(): Promise<void> {
    const client = this.#host.client;
    const campaign = this.#options.campaign();
    if (!client || !campaign) return;
    invalidate(client, `/campaigns/${encodeURIComponent(campaign)}/backers`);
    await this.reload();
  }

  /** Loads the next page; resolves with the backers it added and the list, or undefined. */
  async loadMore(): Promise<{ list: BackerList; added: Backer[] } | undefined> {
    const list = this.current;
    const client = this.#host.client;
    if (!list?.nextCursor || !client) return undefined;
    const cursor = list.nextCursor;
    return this.more.load(
      (signal) => listBackers(client, this.#options.campaign()!, { limit: this.#options.limit(), cursor }, { signal }),
      (page) => {
        // Live arrivals may have changed the list meanwhile: append to the latest one.
        const result = withNextPage(this.current ?? list, page);
        this.set(result.list);
        return result;
      },
    );
  }

  #onLive(event: CampaignEvent): void {
    if (event.type !== 'pledge.created' || !event.backer) return;
    const backer = event.backer;
    const list = this.current;
    if (!list) {
      this.#early.push(backer);
      return;
    }
    const next = withLiveBacker(list, backer);
    if (!next) return;
    this.set(next);
    this.#options.onArrival?.(backer);
  }
}
