import { css, nothing } from 'lit';
import { html } from './template.js';
import type { PartageElement } from './partage-element.js';

/**
 * The "Live" badge (a dot and the word) that lists and stats show while their stream is open.
 * One copy so that every widget's badge reads and looks the same next to each other.
 */
export const liveBadge = (el: PartageElement, on: boolean) =>
  on ? html`<span class="live" part="live">${el.t('live')}</span>` : nothing;

export const liveBadgeStyles = css`
  .live {
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
    font-size: 0.8em;
    color: var(--_success);
  }
  .live::before {
    content: '';
    inline-size: 0.55em;
    block-size: 0.55em;
    border-radius: 50%;
    background: currentColor;
  }
`;
