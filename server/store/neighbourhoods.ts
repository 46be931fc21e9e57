import type {
  Listing,
  ListingQuery,
  Neighbourhood,
  NeighbourhoodListQuery,
  NeighbourhoodStats,
  Page,
  PartnerServiceEntry,
} from '../../src/contract/index.js';
import type { Queryable } from '../db/db.js';
import { cursorTime, decodeCursor, encodeCursor, pageLimit } from './cursor.js';
import { partnerServicesOf } from './partners.js';

export interface NeighbourhoodRow {
  seq: number;
  id: string;
  slug: string;
  name: string;
  city: string;
  postcode: string | null;
  description: string;
  members: number;
  active_sharers: number;
  exchanges_last_30_days: number;
  open_listings: number;
  votes_30_days: number;
  rsvps_30_days: number;
  partner_services: PartnerServiceEntry[];
  /** The attribution code of its partner links; null: `partage-<slug>`. */
  partner_code: string | null;
  allowed_origins: string[];
  updated_at: Date;
}

/** A listing past its expiry is closed, whatever its stored status says. `now` is a `$n`. */
export const listingStatus = (now: string) =>
  `CASE WHEN l.status = 'open' AND l.expires_at IS NOT NULL AND l.expires_at <= ${now} THEN 'closed' ELSE l.status END`;

/** SQL condition: replies are accepted at `now`. */
export const listingOpen = (now: string) => `l.status = 'open' AND (l.expires_at IS NULL OR l.expires_at > ${now})`;

// Open listings, votes and RSVPs are counted, not stored, so the stats and the board, polls and
// agenda can never disagree. Votes: voters of polls that closed within 30 days or are still to
// close; RSVPs: members going to items that ended within 30 days or are to come.
const neighbourhoodColumns = (now: string) =>
  `n.*, (SELECT count(*) FROM listings l WHERE l.neighbourhood_id = n.id AND ${listingOpen(now)})::int AS open_listings,
   (SELECT coalesce(sum(p.voter_count), 0) FROM polls p WHERE p.neighbourhood_id = n.id
      AND p.closes_at > ${now}::timestamptz - interval '30 days')::int AS votes_30_days,
   (SELECT coalesce(sum(a.going), 0) FROM agenda_items a WHERE a.neighbourhood_id = n.id AND a.status = 'scheduled'
      AND a.ends_at > ${now}::timestamptz - interval '30 days')::int AS rsvps_30_days`;

export function toStats(row: NeighbourhoodRow): NeighbourhoodStats {
  return {
    members: row.members,
    activeSharers: row.active_sharers,
    exchangesLast30Days: row.exchanges_last_30_days,
    activityRate: row.members > 0 ? Math.min(1, Math.round((row.active_sharers / row.members) * 10_000) / 10_000) : 0,
    openListings: row.open_listings,
    votesLast30Days: row.votes_30_days,
    rsvpsLast30Days: row.rsvps_30_days,
  };
}

/** `apiBase`: the versioned base URL the request came to, where the partner visit links point. */
export const toNeighbourhood = (row: NeighbourhoodRow, apiBase: string): Neighbourhood => ({
  id: row.id,
  slug: row.slug,
  name: row.name,
  city: row.city,
  postcode: row.postcode,
  description: row.description,
  stats: toStats(row),
  partnerServices: partnerServicesOf(row, apiBase),
  updatedAt: row.updated_at.toISOString(),
});

/** A neighbourhood by id or slug. */
export async function findNeighbourhoodRow(q: Queryable, ref: string, now: Date): Promise<NeighbourhoodRow | null> {
  const result = await q.query<NeighbourhoodRow>(
    `SELECT ${neighbourhoodColumns('$2')} FROM neighbourhoods n WHERE n.id = $1 OR n.slug = $1 ORDER BY (n.id = $1) DESC LIMIT 1`,
    [ref, now],
  );
  return result.rows[0] ?? null;
}

export async function listNeighbourhoods(
  q: Queryable,
  query: NeighbourhoodListQuery,
  now: Date,
  apiBase: string,
): Promise<Page<Neighbourhood>> {
  const limit = pageLimit(query.limit);
  const after = decodeCursor(query.cursor, ['number']);
  const params: unknown[] = [now, limit + 1];
  const where = ['NOT n.sandbox'];
  if (after) where.push(`n.seq > $${params.push(after[0])}`);
  if (query.city) where.push(`lower(n.city) = lower($${params.push(query.city)})`);
  const result = await q.query<NeighbourhoodRow>(
    `SELECT ${neighbourhoodColumns('$1')} FROM neighbourhoods n WHERE ${where.join(' AND ')} ORDER BY n.seq LIMIT $2`,
    params,
  );
  const rows = result.rows.slice(0, limit);
  const last = rows.at(-1);
  return {
    items: rows.map((row) => toNeighbourhood(row, apiBase)),
    nextCursor: result.rows.length > limit && last ? encodeCursor([last.seq]) : null,
  };
}

export interface ListingRow {
  seq: number;
  id: string;
  neighbourhood_id: string;
  kind: Listing['kind'];
  type: Listing['type'];
  category: Listing['category'];
  title: string;
  description: string;
  author_name: string;
  author_member_id: string | null;
  place_label: string;
  status: Listing['status'];
  created_at: Date;
  expires_at: Date | null;
  reply_count: number;
}

export const listingColumns = (
  now: string,
) => `l.seq, l.id, l.neighbourhood_id, l.kind, l.type, l.category, l.title, l.description,
  l.author_name, l.author_member_id, l.place_label, ${listingStatus(now)} AS status, l.created_at, l.expires_at, l.reply_count`;

export const toListing = (row: ListingRow): Listing => ({
  id: row.id,
  neighbourhoodId: row.neighbourhood_id,
  kind: row.kind,
  type: row.type,
  category: row.category,
  title: row.title,
  description: row.description,
  author: { displayName: row.author_name },
  place: { label: row.place_label },
  status: row.status,
  createdAt: row.created_at.toISOString(),
  expiresAt: row.expires_at ? row.expires_at.toISOString() : null,
  replyCount: row.reply_count,
});

export async function findListingRow(q: Queryable, listingId: string, now: Date): Promise<ListingRow | null> {
  const result = await q.query<ListingRow>(`SELECT ${listingColumns('$2')} FROM listings l WHERE l.id = $1`, [
    listingId,
    now,
  ]);
  return result.rows[0] ?? null;
}

/** `%`, `_` and `\` are literal in a search, not LIKE wildcards. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function listListings(
  q: Queryable,
  neighbourhoodId: string,
  query: ListingQuery,
  now: Date,
): Promise<Page<Listing>> {
  const limit = pageLimit(query.limit);
  const after = decodeCursor(query.cursor, ['string', 'number']);
  const params: unknown[] = [neighbourhoodId, now, limit + 1];
  const where = ['l.neighbourhood_id = $1'];
  if (after) where.push(`(l.created_at, l.seq) < ($${params.push(cursorTime(after[0]))}, $${params.push(after[1])})`);
  if (query.kind) where.push(`l.kind = $${params.push(query.kind)}`);
  if (query.type) where.push(`l.type = $${params.push(query.type)}`);
  if (query.category) where.push(`l.category = $${params.push(query.category)}`);
  if (query.status) where.push(`${listingStatus('$2')} = $${params.push(query.status)}`);
  if (query.q) {
    const p = params.push(likePattern(query.q));
    where.push(`(l.title ILIKE $${p} OR l.description ILIKE $${p} OR l.place_label ILIKE $${p})`);
  }
  const result = await q.query<ListingRow>(
    `SELECT ${listingColumns('$2')} FROM listings l WHERE ${where.join(' AND ')} ORDER BY l.created_at DESC, l.seq DESC LIMIT $3`,
    params,
  );
  const rows = result.rows.slice(0, limit);
  const last = rows.at(-1);
  return {
    items: rows.map(toListing),
    nextCursor: result.rows.length > limit && last ? encodeCursor([last.created_at.toISOString(), last.seq]) : null,
  };
}
