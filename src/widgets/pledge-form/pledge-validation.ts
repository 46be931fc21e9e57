import type { Campaign, Money, PledgeRequest, RewardTier } from '../../contract/index.js';
import { PledgeRequest as PledgeRequestSchema } from '../../contract/pledge.js';
import { checkPledge } from '../../contract/rules.js';
import { currencyDigits } from '../../core/i18n/format.js';
import { parseAmount } from './amount.js';

/** The form's fields, in the order they appear (first invalid one takes focus). */
export const FIELDS = ['rewardId', 'amount', 'name', 'email', 'message'] as const;
export type Field = (typeof FIELDS)[number];

/** What the reader typed, as typed. */
export interface FormValues {
  /** `''`: no reward. */
  rewardId: string;
  amount: string;
  name: string;
  email: string;
  anonymous: boolean;
  message: string;
}

export const emptyValues = (): FormValues => ({
  rewardId: '',
  amount: '',
  name: '',
  email: '',
  anonymous: false,
  message: '',
});

/** Why the pledge floor is what it is: the campaign's rule, the equity ticket, or the reward. */
export type FloorReason = 'campaign' | 'ticket' | 'reward';

/**
 * Kinds, not texts: the widget words them in the reader's language. `server` keeps the text of a
 * rule only the backend knows.
 */
export type FieldProblem =
  | { kind: 'required' }
  | { kind: 'amountInvalid' }
  | { kind: 'amountPrecision'; digits: number }
  | { kind: 'belowMinimum'; minimum: Money; reason: FloorReason }
  | { kind: 'aboveMaximum'; maximum: Money }
  | { kind: 'emailInvalid' }
  | { kind: 'tooLong'; max: number }
  | { kind: 'soldOut'; title: string }
  | { kind: 'rewardUnavailable' }
  | { kind: 'server'; message: string };

export type FieldErrors = Partial<Record<Field, FieldProblem>>;

export interface Checked {
  /** The request to send, when every field is valid. */
  request: PledgeRequest | undefined;
  errors: FieldErrors;
  /** The campaign does not take pledges (now). */
  closed: boolean;
}

/** The lowest acceptable amount and what sets it, following checkPledge's rule. */
export function floorOf(
  campaign: Campaign,
  reward: RewardTier | null | undefined,
): { minimum: Money; reason: FloorReason } {
  const currency = campaign.goal.currency;
  // On a tie the most specific rule is named: the reward's, then the equity ticket.
  const candidates: [number, FloorReason][] = [
    [reward?.minimum.amount ?? -1, 'reward'],
    [campaign.equity?.minimumTicket.amount ?? -1, 'ticket'],
    [campaign.pledgeRules.minimum.amount, 'campaign'],
  ];
  const [amount, reason] = candidates.reduce((best, c) => (c[0] > best[0] ? c : best));
  return { minimum: { amount, currency }, reason };
}

/** The chosen reward: null for none, undefined for an id the campaign does not have. */
export const rewardOf = (rewards: readonly RewardTier[], id: string) => (id ? rewards.find((r) => r.id === id) : null);

/**
 * Checks the form with the contract's own schema (formats, lengths) and the shared pledge rules
 * (src/contract/rules.ts: minimum, maximum, equity ticket, reward stock), exactly as the backend
 * will, so the reader learns at once what the server would refuse.
 */
export function checkForm(
  values: FormValues,
  campaign: Campaign,
  rewards: readonly RewardTier[],
  locale: string,
  now = new Date(),
): Checked {
  const errors: FieldErrors = {};
  const currency = campaign.goal.currency;
  const parsed = parseAmount(values.amount, locale, currency);
  if (!parsed.ok) {
    errors.amount =
      parsed.problem === 'empty'
        ? { kind: 'required' }
        : parsed.problem === 'precision'
          ? { kind: 'amountPrecision', digits: currencyDigits(currency) }
          : { kind: 'amountInvalid' };
  }
  const message = values.message.trim();
  const candidate = {
    amount: { amount: parsed.ok ? parsed.minor : 0, currency },
    rewardId: values.rewardId || null,
    backer: { name: values.name.trim(), email: values.email.trim() },
    anonymous: values.anonymous,
    ...(message ? { message } : {}),
  };

  const schema = PledgeRequestSchema.safeParse(candidate);
  if (!schema.success) {
    for (const issue of schema.error.issues) {
      const field = fieldOf(issue.path.map(String).join('.'));
      if (!field || errors[field]) continue;
      errors[field] = problemOfIssue(field, issue, candidate);
    }
  }

  const reward = rewardOf(rewards, values.rewardId);
  const request = candidate as PledgeRequest;
  const violation = checkPledge(campaign, reward, request, now);
  if (violation?.code === 'campaign_closed') return { request: undefined, errors, closed: true };
  if (violation) {
    if (violation.path === 'amount.amount' && parsed.ok) {
      errors.amount ??= amountProblem(violation.code, campaign, reward);
    }
    // checkPledge stops at the first rule: check the reward with an amount it accepts.
    const floor = floorOf(campaign, reward).minimum;
    const rewardViolation =
      violation.path === 'rewardId' ? violation : checkPledge(campaign, reward, { ...request, amount: floor }, now);
    if (rewardViolation?.path === 'rewardId') {
      errors.rewardId ??=
        rewardViolation.code === 'reward_sold_out' && reward
          ? { kind: 'soldOut', title: reward.title }
          : { kind: 'rewardUnavailable' };
    }
  }
  const valid = Object.keys(errors).length === 0;
  return { request: valid ? (schema.success ? schema.data : request) : undefined, errors, closed: false };
}

function amountProblem(code: string, campaign: Campaign, reward: RewardTier | null | undefined): FieldProblem {
  if (code === 'pledge_above_maximum' && campaign.pledgeRules.maximum) {
    return { kind: 'aboveMaximum', maximum: campaign.pledgeRules.maximum };
  }
  if (code === 'pledge_below_minimum') return { kind: 'belowMinimum', ...floorOf(campaign, reward) };
  return { kind: 'amountInvalid' };
}

function problemOfIssue(
  field: Field,
  issue: { code: string; maximum?: unknown },
  candidate: { backer: { name: string; email: string } },
): FieldProblem {
  const empty = field === 'name' ? !candidate.backer.name : field === 'email' ? !candidate.backer.email : false;
  if (empty) return { kind: 'required' };
  if (issue.code === 'too_big' && typeof issue.maximum === 'number') return { kind: 'tooLong', max: issue.maximum };
  if (field === 'email') return { kind: 'emailInvalid' };
  if (field === 'amount') return { kind: 'amountInvalid' };
  return { kind: 'rewardUnavailable' };
}

/** Maps a request path (`backer.email`, `amount.amount`) to the field that fills it. */
export function fieldOf(path: string): Field | undefined {
  const head = path.split('.');
  if (head[0] === 'amount') return 'amount';
  if (head[0] === 'rewardId') return 'rewardId';
  if (head[0] === 'message') return 'message';
  if (head[0] === 'backer') return head[1] === 'email' ? 'email' : 'name';
  return undefined;
}
