import type { Campaign, CampaignEvent, RewardTier } from '../../contract/index.js';

/** What the form loaded for one campaign: the rules its checks follow and the rewards it offers. */
export interface PledgeData {
  /** What was loaded (base URL + campaign attribute), so a previous campaign is never shown. */
  key: string;
  campaign: Campaign;
  rewards: RewardTier[];
}

/** The contract's largest page: campaigns have a handful of tiers, so one page holds them all. */
export const PAGE_LIMIT = 100;

/** The data after a live event: the campaign replaced, or one reward's stock and the totals moved. */
export function withLiveEvent(d: PledgeData, event: CampaignEvent): PledgeData {
  if (event.type === 'campaign.updated') return { ...d, campaign: event.campaign };
  const update = event.reward;
  const rewards = update
    ? d.rewards.map((r) =>
        r.id === update.id
          ? { ...r, remaining: update.remaining, backerCount: update.backerCount, availability: update.availability }
          : r,
      )
    : d.rewards;
  const c = d.campaign;
  const campaign: Campaign = {
    ...c,
    pledged: event.totals.pledged,
    backerCount: event.totals.backerCount,
    equity: c.equity && { ...c.equity, waitlistCount: event.totals.waitlistCount },
  };
  return { ...d, campaign, rewards };
}

/** The rewards after the backend refused `rewardId`: sold out (no stock left) or unavailable. */
export function withRewardRefused(rewards: readonly RewardTier[], rewardId: string, soldOut: boolean): RewardTier[] {
  return rewards.map((r) =>
    r.id === rewardId
      ? {
          ...r,
          availability: soldOut ? ('sold_out' as const) : ('unavailable' as const),
          remaining: soldOut ? 0 : r.remaining,
        }
      : r,
  );
}
