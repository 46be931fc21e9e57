import { nothing, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import { html } from '../../core/element/template.js';
import type { Campaign, Money } from '../../contract/index.js';
import { campaignOutcome, outcomeStyles } from '../../core/campaign/campaign-outcome.js';
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
import { milestoneListStyles } from '../../core/campaign/milestone-list.styles.js';
import { errorView, noApiView, staleNotice, quietView } from '../../core/element/views.js';
import { messages } from './campaign-progress.messages.js';
import { campaignProgressStyles } from './campaign-progress.styles.js';

/** Bursts of pledges are announced once, after they settle… */
const ANNOUNCE_SETTLE_MS = 1_000;
/** …and never more often than this, so a busy campaign does not talk over the reader. */
const ANNOUNCE_MIN_GAP_MS = 20_000;

/**
 * @summary How far a campaign is: amount raised, goal, honest percentage (413 % stays 413 %),
 * successive goals on the bar, backers or investors, time left, and equity details. Totals
 * follow new pledges live.
 *
 * @slot - Nothing is rendered from the light DOM.
 *
 * @event {CustomEvent<PartageErrorDetail>} partage-error - A load failed; `detail.operation` is `getCampaign`, `detail.error` the error.
 *
 * @csspart base - The widget's box.
 * @csspart raised - Amount raised and the goal it is compared with.
 * @csspart amount - The amount raised.
 * @csspart percent - Percentage of the (first) goal.
 * @csspart meter - The bar (`role="meter"`).
 * @csspart meter-fill - Filled part of the bar.
 * @csspart meter-overflow - Part of the bar raised beyond the goal (overfunding).
 * @csspart milestone-marker - A goal's tick on the bar; reached ones also have `milestone-marker-reached`.
 * @csspart milestones - List of successive goals.
 * @csspart milestone - One goal of the list; reached ones also have `milestone-reached`.
 * @csspart stats - Backers, time left and equity figures.
 * @csspart stat - One figure.
 * @csspart outcome - Outcome of an ended campaign.
 * @csspart waitlist - Oversubscription and waitlist wording (equity).
 * @csspart live - "Live" indicator while the stream is open.
 * @csspart announcement - Visually hidden live region announcing new totals.
 * @csspart error - Error state.
 * @csspart retry - Retry button of the error state.
 *
 * @cssproperty --partage-accent - Colour of the bar and reached goals.
 * @cssproperty --partage-meter-height - Height of the bar (default 0.75rem).
 * @cssproperty --partage-surface-muted - Empty part of the bar.
 *
 * @cssstate loading - Data is loading (skeleton shown).
 * @cssstate error - Data could not be loaded.
 * @cssstate stale - Data is shown but the latest refresh failed.
 * @cssstate overfunded - More than 100 % of the goal is raised.
 * @cssstate upcoming - The campaign has not started.
 * @cssstate ended - The campaign is over (succeeded or failed).
 * @cssstate oversubscribed - Equity raise past its goal, with a waitlist.
 *
 * @tag partage-campaign-progress
 */
export class PartageCampaignProgress extends PartageElement<typeof messages.en> {
  static override styles = [
    ...PartageElement.styles,
    meterBarStyles,
    milestoneListStyles,
    outcomeStyles,
    campaignProgressStyles,
  ];

  // Static properties rather than decorators: the file then carries no decorator code (≈0.3 kB).
  static override properties: PropertyDeclarations = {
    campaign: { reflect: true },
    compact: { type: Boolean, reflect: true },
    announcement: { state: true, attribute: false },
  };

  /** The campaign's id or slug. */
  declare campaign?: string;
  /** Compact amounts (`3,1 M €`) and a denser layout, for sidebars and cards. */
  compact = false;

  protected readonly catalogue = messages;

  /** Last text given to the polite live region; only changes of totals are announced. */
  private announcement = '';

  readonly #source = new CampaignSource(this, {
    campaign: () => this.campaign,
    totals: true,
    onTotals: () => this.#queueAnnouncement(),
  });
  readonly #data = this.#source.data;
  readonly #live = this.#source.live;

  #announceTimer: ReturnType<typeof setTimeout> | undefined;
  #lastAnnounce = -Infinity;

  /** Reloads the campaign (the retry button does the same); keeps it on screen meanwhile. */
  reload(): Promise<void> {
    return this.#data.reload();
  }

  /** The loaded campaign, only if it is the one asked for (not the previous one while switching). */
  get #current(): Campaign | undefined {
    return this.#source.current;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#announceTimer);
    this.#announceTimer = undefined;
  }

  #queueAnnouncement(): void {
    // A pending announcement reads the totals when it fires, so it already covers this pledge.
    if (this.#announceTimer !== undefined) return;
    const wait = Math.max(ANNOUNCE_SETTLE_MS, this.#lastAnnounce + ANNOUNCE_MIN_GAP_MS - Date.now());
    this.#announceTimer = setTimeout(() => {
      this.#announceTimer = undefined;
      this.#lastAnnounce = Date.now();
      const c = this.#current;
      if (c) this.announcement = this.#announcementText(c);
    }, wait);
  }

  #announcementText(c: Campaign): string {
    const locale = this.resolvedLocale;
    const pledged = this.#money(c.pledged);
    const backers = this.t('backersCount', {
      count: c.backerCount,
      n: formatNumber(c.backerCount, locale),
      kind: c.kind,
    });
    const { shownRatio } = meterModel(c);
    return shownRatio === null
      ? this.t('announceNoGoal', { pledged, backers })
      : this.t('announce', { pledged, percent: formatPercent(shownRatio, locale), backers });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const c = this.#current;
    const ratio = c ? meterModel(c).ratio : null;
    this.setState('loading', !c && this.#data.status !== 'error');
    this.setState('error', !c && (this.#data.status === 'error' || this.#data.stale));
    this.setState('stale', !!c && this.#data.stale);
    this.setState('overfunded', ratio !== null && ratio > 1);
    this.setState('upcoming', c?.status === 'upcoming');
    this.setState('ended', c?.status === 'succeeded' || c?.status === 'failed');
    this.setState('oversubscribed', !!c?.equity?.oversubscribed);
  }

  protected override render(): TemplateResult {
    return html`${this.#body()}
      <p class="visually-hidden" role="status" part="announcement">${this.announcement}</p>`;
  }

  #body(): TemplateResult {
    if (!this.client) return noApiView(this);
    if (!this.campaign)
      return html`<div class="state" role="alert" part="error"><p>${this.t('errorNoCampaign')}</p></div>`;
    const c = this.#current;
    if (c) return this.#view(c);
    if (this.#data.status === 'error' || this.#data.stale)
      return errorView(this, this.#data.error, () => void this.#data.reload());
    return this.#data.quiet ? quietView() : this.#skeleton();
  }

  #money(m: Money): string {
    return formatMoney(m, this.resolvedLocale, { compact: this.compact });
  }

  #view(c: Campaign): TemplateResult {
    const locale = this.resolvedLocale;
    const { shownRatio } = meterModel(c);
    return html`<div class="progress" part="base">
      ${staleNotice(this, this.#data)}
      <div class="headline">
        <p class="raised" part="raised">
          <span class="amount" part="amount">${this.#money(c.pledged)}</span>
          <span class="muted">${this.t('raisedOf', { goal: this.#money(c.goal) })}</span>
        </p>
        ${
          shownRatio === null
            ? nothing
            : html`<p class="percent" part="percent">
                <span class="percent-value">${formatPercent(shownRatio, locale)}</span>
                <span class="muted">${this.t('ofGoal')}</span>
              </p>`
        }
      </div>
      ${progressMeter(this, c, { compact: this.compact, milestoneList: this.compact ? 'hidden' : 'visible' })}
      <dl class="stats" part="stats">
        <div class="stat" part="stat">
          <dt>${this.t('backersLabel', { count: c.backerCount, kind: c.kind })}</dt>
          <dd>${formatNumber(c.backerCount, locale)}</dd>
        </div>
        ${this.#timeStat(c)}
        ${
          c.equity
            ? html`<div class="stat" part="stat">
                  <dt>${this.t('minimumTicket')}</dt>
                  <dd>${this.#money(c.equity.minimumTicket)}</dd>
                </div>
                <div class="stat" part="stat">
                  <dt>${this.t('averageTicket')}</dt>
                  <dd>${this.#money(c.equity.averageTicket)}</dd>
                </div>`
            : nothing
        }
      </dl>
      ${campaignOutcome(this, c.status)} ${this.#waitlist(c)}
      ${
        this.#live.state === 'open' && c.status === 'live'
          ? html`<p class="live" part="live"><span class="live-dot" aria-hidden="true"></span>${this.t('live')}</p>`
          : nothing
      }
    </div>`;
  }

  #timeStat(c: Campaign): TemplateResult {
    const locale = this.resolvedLocale;
    let label: string;
    let value: string;
    if (c.status === 'succeeded' || c.status === 'failed') {
      label = this.t('endedLabel');
      value = formatDate(c.endsAt, locale);
    } else if (c.status === 'upcoming' && Date.parse(c.startsAt) > Date.now()) {
      label = this.t('startsInLabel');
      const left = timeLeft(c.startsAt);
      value = left ? formatDuration(left, locale) : this.t('lastMinute');
    } else {
      label = this.t('timeLeftLabel');
      const left = timeLeft(c.endsAt);
      value = left ? formatDuration(left, locale) : this.t('endingNow');
    }
    return html`<div class="stat" part="stat">
      <dt>${label}</dt>
      <dd>${value}</dd>
    </div>`;
  }

  #waitlist(c: Campaign) {
    const equity = c.equity;
    if (!equity?.oversubscribed) return nothing;
    const n = { count: equity.waitlistCount, n: formatNumber(equity.waitlistCount, this.resolvedLocale) };
    const cap = equity.maximumRaise;
    const capText = !cap
      ? ''
      : c.pledged.amount >= cap.amount
        ? this.t('raiseFull', { cap: this.#money(cap) })
        : this.t('waitlistBeyondCap', { cap: this.#money(cap) });
    return html`<p class="waitlist" part="waitlist">${this.t('oversubscribed', n)} ${capText}</p>`;
  }

  /** Same boxes as the loaded view, so nothing moves when the data arrives. */
  #skeleton(): TemplateResult {
    return html`<div class="progress" part="base" aria-busy="true">
      <span class="visually-hidden">${this.t('loading')}</span>
      <div class="headline" aria-hidden="true">
        <p class="raised"><span class="skeleton sk-amount"></span><span class="skeleton sk-text"></span></p>
        <p class="percent"><span class="skeleton sk-percent"></span></p>
      </div>
      <span class="skeleton sk-meter" aria-hidden="true"></span>
      <div class="stats" aria-hidden="true">
        <span class="stat"><span class="skeleton sk-label"></span><span class="skeleton sk-value"></span></span>
        <span class="stat"><span class="skeleton sk-label"></span><span class="skeleton sk-value"></span></span>
      </div>
    </div>`;
  }
}
