import * as z from 'zod/mini';
import { Campaign, RewardAvailability } from './campaign.js';
import { Listing } from './listing.js';
import { NeighbourhoodStats } from './neighbourhood.js';
import { Backer, CampaignTotals } from './pledge.js';
import { Count, Id } from './primitives.js';
import { Poll } from './poll.js';
import { AgendaItem } from './agenda.js';

/**
 * Server-Sent Events on `/campaigns/{id}/events`. Each message has an `id:` line (monotonic per
 * resource) so that a reconnecting client resumes with `Last-Event-ID`; `event:` is the `type`.
 */
export const CampaignEvent = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('pledge.created'),
    campaignId: Id,
    totals: CampaignTotals,
    /** Present when the pledge took a reward: its new stock. */
    reward: z.nullable(
      z.object({ id: Id, remaining: z.nullable(Count), backerCount: Count, availability: RewardAvailability }),
    ),
    /** Public view of the new backer; null for a waitlisted investor. */
    backer: z.nullable(Backer),
  }),
  z.object({ type: z.literal('campaign.updated'), campaignId: Id, campaign: Campaign }),
]);
export type CampaignEvent = z.infer<typeof CampaignEvent>;

/** Server-Sent Events on `/neighbourhoods/{id}/events`. */
export const NeighbourhoodEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('listing.created'), neighbourhoodId: Id, listing: Listing, stats: NeighbourhoodStats }),
  z.object({ type: z.literal('listing.updated'), neighbourhoodId: Id, listing: Listing, stats: NeighbourhoodStats }),
  /** A poll was created, changed, closed or got a vote: its public view (results as everyone may see them). */
  z.object({ type: z.literal('poll.updated'), neighbourhoodId: Id, poll: Poll, stats: NeighbourhoodStats }),
  /** An agenda item was created, changed, cancelled or got an answer: its counts. */
  z.object({ type: z.literal('agenda.updated'), neighbourhoodId: Id, item: AgendaItem, stats: NeighbourhoodStats }),
]);
export type NeighbourhoodEvent = z.infer<typeof NeighbourhoodEvent>;
