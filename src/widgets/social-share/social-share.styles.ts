import { css } from 'lit';

export const socialShareStyles = css`
  .share {
    display: grid;
    gap: 0.6em;
  }
  .title {
    margin: 0;
    font-weight: 650;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .icon {
    inline-size: 1.15em;
    block-size: 1.15em;
    flex: none;
  }
  a.button.secondary:hover,
  button.secondary:hover {
    background: color-mix(in srgb, var(--_accent) 10%, transparent);
  }
  .pill {
    inline-size: 7.5rem;
    block-size: 2.75rem;
    border-radius: calc(var(--_radius) / 1.5);
  }
  .status {
    margin: 0;
    min-block-size: 1.45em;
    display: flex;
    align-items: center;
    gap: 0.35em;
    color: var(--_success);
    font-weight: 600;
  }
  .manual {
    display: grid;
    gap: 0.3em;
  }
  .manual input {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    padding: 0.5em 0.65em;
    min-block-size: 2.75rem;
    inline-size: 100%;
  }
  .manual p {
    margin: 0;
    font-size: 0.9em;
  }
`;
