import { randomBytes, randomUUID } from 'node:crypto';
import type { CampaignEvent, PledgeRequest, PledgeResult, RewardTier } from '../../src/contract/index.js';
import { availabilityFor, checkoutUrl, checkPledge, needsCheckout } from '../../src/contract/index.js';
import type { Db, Tx } from '../db/db.js';
import { HttpError } from '../http/problem.js';
import {
  acceptsPledges,
  campaignRowSql,
  findCampaignRow,
  findReward,
  getCampaign,
  toBacker,
  toCampaign,
  toReward,
  type CampaignRow,
  type PledgeRow,
  type RewardRow,
} from './campaigns.js';
import { appendEvent, campaignStream } from './events.js';
import {
  CLAIM_SQL,
  ClaimLostError,
  claimKey,
  claimParams,
  completeKey,
  releaseKey,
  type StoredResponse,
} from './idempotency.js';

/** The contract's refusal of a pledge (amount, reward, dates), as the 4xx problem it answers. */
function refuseViolation(violation: ReturnType<typeof checkPledge>): void {
  if (!violation) return;
  throw new HttpError(
    violation.status,
    violation.code,
    violation.detail,
    violation.path ? { errors: [{ path: violation.path, message: violation.detail }] } : {},
  );
}

export const newId = (prefix: string) => `${prefix}_${randomBytes(12).toString('hex')}`;

export interface PledgeCommand {
  campaignRef: string;
  request: PledgeRequest;
  idempotencyKey: string;
  /** Fingerprint of the request, to tell a replay from a reused key. */
  fingerprint: string;
  now: Date;
  channel: string;
  /** Called once the pledge's writes are over (committed or not), with `campaignRef`. */
  onWritten?: (campaignRef: string) => void;
}

export interface PledgeOutcome {
  response: StoredResponse;
  replayed: boolean;
}

/**
 * Creates a pledge exactly once per Idempotency-Key. The outcome — a 201 or a business refusal
 * such as `reward_sold_out` — is stored under the key and replayed to retries; an unexpected
 * failure releases the key so that a retry can run the pledge again.
 */
export async function createPledge(db: Db, command: PledgeCommand): Promise<PledgeOutcome> {
  const { idempotencyKey: key } = command;
  const first = await claimAndRead(db, command);
  let token: string;
  let reads: PledgeReads;
  if (first.claimed) {
    ({ token, reads } = first);
  } else {
    // Taken already: a replay, a reused key, one in flight, or a claim to retry.
    const claim = await claimKey(db, key, command.fingerprint, command.now);
    if (claim.kind === 'replay') return { response: claim.response, replayed: true };
    token = claim.token;
    reads = await readForPledge(db, command);
  }
  try {
    const fast = await pledgeInOneStatement(db, command, token, reads);
    if (fast) return { response: fast, replayed: false };
    // A milestone is reached: the transaction below marks it and announces the whole campaign.
    const response = await db.transaction(async (tx) => {
      let stored: StoredResponse | undefined;
      // Same transaction: the pledge and the response replayed for its key commit together.
      await pledgeInTransaction(tx, command, async (result) => {
        stored = { status: 201, body: JSON.stringify(result) };
        await completeKey(tx, key, token, stored);
      });
      return stored!;
    });
    return { response, replayed: false };
  } catch (error) {
    if (error instanceof HttpError && error.status < 500) {
      const stored = { status: error.status, body: JSON.stringify(error.toProblem()) };
      await completeKey(db, key, token, stored).catch(() => undefined);
      return { response: stored, replayed: false };
    }
    await releaseKey(db, key, token).catch(() => undefined);
    throw error;
  } finally {
    // Whatever happened (even a COMMIT whose answer was lost), this process's kept reads of the
    // campaign go before the answer does: a read after the pledge's response sees it.
    command.onWritten?.(command.campaignRef);
  }
}

interface PledgeReads {
  row: CampaignRow | null;
  reward: RewardRow | null;
}

/**
 * The claim of the key and the reads the rules need, in one statement: it commits on its own
 * (the claim must be visible to concurrent retries before any work starts, as in claimKey),
 * and the reads see the same snapshot a first statement of the transaction would.
 */
async function claimAndRead(
  db: Db,
  command: PledgeCommand,
): Promise<{ claimed: true; token: string; reads: PledgeReads } | { claimed: false }> {
  const token = randomUUID();
  const result = await db.query<CampaignRow & { claim: string | null; reward_json: RewardRow | null }>(
    `WITH claimed AS (${CLAIM_SQL})
     SELECT (SELECT claim FROM claimed) AS claim, c.*,
       (SELECT row_to_json(r) FROM rewards r WHERE r.id = $9::text) AS reward_json
     FROM (SELECT 1) AS one LEFT JOIN LATERAL (${campaignRowSql('$7::text', '$8::timestamptz')}) c ON true`,
    [
      ...claimParams(command.idempotencyKey, command.fingerprint, token, command.now),
      command.campaignRef,
      command.now,
      command.request.rewardId ?? null,
    ],
  );
  const { claim, reward_json: reward, ...row } = result.rows[0]!;
  if (claim !== token) return { claimed: false };
  return { claimed: true, token, reads: { row: row.id === null ? null : (row as CampaignRow), reward } };
}

async function readForPledge(db: Db, command: PledgeCommand): Promise<PledgeReads> {
  const rewardId = command.request.rewardId;
  const [row, reward] = await Promise.all([
    findCampaignRow(db, command.campaignRef, command.now),
    rewardId
      ? db.query<RewardRow>('SELECT * FROM rewards WHERE id = $1', [rewardId]).then((r) => r.rows[0] ?? null)
      : null,
  ]);
  return { row, reward };
}

/** SQLSTATEs raised by partage_pledge (migration 006). */
const CLOSED = 'P0A01';
const SOLD_OUT = 'P0A02';
const CLAIM_LOST = 'P0A03';
const MILESTONE = 'P0A04';

/**
 * The pledge in one statement (partage_pledge, migration 006): the same rules checked on the
 * same reads, the same conditional writes, the same texts; the campaign's row lock is held only
 * while the function runs. Returns undefined when the pledge reaches a milestone (nothing was
 * written; the caller runs the full transaction).
 */
async function pledgeInOneStatement(
  db: Db,
  command: PledgeCommand,
  token: string,
  { row, reward: rewardRow }: PledgeReads,
): Promise<StoredResponse | undefined> {
  const { request, now, campaignRef } = command;
  if (!row) throw new HttpError(404, 'not_found', `There is no campaign "${campaignRef}".`);
  const campaign = toCampaign(row, []);
  const reward: RewardTier | null | undefined = request.rewardId
    ? rewardRow && rewardRow.campaign_id === row.id
      ? toReward(rewardRow)
      : undefined
    : null;
  refuseViolation(checkPledge(campaign, reward, request, now));
  const id = newId('pl');
  const counted: PledgeResult['status'] = needsCheckout(campaign) ? 'pending_payment' : 'confirmed';
  const rewardId = reward?.id ?? null;
  // Key order as the transaction writes them: the bodies are replayed byte for byte.
  const base = (rewardId: string | null) => ({
    id,
    campaignId: row.id,
    amount: request.amount,
    rewardId,
    createdAt: now.toISOString(),
  });
  const countedResult: PledgeResult =
    counted === 'pending_payment'
      ? { ...base(rewardId), status: counted, checkoutUrl: checkoutUrl(campaign, id) }
      : { ...base(rewardId), status: counted };
  const waitlisted = JSON.stringify({ ...base(null), status: 'waitlisted' });
  const message = request.message || null;
  const backer = toBacker({
    seq: 0,
    id,
    campaign_id: row.id,
    amount: request.amount.amount,
    currency: request.amount.currency,
    reward_id: rewardId,
    backer_name: request.backer.name,
    backer_email: request.backer.email,
    anonymous: request.anonymous ?? false,
    message,
    created_at: now,
  });
  const head = JSON.stringify({ type: 'pledge.created', campaignId: row.id, totals: null });
  try {
    const result = await db.query<{ body: string }>(
      `SELECT partage_pledge($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20) AS body`,
      [
        row.id,
        request.amount.amount,
        now,
        row.max_raise !== null,
        rewardId,
        id,
        request.amount.currency,
        request.backer.name,
        request.backer.email,
        request.anonymous ?? false,
        message,
        counted,
        command.idempotencyKey,
        token,
        JSON.stringify(countedResult),
        waitlisted.slice(0, -1),
        head.slice(0, -'null}'.length),
        JSON.stringify(backer),
        campaignStream(row.id),
        command.channel,
      ],
    );
    return { status: 201, body: result.rows[0]!.body };
  } catch (error) {
    switch ((error as { code?: string }).code) {
      case CLOSED:
        throw new HttpError(409, 'campaign_closed', `The campaign "${campaign.title}" is not accepting pledges.`);
      case SOLD_OUT:
        throw new HttpError(409, 'reward_sold_out', `"${reward!.title}" is sold out.`, {
          errors: [{ path: 'rewardId', message: 'sold out' }],
        });
      case CLAIM_LOST:
        throw new ClaimLostError(`Idempotency claim on "${command.idempotencyKey}" was lost`);
      case MILESTONE:
        return undefined;
      default:
        throw error;
    }
  }
}

interface Totals {
  pledged: number;
  backer_count: number;
  waitlist_count: number;
  currency: string;
  /** Milestones this pledge reached (marked in the same statement). */
  reached: number;
}

/**
 * The pledge itself. The rules (open, currency, minimum, reward) are checked on a read of the
 * campaign; everything that moves under concurrency is then changed by conditional, atomic
 * UPDATEs whose WHERE clauses re-check the condition at write time. Nothing is read and then
 * written back.
 *
 * The campaign's row lock orders the pledges of one campaign, so everything that can happen
 * before it does: without a hard cap the pledge's status is known up front, and the reward, the
 * pledge row and the stored response are written first; under the lock remain the totals (with
 * the milestones they reach) and the event, then the commit. A campaign with a hard cap decides
 * "counted or waitlisted" under the lock, so it takes the lock first.
 */
async function pledgeInTransaction(
  tx: Tx,
  command: PledgeCommand,
  complete: (result: PledgeResult) => Promise<void>,
): Promise<void> {
  const { request, now, campaignRef } = command;
  const row = await findCampaignRow(tx, campaignRef, now);
  if (!row) throw new HttpError(404, 'not_found', `There is no campaign "${campaignRef}".`);
  const campaign = toCampaign(row, []);
  const reward: RewardTier | null | undefined = request.rewardId
    ? ((await findReward(tx, request.rewardId, row.id)) ?? undefined)
    : null;
  refuseViolation(checkPledge(campaign, reward, request, now));
  const amount = request.amount.amount;
  const closed = () =>
    new HttpError(409, 'campaign_closed', `The campaign "${campaign.title}" is not accepting pledges.`);

  // Totals move by `x = x + $n`; the cap condition is rules.isWaitlisted evaluated atomically.
  const count = async (): Promise<Totals | undefined> =>
    (
      await tx.query<Totals>(
        `WITH counted AS (
           UPDATE campaigns c SET pledged = c.pledged + $2, backer_count = c.backer_count + 1, updated_at = $3
           WHERE c.id = $1 AND ${acceptsPledges('$3')} AND (c.max_raise IS NULL OR c.pledged + $2 <= c.max_raise)
           RETURNING pledged, backer_count, waitlist_count, currency),
         reached AS (
           UPDATE milestones m SET reached_at = $3 FROM counted
           WHERE m.campaign_id = $1 AND m.reached_at IS NULL AND m.target <= counted.pledged RETURNING m.position)
         SELECT counted.*, (SELECT count(*)::int FROM reached) AS reached FROM counted`,
        [row.id, amount, now],
      )
    ).rows[0];

  let totals: Totals | undefined;
  let waitlistPosition: number | null = null;
  if (row.max_raise !== null) {
    totals = await count();
    if (!totals) {
      // Past the hard cap of an equity raise: join the waitlist, position from an atomic counter.
      const waitlisted = await tx.query<Totals>(
        `UPDATE campaigns c SET waitlist_count = c.waitlist_count + 1, updated_at = $3
         WHERE c.id = $1 AND ${acceptsPledges('$3')} AND c.max_raise IS NOT NULL AND c.pledged + $2 > c.max_raise
         RETURNING pledged, backer_count, waitlist_count, currency, 0 AS reached`,
        [row.id, amount, now],
      );
      totals = waitlisted.rows[0];
      if (!totals) throw closed();
      waitlistPosition = totals.waitlist_count;
    }
  }

  let claimed: RewardRow | null = null;
  if (reward && waitlistPosition === null) {
    // Stock by conditional update: of N concurrent claimers of the last unit, exactly one gets
    // a row back. The others roll back their whole pledge.
    const taken = await tx.query<RewardRow>(
      `UPDATE rewards SET remaining = remaining - 1, backer_count = backer_count + 1
       WHERE id = $1 AND campaign_id = $2 AND availability <> 'unavailable' AND (remaining IS NULL OR remaining > 0)
       RETURNING *`,
      [reward.id, row.id],
    );
    claimed = taken.rows[0] ?? null;
    if (!claimed)
      throw new HttpError(409, 'reward_sold_out', `"${reward.title}" is sold out.`, {
        errors: [{ path: 'rewardId', message: 'sold out' }],
      });
  }

  const status: PledgeResult['status'] =
    waitlistPosition !== null ? 'waitlisted' : needsCheckout(campaign) ? 'pending_payment' : 'confirmed';
  const id = newId('pl');
  const inserted = await tx.query<PledgeRow>(
    `INSERT INTO pledges (id, campaign_id, amount, currency, reward_id, backer_name, backer_email, anonymous, message, status, waitlist_position, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING *`,
    [
      id,
      row.id,
      amount,
      request.amount.currency,
      claimed?.id ?? null,
      request.backer.name,
      request.backer.email,
      request.anonymous ?? false,
      request.message || null,
      status,
      waitlistPosition,
      now,
    ],
  );
  const pledge = inserted.rows[0]!;

  const base = {
    id,
    campaignId: row.id,
    amount: request.amount,
    rewardId: pledge.reward_id,
    createdAt: now.toISOString(),
  };
  await complete(
    status === 'waitlisted'
      ? { ...base, status, waitlistPosition: waitlistPosition! }
      : status === 'pending_payment'
        ? { ...base, status, checkoutUrl: checkoutUrl(campaign, id) }
        : { ...base, status },
  );

  totals ??= await count();
  if (!totals) throw closed();
  const money = (n: number) => ({ amount: n, currency: totals!.currency });
  const event: CampaignEvent = {
    type: 'pledge.created',
    campaignId: row.id,
    totals: { pledged: money(totals.pledged), backerCount: totals.backer_count, waitlistCount: totals.waitlist_count },
    reward: claimed
      ? {
          id: claimed.id,
          remaining: claimed.remaining,
          backerCount: claimed.backer_count,
          availability: availabilityFor(claimed.remaining, claimed.availability),
        }
      : null,
    backer: status === 'waitlisted' ? null : toBacker(pledge),
  };
  await appendEvent(tx, command.channel, campaignStream(row.id), event, now);

  // Successive goals: the ones this pledge reached are marked; live widgets hear of them.
  if (totals.reached > 0) {
    const updated = await getCampaign(tx, row.id, now);
    if (updated)
      await appendEvent(
        tx,
        command.channel,
        campaignStream(row.id),
        { type: 'campaign.updated', campaignId: row.id, campaign: updated },
        now,
      );
  }
}
