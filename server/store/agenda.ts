import type {
  AgendaItem,
  AgendaItemRequest,
  AgendaItemUpdate,
  AgendaQuery,
  Member,
  MyRsvp,
  Page,
  RsvpRequest,
  RsvpStatus,
} from '../../src/contract/index.js';
import type { Db, Queryable } from '../db/db.js';
import { HttpError, validationError } from '../http/problem.js';
import { cursorTime, decodeCursor, encodeCursor, pageLimit } from './cursor.js';
import { appendEvent, neighbourhoodStream } from './events.js';
import { findNeighbourhoodRow, toStats } from './neighbourhoods.js';
import { newId } from './pledges.js';

export interface AgendaRow {
  seq: number;
  id: string;
  neighbourhood_id: string;
  title: string;
  description: string;
  starts_at: Date;
  ends_at: Date;
  place_label: string;
  organiser_name: string;
  organiser_kind: AgendaItem['organiser']['kind'];
  capacity: number | null;
  going: number;
  waitlisted: number;
  status: AgendaItem['status'];
  created_at: Date;
  updated_at: Date;
}

export const toAgendaItem = (row: AgendaRow): AgendaItem => ({
  id: row.id,
  neighbourhoodId: row.neighbourhood_id,
  title: row.title,
  description: row.description,
  startsAt: row.starts_at.toISOString(),
  endsAt: row.ends_at.toISOString(),
  place: { label: row.place_label },
  organiser: { name: row.organiser_name, kind: row.organiser_kind },
  capacity: row.capacity,
  going: row.going,
  waitlisted: row.waitlisted,
  remaining: row.capacity === null ? null : Math.max(0, row.capacity - row.going),
  status: row.status,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});

export async function findAgendaRow(q: Queryable, itemId: string): Promise<AgendaRow | null> {
  const result = await q.query<AgendaRow>('SELECT * FROM agenda_items WHERE id = $1', [itemId]);
  return result.rows[0] ?? null;
}

/** Items not yet over, soonest first (cancelled ones stay listed, marked, so readers learn of it). */
export async function listAgenda(
  q: Queryable,
  neighbourhoodId: string,
  query: AgendaQuery,
  now: Date,
): Promise<Page<AgendaItem>> {
  const limit = pageLimit(query.limit);
  const after = decodeCursor(query.cursor, ['string', 'number']);
  const params: unknown[] = [neighbourhoodId, now, limit + 1];
  const where = ['a.neighbourhood_id = $1', 'a.ends_at > $2'];
  if (after) where.push(`(a.starts_at, a.seq) > ($${params.push(cursorTime(after[0]))}, $${params.push(after[1])})`);
  const result = await q.query<AgendaRow>(
    `SELECT a.* FROM agenda_items a WHERE ${where.join(' AND ')} ORDER BY a.starts_at, a.seq LIMIT $3`,
    params,
  );
  const rows = result.rows.slice(0, limit);
  const last = rows.at(-1);
  return {
    items: rows.map(toAgendaItem),
    nextCursor: result.rows.length > limit && last ? encodeCursor([last.starts_at.toISOString(), last.seq]) : null,
  };
}

interface WriteContext {
  now: Date;
  channel: string;
}

/** Runs `fn` under the neighbourhood's lock (event order), then publishes the item's counts. */
async function withAgendaEvent<T>(
  db: Db,
  neighbourhoodId: string,
  ctx: WriteContext,
  fn: (tx: Queryable) => Promise<{ itemId: string; result: (item: AgendaItem) => Promise<T> | T }>,
): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT id FROM neighbourhoods WHERE id = $1 FOR UPDATE', [neighbourhoodId]);
    const { itemId, result } = await fn(tx);
    const item = toAgendaItem((await findAgendaRow(tx, itemId))!);
    const neighbourhood = await findNeighbourhoodRow(tx, neighbourhoodId, ctx.now);
    await appendEvent(
      tx,
      ctx.channel,
      neighbourhoodStream(neighbourhoodId),
      { type: 'agenda.updated', neighbourhoodId, item, stats: toStats(neighbourhood!) },
      ctx.now,
    );
    return result(item);
  });
}

export async function createAgendaItem(
  db: Db,
  neighbourhoodId: string,
  request: AgendaItemRequest,
  member: Member,
  ctx: WriteContext,
): Promise<AgendaItem> {
  const id = newId('ag');
  return withAgendaEvent(db, neighbourhoodId, ctx, async (tx) => {
    await tx.query(
      `INSERT INTO agenda_items (id, neighbourhood_id, title, description, starts_at, ends_at, place_label, organiser_name,
         organiser_kind, capacity, status, created_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'scheduled', $11, $12, $12)`,
      [
        id,
        neighbourhoodId,
        request.title,
        request.description ?? '',
        request.startsAt,
        request.endsAt,
        request.place.label,
        request.organiser.name,
        request.organiser.kind,
        request.capacity ?? null,
        member.id,
        ctx.now,
      ],
    );
    return { itemId: id, result: (item) => item };
  });
}

/**
 * Waitlisted members take freed places, first come first served, up to the free places; the
 * counters move in the same statement as the answers.
 */
async function promoteWaitlist(tx: Queryable, itemId: string): Promise<void> {
  await tx.query(
    `WITH free AS (
       SELECT CASE WHEN capacity IS NULL THEN waitlisted ELSE GREATEST(capacity - going, 0) END AS n FROM agenda_items WHERE id = $1
     ), promoted AS (
       UPDATE rsvps r SET status = 'going' FROM (
         SELECT member_id FROM rsvps WHERE item_id = $1 AND status = 'waitlisted' ORDER BY answered_at, seq
         LIMIT (SELECT n FROM free) FOR UPDATE
       ) w WHERE r.item_id = $1 AND r.member_id = w.member_id RETURNING 1
     )
     UPDATE agenda_items SET going = going + (SELECT count(*) FROM promoted), waitlisted = waitlisted - (SELECT count(*) FROM promoted)
     WHERE id = $1`,
    [itemId],
  );
}

export async function updateAgendaItem(
  db: Db,
  row: AgendaRow,
  change: AgendaItemUpdate,
  ctx: WriteContext,
): Promise<AgendaItem> {
  return withAgendaEvent(db, row.neighbourhood_id, ctx, async (tx) => {
    const capacityGiven = change.capacity !== undefined;
    const updated = await tx.query(
      `UPDATE agenda_items a SET title = coalesce($2, a.title), description = coalesce($3, a.description),
         starts_at = coalesce($4, a.starts_at), ends_at = coalesce($5, a.ends_at), place_label = coalesce($6, a.place_label),
         capacity = CASE WHEN $7 THEN $8::int ELSE a.capacity END, updated_at = $9
       WHERE a.id = $1 AND a.status = 'scheduled' AND (NOT $7 OR $8::int IS NULL OR a.going <= $8::int)
       RETURNING a.id`,
      [
        row.id,
        change.title ?? null,
        change.description ?? null,
        change.startsAt ?? null,
        change.endsAt ?? null,
        change.place?.label ?? null,
        capacityGiven,
        change.capacity ?? null,
        ctx.now,
      ],
    );
    if (updated.rowCount === 0) {
      const current = await findAgendaRow(tx, row.id);
      if (current?.status === 'cancelled') throw new HttpError(409, 'event_cancelled', 'This event was cancelled.');
      throw validationError([
        { path: 'capacity', message: `may not drop below the ${current?.going ?? 0} members going` },
      ]);
    }
    if (capacityGiven) await promoteWaitlist(tx, row.id);
    return { itemId: row.id, result: (item) => item };
  });
}

export async function cancelAgendaItem(db: Db, row: AgendaRow, ctx: WriteContext): Promise<AgendaItem> {
  return withAgendaEvent(db, row.neighbourhood_id, ctx, async (tx) => {
    await tx.query(
      "UPDATE agenda_items SET status = 'cancelled', updated_at = $2 WHERE id = $1 AND status = 'scheduled'",
      [row.id, ctx.now],
    );
    return { itemId: row.id, result: (item) => item };
  });
}

async function myRsvp(q: Queryable, item: AgendaItem, memberId: string): Promise<MyRsvp> {
  const result = await q.query<{ status: Exclude<RsvpStatus, 'none'>; position: number | null }>(
    `SELECT r.status, CASE WHEN r.status = 'waitlisted' THEN (
         SELECT count(*) FROM rsvps w WHERE w.item_id = r.item_id AND w.status = 'waitlisted' AND (w.answered_at, w.seq) <= (r.answered_at, r.seq)
       )::int END AS position
     FROM rsvps r WHERE r.item_id = $1 AND r.member_id = $2`,
    [item.id, memberId],
  );
  const row = result.rows[0];
  // Seeded waitlists count people without rows here: they are ahead in line.
  const unseen =
    row?.status === 'waitlisted'
      ? Math.max(
          0,
          item.waitlisted -
            ((
              await q.query<{ n: number }>(
                "SELECT count(*)::int AS n FROM rsvps WHERE item_id = $1 AND status = 'waitlisted'",
                [item.id],
              )
            ).rows[0]?.n ?? 0),
        )
      : 0;
  return {
    itemId: item.id,
    status: row?.status ?? 'none',
    waitlistPosition: row?.position != null ? row.position + unseen : null,
    item,
  };
}

export async function getMyRsvp(q: Queryable, row: AgendaRow, memberId: string): Promise<MyRsvp> {
  return myRsvp(q, toAgendaItem(row), memberId);
}

/**
 * A member's answer. Their answer row is created by primary key and then locked, so one
 * member's concurrent answers apply one after the other; a place is taken only by the
 * conditional `going < capacity` update, and past it the member joins the waitlist.
 */
export async function answerRsvp(
  db: Db,
  row: AgendaRow,
  request: RsvpRequest,
  member: Member,
  ctx: WriteContext,
): Promise<MyRsvp> {
  return withAgendaEvent(db, row.neighbourhood_id, ctx, async (tx) => {
    const open = await tx.query(
      "UPDATE agenda_items SET updated_at = $2 WHERE id = $1 AND status = 'scheduled' AND ends_at > $2 RETURNING id",
      [row.id, ctx.now],
    );
    if (open.rowCount === 0) {
      const current = await findAgendaRow(tx, row.id);
      if (current?.status === 'cancelled') throw new HttpError(409, 'event_cancelled', 'This event was cancelled.');
      throw new HttpError(409, 'event_ended', 'This event is over.');
    }
    await tx.query(
      `INSERT INTO rsvps (item_id, member_id, status, answered_at) VALUES ($1, $2, 'not_going', $3)
       ON CONFLICT (item_id, member_id) DO NOTHING`,
      [row.id, member.id, ctx.now],
    );
    const mine = await tx.query<{ status: Exclude<RsvpStatus, 'none'> }>(
      'SELECT status FROM rsvps WHERE item_id = $1 AND member_id = $2 FOR UPDATE',
      [row.id, member.id],
    );
    const current = mine.rows[0]!.status;
    const setStatus = (status: string) =>
      tx.query('UPDATE rsvps SET status = $3, answered_at = $4 WHERE item_id = $1 AND member_id = $2', [
        row.id,
        member.id,
        status,
        ctx.now,
      ]);
    if (request.response === 'going' && current === 'not_going') {
      const took = await tx.query(
        'UPDATE agenda_items SET going = going + 1 WHERE id = $1 AND (capacity IS NULL OR going < capacity) RETURNING id',
        [row.id],
      );
      if (took.rowCount === 1) await setStatus('going');
      else {
        await tx.query('UPDATE agenda_items SET waitlisted = waitlisted + 1 WHERE id = $1', [row.id]);
        await setStatus('waitlisted');
      }
    } else if (request.response === 'not_going' && current !== 'not_going') {
      await setStatus('not_going');
      if (current === 'going') {
        await tx.query('UPDATE agenda_items SET going = going - 1 WHERE id = $1', [row.id]);
        await promoteWaitlist(tx, row.id);
      } else {
        await tx.query('UPDATE agenda_items SET waitlisted = waitlisted - 1 WHERE id = $1 AND waitlisted > 0', [
          row.id,
        ]);
      }
    }
    return { itemId: row.id, result: (item) => myRsvp(tx, item, member.id) };
  });
}
