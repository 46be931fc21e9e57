import type {
  Backer,
  Campaign,
  CampaignListQuery,
  Milestone,
  Page,
  PageQuery,
  RewardTier,
} from '../../src/contract/index.js';
import { availabilityFor } from '../../src/contract/index.js';
import { publicBacker } from '../../src/contract/privacy.js';
import type { Queryable } from '../db/db.js';
import { cursorTime, decodeCursor, encodeCursor, pageLimit } from './cursor.js';

/** Static parts of EquityDetails; the moving ones (waitlist, oversubscription, average) are derived. */
export interface EquityContent {
  minimumTicket: Campaign['pledgeRules']['minimum'];
  averageTicket: Campaign['pledgeRules']['minimum'];
  sharePrice: Campaign['pledgeRules']['minimum'] | null;
  preMoneyValuation: Campaign['pledgeRules']['minimum'] | null;
}

export type CampaignContent = Pick<
  Campaign,
  'title' | 'tagline' | 'imageUrl' | 'imageAlt' | 'url' | 'creator' | 'share'
>;

export interface CampaignRow {
  id: string;
  slug: string;
  kind: Campaign['kind'];
  funding_model: Campaign['fundingModel'];
  status: Campaign['status'];
  currency: string;
  goal: number;
  pledged: number;
  backer_count: number;
  waitlist_count: number;
  min_pledge: number;
  max_pledge: number | null;
  max_raise: number | null;
  equity: EquityContent | null;
  content: CampaignContent;
  allowed_origins: string[];
  starts_at: Date;
  ends_at: Date;
  updated_at: Date;
  seq: number;
}

/**
 * The status as of `now`: a stored `live` campaign whose end passed has succeeded or failed,
 * an `upcoming` one whose start passed is live. Stored data never goes stale on a demo that
 * keeps running for weeks. `$n` is the parameter holding now.
 */
export const effectiveStatus = (now: string) => `CASE
    WHEN c.status IN ('upcoming', 'live') AND c.ends_at <= ${now} THEN
      CASE WHEN c.pledged >= c.goal OR (c.funding_model = 'keep_it_all' AND c.pledged > 0) THEN 'succeeded' ELSE 'failed' END
    WHEN c.status = 'upcoming' AND c.starts_at <= ${now} THEN 'live'
    ELSE c.status END`;

/** SQL condition: the campaign takes pledges at `now` (the SQL twin of rules.isOpen). */
export const acceptsPledges = (now: string) =>
  `c.status IN ('upcoming', 'live') AND c.starts_at <= ${now} AND c.ends_at > ${now}`;

const campaignColumns = (
  now: string,
) => `c.seq, c.id, c.slug, c.kind, c.funding_model, ${effectiveStatus(now)} AS status, c.currency,
  c.goal, c.pledged, c.backer_count, c.waitlist_count, c.min_pledge, c.max_pledge, c.max_raise, c.equity, c.content,
  c.allowed_origins, c.starts_at, c.ends_at, c.updated_at`;

/**
 * The campaign's columns and its milestones in one row: a read of a campaign is one round trip
 * to the database, not two (the reads per second doubled on PostgreSQL, BENCHMARKS.md).
 */
const campaignWithMilestones = (now: string) => `${campaignColumns(now)},
  (SELECT coalesce(json_agg(json_build_object('title', m.title, 'target', m.target, 'reachedAt', m.reached_at)
     ORDER BY m.position), '[]'::json) FROM milestones m WHERE m.campaign_id = c.id) AS milestones`;

const money = (amount: number, currency: string) => ({ amount, currency });
const iso = (d: Date) => d.toISOString();

export function toCampaign(row: CampaignRow, milestones: Milestone[]): Campaign {
  const cur = row.currency;
  return {
    id: row.id,
    slug: row.slug,
    title: row.content.title,
    tagline: row.content.tagline,
    imageUrl: row.content.imageUrl,
    imageAlt: row.content.imageAlt,
    url: row.content.url,
    creator: row.content.creator,
    kind: row.kind,
    fundingModel: row.funding_model,
    status: row.status,
    goal: money(row.goal, cur),
    pledged: money(row.pledged, cur),
    backerCount: row.backer_count,
    milestones,
    startsAt: iso(row.starts_at),
    endsAt: iso(row.ends_at),
    pledgeRules: {
      minimum: money(row.min_pledge, cur),
      maximum: row.max_pledge === null ? null : money(row.max_pledge, cur),
    },
    equity: row.equity
      ? {
          minimumTicket: row.equity.minimumTicket,
          averageTicket:
            row.backer_count > 0 ? money(Math.round(row.pledged / row.backer_count), cur) : row.equity.averageTicket,
          maximumRaise: row.max_raise === null ? null : money(row.max_raise, cur),
          oversubscribed: row.pledged > row.goal,
          waitlistCount: row.waitlist_count,
          sharePrice: row.equity.sharePrice,
          preMoneyValuation: row.equity.preMoneyValuation,
        }
      : null,
    share: row.content.share,
    updatedAt: iso(row.updated_at),
  };
}

interface MilestoneJson {
  title: string;
  target: number;
  /** A timestamptz as json_build_object writes it (ISO 8601 with an offset). */
  reachedAt: string | null;
}

/** A campaign row read with `campaignWithMilestones`. */
type CampaignRowWithMilestones = CampaignRow & { milestones: MilestoneJson[] };

const withMilestones = (row: CampaignRowWithMilestones): Campaign =>
  toCampaign(
    row,
    row.milestones.map((m) => ({
      title: m.title,
      target: money(Number(m.target), row.currency),
      reachedAt: m.reachedAt ? iso(new Date(m.reachedAt)) : null,
    })),
  );

/** SQL: the campaign row by id or slug (the id wins when one campaign's slug is another's id). */
export const campaignRowSql = (ref: string, now: string) =>
  `SELECT ${campaignColumns(now)} FROM campaigns c WHERE c.id = ${ref} OR c.slug = ${ref} ORDER BY (c.id = ${ref}) DESC LIMIT 1`;

/** A campaign by id or slug (the id wins when one campaign's slug is another's id). */
export async function findCampaignRow(q: Queryable, ref: string, now: Date): Promise<CampaignRow | null> {
  const result = await q.query<CampaignRow>(campaignRowSql('$1', '$2'), [ref, now]);
  return result.rows[0] ?? null;
}

export async function getCampaign(q: Queryable, ref: string, now: Date): Promise<Campaign | null> {
  const result = await q.query<CampaignRowWithMilestones>(
    `SELECT ${campaignWithMilestones('$2')} FROM campaigns c WHERE c.id = $1 OR c.slug = $1 ORDER BY (c.id = $1) DESC LIMIT 1`,
    [ref, now],
  );
  const row = result.rows[0];
  return row ? withMilestones(row) : null;
}

export async function listCampaigns(q: Queryable, query: CampaignListQuery, now: Date): Promise<Page<Campaign>> {
  if (query.ids !== undefined) return campaignsByIds(q, query.ids.split(','), now);
  const limit = pageLimit(query.limit);
  const after = decodeCursor(query.cursor, ['number']);
  const params: unknown[] = [now, limit + 1];
  const where = ['NOT c.sandbox'];
  if (after) where.push(`c.seq > $${params.push(after[0])}`);
  if (query.kind) where.push(`c.kind = $${params.push(query.kind)}`);
  if (query.status) where.push(`${effectiveStatus('$1')} = $${params.push(query.status)}`);
  const result = await q.query<CampaignRowWithMilestones>(
    `SELECT ${campaignWithMilestones('$1')} FROM campaigns c WHERE ${where.join(' AND ')} ORDER BY c.seq LIMIT $2`,
    params,
  );
  const rows = result.rows.slice(0, limit);
  const last = rows.at(-1);
  return {
    items: rows.map(withMilestones),
    nextCursor: result.rows.length > limit && last ? encodeCursor([last.seq]) : null,
  };
}

/**
 * A batched read (`?ids=a,b,c`): these campaigns in the order asked, each once, unknown ones left
 * out; sandbox campaigns too, since they are asked for by name.
 */
async function campaignsByIds(q: Queryable, refs: string[], now: Date): Promise<Page<Campaign>> {
  const result = await q.query<CampaignRowWithMilestones>(
    `SELECT ${campaignWithMilestones('$1')} FROM campaigns c WHERE c.id = ANY($2::text[]) OR c.slug = ANY($2::text[])`,
    [now, refs],
  );
  const byRef = new Map<string, CampaignRowWithMilestones>();
  for (const row of result.rows) if (!byRef.has(row.slug)) byRef.set(row.slug, row);
  for (const row of result.rows) byRef.set(row.id, row);
  const rows: CampaignRowWithMilestones[] = [];
  for (const ref of refs) {
    const row = byRef.get(ref);
    if (row && !rows.includes(row)) rows.push(row);
  }
  return { items: rows.map(withMilestones), nextCursor: null };
}

export interface RewardRow {
  seq: number;
  id: string;
  campaign_id: string;
  title: string;
  description: string;
  currency: string;
  minimum: number;
  quantity_limit: number | null;
  remaining: number | null;
  backer_count: number;
  estimated_delivery: string | null;
  shipping: RewardTier['shipping'];
  shipping_cost: number | null;
  availability: RewardTier['availability'];
}

export function toReward(row: RewardRow): RewardTier {
  return {
    id: row.id,
    campaignId: row.campaign_id,
    title: row.title,
    description: row.description,
    minimum: money(row.minimum, row.currency),
    quantityLimit: row.quantity_limit,
    remaining: row.remaining,
    backerCount: row.backer_count,
    estimatedDelivery: row.estimated_delivery,
    shipping: row.shipping,
    shippingCost: row.shipping_cost === null ? null : money(row.shipping_cost, row.currency),
    // Sold out follows the stock; only "unavailable" is a decision stored on the row.
    availability: availabilityFor(row.remaining, row.availability),
  };
}

export async function findReward(q: Queryable, rewardId: string, campaignId: string): Promise<RewardTier | null> {
  const result = await q.query<RewardRow>('SELECT * FROM rewards WHERE id = $1 AND campaign_id = $2', [
    rewardId,
    campaignId,
  ]);
  return result.rows[0] ? toReward(result.rows[0]) : null;
}

export async function listRewards(q: Queryable, campaignId: string, query: PageQuery): Promise<Page<RewardTier>> {
  const limit = pageLimit(query.limit);
  const after = decodeCursor(query.cursor, ['number', 'number']);
  const params: unknown[] = [campaignId, limit + 1];
  const keyset = after ? `AND (minimum, seq) > ($${params.push(after[0])}, $${params.push(after[1])})` : '';
  const result = await q.query<RewardRow>(
    `SELECT * FROM rewards WHERE campaign_id = $1 ${keyset} ORDER BY minimum, seq LIMIT $2`,
    params,
  );
  const rows = result.rows.slice(0, limit);
  const last = rows.at(-1);
  return {
    items: rows.map(toReward),
    nextCursor: result.rows.length > limit && last ? encodeCursor([last.minimum, last.seq]) : null,
  };
}

export interface PledgeRow {
  seq: number;
  id: string;
  campaign_id: string;
  amount: number;
  currency: string;
  reward_id: string | null;
  backer_name: string;
  backer_email: string;
  anonymous: boolean;
  message: string | null;
  created_at: Date;
}

export const toBacker = (row: PledgeRow): Backer =>
  publicBacker({
    id: row.id,
    campaignId: row.campaign_id,
    amount: money(row.amount, row.currency),
    rewardId: row.reward_id,
    name: row.backer_name,
    email: row.backer_email,
    anonymous: row.anonymous,
    message: row.message,
    createdAt: iso(row.created_at),
  });

/** Public backers, newest first; waitlisted investors are not backers (yet). */
export async function listBackers(q: Queryable, campaignId: string, query: PageQuery): Promise<Page<Backer>> {
  const limit = pageLimit(query.limit);
  const after = decodeCursor(query.cursor, ['string', 'number']);
  const params: unknown[] = [campaignId, limit + 1];
  let keyset = '';
  if (after) {
    keyset = `AND (created_at, seq) < ($${params.push(cursorTime(after[0]))}, $${params.push(after[1])})`;
  }
  const result = await q.query<PledgeRow>(
    `SELECT * FROM pledges WHERE campaign_id = $1 AND status <> 'waitlisted' ${keyset} ORDER BY created_at DESC, seq DESC LIMIT $2`,
    params,
  );
  const rows = result.rows.slice(0, limit);
  const last = rows.at(-1);
  return {
    items: rows.map(toBacker),
    nextCursor: result.rows.length > limit && last ? encodeCursor([iso(last.created_at), last.seq]) : null,
  };
}
