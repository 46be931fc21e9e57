import '../../core/element/hydrate-support.js';
import { defineElement } from '../../core/element/define.js';
import { PartageCampaignProgress } from './campaign-progress.js';

defineElement('partage-campaign-progress', PartageCampaignProgress);

declare global {
  interface HTMLElementTagNameMap {
    'partage-campaign-progress': PartageCampaignProgress;
  }
}
