import { css } from 'lit';

export const backersStyles = css`
  .header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.5em;
    margin-block-end: 0.5em;
  }
  .title {
    margin: 0;
    font-weight: 650;
    font-size: 1.05em;
  }
  .list {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .backer {
    display: grid;
    grid-template-columns: 2.25rem 1fr;
    gap: 0.75em;
    align-items: start;
    padding-block: 0.65em;
    border-block-start: 1px solid var(--_border);
    border-radius: 0.25em;
  }
  .backer:first-child {
    border-block-start: 0;
  }
  .avatar {
    display: grid;
    place-items: center;
    inline-size: 2.25rem;
    block-size: 2.25rem;
    border-radius: 50%;
    background: var(--_accent);
    color: var(--_accent-contrast);
    font-weight: 650;
  }
  .avatar.anonymous {
    background: var(--_surface-muted);
    color: var(--_text-muted);
    border: 1px solid var(--_border);
  }
  .body {
    display: grid;
    gap: 0.15em;
    min-inline-size: 0;
  }
  .line {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0 0.75em;
  }
  .name {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .amount {
    font-variant-numeric: tabular-nums;
    font-weight: 600;
  }
  .message {
    overflow-wrap: anywhere;
  }
  .time {
    font-size: 0.85em;
  }
  .skeleton.bar {
    block-size: 1em;
    inline-size: 70%;
  }
  .skeleton.bar.short {
    inline-size: 40%;
    block-size: 0.8em;
    margin-block-start: 0.35em;
  }
  .avatar.skeleton {
    background: var(--_skeleton);
  }
  .empty {
    margin: 0.5em 0;
  }
  .more {
    margin-block-start: 0.75em;
    inline-size: 100%;
  }
  .more-error {
    margin: 0.75em 0 0;
    padding-inline-start: 0.75em;
    border-inline-start: 4px solid var(--_danger);
  }
`;
