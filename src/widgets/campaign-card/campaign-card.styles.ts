import { css } from 'lit';

export const campaignCardStyles = css`
  :host {
    max-inline-size: 100%;
  }
  p {
    margin: 0;
  }
  .card {
    position: relative;
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    overflow: hidden;
  }
  /* The whole card is the link's target; the ring goes around the card, not the title. */
  .card:has(.link:focus-visible) {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .link:focus-visible {
    outline: none;
  }
  .media {
    position: relative;
    aspect-ratio: var(--partage-card-media-ratio, 16 / 9);
    background: var(--_surface-muted);
    overflow: hidden;
  }
  .media > * {
    position: absolute;
    inset: 0;
    inline-size: 100%;
    block-size: 100%;
  }
  .media img {
    object-fit: cover;
  }
  .placeholder {
    display: grid;
    place-items: center;
    background:
      radial-gradient(circle at 80% 20%, rgb(255 255 255 / 0.25), transparent 45%),
      linear-gradient(135deg, hsl(var(--_hue) 55% 42%), hsl(calc(var(--_hue) + 50) 60% 28%));
  }
  .initial {
    font-size: 4.5rem;
    font-weight: 700;
    line-height: 1;
    color: rgb(255 255 255 / 0.4);
  }
  .body {
    display: grid;
    gap: 0.5rem;
    align-content: start;
    padding: var(--_gap);
  }
  .badge {
    position: absolute;
    inset-block-start: 0.75rem;
    inset-inline-start: 0.75rem;
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    padding: 0.2em 0.7em;
    border-radius: 999px;
    font-size: 0.8em;
    font-weight: 600;
    background: var(--_surface);
    color: var(--_text);
    box-shadow: 0 1px 3px rgb(0 0 0 / 0.25);
  }
  .badge.live {
    background: var(--_accent);
    color: var(--_accent-contrast);
  }
  .badge.succeeded {
    color: var(--_success);
  }
  .badge.failed {
    color: var(--_danger);
  }
  .live-dot {
    inline-size: 0.5em;
    block-size: 0.5em;
    border-radius: 50%;
    background: currentColor;
  }
  .title {
    margin: 0;
    font-size: 1.15em;
    line-height: 1.3;
  }
  .link {
    color: var(--_text);
    text-decoration: none;
  }
  .link::after {
    content: '';
    position: absolute;
    inset: 0;
    z-index: 1;
  }
  .link:hover {
    color: var(--_accent);
    text-decoration: underline;
  }
  .creator {
    font-size: 0.9em;
    color: var(--_text-muted);
  }
  .tagline {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 3;
    overflow: hidden;
  }
  .progress {
    display: grid;
    gap: 0.5rem;
    margin-block-start: 0.25rem;
  }
  .stats {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(5.5rem, 1fr));
    gap: 0.4rem 0.75rem;
    margin: 0;
  }
  .stat {
    display: flex;
    flex-direction: column-reverse;
    justify-content: flex-end;
  }
  dt {
    font-size: 0.8em;
    color: var(--_text-muted);
  }
  dd {
    margin: 0;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }
  .waitlist {
    font-size: 0.85em;
    border-inline-start: 3px solid var(--_warning);
    padding-inline-start: 0.5em;
  }

  /* Wide containers: image beside the text. */
  @container (min-width: 36rem) {
    .card {
      grid-template-columns: minmax(0, 2fr) minmax(0, 3fr);
    }
    .media {
      aspect-ratio: auto;
      min-block-size: 12rem;
    }
    .title {
      font-size: 1.35em;
    }
  }

  /* Error state: the message, then the blogger's own link. */
  .failed-card {
    display: grid;
    gap: 0.75rem;
    padding: var(--_gap);
  }
  ::slotted(a) {
    color: var(--_accent);
    font-weight: 600;
  }

  /* Skeleton: same boxes as the card. */
  .sk-media {
    border-radius: 0;
  }
  .sk-badge {
    position: absolute;
    inset-block-start: 0.75rem;
    inset-inline-start: 0.75rem;
    inline-size: 5em;
    block-size: 1.6em;
    font-size: 0.8em;
  }
  .sk-title {
    inline-size: 85%;
    block-size: 1.3em;
    font-size: 1.15em;
  }
  .sk-title.short {
    inline-size: 55%;
  }
  .sk-line {
    block-size: 1em;
  }
  .sk-line.short {
    inline-size: 40%;
  }
  .sk-meter {
    block-size: calc(var(--partage-meter-height, 0.75rem) + 2px);
    border-radius: 999px;
  }
  .stats .sk-stat {
    block-size: 2.6em;
  }
  @container (min-width: 36rem) {
    .sk-title {
      font-size: 1.35em;
    }
  }
`;
