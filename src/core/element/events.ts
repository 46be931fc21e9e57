import type { Listing, Money, PledgeResult, Reply, Report, RsvpStatus } from '../../contract/index.js';

/*
 * Every event a Partage widget fires, in one map: its name, its `detail`, and whether it can be
 * cancelled. `emit` and `partageEvent` take a name of this map and only its detail, and the
 * global event maps below give TypeScript users `addEventListener('partage-reward-select', (e)
 * => e.detail.rewardId)` typed. Every event is a CustomEvent that bubbles and crosses shadow
 * roots. A changed payload gets a new event name rather than breaking the old one.
 */

/** `partage-error`: a request failed (the widget also shows it). */
export interface PartageErrorDetail {
  /** Which request failed, e.g. `getCampaign`. */
  operation: string;
  error: unknown;
}

/**
 * `partage-reward-select`: a reward was chosen for a campaign (`rewardId: null`: a pledge without
 * reward). Fired by the tiers and the pledge form alike; the provider turns it into the shared
 * selection, so both widgets must send the very same shape.
 */
export interface RewardSelectDetail {
  /** The campaign's id (never its slug), as rewards and the pledge form know it. */
  campaignId: string;
  rewardId: string | null;
  /** The tier's minimum pledge; null for a pledge without reward. */
  minimum: Money | null;
}

/** `partage-pledge-created`: the backend accepted a pledge (confirmed, waiting for payment, or waitlisted). */
export interface PledgeCreatedDetail {
  campaignId: string;
  pledge: PledgeResult;
}

export type CheckoutTarget = '_self' | '_blank';

/**
 * `partage-checkout`: the form is about to open the platform's checkout. Cancelable:
 * `preventDefault()` keeps the reader on the page (a single-page app routing itself, a test);
 * the form then shows a link.
 */
export interface CheckoutDetail {
  campaignId: string;
  pledge: Extract<PledgeResult, { status: 'pending_payment' }>;
  checkoutUrl: string;
  target: CheckoutTarget;
}

/** `partage-countdown-end`: the countdown reached its end while on the page. */
export interface CountdownEndDetail {
  /** The campaign's id, or null for a countdown given only an `ends-at` date. */
  campaignId: string | null;
  /** ISO 8601 instant that was reached. */
  endsAt: string;
}

/** Where a reader chose to share: the system share sheet, a network, e-mail or the clipboard. */
export type ShareNetwork = 'native' | 'facebook' | 'x' | 'linkedin' | 'email' | 'copy';

/**
 * `partage-share`: the reader activated a share action, before the widget acts. Cancelable: cancel
 * it (`preventDefault()`) to handle the share yourself, e.g. in your own pop-up window.
 */
export interface ShareDetail {
  network: ShareNetwork;
  /** The page being shared (not the network's share address). */
  url: string;
}

/** What the member wanted to do when the widget asked the host page to sign them in. */
export type SignInReason = 'post' | 'reply' | 'report';
/** Every reason a widget may ask for a sign-in: the board's, a poll's vote and an agenda answer. */
export type MemberSignInReason = SignInReason | 'vote' | 'rsvp';

/**
 * `partage-sign-in-request`: the widget needs a (new) member token. The host page signs the
 * member in on its own platform, then sets the widget's `memberToken` (or the provider's): an
 * action that failed with an expired token is then sent again, with nothing retyped.
 */
export interface SignInRequestDetail {
  reason: MemberSignInReason;
  neighbourhoodId: string;
  /** True when a token was sent and refused (401): it has expired or was revoked. */
  expired: boolean;
  /** The listing replied to or reported, for `reply` and `report`. */
  listingId?: string;
  /** The poll voted in, for `vote`. */
  pollId?: string;
  /** The agenda item answered, for `rsvp`. */
  itemId?: string;
}

/** `partage-listing-created`: a member published a listing. */
export interface ListingCreatedDetail {
  listing: Listing;
}

/** `partage-reply-sent`: a member said "I'm interested" on a listing. */
export interface ReplySentDetail {
  listing: Listing;
  reply: Reply;
}

/** `partage-report-sent`: a member reported a listing to the moderators. */
export interface ReportSentDetail {
  listing: Listing;
  report: Report;
}

/** `partage-vote`: the member's vote was counted (first vote or a change). Their own choice only. */
export interface VoteDetail {
  pollId: string;
  optionIds: string[];
  changed: boolean;
}

/** `partage-rsvp`: the member's answer to an agenda item was saved (their own answer only). */
export interface RsvpDetail {
  itemId: string;
  status: RsvpStatus;
  waitlistPosition: number | null;
}

/** Every event of the Partage widgets: name → `detail`. */
export interface PartageEventMap {
  'partage-error': PartageErrorDetail;
  'partage-reward-select': RewardSelectDetail;
  'partage-pledge-created': PledgeCreatedDetail;
  'partage-checkout': CheckoutDetail;
  'partage-countdown-end': CountdownEndDetail;
  'partage-share': ShareDetail;
  'partage-sign-in-request': SignInRequestDetail;
  'partage-listing-created': ListingCreatedDetail;
  'partage-reply-sent': ReplySentDetail;
  'partage-report-sent': ReportSentDetail;
  'partage-vote': VoteDetail;
  'partage-rsvp': RsvpDetail;
}

export type PartageEventName = keyof PartageEventMap;

/** The event object of one name, e.g. `PartageEvent<'partage-share'>` is `CustomEvent<ShareDetail>`. */
export type PartageEvent<K extends PartageEventName> = CustomEvent<PartageEventMap[K]>;

/** Builds a Partage event: the name fixes the detail's type. */
export function partageEvent<K extends PartageEventName>(
  name: K,
  detail: PartageEventMap[K],
  cancelable = false,
): PartageEvent<K> {
  return new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable });
}

declare global {
  interface GlobalEventHandlersEventMap {
    'partage-error': PartageEvent<'partage-error'>;
    'partage-reward-select': PartageEvent<'partage-reward-select'>;
    'partage-pledge-created': PartageEvent<'partage-pledge-created'>;
    'partage-checkout': PartageEvent<'partage-checkout'>;
    'partage-countdown-end': PartageEvent<'partage-countdown-end'>;
    'partage-share': PartageEvent<'partage-share'>;
    'partage-sign-in-request': PartageEvent<'partage-sign-in-request'>;
    'partage-listing-created': PartageEvent<'partage-listing-created'>;
    'partage-reply-sent': PartageEvent<'partage-reply-sent'>;
    'partage-report-sent': PartageEvent<'partage-report-sent'>;
    'partage-vote': PartageEvent<'partage-vote'>;
    'partage-rsvp': PartageEvent<'partage-rsvp'>;
  }
}
