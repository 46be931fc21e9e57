import { nothing, type PropertyValues, type PropertyDeclarations } from 'lit';
import { html } from '../../core/element/template.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Backer } from '../../contract/index.js';
import { ClockController } from '../../core/element/clock.js';
import { formatDate, formatMoney, formatRelative } from '../../core/i18n/format.js';
import { liveBadge, liveBadgeStyles } from '../../core/element/live-badge.js';
import { loadMoreFooter, type LoadMoreTexts } from '../../core/data/load-more.js';
import { PartageElement } from '../../core/element/partage-element.js';
import { BackersSource } from '../../core/data/backers-source.js';
import type { BackerList } from '../../core/data/backer-list.js';
import { errorView, noApiView, staleNotice } from '../../core/element/views.js';
import { messages } from './backers.messages.js';
import { backersStyles } from './backers.styles.js';

const DEFAULT_PAGE_SIZE = 10;
/** The contract allows 1–100 items per page. */
const MAX_PAGE_SIZE = 100;

/**
 * @summary Recent backers of a campaign, newest first, paged, with new backers arriving live.
 * Anonymous backers show as "Anonymous", and a name or an amount the backer hid is never shown.
 *
 * @event {CustomEvent<PartageErrorDetail>} partage-error - A request failed (`detail: { operation, error }`).
 *
 * @csspart base - The widget's box.
 * @csspart title - The list's visible title.
 * @csspart list - The `<ol>` of backers.
 * @csspart backer - One backer (`<li>`); focusable by script after "show more".
 * @csspart avatar - The initial (or a mark for anonymous backers).
 * @csspart name - The backer's name, or "Anonymous".
 * @csspart amount - The amount, when the backer made it public.
 * @csspart message - The backer's public message.
 * @csspart time - When they pledged, relative ("2 hours ago").
 * @csspart more - The "show more" button.
 * @csspart empty - The empty state.
 * @csspart live - The "Live" badge while the live stream is open.
 * @csspart error - Error message (load or paging).
 * @csspart retry - The retry button of the error state.
 *
 * @cssproperty --partage-accent - Buttons and avatars.
 * @cssproperty --partage-surface - Background.
 * @cssproperty --partage-border - Border and separators.
 * @cssproperty --partage-text-muted - Times and secondary text.
 * @cssproperty --partage-radius - Corner radius.
 * @cssproperty --partage-gap - Inner spacing.
 *
 * @cssstate loading - The first page is loading.
 * @cssstate empty - The campaign has no backers yet.
 * @cssstate error - The list could not load.
 * @cssstate stale - A refresh failed; the last list stays on screen.
 * @cssstate live - The live stream is open.
 * @cssstate dark - Dark theme in use.
 *
 * @tag partage-backers
 */
export class PartageBackers extends PartageElement<typeof messages.en> {
  static override styles = [...PartageElement.styles, liveBadgeStyles, backersStyles];

  // Static properties rather than decorators: the file then carries no decorator code (≈0.3 kB).
  static override properties: PropertyDeclarations = {
    campaign: { reflect: true },
    pageSize: { type: Number, attribute: 'page-size' },
    announcement: { state: true, attribute: false },
  };

  /** Campaign id or slug. */
  declare campaign?: string;
  /** Backers per page, 1–100 (default 10). */
  pageSize = DEFAULT_PAGE_SIZE;

  /** Polite announcement of live arrivals (the live region's text). */
  private announcement = '';

  protected readonly catalogue = messages;

  // Relative times stay true; held for its timer only, nothing reads it.
  private readonly clock = new ClockController(this);
  readonly #source = new BackersSource(this, {
    campaign: () => this.campaign,
    limit: () => this.#limit,
    onArrival: (backer) => {
      this.announcement = this.t('newBacker', { name: this.#nameOf(backer) });
    },
  });
  readonly #backers = this.#source;
  readonly #more = this.#source.more;
  readonly #live = this.#source.live;

  get #limit(): number {
    const n = Math.trunc(this.pageSize);
    return Number.isFinite(n) && n >= 1 ? Math.min(n, MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE;
  }

  get #listKey(): string | null {
    return this.#source.key();
  }

  /**
   * Loads the first page again (e.g. after the host page knows new pledges were made), keeping
   * the backers already shown; if it fails, they stay with a notice that they may be out of date.
   */
  async refresh(): Promise<void> {
    await this.#source.refresh();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('campaign') || changed.has('api')) {
      this.#source.forget();
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const list = this.#current;
    const status = this.#backers.status;
    this.setState('loading', status === 'loading' || (status === 'idle' && !!this.#listKey));
    this.setState('error', status === 'error');
    this.setState('stale', this.#backers.stale);
    this.setState('empty', !!list && list.items.length === 0);
    this.setState('live', this.#live.state === 'open');
  }

  /** The list of the current campaign (never a previous campaign's while the new one loads). */
  get #current(): BackerList | undefined {
    return this.#source.current;
  }

  async #loadMore(): Promise<void> {
    const done = await this.#source.loadMore();
    if (!done) return;
    await this.updateComplete;
    this.#focusAfterMore(done.added, done.list);
  }

  /** Focus goes to the first backer just loaded, so keyboard and screen reader users read on from there. */
  #focusAfterMore(added: Backer[], list: BackerList): void {
    // Nothing new (every backer of the page was already listed): stay on the button if it remains.
    if (added.length === 0 && this.renderRoot.querySelector('[part~="more"]')) return;
    const target = added[0] ?? list.items.at(-1);
    if (target) this.renderRoot.querySelector<HTMLElement>(`li[data-id="${CSS.escape(target.id)}"]`)?.focus();
  }

  /** "just now" under a minute (also when the server's clock runs slightly ahead), else "2 hours ago". */
  #ago(iso: string, age: number): string {
    return age < 60_000 ? this.t('justNow') : formatRelative(iso, this.resolvedLocale);
  }

  /** The name the public may see: never a name the backer hid, whatever the server sent. */
  #nameOf(backer: Backer): string {
    return !backer.anonymous && backer.displayName ? backer.displayName : this.t('anonymous');
  }

  protected override render() {
    if (!this.client) return noApiView(this);
    if (!this.campaign)
      return html`<div class="state" role="alert" part="error"><p>${this.t('errorNoCampaign')}</p></div>`;
    const list = this.#current;
    const resource = this.#backers;
    if (!list && resource.status === 'error') {
      return html`<div class="panel" part="base" lang=${this.resolvedLocale}>
        ${errorView(this, resource.error, () => void this.refresh())}
      </div>`;
    }
    const live = this.#live.state === 'open';
    // lang: a French widget on an English page is read (and quoted) in French.
    return html`<div class="panel" part="base" lang=${this.resolvedLocale} aria-busy=${list ? 'false' : 'true'}>
      <header class="header">
        <p id="title" class="title" part="title">${this.t('title')}</p>
        ${liveBadge(this, live)}
      </header>
      ${staleNotice(this, resource)} ${list ? this.#renderList(list) : this.#renderSkeleton()}
      <p class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</p>
    </div>`;
  }

  #renderSkeleton() {
    const rows = Math.min(this.#limit, 10);
    return html`<p class="visually-hidden">${this.t('loading')}</p>
      <ul class="list" aria-hidden="true">
        ${Array.from(
          { length: rows },
          () =>
            html`<li class="backer">
              <span class="avatar skeleton"></span>
              <span class="body"><span class="skeleton bar"></span><span class="skeleton bar short"></span></span>
            </li>`,
        )}
      </ul>`;
  }

  #renderList(list: BackerList) {
    if (list.items.length === 0) return html`<p class="empty muted" part="empty">${this.t('empty')}</p>`;
    return html`<ol class="list" part="list" aria-labelledby="title" aria-busy=${this.#more.loading ? 'true' : 'false'}>
        ${repeat(
          list.items,
          (b) => b.id,
          (b) => this.#renderBacker(b),
        )}
      </ol>
      ${loadMoreFooter(this, this.#more, !!list.nextCursor, this.#moreTexts, () => void this.#loadMore())}`;
  }

  get #moreTexts(): LoadMoreTexts {
    return { more: this.t('showMore'), loading: this.t('loadingMore'), failed: this.t('loadMoreFailed') };
  }

  #renderBacker(backer: Backer) {
    const anonymous = backer.anonymous || !backer.displayName;
    const name = this.#nameOf(backer);
    const locale = this.resolvedLocale;
    const age = Date.now() - Date.parse(backer.createdAt);
    return html`<li class="backer" part="backer" data-id=${backer.id} tabindex="-1">
      <span class="avatar ${anonymous ? 'anonymous' : ''}" part="avatar" aria-hidden="true"
        >${anonymous ? '?' : initialOf(name)}</span
      >
      <span class="body">
        <span class="line">
          <span class="name" part="name">${name}</span>
          ${
            backer.amount
              ? html`<span class="amount" part="amount">${formatMoney(backer.amount, locale)}</span>`
              : nothing
          }
        </span>
        ${backer.message ? html`<q class="message" part="message">${backer.message}</q>` : nothing}
        <time
          class="time muted"
          part="time"
          datetime=${backer.createdAt}
          title=${formatDate(backer.createdAt, locale, { dateStyle: 'long', timeStyle: 'short' })}
          >${this.#ago(backer.createdAt, age)}</time
        >
      </span>
    </li>`;
  }
}

/** First letter (a whole grapheme, so "Élodie" gives "É" and emoji stay whole). */
function initialOf(name: string): string {
  const segments = new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(name.trim());
  const first = segments[Symbol.iterator]().next();
  return first.done ? '?' : first.value.segment.toLocaleUpperCase();
}
