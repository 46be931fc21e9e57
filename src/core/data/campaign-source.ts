import { getCampaign, subscribeCampaign } from '../../client/campaigns.js';
import type { Campaign, CampaignEvent } from '../../contract/index.js';
import { LiveController } from './live-controller.js';
import type { PartageElement } from '../element/partage-element.js';
import { withTotals } from '../campaign/progress-meter.js';
import { ResourceController } from './resource-controller.js';

export interface CampaignSourceOptions {
  /** The widget's `campaign` attribute: an id or a slug. */
  campaign: () => string | undefined;
  /** Follow pledges' new totals too, not only `campaign.updated` (the countdown shows no totals). */
  totals: boolean;
  /** Called after a pledge changed the totals (the progress bar announces them). */
  onTotals?: () => void;
}

/**
 * One campaign loaded for a widget and kept up to date by its live stream while it can still
 * move. The card, the progress bar and the countdown follow a campaign alike; one copy keeps
 * their key, stream and "is it the one asked for" rules the same.
 */
export class CampaignSource {
  readonly data: ResourceController<Campaign>;
  readonly live: LiveController<CampaignEvent>;
  #campaign: () => string | undefined;

  constructor(host: PartageElement, options: CampaignSourceOptions) {
    this.#campaign = options.campaign;
    this.data = new ResourceController<Campaign>(host, {
      key: () => {
        const campaign = options.campaign();
        return host.client && campaign ? `${host.client.baseUrl}|${campaign}` : null;
      },
      load: (client, signal) => getCampaign(client, options.campaign()!, { signal }),
      operation: 'getCampaign',
    });
    // Ended campaigns no longer move: only live and upcoming ones hold a stream open.
    this.live = new LiveController<CampaignEvent>(host, {
      key: () => {
        const c = this.current;
        return c && host.client && (c.status === 'live' || c.status === 'upcoming')
          ? `${host.client.baseUrl}|${c.id}`
          : null;
      },
      subscribe: (client, handlers) => subscribeCampaign(client, this.current!.id, handlers),
      onEvent: (event) => {
        const c = this.current;
        if (!c || event.campaignId !== c.id) return;
        if (event.type === 'campaign.updated') this.data.set(event.campaign);
        else if (options.totals) {
          this.data.set(withTotals(c, event.totals));
          options.onTotals?.();
        }
      },
    });
  }

  /** The loaded campaign, only if it is the one asked for (not the previous one while switching). */
  get current(): Campaign | undefined {
    const c = this.data.value;
    const asked = this.#campaign();
    return c && (c.id === asked || c.slug === asked) ? c : undefined;
  }
}
