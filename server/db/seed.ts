import type { AgendaItem, Campaign, Listing, Member, Poll, RewardTier } from '../../src/contract/index.js';
import { insertOptions } from '../store/polls.js';
import {
  createFixtures,
  type Fixtures,
  type NeighbourhoodRecord,
  type SeedPledge,
} from '../../src/mock/fixtures/index.js';
import { tokenDigest } from '../store/members.js';
import type { Db, Queryable } from './db.js';

/**
 * Seeds the demo data the msw mocks serve (src/mock/fixtures), once per database: a `meta` row
 * remembers it, so a restart keeps every pledge made since. Returns whether it seeded.
 */
export async function seedIfEmpty(db: Db, now = new Date()): Promise<boolean> {
  return db.transaction(async (tx) => {
    // Two processes starting at once on one PostgreSQL: the second waits, then sees the row.
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.partage_seed'))`);
    const seeded = await tx.query("SELECT 1 FROM meta WHERE key = 'seeded_at'");
    if (seeded.rowCount > 0) return false;
    await insertFixtures(tx, createFixtures(now));
    await tx.query("INSERT INTO meta (key, value) VALUES ('seeded_at', $1)", [now.toISOString()]);
    return true;
  });
}

export async function insertFixtures(q: Queryable, f: Fixtures): Promise<void> {
  for (const c of f.campaigns) await insertCampaign(q, c);
  for (const r of f.rewards) await insertReward(q, r);
  for (const p of f.pledges) await insertSeedPledge(q, p, f.campaigns);
  for (const n of f.neighbourhoods) await insertNeighbourhood(q, n);
  for (const m of f.members) await insertMember(q, m.member, m.token, new Date());
  for (const l of f.listings) await insertListing(q, l);
  for (const p of f.polls) await insertPoll(q, p);
  for (const a of f.agenda) await insertAgendaItem(q, a);
}

export interface InsertOptions {
  /** Extra origins allowed to write to this campaign or board. */
  allowedOrigins?: string[];
  /** Conformance sandbox data: reachable by id, left out of the public lists. */
  sandbox?: boolean;
}

export async function insertCampaign(
  q: Queryable,
  c: Campaign,
  { allowedOrigins = [], sandbox = false }: InsertOptions = {},
): Promise<void> {
  const content = {
    title: c.title,
    tagline: c.tagline,
    imageUrl: c.imageUrl,
    imageAlt: c.imageAlt,
    url: c.url,
    creator: c.creator,
    share: c.share,
  };
  const equity = c.equity
    ? {
        minimumTicket: c.equity.minimumTicket,
        averageTicket: c.equity.averageTicket,
        sharePrice: c.equity.sharePrice,
        preMoneyValuation: c.equity.preMoneyValuation,
      }
    : null;
  await q.query(
    `INSERT INTO campaigns (id, slug, kind, funding_model, status, currency, goal, pledged, backer_count, waitlist_count,
       min_pledge, max_pledge, max_raise, equity, content, allowed_origins, starts_at, ends_at, updated_at, sandbox)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)`,
    [
      c.id,
      c.slug,
      c.kind,
      c.fundingModel,
      c.status,
      c.goal.currency,
      c.goal.amount,
      c.pledged.amount,
      c.backerCount,
      c.equity?.waitlistCount ?? 0,
      c.pledgeRules.minimum.amount,
      c.pledgeRules.maximum?.amount ?? null,
      c.equity?.maximumRaise?.amount ?? null,
      equity === null ? null : JSON.stringify(equity),
      JSON.stringify(content),
      allowedOrigins,
      c.startsAt,
      c.endsAt,
      c.updatedAt,
      sandbox,
    ],
  );
  for (const [position, m] of c.milestones.entries()) {
    await q.query(
      'INSERT INTO milestones (campaign_id, position, title, target, reached_at) VALUES ($1, $2, $3, $4, $5)',
      [c.id, position, m.title, m.target.amount, m.reachedAt],
    );
  }
}

export async function insertReward(q: Queryable, r: RewardTier): Promise<void> {
  await q.query(
    `INSERT INTO rewards (id, campaign_id, title, description, currency, minimum, quantity_limit, remaining, backer_count,
       estimated_delivery, shipping, shipping_cost, availability)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [
      r.id,
      r.campaignId,
      r.title,
      r.description,
      r.minimum.currency,
      r.minimum.amount,
      r.quantityLimit,
      r.remaining,
      r.backerCount,
      r.estimatedDelivery,
      r.shipping,
      r.shippingCost?.amount ?? null,
      r.availability,
    ],
  );
}

async function insertSeedPledge(q: Queryable, p: SeedPledge, campaigns: Campaign[]): Promise<void> {
  const kind = campaigns.find((c) => c.id === p.campaignId)?.kind;
  await q.query(
    `INSERT INTO pledges (id, campaign_id, amount, currency, reward_id, backer_name, backer_email, anonymous, message, status, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      p.id,
      p.campaignId,
      p.amount.amount,
      p.amount.currency,
      p.rewardId,
      p.name,
      p.email,
      p.anonymous,
      p.message,
      kind === 'equity' ? 'pending_payment' : 'confirmed',
      p.createdAt,
    ],
  );
}

export async function insertNeighbourhood(
  q: Queryable,
  n: NeighbourhoodRecord,
  { allowedOrigins = [], sandbox = false }: InsertOptions = {},
): Promise<void> {
  await q.query(
    `INSERT INTO neighbourhoods (id, slug, name, city, postcode, description, members, active_sharers, exchanges_last_30_days,
       partner_services, allowed_origins, updated_at, sandbox, partner_code)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
    [
      n.id,
      n.slug,
      n.name,
      n.city,
      n.postcode,
      n.description,
      n.stats.members,
      n.stats.activeSharers,
      n.stats.exchangesLast30Days,
      JSON.stringify(n.partnerServices),
      allowedOrigins,
      n.updatedAt,
      sandbox,
      n.partnerCode,
    ],
  );
}

export async function insertMember(q: Queryable, m: Member, token: string, now: Date): Promise<void> {
  await q.query(
    'INSERT INTO members (id, display_name, neighbourhood_ids, organiser_of, updated_at) VALUES ($1, $2, $3, $4, $5)',
    [m.id, m.displayName, m.neighbourhoodIds, m.organiserOf ?? [], now],
  );
  await q.query('INSERT INTO member_tokens (token_sha256, member_id) VALUES ($1, $2)', [tokenDigest(token), m.id]);
}

export async function insertListing(q: Queryable, l: Listing): Promise<void> {
  await q.query(
    `INSERT INTO listings (id, neighbourhood_id, kind, type, category, title, description, author_name, place_label, status,
       created_at, expires_at, reply_count)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [
      l.id,
      l.neighbourhoodId,
      l.kind,
      l.type,
      l.category,
      l.title,
      l.description,
      l.author.displayName,
      l.place.label,
      l.status,
      l.createdAt,
      l.expiresAt,
      l.replyCount,
    ],
  );
}

/** A poll with its stored counts (fixtures carry them in `results`); closed fixtures close at `closesAt`. */
export async function insertPoll(q: Queryable, p: Poll): Promise<void> {
  await q.query(
    `INSERT INTO polls (id, neighbourhood_id, question, description, multiple, max_choices, allow_change, results_visibility,
       organiser_name, organiser_kind, opens_at, closes_at, voter_count, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
    [
      p.id,
      p.neighbourhoodId,
      p.question,
      p.description,
      p.multiple,
      p.maxChoices,
      p.allowChange,
      p.resultsVisibility,
      p.organiser.name,
      p.organiser.kind,
      p.opensAt,
      p.closesAt,
      p.voterCount,
      p.createdAt,
      p.updatedAt,
    ],
  );
  await insertOptions(
    q,
    p.id,
    p.options.map((o) => ({ ...o, votes: p.results?.options.find((r) => r.optionId === o.id)?.votes ?? 0 })),
  );
}

export async function insertAgendaItem(q: Queryable, a: AgendaItem): Promise<void> {
  await q.query(
    `INSERT INTO agenda_items (id, neighbourhood_id, title, description, starts_at, ends_at, place_label, organiser_name,
       organiser_kind, capacity, going, waitlisted, status, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
    [
      a.id,
      a.neighbourhoodId,
      a.title,
      a.description,
      a.startsAt,
      a.endsAt,
      a.place.label,
      a.organiser.name,
      a.organiser.kind,
      a.capacity,
      a.going,
      a.waitlisted,
      a.status,
      a.createdAt,
      a.updatedAt,
    ],
  );
}
