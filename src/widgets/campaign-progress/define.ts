import '../../core/hydrate-support.js';
import { defineElement } from '../../core/define.js';
import { PartageCampaignProgress } from './campaign-progress.js';

defineElement('partage-campaign-progress', PartageCampaignProgress);

declare global {
  interface HTMLElementTagNameMap {
    'partage-campaign-progress': PartageCampaignProgress;
  }
}
