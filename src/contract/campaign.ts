import * as z from 'zod/mini';
import { CalendarDate, checked, Count, HttpsUrl, Id, IdList, Instant, Money, page, text } from './primitives.js';

export const CampaignKind = z.enum(['reward', 'donation', 'equity']);
export type CampaignKind = z.infer<typeof CampaignKind>;
export const FundingModel = z.enum(['all_or_nothing', 'keep_it_all']);
export type FundingModel = z.infer<typeof FundingModel>;
export const CampaignStatus = z.enum(['upcoming', 'live', 'succeeded', 'failed']);
export type CampaignStatus = z.infer<typeof CampaignStatus>;

export const Creator = z.object({
  name: text(120),
  avatarUrl: z.nullable(HttpsUrl),
  url: z.nullable(HttpsUrl),
});

/** A successive or stretch goal: the progress bar marks it, and says when it was reached. */
export const Milestone = z.object({
  title: text(120),
  target: Money,
  reachedAt: z.nullable(Instant),
});
export type Milestone = z.infer<typeof Milestone>;

export const PledgeRules = z.object({
  minimum: Money,
  /** null: no upper bound per pledge. */
  maximum: z.nullable(Money),
});
export type PledgeRules = z.infer<typeof PledgeRules>;

/** Equity raises (Sowefund-style): tickets, hard cap, oversubscription and waitlist. */
export const EquityDetails = z.object({
  minimumTicket: Money,
  averageTicket: Money,
  /** Past this total, new investors are waitlisted. null: no hard cap. */
  maximumRaise: z.nullable(Money),
  oversubscribed: z.boolean(),
  waitlistCount: Count,
  sharePrice: z.nullable(Money),
  preMoneyValuation: z.nullable(Money),
});
export type EquityDetails = z.infer<typeof EquityDetails>;

export const ShareInfo = z.object({
  url: HttpsUrl,
  text: text(280),
  hashtags: z.array(text(40)),
});

export const Campaign = z.object({
  id: Id,
  slug: Id,
  title: text(140),
  tagline: text(280),
  imageUrl: z.nullable(HttpsUrl),
  imageAlt: checked(z.string(), z.maxLength(280)),
  url: HttpsUrl,
  creator: Creator,
  kind: CampaignKind,
  fundingModel: FundingModel,
  status: CampaignStatus,
  goal: Money,
  pledged: Money,
  backerCount: Count,
  milestones: z.array(Milestone),
  startsAt: Instant,
  endsAt: Instant,
  pledgeRules: PledgeRules,
  equity: z.nullable(EquityDetails),
  share: ShareInfo,
  updatedAt: Instant,
});
export type Campaign = z.infer<typeof Campaign>;

export const CampaignListQuery = z.object({
  limit: z.optional(checked(z.coerce.number(), z.int(), z.minimum(1), z.maximum(100))),
  cursor: z.optional(checked(z.string(), z.maxLength(200))),
  kind: z.optional(CampaignKind),
  status: z.optional(CampaignStatus),
  /**
   * Batched read: exactly these campaigns (ids or slugs, at most 50), in this order, unknown ones
   * left out, one page with no cursor. A page of cards loads in one request.
   */
  ids: z.optional(IdList),
});
export type CampaignListQuery = z.infer<typeof CampaignListQuery>;
/** A page of campaigns: the answer of a list, and of a batched read (`?ids=`). */
export const CampaignPage = page(Campaign);
export type CampaignPage = z.infer<typeof CampaignPage>;

export const Shipping = z.enum(['none', 'pickup', 'domestic', 'worldwide']);
export type Shipping = z.infer<typeof Shipping>;
export const RewardAvailability = z.enum(['available', 'sold_out', 'unavailable']);
export type RewardAvailability = z.infer<typeof RewardAvailability>;

export const RewardTier = z.object({
  id: Id,
  campaignId: Id,
  title: text(140),
  description: checked(z.string(), z.maxLength(2000)),
  minimum: Money,
  /** null: unlimited. */
  quantityLimit: z.nullable(Count),
  remaining: z.nullable(Count),
  backerCount: Count,
  estimatedDelivery: z.nullable(CalendarDate),
  shipping: Shipping,
  shippingCost: z.nullable(Money),
  availability: RewardAvailability,
});
export type RewardTier = z.infer<typeof RewardTier>;
