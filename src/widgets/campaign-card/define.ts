import '../../core/element/hydrate-support.js';
import { defineElement } from '../../core/element/define.js';
import { PartageCampaignCard } from './campaign-card.js';

defineElement('partage-campaign-card', PartageCampaignCard);

declare global {
  interface HTMLElementTagNameMap {
    'partage-campaign-card': PartageCampaignCard;
  }
}
