import { css } from 'lit';

/**
 * Design tokens. Public knobs are `--partage-*` custom properties, inherited from the host
 * page; widgets read private `--_*` copies so a partner sets one variable and every widget
 * follows. Dark values apply with `theme="dark"`, or with `theme="auto"` (default) when the
 * reader prefers a dark scheme. Nothing is injected into the host page's global CSS.
 */
const darkTokens = css`
  --_accent: var(--partage-accent, #5fd3a8);
  --_accent-contrast: var(--partage-accent-contrast, #06241a);
  --_surface: var(--partage-surface, #161a18);
  --_surface-muted: var(--partage-surface-muted, #222825);
  --_text: var(--partage-text, #eef1ef);
  --_text-muted: var(--partage-text-muted, #b4bdb8);
  --_border: var(--partage-border, #3b4440);
  --_danger: var(--partage-danger, #ffb4ab);
  --_success: var(--partage-success, #7ddc9b);
  --_warning: var(--partage-warning, #f5c16c);
  --_focus: var(--partage-focus, #8ab4ff);
  --_skeleton: var(--partage-skeleton, #2c3330);
`;

export const themeStyles = css`
  :host {
    --_accent: var(--partage-accent, #0a6b4f);
    --_accent-contrast: var(--partage-accent-contrast, #ffffff);
    --_surface: var(--partage-surface, #ffffff);
    --_surface-muted: var(--partage-surface-muted, #f3f4f2);
    --_text: var(--partage-text, #1c1f1d);
    --_text-muted: var(--partage-text-muted, #4f5752);
    --_border: var(--partage-border, #cfd5d1);
    --_danger: var(--partage-danger, #b3261e);
    --_success: var(--partage-success, #1f6f3b);
    --_warning: var(--partage-warning, #8a5300);
    --_focus: var(--partage-focus, #1a56db);
    --_radius: var(--partage-radius, 0.75rem);
    --_gap: var(--partage-gap, 1rem);
    --_font: var(--partage-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_skeleton: var(--partage-skeleton, #e3e6e4);

    display: block;
    box-sizing: border-box;
    color: var(--_text);
    font-family: var(--_font);
    font-size: var(--partage-font-size, 1rem);
    line-height: 1.45;
    container-type: inline-size;
    /* Backend text may hold a 10 000-character word or a long URL: it wraps anywhere rather than
       pushing the widget wider than its box ('anywhere' also lets flex and grid items shrink). */
    overflow-wrap: anywhere;
  }
  :host([hidden]) {
    display: none;
  }
  :host([theme='dark']),
  :host(:state(dark)) {
    ${darkTokens}
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light']):not(:state(light))) {
      ${darkTokens}
    }
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .panel {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_gap);
  }
  .muted {
    color: var(--_text-muted);
  }
  button,
  .button {
    font: inherit;
    cursor: pointer;
    border-radius: calc(var(--_radius) / 1.5);
    border: 1px solid var(--_accent);
    background: var(--_accent);
    color: var(--_accent-contrast);
    padding: 0.5em 1em;
    min-height: 2.75rem;
    text-decoration: none;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.4em;
  }
  button.secondary,
  .button.secondary {
    background: transparent;
    color: var(--_accent);
  }
  button[disabled] {
    opacity: 0.6;
    cursor: not-allowed;
  }
  .skeleton {
    display: block;
    background: var(--_skeleton);
    border-radius: 0.4em;
    min-height: 1em;
  }
  /* Only a load that takes long pulses (the slow state, set after a second): a pulse keeps the
     compositor redrawing every skeleton of the page, which on a page of 100 cards delayed the
     frame showing their amounts by more than a second (BENCHMARKS.md). */
  @media (prefers-reduced-motion: no-preference) {
    :host(:state(slow)) .skeleton {
      animation: partage-pulse 1.4s ease-in-out infinite;
    }
  }
  @keyframes partage-pulse {
    50% {
      opacity: 0.55;
    }
  }
  .state {
    display: grid;
    gap: 0.5em;
    justify-items: start;
  }
  .state[role='alert'] {
    color: var(--_text);
    border-left: 4px solid var(--_danger);
    padding-left: 0.75em;
  }
  .stale {
    font-size: 0.85em;
    color: var(--_warning);
  }
`;
