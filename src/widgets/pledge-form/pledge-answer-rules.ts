import type { PledgeData } from '../../core/data/pledge-data.js';
import { parseAmount } from './amount.js';
import { formatAmountInput } from './amount-format.js';
import type { AnswerRules } from './pledge-answers.js';
import { checkForm } from './pledge-validation.js';
import { problemText } from './problem-text.js';
import { floorOf, rewardOf, type FormValues } from './pledge-values.js';

/**
 * What the reader's answers become as they act, once the form is used (pledge-interaction.ts):
 * the checks, a reward taken, an amount left, and the words for what is wrong.
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

/** The rules the answers follow once the form's interaction code has arrived. */
export const answerRules: AnswerRules = { check: checkForm, withReward, withTidyAmount, problemText };
