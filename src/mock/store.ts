import {
  availabilityFor,
  checkoutUrl,
  checkPledge,
  isWaitlisted,
  needsCheckout,
  type Campaign,
  type CampaignEvent,
  type CampaignTotals,
  type Listing,
  type ListingRequest,
  type Member,
  type Neighbourhood,
  type PartnerVisits,
  type NeighbourhoodEvent,
  type PledgeRequest,
  type PledgeResult,
  type PledgeStatus,
  type Reply,
  type ReplyRequest,
  type Report,
  type ReportRequest,
  type RewardTier,
  type RuleViolation,
} from '../contract/index.js';
import { publicBacker } from '../contract/privacy.js';
import { apiBaseOf, partnerServiceView } from '../contract/partner-rules.js';
import { type Fixtures, type NeighbourhoodRecord, type SeedMember, type SeedPledge } from './fixtures/index.js';
import { CivicStore } from './civic-store.js';

/** A pledge as the mock platform keeps it; `seq` orders pledges made in the same millisecond. */
export interface StoredPledge extends SeedPledge {
  seq: number;
  status: PledgeStatus;
}

export interface StoredListing {
  seq: number;
  listing: Listing;
}

/** Live-update channels: `campaigns/<id>` and `neighbourhoods/<id>`. */
export type Channel = `campaigns/${string}` | `neighbourhoods/${string}`;
export type Publish = (channel: Channel, event: CampaignEvent | NeighbourhoodEvent) => void;

export type Outcome<T> = { ok: true; value: T } | { ok: false; violation: RuleViolation };

const LISTING_MAX_DAYS = 90;
const DAY_MS = 86_400_000;

/**
 * The backend's state in memory, seeded from the fixtures. It applies the same rules as the
 * reference backend (src/contract/rules.ts) and publishes a live event for every change.
 * Mutations happen synchronously, so two overlapping requests can never oversell a reward.
 */
export class MockStore {
  readonly campaigns: Campaign[];
  readonly rewards: RewardTier[];
  readonly pledges: StoredPledge[];
  readonly neighbourhoods: NeighbourhoodRecord[];
  /** Visits of partner links, by `<neighbourhood>/<partner>`: counts only, like the reference backend. */
  readonly partnerVisits = new Map<string, number>();
  readonly listings: StoredListing[];
  readonly members: SeedMember[];
  readonly replies: Reply[] = [];
  readonly reports: Report[] = [];
  /** Polls and the local agenda. */
  readonly civic: CivicStore;
  #seq = 0;
  readonly #now: () => Date;
  readonly #publish: Publish;

  constructor(fixtures: Fixtures, now: () => Date, publish: Publish) {
    // A deep copy: reset() starts again from pristine fixtures, and callers' objects stay untouched.
    const data = structuredClone(fixtures);
    this.campaigns = data.campaigns;
    this.rewards = data.rewards;
    this.pledges = data.pledges.map((p) => ({ ...p, seq: this.#nextSeq(), status: 'confirmed' as const }));
    this.neighbourhoods = data.neighbourhoods;
    this.listings = data.listings.map((listing) => ({ seq: this.#nextSeq(), listing }));
    this.members = data.members;
    this.#now = now;
    this.#publish = publish;
    this.civic = new CivicStore(data.polls, data.agenda, this.neighbourhoods, now, (id, event) =>
      publish(`neighbourhoods/${id}`, event),
    );
  }

  #nextSeq(): number {
    return ++this.#seq;
  }

  #newId(prefix: string): string {
    return `${prefix}-${this.#nextSeq()}`;
  }

  // ---- campaigns -------------------------------------------------------------------------

  /** Campaigns are addressed by id or by slug. */
  findCampaign(idOrSlug: string): Campaign | undefined {
    return this.campaigns.find((c) => c.id === idOrSlug) ?? this.campaigns.find((c) => c.slug === idOrSlug);
  }

  rewardsOf(campaignId: string): RewardTier[] {
    return this.rewards.filter((r) => r.campaignId === campaignId);
  }

  /** Pledges that show as backers: waitlisted investors are not (yet) backers. */
  backersOf(campaignId: string): StoredPledge[] {
    return this.pledges.filter((p) => p.campaignId === campaignId && p.status !== 'waitlisted');
  }

  totalsOf(campaign: Campaign): CampaignTotals {
    return {
      pledged: { ...campaign.pledged },
      backerCount: campaign.backerCount,
      waitlistCount: campaign.equity?.waitlistCount ?? 0,
    };
  }

  /**
   * Records a pledge: checks the rules, then moves totals and reward stock, or puts an equity
   * investor on the waitlist past the hard cap (totals unchanged), and publishes `pledge.created`.
   */
  createPledge(campaign: Campaign, request: PledgeRequest): Outcome<PledgeResult> {
    const now = this.#now();
    const reward = request.rewardId ? this.rewardsOf(campaign.id).find((r) => r.id === request.rewardId) : null;
    const violation = checkPledge(campaign, reward, request, now);
    if (violation) return { ok: false, violation };

    const createdAt = now.toISOString();
    const base = {
      id: this.#newId('pledge'),
      campaignId: campaign.id,
      amount: { ...request.amount },
      rewardId: reward?.id ?? null,
      createdAt,
    };
    const stored: StoredPledge = {
      ...base,
      seq: this.#nextSeq(),
      name: request.backer.name,
      email: request.backer.email,
      anonymous: request.anonymous ?? false,
      message: request.message ? request.message : null,
      status: 'confirmed',
    };

    let result: PledgeResult;
    if (campaign.equity && isWaitlisted(campaign, request.amount.amount)) {
      campaign.equity.waitlistCount += 1;
      result = { ...base, status: 'waitlisted', waitlistPosition: campaign.equity.waitlistCount };
    } else {
      this.#addToTotals(campaign, request.amount.amount, now);
      if (reward) {
        if (reward.remaining !== null) reward.remaining -= 1;
        reward.backerCount += 1;
        reward.availability = availabilityFor(reward.remaining, reward.availability);
      }
      result = needsCheckout(campaign)
        ? { ...base, status: 'pending_payment', checkoutUrl: checkoutUrl(campaign, base.id) }
        : { ...base, status: 'confirmed' };
    }
    stored.status = result.status;
    this.pledges.push(stored);
    campaign.updatedAt = createdAt;

    this.#publish(`campaigns/${campaign.id}`, {
      type: 'pledge.created',
      campaignId: campaign.id,
      totals: this.totalsOf(campaign),
      reward:
        reward && result.status !== 'waitlisted'
          ? {
              id: reward.id,
              remaining: reward.remaining,
              backerCount: reward.backerCount,
              availability: reward.availability,
            }
          : null,
      backer: result.status === 'waitlisted' ? null : publicBacker(stored),
    });
    return { ok: true, value: result };
  }

  #addToTotals(campaign: Campaign, amount: number, now: Date): void {
    campaign.pledged.amount += amount;
    campaign.backerCount += 1;
    for (const m of campaign.milestones) {
      if (!m.reachedAt && campaign.pledged.amount >= m.target.amount) m.reachedAt = now.toISOString();
    }
    if (campaign.equity) campaign.equity.oversubscribed = campaign.pledged.amount > campaign.goal.amount;
  }

  // ---- neighbourhoods ----------------------------------------------------------------------

  findNeighbourhood(idOrSlug: string): NeighbourhoodRecord | undefined {
    return this.neighbourhoods.find((n) => n.id === idOrSlug) ?? this.neighbourhoods.find((n) => n.slug === idOrSlug);
  }

  /** A neighbourhood as an answer to `request`: partner links attributed and pointing at its visit counter. */
  neighbourhoodView(n: NeighbourhoodRecord, request: Request): Neighbourhood {
    const { partnerCode: _code, ...rest } = structuredClone(n);
    const base = apiBaseOf(request.url);
    return { ...rest, partnerServices: n.partnerServices.map((p) => partnerServiceView(p, n, base)) };
  }

  /** Counts one visit of a partner link and returns where it leads; null for an unknown partner. */
  visitPartner(n: NeighbourhoodRecord, partnerId: string): string | null {
    const partner = n.partnerServices.find((p) => p.id === partnerId);
    if (!partner) return null;
    const key = `${n.id}/${partner.id}`;
    this.partnerVisits.set(key, (this.partnerVisits.get(key) ?? 0) + 1);
    return partnerServiceView(partner, n, '').url;
  }

  partnerVisitsOf(n: NeighbourhoodRecord): PartnerVisits {
    const partners = n.partnerServices.map((p) => ({
      partnerId: p.id,
      name: p.name,
      kind: p.kind,
      visits: this.partnerVisits.get(`${n.id}/${p.id}`) ?? 0,
    }));
    return { neighbourhoodId: n.id, partners, totalVisits: partners.reduce((sum, p) => sum + p.visits, 0) };
  }

  listingsOf(neighbourhoodId: string): StoredListing[] {
    return this.listings.filter((l) => l.listing.neighbourhoodId === neighbourhoodId);
  }

  findListing(id: string): Listing | undefined {
    return this.listings.find((l) => l.listing.id === id)?.listing;
  }

  memberByToken(token: string): Member | undefined {
    return this.members.find((m) => m.token === token)?.member;
  }

  /** A member's new listing: newest, so first on the board, signed with their display name. */
  createListing(neighbourhood: NeighbourhoodRecord, member: Member, request: ListingRequest): Outcome<Listing> {
    const now = this.#now();
    if (request.expiresAt) {
      const t = Date.parse(request.expiresAt);
      const message =
        t <= now.getTime()
          ? 'must be in the future'
          : t > now.getTime() + LISTING_MAX_DAYS * DAY_MS
            ? `must be within ${LISTING_MAX_DAYS} days`
            : null;
      if (message)
        return { ok: false, violation: { status: 422, code: 'validation_failed', path: 'expiresAt', detail: message } };
    }
    const listing: Listing = {
      id: this.#newId('listing'),
      neighbourhoodId: neighbourhood.id,
      kind: request.kind,
      type: request.type,
      category: request.category,
      title: request.title,
      description: request.description,
      author: { displayName: member.displayName },
      place: { label: request.place.label },
      status: 'open',
      createdAt: now.toISOString(),
      expiresAt: request.expiresAt ?? null,
      replyCount: 0,
    };
    this.listings.push({ seq: this.#nextSeq(), listing });
    this.#touch(neighbourhood, now);
    this.#publish(`neighbourhoods/${neighbourhood.id}`, {
      type: 'listing.created',
      neighbourhoodId: neighbourhood.id,
      listing: structuredClone(listing),
      stats: { ...neighbourhood.stats },
    });
    return { ok: true, value: listing };
  }

  /** "I'm interested": closed or expired listings take no more replies. */
  createReply(listing: Listing, member: Member, request: ReplyRequest): Outcome<Reply> {
    const now = this.#now();
    if (listing.status === 'closed' || (listing.expiresAt && Date.parse(listing.expiresAt) <= now.getTime())) {
      return {
        ok: false,
        violation: { status: 409, code: 'listing_closed', detail: `"${listing.title}" no longer takes replies.` },
      };
    }
    const reply: Reply = {
      id: this.#newId('reply'),
      listingId: listing.id,
      message: request.message,
      author: { displayName: member.displayName },
      createdAt: now.toISOString(),
    };
    this.replies.push(reply);
    listing.replyCount += 1;
    const neighbourhood = this.findNeighbourhood(listing.neighbourhoodId);
    if (neighbourhood) {
      this.#touch(neighbourhood, now);
      this.#publish(`neighbourhoods/${neighbourhood.id}`, {
        type: 'listing.updated',
        neighbourhoodId: neighbourhood.id,
        listing: structuredClone(listing),
        stats: { ...neighbourhood.stats },
      });
    }
    return { ok: true, value: reply };
  }

  createReport(listing: Listing, request: ReportRequest): Report {
    const report: Report = {
      id: this.#newId('report'),
      listingId: listing.id,
      reason: request.reason,
      status: 'received',
      createdAt: this.#now().toISOString(),
    };
    this.reports.push(report);
    return report;
  }

  /** Open-listing counts derive from the listings, so stats and board always agree. */
  #touch(neighbourhood: NeighbourhoodRecord, now: Date): void {
    neighbourhood.stats.openListings = this.listingsOf(neighbourhood.id).filter(
      (l) => l.listing.status === 'open',
    ).length;
    neighbourhood.updatedAt = now.toISOString();
  }
}
