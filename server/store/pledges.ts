import { randomBytes } from 'node:crypto';
import type { CampaignEvent, PledgeRequest, PledgeResult, RewardTier } from '../../src/contract/index.js';
import { availabilityFor, checkoutUrl, checkPledge, needsCheckout } from '../../src/contract/index.js';
import type { Db, Tx } from '../db/db.js';
import { HttpError } from '../http/problem.js';
import {
  acceptsPledges,
  findCampaignRow,
  findReward,
  getCampaign,
  toBacker,
  toCampaign,
  type PledgeRow,
  type RewardRow,
} from './campaigns.js';
import { appendEvent, campaignStream } from './events.js';
import { claimKey, completeKey, releaseKey, type StoredResponse } from './idempotency.js';

export const newId = (prefix: string) => `${prefix}_${randomBytes(12).toString('hex')}`;

export interface PledgeCommand {
  campaignRef: string;
  request: PledgeRequest;
  idempotencyKey: string;
  /** Fingerprint of the request, to tell a replay from a reused key. */
  fingerprint: string;
  now: Date;
  channel: string;
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
  const claim = await claimKey(db, key, command.fingerprint, command.now);
  if (claim.kind === 'replay') return { response: claim.response, replayed: true };
  try {
    const response = await db.transaction(async (tx) => {
      const result = await pledgeInTransaction(tx, command);
      const stored = { status: 201, body: JSON.stringify(result) };
      // Same transaction: the pledge and the response replayed for its key commit together.
      await completeKey(tx, key, claim.token, stored);
      return stored;
    });
    return { response, replayed: false };
  } catch (error) {
    if (error instanceof HttpError && error.status < 500) {
      const stored = { status: error.status, body: JSON.stringify(error.toProblem()) };
      await completeKey(db, key, claim.token, stored).catch(() => undefined);
      return { response: stored, replayed: false };
    }
    await releaseKey(db, key, claim.token).catch(() => undefined);
    throw error;
  }
}

interface Totals {
  pledged: number;
  backer_count: number;
  waitlist_count: number;
  currency: string;
}

/**
 * The pledge itself. The rules (open, currency, minimum, reward) are checked on a read of the
 * campaign; everything that moves under concurrency is then changed by conditional, atomic
 * UPDATEs whose WHERE clauses re-check the condition at write time. Nothing is read and then
 * written back.
 */
async function pledgeInTransaction(tx: Tx, command: PledgeCommand): Promise<PledgeResult> {
  const { request, now, campaignRef } = command;
  const row = await findCampaignRow(tx, campaignRef, now);
  if (!row) throw new HttpError(404, 'not_found', `There is no campaign "${campaignRef}".`);
  const campaign = toCampaign(row, []);
  const reward: RewardTier | null | undefined = request.rewardId
    ? ((await findReward(tx, request.rewardId, row.id)) ?? undefined)
    : null;
  const violation = checkPledge(campaign, reward, request, now);
  if (violation) {
    throw new HttpError(
      violation.status,
      violation.code,
      violation.detail,
      violation.path ? { errors: [{ path: violation.path, message: violation.detail }] } : {},
    );
  }
  const amount = request.amount.amount;

  // Totals move by `x = x + $n`. The cap condition is rules.isWaitlisted evaluated atomically:
  // this UPDATE also takes the campaign's row lock, which orders the pledges of one campaign.
  const counted = await tx.query<Totals>(
    `UPDATE campaigns c SET pledged = c.pledged + $2, backer_count = c.backer_count + 1, updated_at = $3
     WHERE c.id = $1 AND ${acceptsPledges('$3')} AND (c.max_raise IS NULL OR c.pledged + $2 <= c.max_raise)
     RETURNING pledged, backer_count, waitlist_count, currency`,
    [row.id, amount, now],
  );
  let totals = counted.rows[0];
  let waitlistPosition: number | null = null;
  if (!totals) {
    // Past the hard cap of an equity raise: join the waitlist, position from an atomic counter.
    const waitlisted = await tx.query<Totals>(
      `UPDATE campaigns c SET waitlist_count = c.waitlist_count + 1, updated_at = $3
       WHERE c.id = $1 AND ${acceptsPledges('$3')} AND c.max_raise IS NOT NULL AND c.pledged + $2 > c.max_raise
       RETURNING pledged, backer_count, waitlist_count, currency`,
      [row.id, amount, now],
    );
    totals = waitlisted.rows[0];
    if (!totals)
      throw new HttpError(409, 'campaign_closed', `The campaign "${campaign.title}" is not accepting pledges.`);
    waitlistPosition = totals.waitlist_count;
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

  const money = (n: number) => ({ amount: n, currency: totals.currency });
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

  // Successive goals: mark the ones this pledge reached, and tell live widgets.
  const reached = await tx.query(
    'UPDATE milestones SET reached_at = $3 WHERE campaign_id = $1 AND reached_at IS NULL AND target <= $2 RETURNING position',
    [row.id, totals.pledged, now],
  );
  if (reached.rowCount > 0) {
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

  const base = {
    id,
    campaignId: row.id,
    amount: request.amount,
    rewardId: pledge.reward_id,
    createdAt: now.toISOString(),
  };
  if (status === 'waitlisted') return { ...base, status, waitlistPosition: waitlistPosition! };
  if (status === 'pending_payment') return { ...base, status, checkoutUrl: checkoutUrl(campaign, id) };
  return { ...base, status };
}
