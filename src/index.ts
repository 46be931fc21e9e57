/**
 * Side-effect-free entry: classes, client, contract types and helpers. Importing it registers
 * nothing; import `@partage/widgets/define` (or a widget's `define`) to register tags.
 */
export * from './client/index.js';
export { PartageElement, VERSION } from './core/element/partage-element.js';
export { partageContext, type PartageContext, type Theme, type MemberTokenSource } from './core/element/context.js';
export { SelectionStore } from './core/data/selection.js';
export { defineElement } from './core/element/define.js';
export { partageEvent } from './core/element/events.js';
export type * from './core/element/events.js';
export { formatMoney, formatPercent, formatNumber, toMajor, toMinor } from './core/i18n/format.js';
export { PartageProvider } from './widgets/provider/provider.js';
export { PartageCampaignProgress } from './widgets/campaign-progress/campaign-progress.js';
export { PartageCampaignCard } from './widgets/campaign-card/campaign-card.js';
export { PartageCountdown } from './widgets/countdown/countdown.js';
export { PartageRewardTiers } from './widgets/reward-tiers/reward-tiers.js';
export { PartagePledgeForm } from './widgets/pledge-form/pledge-form.js';
export { PartageBackers } from './widgets/backers/backers.js';
export { PartageSocialShare } from './widgets/social-share/social-share.js';
export { PartageShareBoard } from './widgets/share-board/share-board.js';
export { PartageListingForm } from './widgets/listing-form/listing-form.js';
export { PartageNeighbourhoodStats } from './widgets/neighbourhood-stats/neighbourhood-stats.js';
export { PartagePoll } from './widgets/poll/poll.js';
export { PartageAgenda } from './widgets/agenda/agenda.js';
export { agendaItemToICalendar } from './widgets/agenda/agenda-ics.js';
export { define, elements } from './define.js';
