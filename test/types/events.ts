/**
 * Type-level test of the event map, checked by `npm run typecheck` (tsc): nothing runs. Each
 * `@ts-expect-error` fails the build if the wrong use it marks ever compiles.
 */
import {
  partageEvent,
  type PartageEvent,
  type PartageEventMap,
  type PartageRewardTiers,
  type RewardSelectDetail,
} from '../../src/index.js';

declare const tiers: PartageRewardTiers;

// A user's listener gets the detail of the event it names.
tiers.addEventListener('partage-reward-select', (e) => {
  const rewardId: string | null = e.detail.rewardId;
  const campaignId: string = e.detail.campaignId;
  // @ts-expect-error rewardId may be null (a pledge without reward)
  const always: string = e.detail.rewardId;
  // @ts-expect-error the reward-select detail has no pledge
  void e.detail.pledge;
  void [rewardId, campaignId, always];
});

// On the document too (events bubble and are composed).
document.addEventListener('partage-checkout', (e) => {
  e.preventDefault();
  const url: string = e.detail.checkoutUrl;
  const target: '_self' | '_blank' = e.detail.target;
  void [url, target];
});

document.addEventListener('partage-error', (e) => {
  const operation: string = e.detail.operation;
  // @ts-expect-error an error's detail has no listing
  void e.detail.listing;
  void operation;
});

// The factory ties the name to its detail.
const share: PartageEvent<'partage-share'> = partageEvent('partage-share', { network: 'x', url: 'https://a.example' });
// @ts-expect-error a share needs a network among the known ones
partageEvent('partage-share', { network: 'myspace', url: 'https://a.example' });
// @ts-expect-error the countdown's detail is not a share's
partageEvent('partage-countdown-end', { network: 'x', url: 'https://a.example' });
// @ts-expect-error unknown event names are refused
partageEvent('partage-unknown', {});

// The map has exactly the twelve events.
type Names = keyof PartageEventMap;
const all: Record<Names, true> = {
  'partage-error': true,
  'partage-reward-select': true,
  'partage-pledge-created': true,
  'partage-checkout': true,
  'partage-countdown-end': true,
  'partage-share': true,
  'partage-sign-in-request': true,
  'partage-listing-created': true,
  'partage-reply-sent': true,
  'partage-report-sent': true,
  'partage-vote': true,
  'partage-rsvp': true,
};
const detail: RewardSelectDetail = { campaignId: 'c', rewardId: null, minimum: null };
void [share, all, detail];
