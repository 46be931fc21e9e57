import './core/element/hydrate-support.js';
/**
 * Registers every Partage element, under `partage-` or a partner's own prefix:
 * `define({ prefix: 'acme' })` gives `<acme-campaign-card>` and friends. Safe to call twice.
 */
import { defineElement, tagName } from './core/element/define.js';
import { PartageProvider } from './widgets/provider/provider.js';
import { PartageCampaignProgress } from './widgets/campaign-progress/campaign-progress.js';
import { PartageCampaignCard } from './widgets/campaign-card/campaign-card.js';
import { PartageCountdown } from './widgets/countdown/countdown.js';
import { PartageRewardTiers } from './widgets/reward-tiers/reward-tiers.js';
import { PartagePledgeForm } from './widgets/pledge-form/pledge-form.js';
import { PartageBackers } from './widgets/backers/backers.js';
import { PartageSocialShare } from './widgets/social-share/social-share.js';
import { PartageShareBoard } from './widgets/share-board/share-board.js';
import { PartageListingForm } from './widgets/listing-form/listing-form.js';
import { PartageNeighbourhoodStats } from './widgets/neighbourhood-stats/neighbourhood-stats.js';

/** Element names without prefix. The provider comes first so widgets find it as they upgrade. */
export const elements = {
  provider: PartageProvider,
  'campaign-progress': PartageCampaignProgress,
  'campaign-card': PartageCampaignCard,
  countdown: PartageCountdown,
  'reward-tiers': PartageRewardTiers,
  'pledge-form': PartagePledgeForm,
  backers: PartageBackers,
  'social-share': PartageSocialShare,
  'share-board': PartageShareBoard,
  'listing-form': PartageListingForm,
  'neighbourhood-stats': PartageNeighbourhoodStats,
} as const;

export function define({ prefix = 'partage' }: { prefix?: string } = {}): void {
  for (const [name, ctor] of Object.entries(elements)) defineElement(tagName(prefix, name), ctor);
}
