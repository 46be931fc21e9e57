import * as z from 'zod/mini';
import { checked, Count, HttpsUrl, Id, Instant, Money, text } from './primitives.js';

export const PledgeRequest = z.object({
  amount: Money,
  /** null or absent: a pledge without reward. */
  rewardId: z.optional(z.nullable(Id)),
  backer: z.object({
    name: text(80),
    email: checked(z.email(), z.maxLength(254)),
  }),
  /** Anonymous backers appear as "Anonymous" in public lists; the platform still knows them. */
  anonymous: z.optional(z.boolean()),
  message: z.optional(checked(z.string(), z.trim(), z.maxLength(500))),
});
export type PledgeRequest = z.infer<typeof PledgeRequest>;

const pledgeBase = {
  id: Id,
  campaignId: Id,
  amount: Money,
  rewardId: z.nullable(Id),
  createdAt: Instant,
};

export const PledgeResult = z.discriminatedUnion('status', [
  z.object({ ...pledgeBase, status: z.literal('confirmed') }),
  /** Payment happens on the platform's checkout; the widget never sees card data. */
  z.object({ ...pledgeBase, status: z.literal('pending_payment'), checkoutUrl: HttpsUrl }),
  /** Equity raise past its maximum: the investor joins the waitlist at this position (1-based). */
  z.object({ ...pledgeBase, status: z.literal('waitlisted'), waitlistPosition: checked(z.int(), z.positive()) }),
]);
export type PledgeResult = z.infer<typeof PledgeResult>;
export type PledgeStatus = PledgeResult['status'];

/** A backer as the public sees them: no e-mail, and no name when they chose to be anonymous. */
export const Backer = z.object({
  id: Id,
  anonymous: z.boolean(),
  displayName: z.nullable(text(80)),
  amount: z.nullable(Money),
  message: z.nullable(checked(z.string(), z.maxLength(500))),
  rewardId: z.nullable(Id),
  createdAt: Instant,
});
export type Backer = z.infer<typeof Backer>;

export const CampaignTotals = z.object({
  pledged: Money,
  backerCount: Count,
  waitlistCount: Count,
});
export type CampaignTotals = z.infer<typeof CampaignTotals>;
