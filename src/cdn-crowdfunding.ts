/**
 * Entry of `dist/cdn/partage-crowdfunding.js`, the file a creator puts on their own site: the
 * provider and every campaign widget (progress, card, countdown, reward tiers, pledge form,
 * backers, social share), without the neighbourhood widgets that `partage.js` also carries.
 * Registers them under the `partage-` prefix; `window.Partage.define({ prefix })` registers them
 * under another.
 */
// Hydration of pre-rendered snippets first, as in partage.js: it patches Lit before any element.
import './core/element/hydrate-support.js';
import { defineElement, tagName } from './core/element/define.js';
import { VERSION } from './core/element/partage-element.js';
import { PartageBackers } from './widgets/backers/backers.js';
import { PartageCampaignCard } from './widgets/campaign-card/campaign-card.js';
import { PartageCampaignProgress } from './widgets/campaign-progress/campaign-progress.js';
import { PartageCountdown } from './widgets/countdown/countdown.js';
import { PartagePledgeForm } from './widgets/pledge-form/pledge-form.js';
import { PartageProvider } from './widgets/provider/provider.js';
import { PartageRewardTiers } from './widgets/reward-tiers/reward-tiers.js';
import { PartageSocialShare } from './widgets/social-share/social-share.js';

const crowdfundingElements = {
  provider: PartageProvider,
  'campaign-progress': PartageCampaignProgress,
  'campaign-card': PartageCampaignCard,
  countdown: PartageCountdown,
  'reward-tiers': PartageRewardTiers,
  'pledge-form': PartagePledgeForm,
  backers: PartageBackers,
  'social-share': PartageSocialShare,
} as const;

export function define({ prefix = 'partage' }: { prefix?: string } = {}): void {
  for (const [name, ctor] of Object.entries(crowdfundingElements)) defineElement(tagName(prefix, name), ctor);
}

define();

const g = globalThis as { Partage?: { version: string; define: typeof define } };
g.Partage ??= { version: VERSION, define };
