import { css } from 'lit';

export const pollStyles = css`
  /* The live badge comes with the stream, after the first paint: it takes room kept for it from
     the start, so that it never pushes the heading onto another line (a layout shift). */
  .header {
    position: relative;
    padding-inline-end: 6.5em;
  }
  .header .live {
    position: absolute;
    inset-block-start: 0.2em;
    inset-inline-end: 0;
    white-space: nowrap;
  }
  .question {
    margin: 0;
    font-size: 1.15em;
    line-height: 1.3;
  }
  .meta {
    margin: 0.25em 0 0.5em;
    font-size: 0.9em;
  }
  .description {
    margin: 0 0 0.75em;
  }
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.4em;
  }
  .hint {
    margin: 0 0 0.25em;
    font-size: 0.9em;
  }
  .option {
    display: flex;
    align-items: center;
    gap: 0.6em;
    min-block-size: 2.75rem;
    padding: 0.35em 0.75em;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 1.5);
    cursor: pointer;
  }
  .option:has(input:checked) {
    border-color: var(--_accent);
  }
  .option:has(input:disabled) {
    cursor: not-allowed;
    opacity: 0.7;
  }
  .option input {
    inline-size: 1.15em;
    block-size: 1.15em;
    margin: 0;
    accent-color: var(--_accent);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    margin-block-start: 0.75em;
  }
  .alert {
    margin: 0.75em 0 0;
    border-left: 4px solid var(--_danger);
    padding-left: 0.75em;
  }
  .notice,
  .mine {
    margin: 0.5em 0 0;
  }
  .results {
    margin-block-start: 1em;
  }
  .results-title {
    margin: 0;
    font-size: 1em;
  }
  .voters {
    margin: 0.25em 0 0.5em;
    font-size: 0.9em;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.6em;
  }
  .result {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 0.2em 0.75em;
  }
  .result-figures {
    font-variant-numeric: tabular-nums;
    font-weight: 600;
  }
  .mine-tag {
    font-size: 0.85em;
    color: var(--_text-muted);
  }
  .bar {
    grid-column: 1 / -1;
    display: block;
    block-size: 0.6em;
    border-radius: 1em;
    background: var(--_surface-muted, var(--_border));
    overflow: hidden;
  }
  .bar > span {
    display: block;
    block-size: 100%;
    inline-size: var(--share, 0%);
    background: var(--_accent);
  }
  .title-skeleton {
    inline-size: 20ch;
    block-size: 1.3em;
  }
  .line-skeleton {
    margin-block-start: 0.6em;
    block-size: 2.75rem;
  }
  /* The description, vote button and results of a typical poll: the loaded poll takes about the
     same room, so the text below it barely moves when it arrives (npm run bench:cls). */
  .results-skeleton {
    margin-block-start: 1em;
    block-size: 20em;
  }
`;
