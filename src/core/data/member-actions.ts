import { createReply, createReport } from '../../client/neighbourhoods.js';
import type { Reply, ReplyRequest, Report, ReportRequest } from '../../contract/index.js';
import { apiErrorOf } from './errors.js';
import type { Transport } from './source.js';

/*
 * A member's actions on a listing, as operations a MemberAction runs with the member's token
 * (it owns sign-in, retries and the error state). Each is its own export, so a widget bundle
 * carries only the actions it offers.
 */

/** A run of MemberAction: the client, the member's token and the abort signal it holds. */
export type MemberOperation<T> = (client: Transport, memberToken: string, signal: AbortSignal) => Promise<T>;

/** "I'm interested": a reply to the listing's author. */
export const replyTo =
  (listingId: string, body: ReplyRequest): MemberOperation<Reply> =>
  (client, memberToken, signal) =>
    createReply(client, listingId, body, { memberToken, signal });

/** A report of the listing to the neighbourhood's moderators. */
export const reportListing =
  (listingId: string, body: ReportRequest): MemberOperation<Report> =>
  (client, memberToken, signal) =>
    createReport(client, listingId, body, { memberToken, signal });

/** The server said the listing takes no more replies (our copy of it was out of date). */
export const isListingClosed = (error: unknown) => apiErrorOf(error)?.code === 'listing_closed';
