import { css } from 'lit';

export const shareBoardStyles = css`
  .board {
    display: grid;
    gap: var(--_gap);
  }
  h1,
  h2,
  h3,
  h4,
  h5,
  h6 {
    margin: 0;
    line-height: 1.25;
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: flex-start;
    gap: 0.75em;
  }
  .board-title {
    font-size: 1.25em;
  }
  .subtitle {
    margin: 0.2em 0 0;
  }
  .title-skeleton {
    display: inline-block;
    inline-size: 16ch;
    block-size: 1.2em;
  }
  .header-actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 0.75em;
  }
  .sign-in-prompt {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 0.75em;
  }
  .sign-in-prompt p {
    margin: 0;
    max-inline-size: 26ch;
    font-size: 0.9em;
  }
  .post-panel {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_gap);
    background: var(--_surface);
    display: grid;
    gap: 0.75em;
  }
  .post-panel[hidden] {
    display: none;
  }
  .post-heading {
    font-size: 1.1em;
  }

  /* Filters: one row on wide boards, stacked on narrow ones. */
  form.filters {
    display: grid;
    gap: 0.75em;
    align-items: end;
    padding-block: 0.75em;
    border-block: 1px solid var(--_border);
  }
  @container (min-width: 46rem) {
    form.filters {
      grid-template-columns: auto 1fr 1fr 1.4fr auto;
    }
  }
  .filters .clear {
    justify-self: start;
  }

  .count {
    margin: 0 0 0.5em;
    font-size: 0.9em;
  }
  .list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.6em;
  }
  .list.dimmed {
    opacity: 0.55;
  }
  .listing {
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 1.5);
    padding: 0.75em 0.9em;
    background: var(--_surface);
  }
  .listing.status-closed {
    background: var(--_surface-muted);
  }
  .listing article {
    display: grid;
    gap: 0.3em;
  }
  .skeleton-listing {
    display: grid;
    gap: 0.5em;
  }
  .skeleton.line {
    block-size: 0.9em;
  }
  .skeleton.short {
    inline-size: 30%;
  }
  .skeleton.title-line {
    inline-size: 65%;
    block-size: 1.2em;
  }
  .badges {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.35em 0.6em;
    font-size: 0.85em;
  }
  .badge {
    display: inline-block;
    padding: 0.1em 0.55em;
    border-radius: 1em;
    font-weight: 650;
    border: 1px solid currentColor;
  }
  .kind-offer {
    color: var(--_accent);
  }
  .kind-request {
    color: var(--_text);
  }
  .status {
    margin-inline-start: auto;
  }
  .status-open.status {
    color: var(--_success);
  }
  .status-reserved.status {
    color: var(--_warning);
  }
  .status-closed.status {
    color: var(--_text-muted);
  }
  .listing-title {
    font-size: 1.05em;
  }
  .toggle {
    all: unset;
    box-sizing: border-box;
    cursor: pointer;
    font-weight: 650;
    color: var(--_text);
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    min-block-size: 2rem;
    overflow-wrap: anywhere;
  }
  .toggle::after {
    content: '';
    inline-size: 0.45em;
    block-size: 0.45em;
    border-inline-end: 2px solid currentColor;
    border-block-end: 2px solid currentColor;
    transform: rotate(45deg) translateY(-0.15em);
    flex: none;
  }
  .toggle[aria-expanded='true']::after {
    transform: rotate(-135deg) translateY(-0.1em);
  }
  .toggle:hover {
    text-decoration: underline;
  }
  .toggle:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
    border-radius: 0.2em;
  }
  .meta,
  .facts {
    margin: 0;
    font-size: 0.9em;
  }
  .detail {
    display: grid;
    gap: 0.6em;
    margin-block-start: 0.4em;
    padding-block-start: 0.6em;
    border-block-start: 1px dashed var(--_border);
  }
  .detail[hidden] {
    display: none;
  }
  .description {
    margin: 0;
    white-space: pre-line;
    overflow-wrap: anywhere;
  }
  .listing-actions {
    display: grid;
    gap: 0.6em;
  }
  .closed-note {
    margin: 0;
  }
  .action-form {
    border-inline-start: 3px solid var(--_accent);
    padding-inline-start: 0.75em;
  }
  .empty {
    margin: 0;
    padding: 1em 0;
  }
  .more {
    margin-block-start: 0.75em;
  }
  .more-error {
    margin: 0.5em 0 0;
    color: var(--_danger);
  }

  /* Partner services read as a different kind of entry: tinted cards with a badge. */
  .partners {
    display: grid;
    gap: 0.6em;
  }
  .partners-heading {
    font-size: 1.05em;
  }
  .partner-list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.6em;
    grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
  }
  .partner {
    display: grid;
    gap: 0.35em;
    align-content: start;
    padding: 0.75em 0.9em;
    border-radius: calc(var(--_radius) / 1.5);
    background: var(--_surface-muted);
    border: 1px dashed var(--_accent);
  }
  .partner-badge {
    color: var(--_accent-contrast);
    background: var(--_accent);
    border-color: var(--_accent);
  }
  .partner-name {
    font-size: 1em;
  }
  .partner-description {
    margin: 0;
    font-size: 0.9em;
  }
  .partner-link {
    color: var(--_accent);
    font-weight: 600;
    justify-self: start;
  }
  .partner-leaves {
    display: block;
    color: var(--_text-muted);
    font-size: 0.85em;
    font-weight: normal;
  }
`;
