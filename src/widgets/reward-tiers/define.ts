import '../../core/element/hydrate-support.js';
import { defineElement } from '../../core/element/define.js';
import { PartageRewardTiers } from './reward-tiers.js';

defineElement('partage-reward-tiers', PartageRewardTiers);

declare global {
  interface HTMLElementTagNameMap {
    'partage-reward-tiers': PartageRewardTiers;
  }
}
