import { css } from 'lit';

export const campaignProgressStyles = css`
  .progress {
    display: grid;
    gap: calc(var(--_gap) * 0.75);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_gap);
  }
  :host([compact]) .progress {
    gap: calc(var(--_gap) * 0.5);
    padding: calc(var(--_gap) * 0.75);
  }
  p {
    margin: 0;
  }
  .headline {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: 0.25em 1em;
  }
  .raised {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 0.4em;
  }
  .amount {
    font-size: 1.75em;
    font-weight: 700;
    line-height: 1.2;
    font-variant-numeric: tabular-nums;
  }
  .percent {
    display: flex;
    align-items: baseline;
    gap: 0.3em;
  }
  .percent-value {
    font-size: 1.5em;
    font-weight: 700;
    line-height: 1.2;
    color: var(--_accent);
    font-variant-numeric: tabular-nums;
  }
  :host([compact]) .amount {
    font-size: 1.3em;
  }
  :host([compact]) .percent-value {
    font-size: 1.15em;
  }
  .stats {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(7.5rem, 1fr));
    gap: 0.5em var(--_gap);
    margin: 0;
  }
  .stat {
    display: flex;
    flex-direction: column-reverse;
    justify-content: flex-end;
    gap: 0.1em;
  }
  dt {
    font-size: 0.85em;
    color: var(--_text-muted);
  }
  dd {
    margin: 0;
    font-weight: 700;
    font-size: 1.1em;
    font-variant-numeric: tabular-nums;
  }
  :host([compact]) dd {
    font-size: 1em;
  }
  .outcome {
    justify-self: start;
  }
  .waitlist {
    background: var(--_surface-muted);
    border-inline-start: 4px solid var(--_warning);
    border-radius: calc(var(--_radius) / 2);
    padding: 0.5em 0.75em;
    font-size: 0.95em;
  }
  .live {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    justify-self: start;
    font-size: 0.8em;
    font-weight: 600;
    color: var(--_text-muted);
  }
  .live-dot {
    inline-size: 0.6em;
    block-size: 0.6em;
    border-radius: 50%;
    background: var(--_success);
  }

  /* Skeleton: same boxes as the loaded view. */
  .sk-amount {
    display: inline-block;
    inline-size: 7em;
    block-size: 2.1em;
  }
  .sk-text {
    display: inline-block;
    inline-size: 11em;
    block-size: 1em;
  }
  .sk-percent {
    display: inline-block;
    inline-size: 3.5em;
    block-size: 1.8em;
  }
  :host([compact]) .sk-amount {
    block-size: 1.56em;
  }
  :host([compact]) .sk-percent {
    block-size: 1.38em;
  }
  .sk-meter {
    block-size: calc(var(--partage-meter-height, 0.75rem) + 2px);
    border-radius: 999px;
  }
  .sk-label {
    inline-size: 5em;
    block-size: 0.9em;
  }
  .sk-value {
    inline-size: 3.5em;
    block-size: 1.3em;
  }
  .stats .stat:has(.skeleton) {
    flex-direction: column;
    gap: 0.3em;
  }
`;
