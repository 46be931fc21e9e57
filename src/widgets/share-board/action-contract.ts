import { ReplyRequest, ReportReason, ReportRequest } from '../../contract/index.js';
import { isListingClosed, replyTo, reportListing } from '../../core/data/member-actions.js';

/**
 * What the reply and report forms take from the contract: its checks of a reply and a report, the
 * reasons a report offers, the two requests and the refusal of a closed listing. They stay in the board's file and are handed to
 * its interaction code (listing-interaction.ts) when it loads: a chunk that reaches the compiled
 * contract itself makes the bundler move the whole contract out of the file into a third chunk
 * (rolldown/rolldown#10731; scripts/lazy-chunks.mjs fails the build).
 */
export const actionContract = {
  reply: ReplyRequest,
  report: ReportRequest,
  reasons: ReportReason.options,
  replyTo,
  reportListing,
  isListingClosed,
};
export type ActionContract = typeof actionContract;
