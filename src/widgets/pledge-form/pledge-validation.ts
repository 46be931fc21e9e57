import type { Campaign, PledgeRequest, RewardTier } from '../../contract/index.js';
import { PledgeRequest as PledgeRequestSchema } from '../../contract/pledge.js';
import { checkPledge } from '../../contract/rules.js';
import { currencyDigits } from '../../core/i18n/format.js';
import { parseAmount } from './amount.js';
import {
  floorOf,
  rewardOf,
  type Field,
  type FieldErrors,
  type FieldProblem,
  type FormValues,
} from './pledge-values.js';

/*
 * The form's checks, loaded with its first use (pledge-interaction.ts): the contract's own schema
 * and the shared pledge rules, and where a backend's error path lands in the form.
 */

export interface Checked {
  /** The request to send, when every field is valid. */
  request: PledgeRequest | undefined;
  errors: FieldErrors;
  /** The campaign does not take pledges (now). */
  closed: boolean;
}

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
