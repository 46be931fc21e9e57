import { getCampaign, subscribeCampaign } from '../../client/campaigns.js';
import type { Campaign, CampaignEvent } from '../../contract/index.js';
import { withTotals } from '../campaign/progress-meter.js';
import { liveSource, type LiveSource, type LiveSourceOptions } from './live-source.js';
import { ResourceController } from './resource-controller.js';
import { sourceKey, type SourceHost } from './source.js';

export interface CampaignSourceOptions {
  /** The widget's `campaign` attribute: an id or a slug; undefined when nothing is to load. */
  campaign: () => string | undefined;
  /** Follow pledges' new totals too, not only `campaign.updated` (the countdown shows no totals). */
  totals: boolean;
  /** Called after a pledge changed the totals (the progress bar announces them). */
  onTotals?: () => void;
}

/** One campaign, loaded once (no live updates): the share buttons' title and link. */
export const campaignResource = (host: SourceHost, campaign: () => string | undefined) =>
  new ResourceController<Campaign>(host, {
    key: () => sourceKey(host.client, campaign()),
    load: (client, signal) => getCampaign(client, campaign()!, { signal }),
    operation: 'getCampaign',
  });

/** A widget's subscription to one campaign's live events (pledges, updates). */
export const campaignLive = (host: SourceHost, options: LiveSourceOptions<CampaignEvent>) =>
  liveSource(host, subscribeCampaign, options);

/** Only live and upcoming campaigns move: ended ones hold no stream open. */
export const canMove = (c: Pick<Campaign, 'status'>) => c.status === 'live' || c.status === 'upcoming';

/**
 * One campaign loaded for a widget and kept up to date by its live stream while it can still
 * move. The card, the progress bar and the countdown follow a campaign alike;
 * one copy keeps their key, stream and "is it the one asked for" rules the same.
 */
export class CampaignSource {
  readonly data: ResourceController<Campaign>;
  readonly live: LiveSource<CampaignEvent>;
  #campaign: () => string | undefined;

  constructor(host: SourceHost, options: CampaignSourceOptions) {
    this.#campaign = options.campaign;
    this.data = campaignResource(host, options.campaign);
    this.live = campaignLive(host, {
      id: () => this.current?.id,
      active: () => !!this.current && canMove(this.current),
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
