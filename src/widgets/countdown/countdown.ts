import { type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import { html } from '../../core/element/template.js';
import type { Campaign, CampaignStatus } from '../../contract/index.js';
import { campaignOutcome, outcomeStyles } from '../../core/campaign/campaign-outcome.js';
import { CampaignSource } from '../../core/data/campaign-source.js';
import { formatDate, formatNumber } from '../../core/i18n/format.js';
import { PartageElement } from '../../core/element/partage-element.js';
import { errorView, noApiView, staleNotice, quietView } from '../../core/element/views.js';
import { COUNTDOWN_END } from './countdown.events.js';
import { messages } from './countdown.messages.js';
import { countdownStyles } from './countdown.styles.js';
import { breakdown, nextChangeIn, type Precision } from './countdown.time.js';

/** What the countdown counts towards, from a campaign or from attributes. */
interface Timeline {
  id: string | null;
  startsAt: string | null;
  endsAt: string;
  /** Known only with a campaign: an ended campaign then says whether it was funded. */
  status: CampaignStatus | null;
}

type Phase = { name: 'upcoming'; target: string } | { name: 'running'; target: string } | { name: 'ended' };

const PRECISIONS: readonly Precision[] = ['day', 'hour', 'minute'];
/** setTimeout's ceiling (about 24.8 days); a longer wait simply re-schedules. */
const MAX_DELAY = 2 ** 31 - 1;

/**
 * @summary Time left before a campaign ends (or starts), in days, hours and minutes; then the
 * ended state. Works from a campaign, or from an `ends-at` date without any backend.
 *
 * The value is not a live region: screen readers read it when they reach it, never on every
 * change. The display changes once per minute (or hour, or day, with `precision`): one timer
 * aligned to the next change, paused while the tab is hidden, cleared when the element leaves.
 *
 * @slot - Nothing is rendered from the light DOM.
 *
 * @event {CustomEvent<CountdownEndDetail>} partage-countdown-end - The end was reached while the countdown was on screen; `detail` has `campaignId` and `endsAt`.
 * @event {CustomEvent<PartageErrorDetail>} partage-error - Loading the campaign failed; `detail.operation` is `getCampaign`.
 *
 * @csspart base - The widget's box.
 * @csspart label - "Ends in" / "Starts in".
 * @csspart timer - The time left (`role="timer"`).
 * @csspart unit - One unit (days, hours or minutes).
 * @csspart value - The number of a unit.
 * @csspart unit-label - The name of a unit.
 * @csspart date - Exact date and time of the end (or start).
 * @csspart ended - Ended text.
 * @csspart outcome - Funded / goal not reached, for an ended campaign.
 * @csspart error - Error state.
 * @csspart retry - Retry button.
 *
 * @cssproperty --partage-accent - Colour of the numbers.
 * @cssproperty --partage-surface-muted - Background of each unit.
 *
 * @cssstate loading - The campaign is loading.
 * @cssstate error - The campaign could not be loaded, or the dates are invalid.
 * @cssstate stale - The campaign is shown but the latest refresh failed.
 * @cssstate upcoming - Counting down to the start.
 * @cssstate ended - Time is up.
 *
 * @tag partage-countdown
 */
export class PartageCountdown extends PartageElement<typeof messages.en> {
  static override styles = [...PartageElement.styles, outcomeStyles, countdownStyles];

  // Static properties rather than decorators: the file then carries no decorator code (≈0.3 kB).
  static override properties: PropertyDeclarations = {
    campaign: { reflect: true },
    endsAt: { attribute: 'ends-at' },
    startsAt: { attribute: 'starts-at' },
    precision: {},
    tick: { state: true, attribute: false },
  };

  /** The campaign's id or slug; its dates and status win over `ends-at` and `starts-at`. */
  declare campaign?: string;
  /** End as an ISO 8601 instant, for use without a backend (`2026-12-31T18:00:00Z`). */
  declare endsAt?: string;
  /** Optional start as an ISO 8601 instant: before it, the countdown shows "Starts in". */
  declare startsAt?: string;
  /** Finest unit shown: `minute` (default), `hour` or `day`. Finer units appear near the end. */
  precision: Precision = 'minute';

  protected readonly catalogue = messages;

  /** Bumped by the timer and on becoming visible: makes Lit render the new time. */
  private tick = 0;

  // An extended deadline or a changed status arrives as `campaign.updated`; totals are not shown.
  readonly #source = new CampaignSource(this, { campaign: () => this.campaign, totals: false });
  readonly #data = this.#source.data;

  #timer: ReturnType<typeof setTimeout> | undefined;
  /** Phase at the previous render: going from running to ended fires `partage-countdown-end`. */
  #lastPhase: Phase['name'] | undefined;

  readonly #onVisibility = () => {
    if (document.visibilityState === 'hidden') this.#clearTimer();
    else this.tick++; // re-render with the current time, which re-schedules
  };

  /** Reloads the campaign (the retry button does the same). */
  reload(): Promise<void> {
    return this.#data.reload();
  }

  get #current(): Campaign | undefined {
    return this.#source.current;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.#onVisibility);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.#onVisibility);
    this.#clearTimer();
    this.#lastPhase = undefined;
  }

  #clearTimer(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  get #precision(): Precision {
    return PRECISIONS.includes(this.precision) ? this.precision : 'minute';
  }

  /** The timeline, or why there is none. */
  #timeline(): Timeline | { error: string } | null {
    if (this.campaign) {
      const c = this.#current;
      return c ? { id: c.id, startsAt: c.startsAt, endsAt: c.endsAt, status: c.status } : null;
    }
    if (!this.endsAt) return { error: this.t('errorNoTime') };
    if (Number.isNaN(Date.parse(this.endsAt)))
      return { error: this.t('errorBadDate', { attribute: 'ends-at', value: this.endsAt }) };
    if (this.startsAt && Number.isNaN(Date.parse(this.startsAt))) {
      return { error: this.t('errorBadDate', { attribute: 'starts-at', value: this.startsAt }) };
    }
    return { id: null, startsAt: this.startsAt || null, endsAt: this.endsAt, status: null };
  }

  #phase(t: Timeline, now: number): Phase {
    if (t.status === 'succeeded' || t.status === 'failed') return { name: 'ended' };
    if (t.startsAt && now < Date.parse(t.startsAt)) return { name: 'upcoming', target: t.startsAt };
    if (now < Date.parse(t.endsAt)) return { name: 'running', target: t.endsAt };
    return { name: 'ended' };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('precision') && !PRECISIONS.includes(this.precision)) {
      console.warn(`[partage] countdown: unknown precision "${this.precision}", using "minute" (day, hour or minute)`);
    }
    const t = this.#timeline();
    const phase = t && !('error' in t) ? this.#phase(t, Date.now()).name : null;
    this.setState('loading', t === null && this.#data.status !== 'error' && !this.#data.stale);
    this.setState(
      'error',
      (t !== null && 'error' in t) || (t === null && (this.#data.status === 'error' || this.#data.stale)),
    );
    this.setState('stale', phase !== null && this.#data.stale);
    this.setState('upcoming', phase === 'upcoming');
    this.setState('ended', phase === 'ended');
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.#clearTimer();
    const t = this.#timeline();
    if (!t || 'error' in t) {
      this.#lastPhase = undefined;
      return;
    }
    const now = Date.now();
    const phase = this.#phase(t, now);
    if (this.#lastPhase === 'running' && phase.name === 'ended') {
      this.emit(COUNTDOWN_END, { campaignId: t.id, endsAt: t.endsAt });
    }
    this.#lastPhase = phase.name;
    // A removed countdown still updates when its live stream reports "closed": no timer then,
    // or it would keep ticking off the page.
    if (phase.name === 'ended' || document.visibilityState === 'hidden' || !this.isConnected) return;
    const delay = nextChangeIn(Date.parse(phase.target) - now, this.#precision);
    this.#timer = setTimeout(
      () => {
        this.#timer = undefined;
        this.tick++;
      },
      Math.min(delay, MAX_DELAY),
    );
  }

  protected override render(): TemplateResult {
    if (this.campaign && !this.client) return noApiView(this);
    const t = this.#timeline();
    if (t && 'error' in t) return html`<div class="state" role="alert" part="error"><p>${t.error}</p></div>`;
    if (t) return this.#view(t);
    if (this.#data.status === 'error' || this.#data.stale)
      return errorView(this, this.#data.error, () => void this.#data.reload());
    return this.#data.quiet ? quietView() : this.#skeleton();
  }

  #view(t: Timeline): TemplateResult {
    const locale = this.resolvedLocale;
    const phase = this.#phase(t, Date.now());
    const stale = staleNotice(this, !!this.campaign && this.#data);
    if (phase.name === 'ended') {
      return html`<div class="countdown ended" part="base">
        ${stale}
        <p class="ended-text" part="ended">${this.t('endedOn', { date: formatDate(t.endsAt, locale) })}</p>
        ${campaignOutcome(this, t.status)}
      </div>`;
    }
    const { parts } = breakdown(Date.parse(phase.target) - Date.now(), this.#precision);
    const unit = (u: Precision, value: number) => {
      const pieces = new Intl.NumberFormat(locale, { style: 'unit', unit: u, unitDisplay: 'long' }).formatToParts(
        value,
      );
      return {
        whole: pieces.map((p) => p.value).join(''),
        label: pieces
          .filter((p) => p.type === 'unit')
          .map((p) => p.value)
          .join(''),
      };
    };
    const units = parts.map((p) => ({ ...unit(p.unit, p.value), value: formatNumber(p.value, locale) }));
    const spoken =
      units.length === 0
        ? this.t('lastMinute')
        : new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(units.map((u) => u.whole));
    const upcoming = phase.name === 'upcoming';
    const when = formatDate(phase.target, locale, { dateStyle: 'long', timeStyle: 'short' });
    return html`<div class="countdown" part="base">
      ${stale}
      <p class="label" part="label" id="label">${this.t(upcoming ? 'startsIn' : 'endsIn')}</p>
      <div class="timer" part="timer" role="timer" aria-labelledby="label">
        <span class="visually-hidden">${spoken}</span>
        <span class="units" aria-hidden="true">
          ${
            units.length === 0
              ? html`<span class="last-minute">${spoken}</span>`
              : units.map(
                  (u) =>
                    html`<span class="unit" part="unit">
                      <span class="value" part="value">${u.value}</span>
                      <span class="unit-label" part="unit-label">${u.label}</span>
                    </span>`,
                )
          }
        </span>
      </div>
      <p class="date" part="date">
        <time datetime=${phase.target}>${this.t(upcoming ? 'startsOn' : 'endsOn', { date: when })}</time>
      </p>
    </div>`;
  }

  /** Same boxes as the running countdown. */
  #skeleton(): TemplateResult {
    return html`<div class="countdown" part="base" aria-busy="true">
      <span class="visually-hidden">${this.t('loading')}</span>
      <span class="skeleton sk-label" aria-hidden="true"></span>
      <span class="units" aria-hidden="true">
        <span class="unit skeleton sk-unit"></span><span class="unit skeleton sk-unit"></span
        ><span class="unit skeleton sk-unit"></span>
      </span>
      <span class="skeleton sk-date" aria-hidden="true"></span>
    </div>`;
  }
}
