import type { Campaign } from '../../contract/index.js';
import { formatMoney } from '../../core/i18n/format.js';
import type { PartageElement } from '../../core/element/partage-element.js';
import { currencyAffix } from './amount-format.js';
import type { messages } from './pledge-form.messages.js';
import type { messages as interactionMessages } from './pledge-interaction.messages.js';
import type { Field, FieldProblem } from './pledge-values.js';

/**
 * The words of the form's fields and of what is wrong with them, shared by the fields, the alert
 * that lists them and the submit flow.
 */

/**
 * Every text of the form: those of its first paint, and those its interaction code brings (and
 * alone shows: field errors, the alert's list, the outcomes).
 */
export type PledgeMessages = typeof messages.en & typeof interactionMessages.en;

/** The pledge form as its templates see it: its texts and locale. */
export type PledgeTexts = PartageElement<PledgeMessages>;

/** An amount in the reader's locale. */
export const money = (el: PledgeTexts, m: Parameters<typeof formatMoney>[0]) => formatMoney(m, el.resolvedLocale);

export function problemText(el: PledgeTexts, problem: FieldProblem, field: Field): string {
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

export function labelOf(el: PledgeTexts, field: Field, c: Campaign): string {
  switch (field) {
    case 'rewardId':
      return el.t('rewardLabel');
    case 'amount':
      return el.t('amountLabel', {
        kind: c.kind,
        currency: currencyAffix(el.resolvedLocale, c.goal.currency).symbol,
      });
    case 'name':
      return el.t('nameLabel');
    case 'email':
      return el.t('emailLabel');
    case 'message':
      return el.t('messageLabel');
  }
}
