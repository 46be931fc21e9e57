/**
 * Reward chosen per campaign, shared by the widgets under one provider: the tiers write it, the
 * pledge form reads it. An EventTarget keeps it framework-free and tiny.
 */
export class SelectionStore extends EventTarget {
  #rewards = new Map<string, string | null>();

  reward(campaignId: string): string | null | undefined {
    return this.#rewards.get(campaignId);
  }

  selectReward(campaignId: string, rewardId: string | null): void {
    if (this.#rewards.get(campaignId) === rewardId) return;
    this.#rewards.set(campaignId, rewardId);
    this.dispatchEvent(new CustomEvent('change', { detail: { campaignId, rewardId } }));
  }
}
