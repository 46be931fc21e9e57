import { css, nothing } from 'lit';
import { html } from '../element/template.js';
import type { CampaignStatus } from '../../contract/index.js';
import { textsOf } from '../member/member-action.js';
import type { PartageElement } from '../element/partage-element.js';

/** Texts of the outcome badge; widgets that show it spread these into their catalogue. */
export const outcomeMessages = {
  en: { outcomeSucceeded: 'Funded', outcomeFailed: 'Goal not reached' },
  fr: { outcomeSucceeded: 'Financée', outcomeFailed: 'Objectif non atteint' },
};

/**
 * How an ended campaign turned out, as a badge (nothing while it is not over). The progress bar
 * and the countdown both show it: one copy keeps its words and colours the same.
 */
export function campaignOutcome(el: PartageElement, status: CampaignStatus | null) {
  if (status !== 'succeeded' && status !== 'failed') return nothing;
  const t = textsOf<typeof outcomeMessages.en>(el);
  return html`<p class="outcome ${status}" part="outcome">
    ${t(status === 'succeeded' ? 'outcomeSucceeded' : 'outcomeFailed')}
  </p>`;
}

export const outcomeStyles = css`
  .outcome {
    font-weight: 600;
    padding: 0.15em 0.6em;
    border-radius: 999px;
    border: 1px solid currentColor;
  }
  .outcome.succeeded {
    color: var(--_success);
  }
  .outcome.failed {
    color: var(--_danger);
  }
`;
