import type { Field, FieldProblem } from './pledge-values.js';
import { money, type PledgeTexts } from './pledge-texts.js';

/*
 * What is wrong with a field, in the reader's language: only the checks and the submit flow find
 * problems, so this comes with them (pledge-interaction.ts) and the form asks its answers for it.
 */

export function problemText(
  el: Pick<PledgeTexts, 't' | 'resolvedLocale'>,
  problem: FieldProblem,
  field: Field,
): string {
  switch (problem.kind) {
    case 'required':
      return el.t(field === 'amount' ? 'requiredAmount' : field === 'email' ? 'requiredEmail' : 'requiredName');
    case 'amountInvalid':
      return el.t('amountInvalid');
    case 'amountPrecision':
      return el.t('amountPrecision', { digits: problem.digits });
    case 'belowMinimum':
      return el.t('belowMinimum', { minimum: money(el, problem.minimum), reason: problem.reason });
    case 'aboveMaximum':
      return el.t('aboveMaximum', { maximum: money(el, problem.maximum) });
    case 'emailInvalid':
      return el.t('emailInvalid');
    case 'tooLong':
      return el.t('tooLong', { max: problem.max });
    case 'soldOut':
      return el.t('soldOut', { title: problem.title });
    case 'rewardUnavailable':
      return el.t('rewardUnavailable');
    case 'server':
      return problem.message;
  }
}
