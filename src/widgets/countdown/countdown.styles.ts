import { css } from 'lit';

export const countdownStyles = css`
  p {
    margin: 0;
  }
  .countdown {
    display: grid;
    gap: 0.5em;
    justify-items: start;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_gap);
  }
  .label {
    font-size: 0.9em;
    font-weight: 600;
    color: var(--_text-muted);
  }
  .units {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .unit {
    display: grid;
    justify-items: center;
    min-inline-size: 4.5em;
    padding: 0.4em 0.6em;
    border-radius: calc(var(--_radius) / 1.5);
    background: var(--_surface-muted);
  }
  .value {
    font-size: 1.9em;
    font-weight: 700;
    line-height: 1.1;
    color: var(--_accent);
    font-variant-numeric: tabular-nums;
  }
  .unit-label {
    font-size: 0.8em;
    color: var(--_text-muted);
  }
  .last-minute {
    font-size: 1.3em;
    font-weight: 700;
    color: var(--_accent);
    padding: 0.4em 0;
  }
  .date {
    font-size: 0.85em;
    color: var(--_text-muted);
  }
  .ended-text {
    font-weight: 600;
  }

  /* Skeleton: same boxes as the running countdown. */
  .sk-label {
    inline-size: 5em;
    block-size: 1.3em;
  }
  .sk-unit {
    block-size: 3.75em;
    border-radius: calc(var(--_radius) / 1.5);
  }
  .sk-date {
    inline-size: 14em;
    block-size: 1.2em;
  }
`;
