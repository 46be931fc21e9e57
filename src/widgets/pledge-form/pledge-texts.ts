import type { Campaign } from '../../contract/index.js';
import { formatMoney } from '../../core/i18n/format.js';
import type { PartageElement } from '../../core/element/partage-element.js';
import { currencyAffix } from './amount-format.js';
import type { messages } from './pledge-form.messages.js';
import type { messages as interactionMessages } from './pledge-interaction.messages.js';
import type { Field } from './pledge-values.js';

/**
 * The words of the form's fields, shared by the fields, the alert that lists them and the submit
 * flow (what is wrong with a field is worded by problem-text.ts, which comes with the checks).
 */

/**
 * Every text of the form: those of its first paint, and those its interaction code brings (and
 * alone shows: field errors, the alert's list, the outcomes).
 */
export type PledgeMessages = typeof messages.en & typeof interactionMessages.en;

/** The pledge form as its templates see it: its texts and locale. */
export type PledgeTexts = PartageElement<PledgeMessages>;

/** An amount in the reader's locale. */
export const money = (el: Pick<PledgeTexts, 'resolvedLocale'>, m: Parameters<typeof formatMoney>[0]) =>
  formatMoney(m, el.resolvedLocale);

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
