import type { Money } from '../../contract/index.js';

export const REWARD_SELECT_EVENT = 'partage-reward-select';

/** A reward was chosen for a campaign (`rewardId: null`: a pledge without reward). */
export interface RewardSelectDetail {
  /** The campaign's id (never its slug), as rewards and the pledge form know it. */
  campaignId: string;
  rewardId: string | null;
  /** The tier's minimum pledge; null for a pledge without reward. */
  minimum: Money | null;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'partage-reward-select': CustomEvent<RewardSelectDetail>;
  }
}
