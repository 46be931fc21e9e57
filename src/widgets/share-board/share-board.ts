import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import {
  ListingCategory,
  ListingType,
  type Listing,
  type ListingQuery,
  type Neighbourhood,
  type NeighbourhoodEvent,
  type PartnerService,
} from '../../contract/index.js';
import { ClockController } from '../../core/clock.js';
import { radioGroup, selectField, textField, formStyles } from '../../core/form-fields.js';
import { formatDate, formatRelative } from '../../core/format.js';
import { heading, headingLevel } from '../../core/heading.js';
import { ListingForm } from '../../core/listing-form-controller.js';
import { listingFormLayoutStyles } from '../../core/listing-form.styles.js';
import { liveBadge, liveBadgeStyles } from '../../core/live-badge.js';
import { LiveController } from '../../core/live-controller.js';
import { LoadMoreController, loadMoreFooter, type LoadMoreTexts } from '../../core/load-more.js';
import {
  LISTING_CREATED,
  REPLY_SENT,
  REPORT_SENT,
  SIGN_IN_REQUEST,
  type SignInReason,
  type SignInRequestDetail,
} from '../../core/member-events.js';
import { hasMemberToken, resolveMemberToken } from '../../core/member-token.js';
import { OnlineRetryController } from '../../core/online-retry.js';
import { PartageElement } from '../../core/partage-element.js';
import { ResourceController } from '../../core/resource-controller.js';
import { errorView, noApiView, staleNotice } from '../../core/views.js';
import { ListingActions } from './listing-actions.js';
import {
  firstPage,
  hasFilters,
  nextPage,
  noFilters,
  withListing,
  type BoardFilters,
  type ListingList,
} from './listing-list.js';
import { messages } from './share-board.messages.js';
import { shareBoardStyles } from './share-board.styles.js';

const DEFAULT_PAGE_SIZE = 12;
/** The contract allows 1–100 items per page. */
const MAX_PAGE_SIZE = 100;
/** Search waits for a pause in typing rather than asking the server at every key. */
const SEARCH_DEBOUNCE_MS = 300;
const SKELETON_ROWS = 4;

/**
 * @summary A neighbourhood's share board: offers and requests between neighbours (give, lend,
 * swap, service, carpool), filtered by kind, type and category, searchable, paged, with new
 * listings arriving live and the neighbourhood's partner services (car sharing and the like).
 * Members post, reply ("I'm interested") and report from the board; without a member token it is
 * read-only and asks the host page to sign the reader in. Places are approximate (a district),
 * authors appear by display name only.
 *
 * @event partage-sign-in-request - The reader wants to post, reply or report and is not signed in,
 * or their token expired (`detail: { reason, neighbourhoodId, expired, listingId? }`). Sign them
 * in, then set `memberToken`: an action that waited for it is sent by itself.
 * @event partage-listing-created - A member published a listing from the board (`detail: { listing }`).
 * @event partage-reply-sent - A member replied to a listing (`detail: { listing, reply }`).
 * @event partage-report-sent - A member reported a listing (`detail: { listing, report }`).
 * @event partage-error - A request failed (`detail: { operation, error }`).
 *
 * @csspart base - The widget's box.
 * @csspart title - The neighbourhood's name.
 * @csspart post-toggle - Opens and closes the posting form.
 * @csspart sign-in - Sign-in buttons for readers who are not signed in.
 * @csspart form - The posting form.
 * @csspart filters - The search and filters form.
 * @csspart field - A labelled field (filters and forms).
 * @csspart segmented - A switch of a few choices (kind).
 * @csspart count - How many listings are shown.
 * @csspart list - The `<ul>` of listings.
 * @csspart listing - One listing; focusable by script after "show more".
 * @csspart kind - Offer or request badge.
 * @csspart status - Open, reserved or closed badge.
 * @csspart toggle - A listing's title, which opens its detail.
 * @csspart detail - A listing's detail.
 * @csspart actions - A listing's member actions.
 * @csspart interested - "I'm interested".
 * @csspart report - "Report".
 * @csspart reply-form - The reply form.
 * @csspart report-form - The report form.
 * @csspart confirmation - Confirmation of a post, reply or report.
 * @csspart form-alert - A form's single alert.
 * @csspart more - The "show more" button.
 * @csspart empty - The empty state.
 * @csspart partners - The partner services section.
 * @csspart partner - One partner service.
 * @csspart partner-badge - The "Partner" badge.
 * @csspart partner-link - The link out to a partner.
 * @csspart live - The "Live" badge while the live stream is open.
 * @csspart error - Error message.
 * @csspart retry - The retry button of the error state.
 *
 * @cssproperty --partage-accent - Buttons, offers and the chosen filters.
 * @cssproperty --partage-surface - Background.
 * @cssproperty --partage-surface-muted - Partner services and details.
 * @cssproperty --partage-border - Borders and separators.
 * @cssproperty --partage-text-muted - Secondary text.
 * @cssproperty --partage-success - Open badge and confirmations.
 * @cssproperty --partage-warning - Reserved badge.
 * @cssproperty --partage-danger - Errors.
 * @cssproperty --partage-radius - Corner radius.
 * @cssproperty --partage-gap - Spacing.
 *
 * @cssstate loading - The first listings are loading.
 * @cssstate empty - No listing matches.
 * @cssstate error - The listings could not load.
 * @cssstate stale - A refresh failed; the last listings stay on screen.
 * @cssstate live - The live stream is open.
 * @cssstate signed-out - Read-only: no member token.
 * @cssstate posting - The posting form is open.
 * @cssstate dark - Dark theme in use.
 *
 * @tag partage-share-board
 */
export class PartageShareBoard extends PartageElement<typeof messages.en> {
  static override styles = [
    ...PartageElement.styles,
    formStyles,
    listingFormLayoutStyles,
    liveBadgeStyles,
    shareBoardStyles,
  ];

  /** Neighbourhood id. */
  @property({ reflect: true }) neighbourhood?: string;
  /**
   * The member's token from the host platform (or the provider's `memberToken` callback). Without
   * one the board is read-only. Setting a new one after a `partage-sign-in-request` sends what
   * waited for it.
   */
  @property({ attribute: 'member-token' }) memberToken?: string;
  /**
   * Level of the board's heading (1–4, default 2), to fit the outline of the host page; its
   * sections and listings take the next levels.
   */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;
  /** Listings per page, 1–100 (default 12). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = DEFAULT_PAGE_SIZE;

  @state() private filters: BoardFilters = noFilters();
  /** What is typed in the search box (applied after a pause). */
  @state() private searchText = '';
  @state() private posting = false;
  @state() private expanded: ReadonlySet<string> = new Set();
  /** Polite announcements: result counts after a search, live arrivals. */
  @state() private announcement = '';

  protected readonly catalogue = messages;

  /** Live listings that arrived before the first page: merged into it so none is lost. */
  #early: Listing[] = [];
  #debounce: ReturnType<typeof setTimeout> | undefined;
  // Relative times stay true; held for its timer only, nothing reads it.
  private readonly clock = new ClockController(this);
  readonly #more = new LoadMoreController(this, 'listListings');
  /** What a signed-out reader wanted to do when they asked to sign in. */
  #intent: { reason: SignInReason; listingId?: string } | undefined;
  /** The list whose count was last announced (counts are announced after filter changes only). */
  #announcedKey: string | null = null;

  readonly #neighbourhood = new ResourceController<Neighbourhood>(this, {
    key: () => this.#streamKey,
    operation: 'getNeighbourhood',
    load: (client, signal) => client.getNeighbourhood(this.neighbourhood!, { signal }),
  });

  readonly #listings = new ResourceController<ListingList>(this, {
    key: () => this.#listKey,
    operation: 'listListings',
    load: async (client, signal) => {
      const key = this.#listKey!;
      const filters = this.filters;
      const page = await client.listListings(this.neighbourhood!, this.#query(filters), { signal });
      return firstPage(key, page, this.#early.splice(0), filters);
    },
  });

  // One stream per neighbourhood, whatever the filters; opened once the board starts loading.
  readonly #live = new LiveController<NeighbourhoodEvent>(this, {
    key: () => (this.#listings.status === 'idle' ? null : this.#streamKey),
    subscribe: (client, handlers) => client.subscribeNeighbourhood(this.neighbourhood!, handlers),
    onEvent: (event) => this.#onLive(event),
  });

  // Back online: what failed or went stale is fetched again without a click. Held for its listener only.
  private readonly online = new OnlineRetryController(
    this,
    [this.#listings, this.#neighbourhood],
    () => void this.refresh(),
  );

  readonly #tokenSources = () => ({ own: this.memberToken, provider: this.ctx?.memberToken });

  readonly #form = new ListingForm(this, {
    idPrefix: 'post',
    neighbourhoodId: () => this.neighbourhood,
    token: () => resolveMemberToken(this.#tokenSources()),
    onCreated: (listing) => this.#onCreated(listing),
  });

  readonly #actions = new ListingActions(this, {
    neighbourhoodId: () => this.neighbourhood,
    token: () => resolveMemberToken(this.#tokenSources()),
    onReplied: (listing, reply) => {
      // The live event brings the server's count; until then, count this reply.
      this.#replace({ ...listing, replyCount: listing.replyCount + 1 });
      this.emit(REPLY_SENT, { listing, reply });
    },
    onReported: (listing, report) => this.emit(REPORT_SENT, { listing, report }),
    onClosed: (listing) => this.#replace({ ...listing, status: 'closed' }),
  });

  /** The board's heading level (the title), plus `offset` for sections and listings. */
  #level(offset: number): number {
    // Capped so that listings (two levels below) still get a real heading level.
    return headingLevel(Math.min(this.headingLevel, 4), 2, offset);
  }

  get #limit(): number {
    const n = Math.trunc(this.pageSize);
    return Number.isFinite(n) && n >= 1 ? Math.min(n, MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE;
  }

  get #streamKey(): string | null {
    const client = this.client;
    return client && this.neighbourhood ? `${client.baseUrl}|${this.neighbourhood}` : null;
  }

  get #listKey(): string | null {
    const base = this.#streamKey;
    const f = this.filters;
    return base ? `${base}|${this.#limit}|${f.kind}|${f.type}|${f.category}|${f.q}` : null;
  }

  #query(f: BoardFilters, cursor?: string): ListingQuery {
    return {
      limit: this.#limit,
      ...(cursor ? { cursor } : {}),
      ...(f.kind ? { kind: f.kind } : {}),
      ...(f.type ? { type: f.type } : {}),
      ...(f.category ? { category: f.category } : {}),
      ...(f.q ? { q: f.q } : {}),
    };
  }

  /** The listings of the current filters (never another query's while the new one loads). */
  get #current(): ListingList | undefined {
    const value = this.#listings.value;
    return value && value.key === this.#listKey ? value : undefined;
  }

  get #member(): boolean {
    return hasMemberToken(this.#tokenSources());
  }

  /** Loads the board again, keeping what is shown; on failure it stays with a notice. */
  async refresh(): Promise<void> {
    const client = this.client;
    if (!client || !this.neighbourhood) return;
    client.invalidate(`/neighbourhoods/${encodeURIComponent(this.neighbourhood)}`);
    await Promise.all([this.#listings.reload(), this.#neighbourhood.reload()]);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#debounce);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('memberToken') || changed.has('ctx' as keyof PartageShareBoard)) {
      void this.#form.action.tokenMayHaveChanged();
      this.#actions.tokenMayHaveChanged();
      const intent = this.#intent;
      if (intent && this.#member) {
        this.#intent = undefined;
        void this.updateComplete.then(() => this.#resume(intent));
      }
    }
    if (changed.has('neighbourhood') || changed.has('api')) {
      this.#more.reset();
      this.#early = [];
      this.expanded = new Set();
      this.#announcedKey = null;
      if (changed.get('neighbourhood') !== undefined) this.#form.reset();
    }
    const list = this.#current;
    if (list && list.key !== this.#announcedKey) {
      // The first load is not announced (the page just appeared); a new search's result is.
      if (this.#announcedKey !== null) this.announcement = this.#countText(list);
      this.#announcedKey = list.key;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const list = this.#current;
    const status = this.#listings.status;
    this.setState('loading', !list && status !== 'error' && !this.#listings.stale);
    this.setState('error', !list && (status === 'error' || this.#listings.stale));
    this.setState('stale', !!list && this.#listings.stale);
    this.setState('empty', !!list && list.items.length === 0);
    this.setState('live', this.#live.state === 'open');
    this.setState('signed-out', !this.#member);
    this.setState('posting', this.posting);
  }

  #countText(list: ListingList): string {
    return this.t('resultCount', { count: list.items.length, more: list.nextCursor !== null });
  }

  #onLive(event: NeighbourhoodEvent): void {
    if (event.neighbourhoodId !== this.#neighbourhood.value?.id && event.neighbourhoodId !== this.neighbourhood) return;
    // Cached pages no longer tell the truth: the next filter change asks the server.
    this.client?.invalidate(`/neighbourhoods/${encodeURIComponent(this.neighbourhood!)}/listings`);
    const isNew = event.type === 'listing.created';
    const list = this.#current;
    if (!list) {
      if (isNew) this.#early.push(event.listing);
      return;
    }
    const next = withListing(list, event.listing, this.filters, isNew);
    if (!next) return;
    this.#listings.set(next);
    if (isNew) this.announcement = this.t('newListing', { title: event.listing.title });
  }

  #onCreated(listing: Listing): void {
    const list = this.#current;
    const next = list && withListing(list, listing, this.filters, true);
    if (next) this.#listings.set(next);
    this.emit(LISTING_CREATED, { listing });
  }

  #replace(listing: Listing): void {
    const list = this.#current;
    const next = list && withListing(list, listing, this.filters, false);
    if (next) this.#listings.set(next);
  }

  #requestSignIn(reason: SignInReason, listingId?: string): void {
    // Remembered so that, once signed in, the reader lands where they were going.
    this.#intent = { reason, ...(listingId ? { listingId } : {}) };
    const detail: SignInRequestDetail = {
      reason,
      neighbourhoodId: this.neighbourhood ?? '',
      expired: false,
      ...(listingId ? { listingId } : {}),
    };
    this.emit(SIGN_IN_REQUEST, detail);
  }

  /** After sign-in, opens what the reader asked for: the posting form, or a listing's reply or report. */
  async #resume(intent: { reason: SignInReason; listingId?: string }): Promise<void> {
    if (intent.reason === 'post') return this.#openPosting();
    const listing = this.#current?.items.find((l) => l.id === intent.listingId);
    if (!listing) return;
    if (!this.expanded.has(listing.id)) this.#toggle(listing.id);
    await this.updateComplete;
    await this.#actions.openForm(listing, intent.reason);
  }

  // ---- filters ---------------------------------------------------------------------------

  #setFilters(patch: Partial<BoardFilters>): void {
    this.#more.reset();
    this.filters = { ...this.filters, ...patch };
  }

  #onSearchInput(value: string): void {
    this.searchText = value;
    clearTimeout(this.#debounce);
    this.#debounce = setTimeout(() => this.#applySearch(), SEARCH_DEBOUNCE_MS);
  }

  #applySearch(): void {
    clearTimeout(this.#debounce);
    const q = this.searchText.trim();
    if (q !== this.filters.q) this.#setFilters({ q });
  }

  async #clearFilters(): Promise<void> {
    clearTimeout(this.#debounce);
    this.searchText = '';
    this.#setFilters(noFilters());
    await this.updateComplete;
    // The button is gone: focus goes to the start of the filters rather than to the page.
    this.renderRoot.querySelector<HTMLElement>('input[name="filter-kind"]:checked')?.focus();
  }

  // ---- posting -----------------------------------------------------------------------------

  async #openPosting(): Promise<void> {
    this.posting = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#post-panel input[name="kind"]:checked')?.focus();
  }

  async #closePosting(): Promise<void> {
    this.posting = false;
    // A confirmed post is done with; a draft stays for when the member comes back to it.
    if (this.#form.created) this.#form.reset();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="post-toggle"]')?.focus();
  }

  // ---- paging ------------------------------------------------------------------------------

  async #loadMore(): Promise<void> {
    const list = this.#current;
    const client = this.client;
    if (!list?.nextCursor || !client) return;
    const query = this.#query(this.filters, list.nextCursor);
    const added = await this.#more.load(
      (signal) => client.listListings(this.neighbourhood!, query, { signal }),
      (page) => {
        // Live arrivals may have changed the list meanwhile: append to the latest one.
        const result = nextPage(this.#current ?? list, page);
        this.#listings.set(result.list);
        return result.added;
      },
    );
    if (!added) return;
    await this.updateComplete;
    // Focus goes to the first new listing, so keyboard and screen reader users read on from there.
    const target = added[0];
    if (target) this.renderRoot.querySelector<HTMLElement>(`li[data-id="${CSS.escape(target.id)}"]`)?.focus();
  }

  #toggle(id: string): void {
    const next = new Set(this.expanded);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    this.expanded = next;
  }

  // ---- rendering ---------------------------------------------------------------------------

  protected override render(): TemplateResult {
    if (!this.client) return noApiView(this);
    if (!this.neighbourhood)
      return html`<div class="state" role="alert" part="error"><p>${this.t('errorNoNeighbourhood')}</p></div>`;
    const n = this.#neighbourhood.value;
    return html`<section class="panel board" part="base" aria-labelledby="board-title">
      ${this.#renderHeader(n)} ${this.#member ? this.#renderPostPanel() : nothing} ${this.#renderFilters()}
      ${this.#renderResults()} ${n ? this.#renderPartners(n.partnerServices) : nothing}
      <p class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</p>
    </section>`;
  }

  #renderHeader(n: Neighbourhood | undefined): TemplateResult {
    const live = this.#live.state === 'open';
    const loading = !n && this.#neighbourhood.status !== 'error';
    return html`<header class="header">
      <div class="heading">
        ${heading(
          this.#level(0),
          { id: 'board-title', class: 'board-title', part: 'title' },
          n
            ? n.name
            : loading
              ? html`<span class="visually-hidden">${this.t('loading')}</span
                  ><span class="skeleton title-skeleton" aria-hidden="true"></span>`
              : this.t('title'),
        )}
        <p class="subtitle muted">${this.t('subtitle')}${n ? html` · ${n.city}` : nothing}</p>
      </div>
      <div class="header-actions">
        ${liveBadge(this, live)}
        ${
          this.#member
            ? html`<button
                type="button"
                part="post-toggle"
                aria-expanded=${this.posting ? 'true' : 'false'}
                aria-controls="post-panel"
                @click=${() => (this.posting ? void this.#closePosting() : void this.#openPosting())}
              >
                ${this.t('formHeading')}
              </button>`
            : html`<div class="sign-in-prompt">
                <p class="muted">${this.t('membersOnly')}</p>
                <button type="button" part="sign-in" @click=${() => this.#requestSignIn('post')}>
                  ${this.t('signInToPost')}
                </button>
              </div>`
        }
      </div>
    </header>`;
  }

  #renderPostPanel(): TemplateResult {
    const close = html`<button
      type="button"
      class="secondary"
      part="close-form"
      @click=${() => void this.#closePosting()}
    >
      ${this.#form.created ? this.t('closeForm') : this.t('cancel')}
    </button>`;
    return html`<div id="post-panel" class="post-panel" ?hidden=${!this.posting}>
      ${
        this.posting
          ? html`${heading(this.#level(1), { id: 'post-heading', class: 'post-heading' }, this.t('formHeading'))}
            ${this.#form.render(close)}`
          : nothing
      }
    </div>`;
  }

  #renderFilters(): TemplateResult {
    const f = this.filters;
    return html`<form
      role="search"
      class="filters"
      part="filters"
      aria-label=${this.t('filtersLabel')}
      @submit=${(e: Event) => {
        e.preventDefault();
        this.#applySearch();
      }}
    >
      ${radioGroup({
        id: 'f-kind',
        name: 'filter-kind',
        label: this.t('filterKind'),
        value: f.kind,
        options: [
          { value: '', label: this.t('filterAll') },
          { value: 'offer', label: this.t('filterOffers') },
          { value: 'request', label: this.t('filterRequests') },
        ],
        onChange: (v) => this.#setFilters({ kind: v as BoardFilters['kind'] }),
      })}
      ${selectField({
        id: 'f-type',
        name: 'filter-type',
        label: this.t('filterType'),
        value: f.type,
        placeholder: this.t('filterAllTypes'),
        options: ListingType.options.map((v) => ({ value: v, label: this.t(`type_${v}`) })),
        onChange: (v) => this.#setFilters({ type: v as BoardFilters['type'] }),
      })}
      ${selectField({
        id: 'f-category',
        name: 'filter-category',
        label: this.t('filterCategory'),
        value: f.category,
        placeholder: this.t('filterAllCategories'),
        options: ListingCategory.options.map((v) => ({ value: v, label: this.t(`category_${v}`) })),
        onChange: (v) => this.#setFilters({ category: v as BoardFilters['category'] }),
      })}
      ${textField({
        id: 'f-q',
        name: 'q',
        type: 'search',
        label: this.t('search'),
        maxLength: 100,
        autocomplete: 'off',
        value: this.searchText,
        onInput: (v) => this.#onSearchInput(v),
      })}
      ${
        hasFilters(f) || this.searchText
          ? html`<button
              type="button"
              class="secondary clear"
              part="clear-filters"
              @click=${() => void this.#clearFilters()}
            >
              ${this.t('clearFilters')}
            </button>`
          : nothing
      }
    </form>`;
  }

  #renderResults(): TemplateResult {
    const resource = this.#listings;
    const list = this.#current;
    // Another query's listings stay on screen, dimmed, while the new one loads.
    const previous = !list && resource.value && !resource.stale ? resource.value : undefined;
    const failed = !list && (resource.status === 'error' || resource.stale);
    const shown = list ?? previous;
    return html`<div class="results" aria-busy=${list || failed ? 'false' : 'true'}>
      ${heading(this.#level(1), { id: 'listings-heading', class: 'visually-hidden' }, this.t('listingsHeading'))}
      ${staleNotice(this, !!list && resource.stale)}
      ${
        failed
          ? errorView(this, resource.error, () => void this.refresh())
          : shown
            ? html`<p class="count muted" part="count">${list ? this.#countText(list) : this.t('searching')}</p>
                ${this.#renderList(shown, !list)}`
            : this.#renderSkeleton()
      }
    </div>`;
  }

  #renderSkeleton(): TemplateResult {
    return html`<p class="visually-hidden">${this.t('loading')}</p>
      <ul class="list" aria-hidden="true">
        ${Array.from(
          { length: SKELETON_ROWS },
          () =>
            html`<li class="listing skeleton-listing">
              <span class="skeleton line short"></span>
              <span class="skeleton line title-line"></span>
              <span class="skeleton line"></span>
            </li>`,
        )}
      </ul>`;
  }

  #renderList(list: ListingList, dimmed: boolean): TemplateResult {
    if (list.items.length === 0) {
      return html`<p class="empty muted" part="empty">
        ${hasFilters(this.filters) ? this.t('emptyFiltered') : this.t('empty')}
      </p>`;
    }
    return html`<ul class="list ${dimmed ? 'dimmed' : ''}" part="list" aria-labelledby="listings-heading">
        ${repeat(
          list.items,
          (l) => l.id,
          (l) => this.#renderListing(l),
        )}
      </ul>
      ${loadMoreFooter(this, this.#more, !!list.nextCursor && !dimmed, this.#moreTexts, () => void this.#loadMore())}`;
  }

  get #moreTexts(): LoadMoreTexts {
    return { more: this.t('showMore'), loading: this.t('loadingMore'), failed: this.t('loadMoreFailed') };
  }

  #renderListing(l: Listing): TemplateResult {
    const locale = this.resolvedLocale;
    const open = this.expanded.has(l.id);
    // A server clock slightly ahead must not print "in 1 minute" for a listing just posted.
    const now = Math.max(Date.now(), Date.parse(l.createdAt));
    return html`<li class="listing status-${l.status}" part="listing" data-id=${l.id} tabindex="-1">
      <article aria-labelledby="title-${l.id}">
        <div class="badges">
          <span class="badge kind-${l.kind}" part="kind">${this.t(`kind_${l.kind}`)}</span>
          <span class="type muted">${this.t(`type_${l.type}`)} · ${this.t(`category_${l.category}`)}</span>
          <span class="badge status status-${l.status}" part="status">${this.t(`status_${l.status}`)}</span>
        </div>
        ${heading(
          this.#level(2),
          { id: `title-${l.id}`, class: 'listing-title' },
          html`<button
            type="button"
            class="toggle"
            part="toggle"
            aria-expanded=${open ? 'true' : 'false'}
            aria-controls="detail-${l.id}"
            @click=${() => this.#toggle(l.id)}
          >
            ${l.title}
          </button>`,
        )}
        <p class="meta muted">
          <span class="place">${this.t('around', { place: l.place.label })}</span>
          <span aria-hidden="true"> · </span>
          <time
            datetime=${l.createdAt}
            title=${formatDate(l.createdAt, locale, { dateStyle: 'long', timeStyle: 'short' })}
            >${formatRelative(l.createdAt, locale, now)}</time
          >
          <span aria-hidden="true"> · </span>
          <span class="replies">${this.t('replies', { count: l.replyCount })}</span>
        </p>
        <div id="detail-${l.id}" class="detail" part="detail" ?hidden=${!open}>
          ${open ? this.#renderDetail(l) : nothing}
        </div>
      </article>
    </li>`;
  }

  #renderDetail(l: Listing): TemplateResult {
    const locale = this.resolvedLocale;
    return html`${l.description ? html`<p class="description">${l.description}</p>` : nothing}
      <p class="facts muted">
        <span>${this.t('postedBy', { name: l.author.displayName })}</span>
        ${
          l.expiresAt
            ? html`<span aria-hidden="true"> · </span
                ><span>${this.t('until', { date: formatDate(l.expiresAt, locale, { dateStyle: 'long' }) })}</span>`
            : nothing
        }
      </p>
      ${this.#actions.render(l, this.#member, (kind) => this.#requestSignIn(kind, l.id))}`;
  }

  #renderPartners(services: readonly PartnerService[]): TemplateResult | typeof nothing {
    if (services.length === 0) return nothing;
    return html`<section class="partners" part="partners" aria-labelledby="partners-heading">
      ${heading(this.#level(1), { id: 'partners-heading', class: 'partners-heading' }, this.t('partnersHeading'))}
      <ul class="partner-list">
        ${services.map(
          (s) =>
            html`<li class="partner" part="partner">
              <div class="badges">
                <span class="badge partner-badge" part="partner-badge">${this.t('partnerBadge')}</span>
                <span class="muted">${this.t(`partner_${s.kind}`)}</span>
              </div>
              ${heading(this.#level(2), { class: 'partner-name' }, s.name)}
              <p class="partner-description">${s.description}</p>
              <a class="partner-link" part="partner-link" href=${s.url} target="_blank" rel="noopener noreferrer"
                >${this.t('partnerLink', { name: s.name })}<span class="visually-hidden"> ${this.t('newTab')}</span></a
              >
            </li>`,
        )}
      </ul>
    </section>`;
  }
}
