import * as z from 'zod/mini';
import { checked, Count, HttpsUrl, Id, Instant, text } from './primitives.js';

const partnerFields = {
  id: Id,
  name: text(80),
  kind: z.enum(['car_sharing', 'bike_sharing', 'tool_library', 'repair_cafe', 'food_sharing', 'other']),
  description: checked(z.string(), z.maxLength(500)),
};

/**
 * A partner service as the platform stores it (its own address, no attribution): what seeds and
 * back offices hold. Answers carry `PartnerService` instead.
 */
export const PartnerServiceEntry = z.object({ ...partnerFields, url: HttpsUrl });
export type PartnerServiceEntry = z.infer<typeof PartnerServiceEntry>;

/**
 * A partner service in an answer. Both links are built by the backend, never by a widget:
 * `url` is the partner's address with the platform's attribution for this neighbourhood
 * (`utm_source`, `utm_medium`, `utm_campaign`; see partner-rules.ts), `visitUrl` the backend's
 * redirect to exactly that address, which counts the visit (a count only: no cookie, no IP, no
 * personal data). Widgets link to `visitUrl`.
 */
export const PartnerService = z.object({ ...partnerFields, url: HttpsUrl, visitUrl: HttpsUrl });
export type PartnerService = z.infer<typeof PartnerService>;

/**
 * Visits of a neighbourhood's partner links, for its organisers only: counts since the partner
 * was listed, never who, when or from where. Private because they are the commercial figures of
 * the platform's affiliation, and in a small neighbourhood a count of 1 can point at a person.
 */
export const PartnerVisits = z.object({
  neighbourhoodId: Id,
  partners: z.array(z.object({ partnerId: Id, name: text(80), kind: partnerFields.kind, visits: Count })),
  totalVisits: Count,
});
export type PartnerVisits = z.infer<typeof PartnerVisits>;

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
