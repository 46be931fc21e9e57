import { css } from 'lit';

export const rewardTiersStyles = css`
  p {
    margin: 0;
  }
  .tiers {
    display: grid;
    gap: 0.75em;
  }
  fieldset,
  .sk-fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    min-inline-size: 0;
    display: grid;
    gap: 0.75em;
  }
  legend {
    padding: 0;
    margin-block-end: 0.75em;
    font-weight: 650;
    font-size: 1.05em;
  }
  .list {
    display: grid;
    gap: 0.75em;
  }
  .tier {
    position: relative;
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.35em 0.75em;
    padding: var(--_gap);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .tier input {
    margin: 0.2em 0 0;
    inline-size: 1.2em;
    block-size: 1.2em;
    accent-color: var(--_accent);
    cursor: pointer;
  }
  /* The card shows the focus ring; the radio inside it stays plain. */
  .tier input:focus-visible {
    outline: none;
  }
  .tier:has(input:focus-visible) {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: baseline;
    gap: 0.15em 1em;
    font-weight: 650;
    cursor: pointer;
    min-inline-size: 0;
  }
  /* The whole card is the label's click target, not only its first line. */
  label.head::after {
    content: '';
    position: absolute;
    inset: 0;
    border-radius: inherit;
  }
  .title {
    overflow-wrap: anywhere;
  }
  .minimum {
    color: var(--_accent);
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .details {
    grid-column: 2;
    display: grid;
    gap: 0.4em;
    min-inline-size: 0;
  }
  .description {
    white-space: pre-line;
    overflow-wrap: anywhere;
  }
  .facts {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.2em 1.25em;
    font-size: 0.875em;
    color: var(--_text-muted);
  }
  .facts .low {
    color: var(--_warning);
    font-weight: 600;
  }
  .checked {
    border-color: var(--_accent);
    box-shadow: inset 0 0 0 1px var(--_accent);
  }
  .disabled {
    background: var(--_surface-muted);
  }
  .disabled .head,
  .disabled input {
    cursor: not-allowed;
  }
  .disabled .minimum {
    color: var(--_text-muted);
  }
  .disabled .title,
  .disabled .minimum {
    text-decoration: line-through;
    text-decoration-thickness: 1px;
  }
  .status {
    justify-self: start;
    font-size: 0.8em;
    font-weight: 700;
    text-transform: uppercase;
    letter-spacing: 0.04em;
    padding: 0.1em 0.55em;
    border-radius: 999px;
    border: 1px solid var(--_border);
    color: var(--_text);
    background: var(--_surface);
  }
  .sk-radio {
    inline-size: 1.2em;
    block-size: 1.2em;
    min-height: 0;
    border-radius: 50%;
  }
  .sk-legend {
    inline-size: 12em;
    block-size: 1.3em;
  }
  .sk-title {
    inline-size: 45%;
    block-size: 1.2em;
  }
  .sk-minimum {
    inline-size: 5em;
    block-size: 1.2em;
  }
  .sk-line {
    inline-size: 100%;
  }
  .sk-short {
    inline-size: 60%;
  }
`;
