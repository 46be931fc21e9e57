import type { EndpointName } from './endpoints.js';
import type { ErrorCode } from './problem.js';

/**
 * Documentation of each endpoint for the OpenAPI document: summary, tag and the problem codes it
 * may answer. Kept apart from `endpoints` (and out of the contract's index) so that browser
 * bundles do not carry these strings.
 */
export interface EndpointDoc {
  readonly summary: string;
  readonly tag: 'campaigns' | 'neighbourhoods' | 'members' | 'live' | 'civic';
  readonly errors: readonly ErrorCode[];
}

const read = ['not_found', 'validation_failed', 'rate_limited'] as const;
const memberErrors = [
  'unauthorized',
  'forbidden',
  'origin_not_allowed',
  'rate_limited',
  'validation_failed',
  'payload_too_large',
  'unsupported_media_type',
] as const;

export const endpointDocs = {
  listCampaigns: {
    tag: 'campaigns',
    summary: 'List campaigns (for pickers and the embed builder)',
    errors: ['validation_failed'],
  },
  getCampaign: {
    tag: 'campaigns',
    summary: 'Get a campaign by id or slug',
    errors: read,
  },
  listRewards: {
    tag: 'campaigns',
    summary: "List a campaign's reward tiers, cheapest first",
    errors: read,
  },
  listBackers: {
    tag: 'campaigns',
    summary: 'List recent backers, newest first (anonymous backers without name)',
    errors: read,
  },
  createPledge: {
    tag: 'campaigns',
    summary: 'Pledge to a campaign (requires an Idempotency-Key header)',
    errors: [
      'validation_failed',
      'not_found',
      'campaign_closed',
      'reward_sold_out',
      'reward_unavailable',
      'pledge_below_minimum',
      'pledge_above_maximum',
      'currency_mismatch',
      'idempotency_key_missing',
      'idempotency_key_reused',
      'idempotency_in_flight',
      'origin_not_allowed',
      'rate_limited',
      'payload_too_large',
      'unsupported_media_type',
    ],
  },
  campaignEvents: {
    tag: 'campaigns',
    summary: 'Live campaign updates (Server-Sent Events; resume with Last-Event-ID)',
    errors: ['not_found'],
  },
  listNeighbourhoods: {
    tag: 'neighbourhoods',
    summary: 'List neighbourhoods',
    errors: ['validation_failed'],
  },
  getNeighbourhood: {
    tag: 'neighbourhoods',
    summary: 'Get a neighbourhood with its stats and partner services',
    errors: read,
  },
  listListings: {
    tag: 'neighbourhoods',
    summary: "List a neighbourhood's listings, newest first, with filters and text search",
    errors: read,
  },
  createListing: {
    tag: 'neighbourhoods',
    summary: 'Post an offer or a request (members only)',
    errors: [...memberErrors, 'not_found'],
  },
  neighbourhoodEvents: {
    tag: 'neighbourhoods',
    summary: 'Live neighbourhood updates (Server-Sent Events; resume with Last-Event-ID)',
    errors: ['not_found'],
  },
  getListing: {
    tag: 'neighbourhoods',
    summary: 'Get one listing',
    errors: read,
  },
  createReply: {
    tag: 'neighbourhoods',
    summary: 'Reply to a listing ("I\'m interested")',
    errors: [...memberErrors, 'not_found', 'listing_closed'],
  },
  createReport: {
    tag: 'neighbourhoods',
    summary: 'Report a listing to the moderators',
    errors: [...memberErrors, 'not_found'],
  },
  getMe: {
    tag: 'members',
    summary: 'The member behind the bearer token',
    errors: ['unauthorized', 'rate_limited'],
  },
  live: {
    tag: 'live',
    summary:
      'Live updates of many campaigns and neighbourhoods on one Server-Sent Events stream (at most 50 resources; one Last-Event-ID resumes them all)',
    errors: ['validation_failed', 'too_many_resources'],
  },
  liveChanges: {
    tag: 'live',
    summary: 'The live stream as polling: the events of every resource since a cursor, in one request',
    errors: ['validation_failed', 'too_many_resources'],
  },
  listPolls: {
    tag: 'civic',
    summary: "List a neighbourhood's polls, newest first (results as an anonymous reader may see them)",
    errors: read,
  },
  createPoll: {
    tag: 'civic',
    summary: 'Create a poll (organisers of the neighbourhood only)',
    errors: [...memberErrors, 'not_found'],
  },
  getPoll: {
    tag: 'civic',
    summary: 'Get a poll: options, status and, when visible to everyone, the counts',
    errors: read,
  },
  updatePoll: {
    tag: 'civic',
    summary: "Change a poll's question, description or dates (organisers only; options are fixed)",
    errors: [...memberErrors, 'not_found', 'poll_closed'],
  },
  closePoll: {
    tag: 'civic',
    summary: 'Close a poll now (organisers only)',
    errors: [...memberErrors, 'not_found'],
  },
  castVote: {
    tag: 'civic',
    summary: "Vote, or change one's vote when the poll allows it (members of the neighbourhood)",
    errors: [...memberErrors, 'not_found', 'poll_closed', 'poll_not_open', 'vote_final'],
  },
  getMyVote: {
    tag: 'civic',
    summary: "The member's own vote and the poll as they may see it (never other members' choices)",
    errors: ['unauthorized', 'forbidden', 'not_found', 'rate_limited'],
  },
  listAgenda: {
    tag: 'civic',
    summary: "A neighbourhood's upcoming agenda, soonest first",
    errors: read,
  },
  createAgendaItem: {
    tag: 'civic',
    summary: 'Add an event to the agenda (organisers of the neighbourhood only)',
    errors: [...memberErrors, 'not_found'],
  },
  getAgendaItem: {
    tag: 'civic',
    summary: 'Get an agenda item with its places left',
    errors: read,
  },
  updateAgendaItem: {
    tag: 'civic',
    summary: 'Change an agenda item (organisers only)',
    errors: [...memberErrors, 'not_found', 'event_cancelled'],
  },
  cancelAgendaItem: {
    tag: 'civic',
    summary: 'Cancel an agenda item (organisers only)',
    errors: [...memberErrors, 'not_found'],
  },
  rsvp: {
    tag: 'civic',
    summary: 'Answer going or not going; past the capacity, "going" joins the waitlist',
    errors: [...memberErrors, 'not_found', 'event_cancelled', 'event_ended'],
  },
  getMyRsvp: {
    tag: 'civic',
    summary: "The member's own answer to an agenda item",
    errors: ['unauthorized', 'forbidden', 'not_found', 'rate_limited'],
  },
  visitPartner: {
    tag: 'civic',
    summary:
      "Follow a partner link: counts one visit (a count only: no cookie, no IP, no personal data) and redirects (303) to the partner's stored address with the neighbourhood's attribution. Takes no query: the target is never taken from the request",
    errors: read,
  },
  getPartnerVisits: {
    tag: 'civic',
    summary: "Visits of the neighbourhood's partner links, per partner (the neighbourhood's organisers only)",
    errors: ['unauthorized', 'forbidden', 'origin_not_allowed', 'not_found', 'validation_failed', 'rate_limited'],
  },
} as const satisfies Record<EndpointName, EndpointDoc>;
