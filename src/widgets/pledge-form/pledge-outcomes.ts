import { html, nothing, type TemplateResult } from 'lit';
import type { Campaign, PledgeRequest, PledgeResult, RewardTier } from '../../contract/index.js';
import { formatDate, formatMoney, formatNumber } from '../../core/i18n/format.js';
import type { PledgeData } from '../../core/data/pledge-data.js';
import type { CheckoutTarget } from './pledge-form.events.js';
import type { PledgeTexts } from './pledge-texts.js';

/**
 * What the form shows instead of (or beside) its fields once something is decided: the pledge's
 * outcome, a closed campaign, the rewards left after a sell-out, and the loading skeleton. Plain
 * template functions: the element keeps the state and passes what each one needs.
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

/**
 * Shown instead of the form when the campaign takes no pledges. `closedNow` (the backend said it
 * closed) always means ended, whatever the dates say.
 */
export function closedView(el: PledgeTexts, c: Campaign, closedNow: boolean): TemplateResult {
  const upcoming =
    !closedNow &&
    (c.status === 'upcoming' || Date.parse(c.startsAt) > Date.now()) &&
    c.status !== 'succeeded' &&
    c.status !== 'failed';
  return html`<div class="closed" part="base closed">
    <p class="title" id="pf-closed" tabindex="-1" part="title">${el.t(upcoming ? 'upcomingTitle' : 'endedTitle')}</p>
    <p>
      ${
        upcoming
          ? el.t('upcomingText', { date: formatDate(c.startsAt, el.resolvedLocale, { dateStyle: 'long' }) })
          : el.t('endedText')
      }
    </p>
  </div>`;
}

/** The rewards still available after the chosen one sold out (or became unavailable). */
export function alternativesView(
  el: PledgeTexts,
  alternatives: readonly RewardTier[],
  choose: (rewardId: string) => void,
): TemplateResult | typeof nothing {
  if (alternatives.length === 0) return nothing;
  return html`<div class="alternatives" part="alternatives" role="group" aria-labelledby="pf-alternatives">
    <p id="pf-alternatives">${el.t('alternatives')}</p>
    <ul>
      ${alternatives.map(
        (r) =>
          html`<li>
            <button type="button" class="secondary" @click=${() => choose(r.id)}>
              ${el.t('chooseAlternative', { title: r.title, minimum: formatMoney(r.minimum, el.resolvedLocale) })}
            </button>
          </li>`,
      )}
    </ul>
  </div>`;
}

/** Same boxes as the form, so nothing moves when the campaign arrives. */
export function skeletonView(el: PledgeTexts): TemplateResult {
  const field = html`<span class="sk-field"
    ><span class="skeleton sk-label"></span><span class="skeleton sk-input"></span
  ></span>`;
  return html`<div class="pledge" part="base" aria-busy="true">
    <span class="visually-hidden">${el.t('loading')}</span>
    <span class="skeleton sk-title" aria-hidden="true"></span>
    <span class="sk-fields" aria-hidden="true">${field}${field}${field}${field}${field}${field}</span>
    <span class="skeleton sk-button" aria-hidden="true"></span>
  </div>`;
}
