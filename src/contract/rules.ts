import type { Campaign, RewardTier } from './campaign.js';
import type { PledgeRequest } from './pledge.js';
import type { ErrorCode } from './problem.js';

/**
 * The pledge rules every compatible backend enforces, as pure functions so that the pledge form
 * (instant feedback), the msw mocks and the reference backend apply the very same rules.
 * The backend still enforces stock and totals atomically in SQL; these checks only decide
 * whether a request is acceptable at all.
 */
export interface RuleViolation {
  status: 400 | 404 | 409 | 422;
  code: ErrorCode;
  detail: string;
  /** Field the violation is about, for `errors: [{ path, message }]`. */
  path?: string;
}

export function isOpen(campaign: Pick<Campaign, 'status' | 'startsAt' | 'endsAt'>, now: Date): boolean {
  const t = now.getTime();
  return campaign.status === 'live' && Date.parse(campaign.startsAt) <= t && t < Date.parse(campaign.endsAt);
}

/**
 * Checks a pledge against the campaign's rules and the chosen reward.
 * `reward` is `undefined` when the request names a reward the campaign does not have.
 */
export function checkPledge(
  campaign: Campaign,
  reward: RewardTier | null | undefined,
  request: PledgeRequest,
  now: Date,
): RuleViolation | null {
  if (!isOpen(campaign, now)) {
    return {
      status: 409,
      code: 'campaign_closed',
      detail: `The campaign "${campaign.title}" is not accepting pledges.`,
    };
  }
  const { amount } = request;
  const { minimum, maximum } = campaign.pledgeRules;
  if (amount.currency !== campaign.goal.currency) {
    return {
      status: 422,
      code: 'currency_mismatch',
      path: 'amount.currency',
      detail: `This campaign collects ${campaign.goal.currency}.`,
    };
  }
  const floor = Math.max(minimum.amount, campaign.equity?.minimumTicket.amount ?? 0, reward?.minimum.amount ?? 0);
  if (amount.amount < floor) {
    return {
      status: 422,
      code: 'pledge_below_minimum',
      path: 'amount.amount',
      detail: `The minimum is ${floor} minor units of ${amount.currency}.`,
    };
  }
  if (maximum && amount.amount > maximum.amount) {
    return {
      status: 422,
      code: 'pledge_above_maximum',
      path: 'amount.amount',
      detail: `The maximum is ${maximum.amount} minor units of ${amount.currency}.`,
    };
  }
  if (request.rewardId) {
    if (reward === undefined)
      return { status: 422, code: 'reward_unavailable', path: 'rewardId', detail: 'This reward does not exist.' };
    if (reward === null || reward.availability === 'unavailable') {
      return { status: 409, code: 'reward_unavailable', path: 'rewardId', detail: 'This reward is not available.' };
    }
    if (reward.availability === 'sold_out' || reward.remaining === 0) {
      return { status: 409, code: 'reward_sold_out', path: 'rewardId', detail: `"${reward.title}" is sold out.` };
    }
  }
  return null;
}

/** Past an equity raise's maximum, new investors join the waitlist instead of the raise. */
export function isWaitlisted(campaign: Campaign, amount: number): boolean {
  const cap = campaign.equity?.maximumRaise;
  return !!cap && campaign.pledged.amount + amount > cap.amount;
}

/**
 * Equity tickets are signed and paid on the platform's regulated checkout, so they come back
 * `pending_payment`; reward and donation pledges are confirmed at once (the platform charges the
 * card it holds when the campaign succeeds, as all-or-nothing platforms do).
 */
export function needsCheckout(campaign: Campaign): boolean {
  return campaign.kind === 'equity';
}

export const checkoutUrl = (campaign: Campaign, pledgeId: string) =>
  `${campaign.url.replace(/\/$/, '')}/checkout?pledge=${encodeURIComponent(pledgeId)}`;

/** Reward availability after its stock changed. */
export function availabilityFor(
  remaining: number | null,
  current: RewardTier['availability'],
): RewardTier['availability'] {
  if (current === 'unavailable') return current;
  return remaining === 0 ? 'sold_out' : 'available';
}
