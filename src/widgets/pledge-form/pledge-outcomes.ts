import { nothing, type TemplateResult } from 'lit';
import { html } from '../../core/element/template.js';
import type { Campaign, RewardTier } from '../../contract/index.js';
import { formatDate, formatMoney } from '../../core/i18n/format.js';
import type { PledgeTexts } from './pledge-texts.js';

/**
 * What the form shows instead of (or beside) its fields once something is decided: a closed
 * campaign, the rewards left after a sell-out, and the loading skeleton (the pledge's outcome
 * comes with the submit flow: pledge-outcome-view.ts). Plain template functions: the element
 * keeps the state and passes what each one needs.
 */

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
