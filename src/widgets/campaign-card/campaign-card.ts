import { nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { html } from '../../core/element/template.js';
import { cssProps, serverStyle } from '../../core/element/css-props.js';
import type { Campaign, Money } from '../../contract/index.js';
import { CampaignSource } from '../../core/data/campaign-source.js';
import {
  formatDate,
  formatDuration,
  formatMoney,
  formatNumber,
  formatPercent,
  timeLeft,
} from '../../core/i18n/format.js';
import { PartageElement } from '../../core/element/partage-element.js';
import { meterBarStyles, meterModel, progressMeter } from '../../core/campaign/progress-meter.js';
import { errorView, noApiView, staleNotice, quietView } from '../../core/element/views.js';
import { messages } from './campaign-card.messages.js';
import { campaignCardStyles } from './campaign-card.styles.js';

type HeadingLevel = 2 | 3 | 4 | 5 | 6;

/**
 * @summary A campaign card for blogs and partner pages: image, title, creator, tagline, progress,
 * time left and status, linking to the campaign page. Fluid from 240 px to full width.
 *
 * Put a plain link to the campaign inside the element: it is what readers without JavaScript,
 * crawlers and feed readers see, and it comes back next to the error message if the campaign
 * cannot be loaded.
 *
 * @slot - Fallback content (typically `<a href="…">Campaign title</a>`), shown before the card
 * is upgraded, without JavaScript, and with the error state.
 *
 * @event {CustomEvent<PartageErrorDetail>} partage-error - A load failed; `detail.operation` is `getCampaign`, `detail.error` the error.
 *
 * @csspart base - The card (`article`).
 * @csspart media - Image area.
 * @csspart image - The campaign's image.
 * @csspart placeholder - Decorative gradient shown when the campaign has no image.
 * @csspart badge - Status badge; also `status-upcoming`, `status-live`, `status-succeeded` or `status-failed`.
 * @csspart title - The heading.
 * @csspart link - Link to the campaign page (covers the whole card).
 * @csspart creator - Creator's name.
 * @csspart tagline - Tagline.
 * @csspart meter - The funding bar (`role="meter"`).
 * @csspart meter-fill - Filled part of the bar.
 * @csspart meter-overflow - Part of the bar raised beyond the goal.
 * @csspart milestone-marker - A goal's tick on the bar; reached ones also have `milestone-marker-reached`.
 * @csspart stats - Amount raised, percentage, backers, time left.
 * @csspart stat - One figure.
 * @csspart waitlist - Oversubscription wording (equity).
 * @csspart fallback - Wrapper of the slotted fallback content in the error state.
 * @csspart error - Error state.
 * @csspart retry - Retry button.
 *
 * @cssproperty --partage-accent - Colour of the bar, the link and the live badge.
 * @cssproperty --partage-radius - Corner radius of the card.
 * @cssproperty --partage-card-media-ratio - Aspect ratio of the image in the narrow layout (default 16 / 9).
 *
 * @cssstate loading - Data is loading (skeleton shown).
 * @cssstate error - Data could not be loaded.
 * @cssstate stale - Data is shown but the latest refresh failed.
 * @cssstate overfunded - More than 100 % of the goal is raised.
 * @cssstate upcoming - The campaign has not started.
 * @cssstate ended - The campaign is over.
 *
 * @tag partage-campaign-card
 */
export class PartageCampaignCard extends PartageElement<typeof messages.en> {
  // The card keeps its list of goals for assistive technologies only: the bar's styles suffice.
  static override styles = [...PartageElement.styles, meterBarStyles, campaignCardStyles];

  // Static properties rather than decorators: the card's file then carries no decorator code.
  static override properties: PropertyDeclarations = {
    campaign: { reflect: true },
    headingLevel: { attribute: 'heading-level', type: Number },
  };

  /** The campaign's id or slug. */
  declare campaign?: string;
  /**
   * Level of the card's heading (2–6), to fit the outline of the host page; default: the
   * provider's, else 2 (a card in an article sits under its h1).
   */
  declare headingLevel?: HeadingLevel;

  protected readonly catalogue = messages;

  /** The image failed to load: the gradient placeholder takes its place. */
  #imageFailed = false;

  readonly #source = new CampaignSource(this, { campaign: () => this.campaign, totals: true });
  readonly #data = this.#source.data;
  readonly #live = this.#source.live;

  /** Reloads the campaign (the retry button does the same); keeps the card on screen meanwhile. */
  reload(): Promise<void> {
    return this.#data.reload();
  }

  /** The loaded campaign, only if it is the one asked for (not the previous one while switching). */
  get #current(): Campaign | undefined {
    return this.#source.current;
  }

  #lastImage: string | null = null;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const c = this.#current;
    // A new image gets its own chance to load.
    if ((c?.imageUrl ?? null) !== this.#lastImage) {
      this.#lastImage = c?.imageUrl ?? null;
      this.#imageFailed = false;
    }
    const ratio = c ? meterModel(c).ratio : null;
    this.setState('loading', !c && this.#data.status !== 'error' && !this.#data.stale);
    this.setState('error', !c && (this.#data.status === 'error' || this.#data.stale));
    this.setState('stale', !!c && this.#data.stale);
    this.setState('overfunded', ratio !== null && ratio > 1);
    this.setState('upcoming', c?.status === 'upcoming');
    this.setState('ended', c?.status === 'succeeded' || c?.status === 'failed');
  }

  protected override render(): TemplateResult {
    if (!this.client) return this.#withFallback(noApiView(this));
    if (!this.campaign) {
      return this.#withFallback(
        html`<div class="state" role="alert" part="error"><p>${this.t('errorNoCampaign')}</p></div>`,
      );
    }
    const c = this.#current;
    if (c) return this.#card(c);
    if (this.#data.status === 'error' || this.#data.stale) {
      return this.#withFallback(errorView(this, this.#data.error, () => void this.#data.reload()));
    }
    return this.#data.quiet ? quietView() : this.#skeleton();
  }

  /** The error, then the blogger's own link, so readers can still reach the campaign. */
  #withFallback(view: TemplateResult): TemplateResult {
    return html`<div class="card failed-card" part="base">
      ${view}
      <div class="fallback" part="fallback"><slot></slot></div>
    </div>`;
  }

  #money(m: Money, compact = false): string {
    return formatMoney(m, this.resolvedLocale, { compact });
  }

  #card(c: Campaign): TemplateResult {
    const locale = this.resolvedLocale;
    const { shownRatio } = meterModel(c);
    return html`<article class="card" part="base">
      <div class="media" part="media">${this.#media(c)}</div>
      <div class="body">
        ${this.#badge(c)} ${this.#heading(html`<a class="link" part="link" href=${c.url}>${c.title}</a>`)}
        <p class="creator" part="creator">${this.t('by', { name: c.creator.name })}</p>
        <p class="tagline" part="tagline">${c.tagline}</p>
        ${staleNotice(this, this.#data)}
        <div class="progress">
          ${progressMeter(this, c, { compact: true, milestoneList: 'hidden' })}
          <dl class="stats" part="stats">
            <div class="stat" part="stat">
              <dt>${this.t('raisedOf', { goal: this.#money(c.goal, true) })}</dt>
              <dd>${this.#money(c.pledged, true)}</dd>
            </div>
            ${
              shownRatio === null
                ? nothing
                : html`<div class="stat" part="stat">
                    <dt>${this.t('ofGoal')}</dt>
                    <dd>${formatPercent(shownRatio, locale)}</dd>
                  </div>`
            }
            <div class="stat" part="stat">
              <dt>${this.t('backersLabel', { count: c.backerCount, kind: c.kind })}</dt>
              <dd>${formatNumber(c.backerCount, locale)}</dd>
            </div>
            ${this.#timeStat(c)}
            ${
              c.equity
                ? html`<div class="stat" part="stat">
                    <dt>${this.t('minimumTicket')}</dt>
                    <dd>${this.#money(c.equity.minimumTicket, true)}</dd>
                  </div>`
                : nothing
            }
          </dl>
          ${
            c.equity?.oversubscribed
              ? html`<p class="waitlist" part="waitlist">
                  ${this.t('oversubscribed', { count: c.equity.waitlistCount, n: formatNumber(c.equity.waitlistCount, locale) })}
                </p>`
              : nothing
          }
        </div>
      </div>
    </article>`;
  }

  #media(c: Campaign): TemplateResult {
    if (c.imageUrl && !this.#imageFailed) {
      return html`<img
        part="image"
        src=${c.imageUrl}
        alt=${c.imageAlt}
        loading="lazy"
        decoding="async"
        @error=${() => {
          this.#imageFailed = true;
          this.requestUpdate();
        }}
      />`;
    }
    // Drawn locally from the campaign id: no request, and each campaign keeps its colours.
    return html`<div
      class="placeholder"
      part="placeholder"
      aria-hidden="true"
      ${cssProps({ '--_hue': String(hue(c.id)) })}
      style=${serverStyle({ '--_hue': String(hue(c.id)) })}
    >
      <span class="initial">${[...c.title][0] ?? ''}</span>
    </div>`;
  }

  #badge(c: Campaign): TemplateResult {
    let text: string;
    if (c.status === 'upcoming') {
      const left = timeLeft(c.startsAt);
      text = left
        ? this.t('statusUpcoming', { duration: formatDuration(left, this.resolvedLocale) })
        : this.t('statusStartingSoon');
    } else if (c.status === 'live') text = this.t('statusLive');
    else text = this.t(c.status === 'succeeded' ? 'statusSucceeded' : 'statusFailed');
    // The dot says the figures below are following new pledges as they come.
    const streaming = c.status === 'live' && this.#live.state === 'open';
    return html`<p class="badge ${c.status}" part="badge status-${c.status}">
      ${streaming ? html`<span class="live-dot" aria-hidden="true"></span>` : nothing}${text}
    </p>`;
  }

  #timeStat(c: Campaign) {
    if (c.status === 'upcoming') return nothing; // the badge already says when it starts
    const ended = c.status === 'succeeded' || c.status === 'failed';
    const left = ended ? null : timeLeft(c.endsAt);
    const value = ended
      ? formatDate(c.endsAt, this.resolvedLocale, { dateStyle: 'medium' })
      : left
        ? formatDuration(left, this.resolvedLocale)
        : this.t('endingNow');
    return html`<div class="stat" part="stat">
      <dt>${this.t(ended ? 'endedLabel' : 'timeLeftLabel')}</dt>
      <dd>${value}</dd>
    </div>`;
  }

  #heading(content: TemplateResult): TemplateResult {
    // A fixed set of literal templates: no tag name is ever built from a string.
    switch (this.resolvedHeadingLevel(this.headingLevel)) {
      case 3:
        return html`<h3 class="title" part="title">${content}</h3>`;
      case 4:
        return html`<h4 class="title" part="title">${content}</h4>`;
      case 5:
        return html`<h5 class="title" part="title">${content}</h5>`;
      case 6:
        return html`<h6 class="title" part="title">${content}</h6>`;
      default:
        return html`<h2 class="title" part="title">${content}</h2>`;
    }
  }

  /** Same layout as the card, so the page does not jump when the data arrives. */
  #skeleton(): TemplateResult {
    return html`<div class="card" part="base" aria-busy="true">
      <span class="visually-hidden">${this.t('loading')}</span>
      <div class="media" aria-hidden="true"><span class="skeleton sk-media"></span></div>
      <div class="body" aria-hidden="true">
        <span class="skeleton sk-badge"></span>
        <span class="skeleton sk-title"></span>
        <span class="skeleton sk-title short"></span>
        <span class="skeleton sk-line short"></span>
        <span class="skeleton sk-line"></span>
        <span class="skeleton sk-line"></span>
        <span class="skeleton sk-line"></span>
        <span class="progress">
          <span class="skeleton sk-meter"></span>
          <span class="stats">
            <span class="skeleton sk-stat"></span><span class="skeleton sk-stat"></span>
            <span class="skeleton sk-stat"></span><span class="skeleton sk-stat"></span>
          </span>
        </span>
      </div>
    </div>`;
  }
}

/** A stable hue per campaign id (a tiny string hash), for the placeholder's gradient. */
function hue(id: string): number {
  let h = 0;
  for (const ch of id) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h % 360;
}
