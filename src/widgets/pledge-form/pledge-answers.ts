import { formatAmountInput, parseAmount } from './amount.js';
import type { PledgeData } from '../../core/data/pledge-data.js';
import { FIELDS, floorOf, rewardOf, type Field, type FieldErrors, type FormValues } from './pledge-validation.js';

/**
 * What the reader's answers become as they act: a reward taken, an amount left, the errors that
 * show. Pure functions; the element decides when to call them and keeps the result.
 */

/**
 * The answers with a reward chosen anywhere: the amount is raised to its minimum when lower (or
 * empty). A reward this campaign does not have (a stale link, another campaign's id) means none.
 */
export function withReward(values: FormValues, d: PledgeData, rewardId: string, locale: string): FormValues {
  const reward = rewardOf(d.rewards, rewardId);
  const next = { ...values, rewardId: reward ? rewardId : '' };
  if (reward) {
    const currency = d.campaign.goal.currency;
    const floor = floorOf(d.campaign, reward).minimum.amount;
    const parsed = parseAmount(next.amount, locale, currency);
    if (parsed.ok ? parsed.minor < floor : parsed.problem === 'empty') {
      next.amount = formatAmountInput(floor, locale, currency);
    }
  }
  return next;
}

/** The amount written the locale's way once the reader leaves it; the same answers if unreadable. */
export function withTidyAmount(values: FormValues, currency: string, locale: string): FormValues {
  const parsed = parseAmount(values.amount, locale, currency);
  return parsed.ok ? { ...values, amount: formatAmountInput(parsed.minor, locale, currency) } : values;
}

/**
 * The errors to show after a new check: those of fields `shown` (left once, or all after a
 * submit); a server's message stays until its field is `edited`.
 */
export function shownErrors(
  before: FieldErrors,
  now: FieldErrors,
  edited: readonly Field[],
  shown: (field: Field) => boolean,
): FieldErrors {
  const errors: FieldErrors = {};
  for (const field of FIELDS) {
    const previous = before[field];
    const current = now[field];
    if (previous?.kind === 'server' && !edited.includes(field)) errors[field] = previous;
    else if (current && shown(field)) errors[field] = current;
  }
  return errors;
}
