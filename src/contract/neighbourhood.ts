import * as z from 'zod/mini';
import { Count, HttpsUrl, Id, Instant, text } from './primitives.js';

export const PartnerService = z.object({
  id: Id,
  name: text(80),
  kind: z.enum(['car_sharing', 'bike_sharing', 'tool_library', 'repair_cafe', 'food_sharing', 'other']),
  description: z.string().check(z.maxLength(500)),
  url: HttpsUrl,
});
export type PartnerService = z.infer<typeof PartnerService>;

export const NeighbourhoodStats = z.object({
  members: Count,
  /** Members who offered, asked or replied in the last 30 days. */
  activeSharers: Count,
  exchangesLast30Days: Count,
  /** activeSharers / members, 0..1. */
  activityRate: z.number().check(z.minimum(0), z.maximum(1)),
  openListings: Count,
});
export type NeighbourhoodStats = z.infer<typeof NeighbourhoodStats>;

export const Neighbourhood = z.object({
  id: Id,
  slug: Id,
  name: text(120),
  city: text(120),
  postcode: z.nullable(z.string().check(z.regex(/^[0-9A-Z -]{3,10}$/))),
  description: z.string().check(z.maxLength(1000)),
  stats: NeighbourhoodStats,
  partnerServices: z.array(PartnerService),
  updatedAt: Instant,
});
export type Neighbourhood = z.infer<typeof Neighbourhood>;

export const NeighbourhoodListQuery = z.object({
  limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100))),
  cursor: z.optional(z.string().check(z.maxLength(200))),
  city: z.optional(text(120)),
});
export type NeighbourhoodListQuery = z.infer<typeof NeighbourhoodListQuery>;
