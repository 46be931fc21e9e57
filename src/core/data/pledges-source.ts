import { invalidate } from '../../client/transport.js';
import { getCampaign, listRewards } from '../../client/campaigns.js';
import type { CampaignEvent } from '../../contract/index.js';
import { campaignLive, canMove } from './campaign-source.js';
import type { LiveSource } from './live-source.js';
import { PAGE_LIMIT, withLiveEvent, type PledgeData } from './pledge-data.js';
import { KeyedSource, sourceKey, type SourceHost } from './source.js';

export interface PledgeDataSourceOptions {
  campaign: () => string | undefined;
  /** Whether to follow the live hub now (the form stops once its pledge is made). */
  follow: () => boolean;
  /** Called after a live event changed the data (the form checks the reader's reward again). */
  onLive?: (event: CampaignEvent, data: PledgeData) => void;
}

/**
 * What a pledge form needs of one campaign: its rules and its rewards, loaded together, with
 * stock and totals following the live hub so a reward sold out meanwhile is disabled before submit.
 */
export class PledgeDataSource extends KeyedSource<PledgeData> {
  readonly live: LiveSource<CampaignEvent>;
  #host: SourceHost;

  constructor(host: SourceHost, options: PledgeDataSourceOptions) {
    super(host, {
      key: () => sourceKey(host.client, options.campaign()),
      operation: 'getCampaign',
      load: async (client, key, signal) => {
        const id = options.campaign()!;
        const [campaign, rewards] = await Promise.all([
          getCampaign(client, id, { signal }),
          listRewards(client, id, { limit: PAGE_LIMIT }, { signal }),
        ]);
        return { key, campaign, rewards: rewards.items };
      },
    });
    this.#host = host;
    this.live = campaignLive(host, {
      id: () => this.current?.campaign.id,
      active: () => !!this.current && canMove(this.current.campaign) && options.follow(),
      onEvent: (event) => {
        const d = this.current;
        if (!d || event.campaignId !== d.campaign.id) return;
        const next = withLiveEvent(d, event);
        this.set(next);
        options.onLive?.(event, next);
      },
    });
  }

  /** Fetches the campaign and rewards again, past the client's cache; the last data on failure. */
  async refresh(d: PledgeData): Promise<PledgeData> {
    const client = this.#host.client;
    if (client) {
      invalidate(client, `/campaigns/${encodeURIComponent(d.campaign.id)}`);
      if (d.campaign.slug !== d.campaign.id) invalidate(client, `/campaigns/${encodeURIComponent(d.campaign.slug)}`);
    }
    await this.reload();
    return this.current ?? d;
  }
}
