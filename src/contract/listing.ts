import * as z from 'zod/mini';
import { checked, Count, Id, Instant, text } from './primitives.js';

export const ListingKind = z.enum(['offer', 'request']);
export type ListingKind = z.infer<typeof ListingKind>;
export const ListingType = z.enum(['give', 'lend', 'swap', 'service', 'carpool']);
export type ListingType = z.infer<typeof ListingType>;
export const ListingCategory = z.enum([
  'tools',
  'garden',
  'kitchen',
  'kids',
  'books',
  'electronics',
  'sport',
  'clothes',
  'furniture',
  'transport',
  'help',
  'other',
]);
export type ListingCategory = z.infer<typeof ListingCategory>;
export const ListingStatus = z.enum(['open', 'reserved', 'closed']);
export type ListingStatus = z.infer<typeof ListingStatus>;

/** Only ever an approximate place (a street name or district), never an address. */
export const ApproximatePlace = z.object({ label: text(80) });

export const Listing = z.object({
  id: Id,
  neighbourhoodId: Id,
  kind: ListingKind,
  type: ListingType,
  category: ListingCategory,
  title: text(100, 3),
  description: checked(z.string(), z.maxLength(1000)),
  /** Authors appear by display name only. */
  author: z.object({ displayName: text(60) }),
  place: ApproximatePlace,
  status: ListingStatus,
  createdAt: Instant,
  expiresAt: z.nullable(Instant),
  replyCount: Count,
});
export type Listing = z.infer<typeof Listing>;

export const ListingQuery = z.object({
  limit: z.optional(checked(z.coerce.number(), z.int(), z.minimum(1), z.maximum(100))),
  cursor: z.optional(checked(z.string(), z.maxLength(200))),
  kind: z.optional(ListingKind),
  type: z.optional(ListingType),
  category: z.optional(ListingCategory),
  status: z.optional(ListingStatus),
  q: z.optional(checked(z.string(), z.trim(), z.maxLength(100))),
});
export type ListingQuery = z.infer<typeof ListingQuery>;

export const ListingRequest = z.object({
  kind: ListingKind,
  type: ListingType,
  category: ListingCategory,
  title: text(100, 3),
  description: checked(z.string(), z.trim(), z.maxLength(1000)),
  place: ApproximatePlace,
  /** Optional end of validity; the server refuses dates in the past or beyond 90 days. */
  expiresAt: z.optional(z.nullable(Instant)),
});
export type ListingRequest = z.infer<typeof ListingRequest>;

export const ReplyRequest = z.object({ message: text(500) });
export type ReplyRequest = z.infer<typeof ReplyRequest>;
export const Reply = z.object({
  id: Id,
  listingId: Id,
  message: z.string(),
  author: z.object({ displayName: text(60) }),
  createdAt: Instant,
});
export type Reply = z.infer<typeof Reply>;

export const ReportReason = z.enum(['spam', 'inappropriate', 'scam', 'personal_data', 'dangerous', 'other']);
export type ReportReason = z.infer<typeof ReportReason>;
export const ReportRequest = z.object({
  reason: ReportReason,
  detail: z.optional(checked(z.string(), z.trim(), z.maxLength(500))),
});
export type ReportRequest = z.infer<typeof ReportRequest>;
export const Report = z.object({
  id: Id,
  listingId: Id,
  reason: ReportReason,
  status: z.literal('received'),
  createdAt: Instant,
});
export type Report = z.infer<typeof Report>;

/** The member behind a bearer token, as the board shows them. */
export const Member = z.object({
  id: Id,
  displayName: text(60),
  neighbourhoodIds: z.array(Id),
  /** Neighbourhoods where this member organises (town hall staff, associations): polls and agenda. */
  organiserOf: z.optional(z.array(Id)),
});
export type Member = z.infer<typeof Member>;
