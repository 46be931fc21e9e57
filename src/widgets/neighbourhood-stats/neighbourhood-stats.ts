import { nothing, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import { html } from '../../core/element/template.js';
import { cssProps, serverStyle } from '../../core/element/css-props.js';
import type { Neighbourhood, NeighbourhoodStats, PartnerVisits } from '../../contract/index.js';
import { ClockController } from '../../core/element/clock.js';
import { formatNumber, formatPercent, formatRelative } from '../../core/i18n/format.js';
import { heading } from '../../core/element/heading.js';
import { liveBadge, liveBadgeStyles } from '../../core/element/live-badge.js';
import { PartageElement } from '../../core/element/partage-element.js';
import { followStats, NeighbourhoodSource } from '../../core/data/neighbourhood-source.js';
import { PartnerVisitsSource } from '../../core/data/partner-visits-source.js';
import { errorView, noApiView, staleNotice } from '../../core/element/views.js';
import { messages } from './neighbourhood-stats.messages.js';
import { neighbourhoodStatsStyles } from './neighbourhood-stats.styles.js';

type StatKey = 'members' | 'activeSharers' | 'exchanges' | 'activityRate' | 'openListings' | 'votes' | 'rsvps';

/**
 * @summary How much a neighbourhood shares, for a municipality's or an association's site:
 * members, active sharers and exchanges over the last 30 days, activity rate, open listings, and
 * civic participation (votes in polls, sign-ups to events), kept up to date live as neighbours
 * post, reply, vote and sign up.
 *
 * @event {CustomEvent<PartageErrorDetail>} partage-error - The neighbourhood could not load (`detail: { operation, error }`).
 *
 * @csspart base - The widget's box.
 * @csspart name - The neighbourhood's name.
 * @csspart city - Its city.
 * @csspart stats - The `<dl>` of figures.
 * @csspart stat - One figure with its term.
 * @csspart value - A figure.
 * @csspart bar - The activity rate's bar.
 * @csspart live - The "Live" badge while the live stream is open.
 * @csspart updated - When the figures last changed.
 * @csspart partner-visits - The organiser view: visits of the partner links (with `partner-visits`).
 * @csspart partner-visits-table - Its table, one row per partner service.
 * @csspart error - Error message.
 * @csspart retry - The retry button of the error state.
 *
 * @cssproperty --partage-accent - Figures and the activity bar.
 * @cssproperty --partage-surface - Background.
 * @cssproperty --partage-surface-muted - Background of each figure.
 * @cssproperty --partage-text-muted - Hints.
 * @cssproperty --partage-radius - Corner radius.
 * @cssproperty --partage-gap - Spacing.
 *
 * @cssstate loading - The neighbourhood is loading (skeleton shown).
 * @cssstate error - It could not load.
 * @cssstate stale - A refresh failed; the last figures stay on screen.
 * @cssstate live - The live stream is open.
 * @cssstate dark - Dark theme in use.
 *
 * @tag partage-neighbourhood-stats
 */
export class PartageNeighbourhoodStats extends PartageElement<typeof messages.en> {
  static override styles = [...PartageElement.styles, liveBadgeStyles, neighbourhoodStatsStyles];

  // Static properties rather than decorators: the file then carries no decorator code (≈0.3 kB).
  static override properties: PropertyDeclarations = {
    neighbourhood: { reflect: true },
    headingLevel: { attribute: 'heading-level', type: Number },
    partnerVisits: { attribute: 'partner-visits', type: Boolean },
    memberToken: { attribute: 'member-token' },
  };

  /** Neighbourhood id. */
  declare neighbourhood?: string;
  /** Level of the widget’s heading (1–6), to fit the outline of the host page; default: the provider’s, else 2. */
  declare headingLevel?: number;
  /**
   * The organiser view: also shows how many times each partner link was followed, read with the
   * member token (`member-token`, else the provider's). Shown only when the token is one of the
   * neighbourhood's organisers; anyone else sees the public figures only. The counts are private
   * (the platform's affiliation figures; in a small neighbourhood, a 1 can point at a person).
   */
  partnerVisits = false;
  /** The organiser's token from the host platform, for the organiser view (or the provider's `memberToken`). */
  declare memberToken?: string;

  protected readonly catalogue = messages;

  // Relative times stay true; held for its timer only, nothing reads it.
  private readonly clock = new ClockController(this);

  // The neighbourhood asked for; its stats follow the live hub once it starts loading.
  readonly #source = new NeighbourhoodSource(this, { neighbourhood: () => this.neighbourhood });
  readonly #data = this.#source.data;
  readonly #live = followStats(this, this.#source, () => this.neighbourhood);
  readonly #visits = new PartnerVisitsSource(this, {
    neighbourhood: () => this.neighbourhood,
    enabled: () => this.partnerVisits,
    tokens: () => ({ own: this.memberToken, provider: this.ctx?.memberToken }),
  });

  /** Loads the figures again; on failure the last ones stay, marked as possibly out of date. */
  async refresh(): Promise<void> {
    await Promise.all([this.#source.refresh(), this.#visits.refresh()]);
  }

  /** The current neighbourhood's data (never a previous one's while a new one loads). */
  get #current(): Neighbourhood | undefined {
    return this.#source.current;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const n = this.#current;
    this.setState('loading', !n && this.#data.status !== 'error');
    this.setState('error', !n && this.#data.status === 'error');
    this.setState('stale', !!n && this.#data.stale);
    this.setState('live', this.#live.state === 'open');
  }

  protected override render(): TemplateResult {
    if (!this.client) return noApiView(this);
    if (!this.neighbourhood)
      return html`<div class="state" role="alert" part="error"><p>${this.t('errorNoNeighbourhood')}</p></div>`;
    const n = this.#current;
    if (!n && this.#data.status === 'error')
      return html`<div class="panel" part="base">${errorView(this, this.#data.error, () => void this.refresh())}</div>`;
    const live = this.#live.state === 'open';
    const level = this.resolvedHeadingLevel(this.headingLevel);
    // Named for what it is: a page may hold the stats and the board of the same neighbourhood.
    return html`<section
      class="panel"
      part="base"
      aria-label=${n ? this.t('landmark', { name: n.name }) : this.t('landmarkLoading')}
      aria-busy=${n ? 'false' : 'true'}
    >
      <header class="header">
        <div>
          ${
            n
              ? html`${heading(level, { id: 'name', class: 'name', part: 'name' }, n.name)}
                  <p class="city muted" part="city">${n.city}</p>`
              : html`${heading(
                    level,
                    { id: 'name', class: 'name', part: 'name' },
                    html`<span class="visually-hidden">${this.t('loading')}</span
                      ><span class="skeleton title-skeleton" aria-hidden="true"></span>`,
                  )} <span class="skeleton city-skeleton" aria-hidden="true"></span>`
          }
        </div>
        ${liveBadge(this, live)}
      </header>
      ${staleNotice(this, this.#data)}
      <dl part="stats">
        ${this.#stat('members', n?.stats)} ${this.#stat('activeSharers', n?.stats)} ${this.#stat('exchanges', n?.stats)}
        ${this.#stat('activityRate', n?.stats)} ${this.#stat('openListings', n?.stats)} ${this.#stat('votes', n?.stats)}
        ${this.#stat('rsvps', n?.stats)}
      </dl>
      ${
        n
          ? html`<p class="updated muted" part="updated">
              ${this.t('updated', { when: formatRelative(n.updatedAt, this.resolvedLocale, Math.max(Date.now(), Date.parse(n.updatedAt))) })}
            </p>`
          : nothing
      }
      ${n ? this.#renderVisits(this.#visits.current) : nothing}
    </section>`;
  }

  /** The organiser view: partner link visits, counts only. */
  #renderVisits(visits: PartnerVisits | null): TemplateResult | typeof nothing {
    const data = this.#visits.data;
    if (!visits && data.status === 'error' && this.partnerVisits)
      return html`<div part="partner-visits">${errorView(this, data.error, () => void this.#visits.refresh())}</div>`;
    if (!visits?.partners.length) return nothing;
    const row = (name: string, count: number) =>
      html`<tr>
        <th scope="row">${name}</th>
        <td>${formatNumber(count, this.resolvedLocale)}</td>
      </tr>`;
    // A caption names the table for assistive technologies; the note says what is (not) counted.
    return html`<div class="visits" part="partner-visits">
      <table part="partner-visits-table">
        <caption>
          ${this.t('visitsHeading')}
          <span class="hint">${this.t('visitsNote')}</span>
        </caption>
        <tr>
          <th scope="col">${this.t('visitsPartner')}</th>
          <th scope="col">${this.t('visitsCount')}</th>
        </tr>
        ${visits.partners.map((p) => row(p.name, p.visits))} ${row(this.t('visitsTotal'), visits.totalVisits)}
      </table>
    </div>`;
  }

  #stat(key: StatKey, stats: NeighbourhoodStats | undefined): TemplateResult {
    const locale = this.resolvedLocale;
    const hint =
      key === 'activeSharers'
        ? this.t('activeSharersHint')
        : key === 'exchanges'
          ? this.t('exchangesHint')
          : key === 'activityRate'
            ? this.t('activityRateHint')
            : key === 'votes'
              ? this.t('votesHint')
              : key === 'rsvps'
                ? this.t('rsvpsHint')
                : '';
    let value: TemplateResult | string;
    if (!stats) value = html`<span class="skeleton" aria-hidden="true"></span>`;
    else if (key === 'activityRate') value = formatPercent(stats.activityRate, locale);
    else {
      const figure =
        key === 'exchanges'
          ? stats.exchangesLast30Days
          : key === 'votes'
            ? stats.votesLast30Days
            : key === 'rsvps'
              ? stats.rsvpsLast30Days
              : stats[key];
      value = formatNumber(figure, locale);
    }
    return html`<div class="stat" part="stat" data-stat=${key}>
      <dt><span class="term">${this.t(key)}</span>${hint ? html` <span class="hint">${hint}</span>` : nothing}</dt>
      <dd part="value">
        ${value}
        ${
          key === 'activityRate'
            ? html`<span class="bar" part="bar" aria-hidden="true"
                ><span
                  ${cssProps({ '--rate': `${Math.min(1, stats?.activityRate ?? 0) * 100}%` })}
                  style=${serverStyle({ '--rate': `${Math.min(1, stats?.activityRate ?? 0) * 100}%` })}
                ></span
              ></span>`
            : nothing
        }
      </dd>
    </div>`;
  }
}
