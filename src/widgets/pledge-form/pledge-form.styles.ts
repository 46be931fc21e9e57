import { css } from 'lit';

export const pledgeFormStyles = css`
  p {
    margin: 0;
  }
  .pledge,
  .outcome,
  .closed {
    display: grid;
    gap: 1em;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_gap);
  }
  .title {
    font-weight: 700;
    font-size: 1.15em;
  }
  .title:focus {
    outline: none;
  }
  .title:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .field {
    display: grid;
    gap: 0.3em;
    min-inline-size: 0;
  }
  label {
    font-weight: 600;
  }
  .optional,
  .hint,
  .counter,
  .small {
    font-weight: 400;
    color: var(--_text-muted);
    font-size: 0.875em;
  }
  .counter.low {
    color: var(--_warning);
    font-weight: 600;
  }
  input:not([type='checkbox']),
  select,
  textarea {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 1.5);
    padding: 0.5em 0.65em;
    min-block-size: 2.75rem;
    inline-size: 100%;
  }
  textarea {
    resize: vertical;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
    border-width: 2px;
  }
  .money {
    display: flex;
    align-items: stretch;
    max-inline-size: 16rem;
  }
  .money input {
    font-variant-numeric: tabular-nums;
    font-size: 1.15em;
  }
  .currency {
    display: grid;
    place-items: center;
    padding-inline: 0.75em;
    background: var(--_surface-muted);
    border: 1px solid var(--_border);
    color: var(--_text-muted);
    font-weight: 600;
  }
  .money.after input {
    border-start-end-radius: 0;
    border-end-end-radius: 0;
  }
  .money.after .currency {
    border-inline-start: 0;
    border-start-end-radius: calc(var(--_radius) / 1.5);
    border-end-end-radius: calc(var(--_radius) / 1.5);
  }
  .money.before .currency {
    order: -1;
    border-inline-end: 0;
    border-start-start-radius: calc(var(--_radius) / 1.5);
    border-end-start-radius: calc(var(--_radius) / 1.5);
  }
  .money.before input {
    border-start-start-radius: 0;
    border-end-start-radius: 0;
  }
  .check {
    display: flex;
    gap: 0.6em;
    align-items: flex-start;
  }
  .check input {
    inline-size: 1.2em;
    block-size: 1.2em;
    margin: 0.15em 0 0;
    accent-color: var(--_accent);
    flex: none;
  }
  .check label {
    font-weight: 400;
  }
  .field-error {
    color: var(--_danger);
    font-size: 0.9em;
    font-weight: 600;
  }
  .field-error::before {
    content: '⚠ ';
  }
  .alert:empty {
    display: none;
  }
  .alert {
    display: grid;
    gap: 0.5em;
    justify-items: start;
    border-inline-start: 4px solid var(--_danger);
    padding: 0.6em 0.85em;
    background: var(--_surface-muted);
    border-radius: 0.25em;
  }
  .alert ul,
  .alternatives ul {
    margin: 0;
    padding-inline-start: 1.2em;
  }
  .alert a {
    color: var(--_text);
    text-decoration: underline;
  }
  .alternatives {
    display: grid;
    gap: 0.4em;
  }
  .alternatives ul {
    list-style: none;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.4em;
  }
  .notices {
    display: grid;
    gap: 0.4em;
  }
  .notice {
    border-inline-start: 4px solid var(--_warning);
    padding: 0.4em 0.75em;
    background: var(--_surface-muted);
    border-radius: 0.25em;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  button[aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }
  .outcome.confirmed {
    border-inline-start: 6px solid var(--_success);
  }
  .outcome.pending {
    border-inline-start: 6px solid var(--_accent);
  }
  .outcome.waitlisted,
  .closed {
    border-inline-start: 6px solid var(--_warning);
  }
  .outcome .button {
    justify-self: start;
  }
  .sk-title {
    inline-size: 40%;
    block-size: 1.4em;
  }
  .sk-fields {
    display: grid;
    gap: 1em;
  }
  .sk-field {
    display: grid;
    gap: 0.4em;
  }
  .sk-label {
    inline-size: 9em;
  }
  .sk-input {
    block-size: 2.75rem;
  }
  .sk-button {
    inline-size: 8em;
    block-size: 2.75rem;
  }
`;
