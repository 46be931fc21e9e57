import { css } from 'lit';

export const neighbourhoodStatsStyles = css`
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: 0.25em 0.75em;
    margin-block-end: 0.75em;
  }
  .name {
    margin: 0;
    font-size: 1.15em;
    line-height: 1.25;
  }
  .city {
    margin: 0.15em 0 0;
  }
  dl {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr));
    gap: calc(var(--_gap) * 0.75);
    margin: 0;
  }
  .stat {
    display: flex;
    flex-direction: column;
    gap: 0.2em;
    padding: 0.75em;
    border-radius: calc(var(--_radius) / 1.5);
    background: var(--_surface-muted);
    min-inline-size: 0;
  }
  dt {
    font-size: 0.9em;
    font-weight: 600;
  }
  .hint {
    display: block;
    font-weight: 400;
    font-size: 0.9em;
    color: var(--_text-muted);
  }
  dd {
    /* The figure reads first on screen; the term stays first for assistive technology. */
    order: -1;
    margin: 0;
    font-size: 1.6em;
    font-weight: 700;
    line-height: 1.15;
    font-variant-numeric: tabular-nums;
    color: var(--_accent);
  }
  dd .skeleton {
    inline-size: 3.5ch;
    block-size: 1.15em;
  }
  .bar {
    display: block;
    margin-block-start: 0.35em;
    block-size: 0.35em;
    border-radius: 1em;
    background: var(--_border);
    overflow: hidden;
  }
  .bar > span {
    display: block;
    block-size: 100%;
    inline-size: var(--rate, 0%);
    background: var(--_accent);
  }
  .title-skeleton {
    inline-size: 14ch;
    block-size: 1.3em;
  }
  .city-skeleton {
    inline-size: 8ch;
    margin-block-start: 0.3em;
  }
  .updated {
    margin: 0.75em 0 0;
    font-size: 0.85em;
  }
  .visits table {
    inline-size: 100%;
    margin-block-start: var(--_gap);
    border-collapse: collapse;
  }
  caption {
    text-align: start;
    font-weight: 600;
  }
  .visits :is(th, td) {
    padding: 0.3em 0.5em;
    border-block-end: 1px solid var(--_border);
    text-align: start;
  }
  .visits td {
    text-align: end;
  }
`;
