import type { ReactiveController, ReactiveControllerHost } from 'lit';

export const REWARD_SELECT_EVENT = 'partage-reward-select';
// Declared with every Partage event in core/element/events.ts (one map).
export type { RewardSelectDetail } from '../element/events.js';

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

export interface FollowSelectionOptions {
  /** The provider's store, if any (it may arrive after the first render). */
  store: () => SelectionStore | undefined;
  /**
   * What is loaded: its key (base URL + campaign attribute) and the campaign's id (the key of
   * the shared selection); undefined while nothing of the asked campaign is loaded.
   */
  loaded: () => { key: string; campaignId: string } | undefined;
  /** The widget's own starting choice, shared when the provider has none yet (`''`: none). */
  preset: () => string | undefined;
  /** The reward the widget shows now (`''`: none; undefined: nothing chosen). */
  shown: () => string | undefined;
  /** Shows a reward chosen elsewhere (`''`: none). */
  apply: (rewardId: string) => void;
}

/**
 * Keeps a widget's reward in step with the provider's shared selection, so the tiers and the
 * pledge form never disagree: once per loaded campaign it takes the shared choice (or shares its
 * own when there is none yet), then follows the store's changes for that campaign. Both widgets
 * had this logic word for word; one copy keeps their rules from drifting apart.
 */
export class FollowSelectionController implements ReactiveController {
  #options: FollowSelectionOptions;
  #store: SelectionStore | undefined;
  /** The loaded key the shared selection was last read for. */
  #syncedKey: string | undefined;

  constructor(host: ReactiveControllerHost, options: FollowSelectionOptions) {
    this.#options = options;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#attach(undefined);
  }

  /**
   * Call from `willUpdate`, so states set there see the synced choice. Returns whether it synced
   * just now (first data of a campaign, or a store newly attached).
   */
  sync(): boolean {
    this.#attach(this.#options.store());
    const loaded = this.#options.loaded();
    if (!loaded || this.#syncedKey === loaded.key) return false;
    this.#syncedKey = loaded.key;
    const shared = this.#store?.reward(loaded.campaignId);
    if (shared !== undefined) {
      this.#options.apply(shared ?? '');
    } else {
      const preset = this.#options.preset();
      if (preset === undefined) return true;
      this.#options.apply(preset);
      this.share();
    }
    return true;
  }

  /** Writes the shown reward to the store for the loaded campaign. */
  share(): void {
    const loaded = this.#options.loaded();
    if (loaded) this.#store?.selectReward(loaded.campaignId, this.#options.shown() || null);
  }

  #onChange = (e: Event) => {
    const { campaignId, rewardId } = (e as CustomEvent<{ campaignId: string; rewardId: string | null }>).detail;
    const loaded = this.#options.loaded();
    if (loaded && campaignId === loaded.campaignId && (rewardId ?? '') !== this.#options.shown())
      this.#options.apply(rewardId ?? '');
  };

  #attach(store: SelectionStore | undefined): void {
    if (store === this.#store) return;
    this.#store?.removeEventListener('change', this.#onChange);
    this.#store = store;
    this.#syncedKey = undefined;
    store?.addEventListener('change', this.#onChange);
  }
}
