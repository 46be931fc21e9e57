import { css } from 'lit';

export const agendaStyles = css`
  /* The live badge comes with the stream, after the first paint: it takes room kept for it from
     the start, so that it never pushes the heading onto another line (a layout shift). */
  .header {
    position: relative;
    padding-inline-end: 6.5em;
    margin-block-end: 0.5em;
  }
  .header .live {
    position: absolute;
    inset-block-start: 0.2em;
    inset-inline-end: 0;
    white-space: nowrap;
  }
  .title {
    margin: 0;
    font-size: 1.15em;
    line-height: 1.3;
  }
  .hint {
    margin: 0 0 0.75em;
    font-size: 0.9em;
  }
  .list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: calc(var(--_gap) * 0.75);
  }
  .item {
    padding: 0.75em;
    border-radius: calc(var(--_radius) / 1.5);
    background: var(--_surface-muted);
  }
  .item[data-cancelled] .item-title,
  .item[data-cancelled] time {
    text-decoration: line-through;
  }
  .item-title {
    margin: 0 0 0.3em;
    font-size: 1.05em;
    line-height: 1.3;
  }
  .facts {
    margin: 0;
    display: grid;
    gap: 0.15em;
  }
  .facts dd {
    margin: 0;
  }
  [part='when'] {
    font-weight: 600;
    color: var(--_accent);
  }
  .organiser,
  .description,
  .places,
  .mine {
    margin: 0.35em 0 0;
  }
  .places {
    font-variant-numeric: tabular-nums;
  }
  .mine {
    font-weight: 600;
  }
  .badge {
    display: inline-block;
    padding: 0.1em 0.6em;
    border-radius: 1em;
    border: 1px solid var(--_danger);
    color: var(--_text);
    font-weight: 600;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    margin-block-start: 0.6em;
  }
  .alert {
    margin: 0 0 0.75em;
    border-left: 4px solid var(--_danger);
    padding-left: 0.75em;
  }
  /* A typical item (title, date, place, organiser, description, places, two buttons). */
  .item-skeleton {
    block-size: 17em;
  }
`;
