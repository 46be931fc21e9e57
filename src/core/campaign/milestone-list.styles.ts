import { css } from 'lit';

/** Styles of the visible list of goals: its box and its items. */
export const milestoneListStyles = css`
  .milestones {
    list-style: none;
    margin: 0.5em 0 0;
    padding: 0;
    display: grid;
    gap: 0.25em;
    font-size: 0.9em;
  }
  .milestone {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 0.5em;
    color: var(--_text-muted);
  }
  .milestone.reached {
    color: var(--_text);
  }
  .milestone-dot {
    flex: none;
    inline-size: 0.7em;
    block-size: 0.7em;
    border-radius: 50%;
    border: 2px solid var(--_text-muted);
    align-self: center;
  }
  .milestone.reached .milestone-dot {
    background: var(--_accent);
    border-color: var(--_accent);
  }
  .milestone-title {
    font-weight: 600;
  }
  .milestone-target {
    font-variant-numeric: tabular-nums;
  }
  .milestone-state {
    font-size: 0.9em;
    color: var(--_text-muted);
  }
  .milestone-state::before {
    content: '· ';
  }
  .milestone.reached .milestone-state {
    color: var(--_success);
  }
`;
