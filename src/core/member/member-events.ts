import type { Listing, Reply, Report } from '../../contract/index.js';

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
export const SIGN_IN_REQUEST = 'partage-sign-in-request';

/** `partage-listing-created`: a member published a listing. */
export interface ListingCreatedDetail {
  listing: Listing;
}
export const LISTING_CREATED = 'partage-listing-created';

/** `partage-reply-sent`: a member said "I'm interested" on a listing. */
export interface ReplySentDetail {
  listing: Listing;
  reply: Reply;
}
export const REPLY_SENT = 'partage-reply-sent';

/** `partage-report-sent`: a member reported a listing to the moderators. */
export interface ReportSentDetail {
  listing: Listing;
  report: Report;
}
export const REPORT_SENT = 'partage-report-sent';

declare global {
  interface GlobalEventHandlersEventMap {
    'partage-sign-in-request': CustomEvent<SignInRequestDetail>;
    'partage-listing-created': CustomEvent<ListingCreatedDetail>;
    'partage-reply-sent': CustomEvent<ReplySentDetail>;
    'partage-report-sent': CustomEvent<ReportSentDetail>;
  }
}
