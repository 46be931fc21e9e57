import { listRewards } from '../../client/campaigns.js';
import type { CampaignEvent, RewardTier } from '../../contract/index.js';
import { campaignLive } from './campaign-source.js';
import type { LiveSource } from './live-source.js';
import { KeyedSource, sourceKey, type SourceHost } from './source.js';

/** The contract's largest page: campaigns have a handful of tiers, so one page holds them all. */
export const REWARDS_PAGE_LIMIT = 100;

export interface TierList {
  /** What was loaded (base URL + campaign attribute), so a previous campaign is never shown. */
  key: string;
  /** The campaign's id (the attribute may be a slug): the key of the shared selection. */
  campaignId: string;
  tiers: RewardTier[];
}

/** A tier after a pledge moved its stock (the live event carries the new figures). */
export function withRewardUpdate(
  tier: RewardTier,
  update: NonNullable<Extract<CampaignEvent, { type: 'pledge.created' }>['reward']>,
): RewardTier {
  return { ...tier, remaining: update.remaining, backerCount: update.backerCount, availability: update.availability };
}

export interface RewardsSourceOptions {
  campaign: () => string | undefined;
  /** A tier went from available to sold out while on screen (the tiers announce it). */
  onSoldOut?: (tier: RewardTier) => void;
}

/**
 * A campaign's reward tiers, with their stock following the live hub once they are on screen
 * (a widget far below the fold opens no stream).
 */
export class RewardsSource extends KeyedSource<TierList> {
  readonly live: LiveSource<CampaignEvent>;

  constructor(host: SourceHost, options: RewardsSourceOptions) {
    super(host, {
      key: () => sourceKey(host.client, options.campaign()),
      operation: 'listRewards',
      load: async (client, key, signal) => {
        const campaign = options.campaign()!;
        const page = await listRewards(client, campaign, { limit: REWARDS_PAGE_LIMIT }, { signal });
        return { key, campaignId: page.items[0]?.campaignId ?? campaign, tiers: page.items };
      },
    });
    this.live = campaignLive(host, {
      id: () => this.current?.campaignId,
      onEvent: (event) => {
        const list = this.current;
        if (event.type !== 'pledge.created' || !event.reward || !list || event.campaignId !== list.campaignId) return;
        const update = event.reward;
        const index = list.tiers.findIndex((t) => t.id === update.id);
        const before = list.tiers[index];
        if (!before) return;
        const after = withRewardUpdate(before, update);
        this.set({ ...list, tiers: list.tiers.with(index, after) });
        if (before.availability === 'available' && after.availability === 'sold_out') options.onSoldOut?.(after);
      },
    });
  }
}
