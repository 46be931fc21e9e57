import * as z from 'zod/mini';
import { checked, Count, HttpsUrl, Id, Instant, text } from './primitives.js';

export const PartnerService = z.object({
  id: Id,
  name: text(80),
  kind: z.enum(['car_sharing', 'bike_sharing', 'tool_library', 'repair_cafe', 'food_sharing', 'other']),
  description: checked(z.string(), z.maxLength(500)),
  url: HttpsUrl,
});
export type PartnerService = z.infer<typeof PartnerService>;

export const NeighbourhoodStats = z.object({
  members: Count,
  /** Members who offered, asked or replied in the last 30 days. */
  activeSharers: Count,
  exchangesLast30Days: Count,
  /** activeSharers / members, 0..1. */
  activityRate: checked(z.number(), z.minimum(0), z.maximum(1)),
  openListings: Count,
  /** Members who voted in the neighbourhood's polls still open or closed within 30 days (one per member and poll). */
  votesLast30Days: Count,
  /** Members going to agenda items still to come or over within 30 days (cancelled ones excluded). */
  rsvpsLast30Days: Count,
});
export type NeighbourhoodStats = z.infer<typeof NeighbourhoodStats>;

export const Neighbourhood = z.object({
  id: Id,
  slug: Id,
  name: text(120),
  city: text(120),
  postcode: z.nullable(checked(z.string(), z.regex(/^[0-9A-Z -]{3,10}$/))),
  description: checked(z.string(), z.maxLength(1000)),
  stats: NeighbourhoodStats,
  partnerServices: z.array(PartnerService),
  updatedAt: Instant,
});
export type Neighbourhood = z.infer<typeof Neighbourhood>;

export const NeighbourhoodListQuery = z.object({
  limit: z.optional(checked(z.coerce.number(), z.int(), z.minimum(1), z.maximum(100))),
  cursor: z.optional(checked(z.string(), z.maxLength(200))),
  city: z.optional(text(120)),
});
export type NeighbourhoodListQuery = z.infer<typeof NeighbourhoodListQuery>;
