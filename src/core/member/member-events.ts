// Declared with every Partage event in core/element/events.ts (one map).
export type {
  ListingCreatedDetail,
  MemberSignInReason,
  ReplySentDetail,
  ReportSentDetail,
  SignInReason,
  SignInRequestDetail,
} from '../element/events.js';

export const SIGN_IN_REQUEST = 'partage-sign-in-request';
export const LISTING_CREATED = 'partage-listing-created';
export const REPLY_SENT = 'partage-reply-sent';
export const REPORT_SENT = 'partage-report-sent';
