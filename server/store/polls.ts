import {
  checkVoteChoices,
  pollSettings,
  pollStatusAt,
  resultsVisible,
  voteRefusal,
  type Member,
  type MyVote,
  type Page,
  type Poll,
  type PollListQuery,
  type PollRequest,
  type PollUpdate,
} from '../../src/contract/index.js';
import type { Db, Queryable } from '../db/db.js';
import { HttpError, validationError } from '../http/problem.js';
import { cursorTime, decodeCursor, encodeCursor, pageLimit } from './cursor.js';
import { appendEvent, neighbourhoodStream } from './events.js';
import { findNeighbourhoodRow, toStats } from './neighbourhoods.js';
import { newId } from './pledges.js';

export interface PollRow {
  seq: number;
  id: string;
  neighbourhood_id: string;
  question: string;
  description: string;
  multiple: boolean;
  max_choices: number;
  allow_change: boolean;
  results_visibility: Poll['resultsVisibility'];
  organiser_name: string;
  organiser_kind: Poll['organiser']['kind'];
  opens_at: Date;
  closes_at: Date;
  closed_at: Date | null;
  voter_count: number;
  created_at: Date;
  updated_at: Date;
  options: { id: string; label: string; votes: number }[];
}

const POLL_COLUMNS = `p.*, (SELECT json_agg(json_build_object('id', o.id, 'label', o.label, 'votes', o.votes) ORDER BY o.position)
  FROM poll_options o WHERE o.poll_id = p.id) AS options`;

/** SQL condition: the poll takes votes at `now` (a `$n`). */
const pollOpen = (now: string) => `p.closed_at IS NULL AND p.opens_at <= ${now} AND p.closes_at > ${now}`;

export const pollStatusOf = (row: PollRow, now: Date) =>
  pollStatusAt(
    {
      opensAt: row.opens_at.toISOString(),
      closesAt: row.closes_at.toISOString(),
      closedAt: row.closed_at?.toISOString(),
    },
    now,
  );

/** The poll as a reader sees it: counts only, and only when `resultsVisibility` lets this reader. */
export function toPoll(row: PollRow, now: Date, hasVoted = false): Poll {
  const status = pollStatusOf(row, now);
  return {
    id: row.id,
    neighbourhoodId: row.neighbourhood_id,
    question: row.question,
    description: row.description,
    options: row.options.map((o) => ({ id: o.id, label: o.label })),
    multiple: row.multiple,
    maxChoices: row.max_choices,
    allowChange: row.allow_change,
    resultsVisibility: row.results_visibility,
    opensAt: row.opens_at.toISOString(),
    closesAt: row.closes_at.toISOString(),
    status,
    organiser: { name: row.organiser_name, kind: row.organiser_kind },
    voterCount: row.voter_count,
    results: resultsVisible(row.results_visibility, status, hasVoted)
      ? { voterCount: row.voter_count, options: row.options.map((o) => ({ optionId: o.id, votes: o.votes })) }
      : null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export async function findPollRow(q: Queryable, pollId: string): Promise<PollRow | null> {
  const result = await q.query<PollRow>(`SELECT ${POLL_COLUMNS} FROM polls p WHERE p.id = $1`, [pollId]);
  return result.rows[0] ?? null;
}

export async function listPolls(
  q: Queryable,
  neighbourhoodId: string,
  query: PollListQuery,
  now: Date,
): Promise<Page<Poll>> {
  const limit = pageLimit(query.limit);
  const after = decodeCursor(query.cursor, ['string', 'number']);
  const params: unknown[] = [neighbourhoodId, limit + 1];
  const where = ['p.neighbourhood_id = $1'];
  if (after) where.push(`(p.created_at, p.seq) < ($${params.push(cursorTime(after[0]))}, $${params.push(after[1])})`);
  if (query.status) {
    const at = `$${params.push(now)}::timestamptz`;
    if (query.status === 'closed') where.push(`NOT (p.closed_at IS NULL AND p.closes_at > ${at})`);
    if (query.status === 'open') where.push(pollOpen(at));
    if (query.status === 'upcoming') where.push(`p.closed_at IS NULL AND p.opens_at > ${at}`);
  }
  const result = await q.query<PollRow>(
    `SELECT ${POLL_COLUMNS} FROM polls p WHERE ${where.join(' AND ')} ORDER BY p.created_at DESC, p.seq DESC LIMIT $2`,
    params,
  );
  const rows = result.rows.slice(0, limit);
  const last = rows.at(-1);
  return {
    items: rows.map((r) => toPoll(r, now)),
    nextCursor: result.rows.length > limit && last ? encodeCursor([last.created_at.toISOString(), last.seq]) : null,
  };
}

export async function ballotOf(q: Queryable, pollId: string, memberId: string) {
  const result = await q.query<{ option_ids: string[]; voted_at: Date }>(
    'SELECT option_ids, voted_at FROM poll_ballots WHERE poll_id = $1 AND member_id = $2',
    [pollId, memberId],
  );
  return result.rows[0] ?? null;
}

interface WriteContext {
  now: Date;
  channel: string;
}

/**
 * Locks the neighbourhood (the stream's row, so that event ids follow commit order), runs `fn`,
 * then publishes the poll's public view with fresh stats.
 */
async function withPollEvent<T>(
  db: Db,
  neighbourhoodId: string,
  ctx: WriteContext,
  fn: (tx: Queryable) => Promise<{ pollId: string; result: T }>,
): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT id FROM neighbourhoods WHERE id = $1 FOR UPDATE', [neighbourhoodId]);
    const { pollId, result } = await fn(tx);
    const row = await findPollRow(tx, pollId);
    const neighbourhood = await findNeighbourhoodRow(tx, neighbourhoodId, ctx.now);
    await appendEvent(
      tx,
      ctx.channel,
      neighbourhoodStream(neighbourhoodId),
      { type: 'poll.updated', neighbourhoodId, poll: toPoll(row!, ctx.now), stats: toStats(neighbourhood!) },
      ctx.now,
    );
    return result;
  });
}

export async function createPoll(
  db: Db,
  neighbourhoodId: string,
  request: PollRequest,
  member: Member,
  ctx: WriteContext,
): Promise<Poll> {
  const s = pollSettings(request, ctx.now);
  const id = newId('po');
  return withPollEvent(db, neighbourhoodId, ctx, async (tx) => {
    await tx.query(
      `INSERT INTO polls (id, neighbourhood_id, question, description, multiple, max_choices, allow_change, results_visibility,
         organiser_name, organiser_kind, opens_at, closes_at, created_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14)`,
      [
        id,
        neighbourhoodId,
        request.question,
        request.description ?? '',
        s.multiple,
        s.maxChoices,
        s.allowChange,
        s.resultsVisibility,
        request.organiser.name,
        request.organiser.kind,
        s.opensAt,
        s.closesAt,
        member.id,
        ctx.now,
      ],
    );
    await insertOptions(
      tx,
      id,
      request.options.map((label, i) => ({ id: `o${i + 1}`, label, votes: 0 })),
    );
    const row = await findPollRow(tx, id);
    return { pollId: id, result: toPoll(row!, ctx.now) };
  });
}

export async function insertOptions(
  q: Queryable,
  pollId: string,
  options: { id: string; label: string; votes: number }[],
) {
  for (const [position, o] of options.entries()) {
    await q.query('INSERT INTO poll_options (poll_id, id, position, label, votes) VALUES ($1, $2, $3, $4, $5)', [
      pollId,
      o.id,
      position,
      o.label,
      o.votes,
    ]);
  }
}

export async function updatePoll(db: Db, row: PollRow, change: PollUpdate, ctx: WriteContext): Promise<Poll> {
  return withPollEvent(db, row.neighbourhood_id, ctx, async (tx) => {
    // Only while not closed, decided by the row as it is now, not as it was read.
    const updated = await tx.query(
      `UPDATE polls p SET question = coalesce($2, p.question), description = coalesce($3, p.description),
         opens_at = coalesce($4, p.opens_at), closes_at = coalesce($5, p.closes_at), updated_at = $6
       WHERE p.id = $1 AND p.closed_at IS NULL AND p.closes_at > $6 AND ($4::timestamptz IS NULL OR p.opens_at > $6)
       RETURNING p.id`,
      [
        row.id,
        change.question ?? null,
        change.description ?? null,
        change.opensAt ?? null,
        change.closesAt ?? null,
        ctx.now,
      ],
    );
    if (updated.rowCount === 0) throw new HttpError(409, 'poll_closed', 'This poll closed or opened meanwhile.');
    const fresh = await findPollRow(tx, row.id);
    return { pollId: row.id, result: toPoll(fresh!, ctx.now) };
  });
}

export async function closePoll(db: Db, row: PollRow, ctx: WriteContext): Promise<Poll> {
  return withPollEvent(db, row.neighbourhood_id, ctx, async (tx) => {
    // Closing twice is harmless: the first closing time stays.
    await tx.query('UPDATE polls SET closed_at = $2, updated_at = $2 WHERE id = $1 AND closed_at IS NULL', [
      row.id,
      ctx.now,
    ]);
    const fresh = await findPollRow(tx, row.id);
    return { pollId: row.id, result: toPoll(fresh!, ctx.now) };
  });
}

/**
 * One ballot per member: the first vote inserts it (the primary key refuses a concurrent second
 * one), a change rewrites it under its row lock. Counts move by ±1 updates that also require the
 * poll to be open at this instant, so a vote racing the closing is refused, not counted.
 */
export async function castVote(
  db: Db,
  row: PollRow,
  optionIds: string[],
  member: Member,
  ctx: WriteContext,
): Promise<MyVote> {
  const violation = checkVoteChoices(
    { options: row.options.map((o) => ({ id: o.id, label: o.label })), maxChoices: row.max_choices },
    optionIds,
  );
  if (violation) throw validationError([{ path: violation.path ?? 'optionIds', message: violation.detail }]);
  const refuse = () => {
    const r = voteRefusal(pollStatusOf(row, ctx.now)) ?? {
      status: 409 as const,
      code: 'poll_closed' as const,
      detail: 'This poll is closed.',
    };
    return new HttpError(r.status, r.code, r.detail);
  };
  const chosen = [...optionIds];
  return withPollEvent(db, row.neighbourhood_id, ctx, async (tx) => {
    const inserted = await tx.query(
      `INSERT INTO poll_ballots (poll_id, member_id, option_ids, voted_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (poll_id, member_id) DO NOTHING RETURNING member_id`,
      [row.id, member.id, chosen, ctx.now],
    );
    if (inserted.rowCount === 1) {
      const counted = await tx.query(
        `UPDATE polls p SET voter_count = p.voter_count + 1, updated_at = $2 WHERE p.id = $1 AND ${pollOpen('$2')} RETURNING p.id`,
        [row.id, ctx.now],
      );
      if (counted.rowCount === 0) throw refuse(); // rolls the ballot back too
      await tx.query('UPDATE poll_options SET votes = votes + 1 WHERE poll_id = $1 AND id = ANY($2)', [row.id, chosen]);
    } else {
      if (!row.allow_change)
        throw new HttpError(409, 'vote_final', 'You already voted; this poll does not allow changes.');
      const previous = await tx.query<{ option_ids: string[] }>(
        'SELECT option_ids FROM poll_ballots WHERE poll_id = $1 AND member_id = $2 FOR UPDATE',
        [row.id, member.id],
      );
      const open = await tx.query(
        `UPDATE polls p SET updated_at = $2 WHERE p.id = $1 AND ${pollOpen('$2')} RETURNING p.id`,
        [row.id, ctx.now],
      );
      if (open.rowCount === 0) throw refuse();
      const old = previous.rows[0]!.option_ids;
      await tx.query('UPDATE poll_options SET votes = votes - 1 WHERE poll_id = $1 AND id = ANY($2)', [row.id, old]);
      await tx.query('UPDATE poll_options SET votes = votes + 1 WHERE poll_id = $1 AND id = ANY($2)', [row.id, chosen]);
      await tx.query('UPDATE poll_ballots SET option_ids = $3, voted_at = $4 WHERE poll_id = $1 AND member_id = $2', [
        row.id,
        member.id,
        chosen,
        ctx.now,
      ]);
    }
    const fresh = await findPollRow(tx, row.id);
    return {
      pollId: row.id,
      result: {
        pollId: row.id,
        optionIds: chosen,
        votedAt: ctx.now.toISOString(),
        poll: toPoll(fresh!, ctx.now, true),
      },
    };
  });
}
