import { nothing, type TemplateResult } from 'lit';
import { html } from '../../core/element/template.js';
import type { PledgeRequest, PledgeResult } from '../../contract/index.js';
import { formatMoney, formatNumber } from '../../core/i18n/format.js';
import type { PledgeData } from '../../core/data/pledge-data.js';
import type { CheckoutTarget } from './pledge-form.events.js';
import type { PledgeTexts } from './pledge-texts.js';

/*
 * The pledge's outcome, shown instead of the form once the backend accepted it: it comes with the
 * submit flow (pledge-interaction.ts), which alone can make a pledge.
 */

/** The backend accepted the pledge: thanks, the checkout link, or the waitlist position. */
export function outcomeView(
  el: PledgeTexts,
  { campaign: c, rewards }: PledgeData,
  { pledge, body }: { pledge: PledgeResult; body: PledgeRequest },
  checkoutTarget: CheckoutTarget,
  submission: { another(): Promise<void> },
): TemplateResult {
  const amount = formatMoney(pledge.amount, el.resolvedLocale);
  if (pledge.status === 'pending_payment') {
    const blank = checkoutTarget === '_blank';
    return html`<div class="outcome pending" part="base outcome outcome-pending-payment">
      <p class="title" id="pf-outcome" tabindex="-1" part="title">${el.t('checkoutTitle')}</p>
      <p>${el.t('checkoutText', { kind: c.kind, amount })}</p>
      <p>
        <a
          class="button"
          part="checkout-link"
          href=${pledge.checkoutUrl}
          target=${blank ? '_blank' : '_self'}
          rel="noopener"
          >${el.t('checkoutLink')}${blank ? ` ${el.t('newTab')}` : ''}</a
        >
      </p>
    </div>`;
  }
  if (pledge.status === 'waitlisted') {
    return html`<div class="outcome waitlisted" part="base outcome outcome-waitlisted">
      <p class="title" id="pf-outcome" tabindex="-1" part="title">${el.t('waitlistTitle')}</p>
      <p>${el.t('waitlistText', { amount, position: formatNumber(pledge.waitlistPosition, el.resolvedLocale) })}</p>
    </div>`;
  }
  const reward = pledge.rewardId ? rewards.find((r) => r.id === pledge.rewardId) : undefined;
  return html`<div class="outcome confirmed" part="base outcome outcome-confirmed">
    <p class="title" id="pf-outcome" tabindex="-1" part="title">${el.t('thanks', { name: body.backer.name })}</p>
    <p>${el.t('confirmed', { kind: c.kind, amount })}</p>
    ${reward ? html`<p>${el.t('yourReward', { title: reward.title })}</p>` : nothing}
    <p>
      <button type="button" class="secondary" part="another" @click=${() => void submission.another()}>
        ${el.t('another')}
      </button>
    </p>
  </div>`;
}
