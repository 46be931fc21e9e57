import type {
  Listing,
  ListingRequest,
  Member,
  Reply,
  ReplyRequest,
  Report,
  ReportRequest,
} from '../../src/contract/index.js';
import type { Db } from '../db/db.js';
import { HttpError } from '../http/problem.js';
import { appendEvent, neighbourhoodStream } from './events.js';
import {
  findNeighbourhoodRow,
  listingColumns,
  listingOpen,
  toListing,
  toStats,
  type ListingRow,
} from './neighbourhoods.js';
import { newId } from './pledges.js';

interface BoardContext {
  member: Member;
  now: Date;
  channel: string;
}

export async function createListing(
  db: Db,
  neighbourhoodId: string,
  request: ListingRequest,
  ctx: BoardContext,
): Promise<Listing> {
  return db.transaction(async (tx) => {
    // Locks the neighbourhood (the stream's row) before the event is appended.
    await tx.query('UPDATE neighbourhoods SET updated_at = $2 WHERE id = $1', [neighbourhoodId, ctx.now]);
    const inserted = await tx.query<ListingRow>(
      `INSERT INTO listings AS l (id, neighbourhood_id, kind, type, category, title, description, author_name, author_member_id, place_label, status, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'open', $11, $12)
       RETURNING ${listingColumns('$11')}`,
      [
        newId('li'),
        neighbourhoodId,
        request.kind,
        request.type,
        request.category,
        request.title,
        request.description,
        ctx.member.displayName,
        ctx.member.id,
        request.place.label,
        ctx.now,
        request.expiresAt ?? null,
      ],
    );
    const listing = toListing(inserted.rows[0]!);
    const neighbourhood = await findNeighbourhoodRow(tx, neighbourhoodId, ctx.now);
    await appendEvent(
      tx,
      ctx.channel,
      neighbourhoodStream(neighbourhoodId),
      {
        type: 'listing.created',
        neighbourhoodId,
        listing,
        stats: toStats(neighbourhood!),
      },
      ctx.now,
    );
    return listing;
  });
}

export async function createReply(db: Db, listing: Listing, request: ReplyRequest, ctx: BoardContext): Promise<Reply> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT id FROM neighbourhoods WHERE id = $1 FOR UPDATE', [listing.neighbourhoodId]);
    // The listing must still be open when the reply is counted, not merely when it was read.
    const counted = await tx.query<ListingRow>(
      `UPDATE listings l SET reply_count = l.reply_count + 1 WHERE l.id = $1 AND ${listingOpen('$2')} RETURNING ${listingColumns('$2')}`,
      [listing.id, ctx.now],
    );
    if (!counted.rows[0]) throw new HttpError(409, 'listing_closed', `"${listing.title}" no longer takes replies.`);
    const updated = toListing(counted.rows[0]);
    const id = newId('re');
    await tx.query(
      'INSERT INTO replies (id, listing_id, member_id, author_name, message, created_at) VALUES ($1, $2, $3, $4, $5, $6)',
      [id, listing.id, ctx.member.id, ctx.member.displayName, request.message, ctx.now],
    );
    const neighbourhood = await findNeighbourhoodRow(tx, listing.neighbourhoodId, ctx.now);
    await appendEvent(
      tx,
      ctx.channel,
      neighbourhoodStream(listing.neighbourhoodId),
      {
        type: 'listing.updated',
        neighbourhoodId: listing.neighbourhoodId,
        listing: updated,
        stats: toStats(neighbourhood!),
      },
      ctx.now,
    );
    return {
      id,
      listingId: listing.id,
      message: request.message,
      author: { displayName: ctx.member.displayName },
      createdAt: ctx.now.toISOString(),
    };
  });
}

/** One report per member and listing: reporting again updates it (and keeps its id). */
export async function createReport(
  db: Db,
  listing: Listing,
  request: ReportRequest,
  ctx: BoardContext,
): Promise<Report> {
  const result = await db.query<{ id: string; reason: Report['reason']; created_at: Date }>(
    `INSERT INTO reports (id, listing_id, member_id, reason, detail, created_at) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (listing_id, member_id) DO UPDATE SET reason = EXCLUDED.reason, detail = EXCLUDED.detail, created_at = EXCLUDED.created_at
     RETURNING id, reason, created_at`,
    [newId('rp'), listing.id, ctx.member.id, request.reason, request.detail || null, ctx.now],
  );
  const row = result.rows[0]!;
  return {
    id: row.id,
    listingId: listing.id,
    reason: row.reason,
    status: 'received',
    createdAt: row.created_at.toISOString(),
  };
}
