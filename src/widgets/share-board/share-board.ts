import { nothing, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import { html } from '../../core/element/template.js';
import type { Listing, NeighbourhoodEvent } from '../../contract/index.js';
import { ClockController } from '../../core/element/clock.js';
import { FirstUse } from '../../core/element/first-use.js';
import { formStyles } from '../../core/form/form-fields.js';
import { headingLevel } from '../../core/element/heading.js';
import { listingFormLayoutStyles } from '../../core/listing-form/listing-form.styles.js';
import { liveBadgeStyles } from '../../core/element/live-badge.js';
import { memberSession } from '../../core/member/member-session.js';
import { PartageElement } from '../../core/element/partage-element.js';
import { noApiView } from '../../core/element/views.js';
import { BoardFiltersController } from './board-filters.js';
import { boardHeader } from './board-header.js';
import { ListingsSource } from '../../core/data/listings-source.js';
import { neighbourhoodLive, NeighbourhoodSource } from '../../core/data/neighbourhood-source.js';
import { boardResults, countText } from './board-results.js';
import type { ListingActions } from './listing-actions.js';
import { actionBar, type ActionKind } from './action-bar.js';
import { actionContract } from './action-contract.js';
import { listingItem } from './listing-item.js';
import { hasFilters } from '../../core/data/listing-list.js';
import { partnerServices } from './partner-services.js';
import { PostingPanel } from './posting-panel.js';
import { messages } from './share-board.messages.js';
import { shareBoardStyles } from './share-board.styles.js';
import { SignInIntent, type Intent } from './sign-in-intent.js';
import { pageLinkSlot, pageLinkStyles } from '../../core/element/page-link.js';

const DEFAULT_PAGE_SIZE = 12;
/** The contract allows 1–100 items per page. */
const MAX_PAGE_SIZE = 100;

/**
 * @summary A neighbourhood's share board: offers and requests between neighbours (give, lend,
 * swap, service, carpool), filtered by kind, type and category, searchable, paged, with new
 * listings arriving live and the neighbourhood's partner services (car sharing and the like).
 * Members post, reply ("I'm interested") and report from the board; without a member token it is
 * read-only and asks the host page to sign the reader in. Places are approximate (a district),
 * authors appear by display name only.
 *
 * @event {CustomEvent<SignInRequestDetail>} partage-sign-in-request - The reader wants to post, reply or report and is not signed in,
 * or their token expired (`detail: { reason, neighbourhoodId, expired, listingId? }`). Sign them
 * in, then set `memberToken`: an action that waited for it is sent by itself.
 * @event {CustomEvent<ListingCreatedDetail>} partage-listing-created - A member published a listing from the board (`detail: { listing }`).
 * @event {CustomEvent<ReplySentDetail>} partage-reply-sent - A member replied to a listing (`detail: { listing, reply }`).
 * @event {CustomEvent<ReportSentDetail>} partage-report-sent - A member reported a listing (`detail: { listing, report }`).
 * @event {CustomEvent<PartageErrorDetail>} partage-error - A request failed (`detail: { operation, error }`).
 *
 * @slot page-link - Shown only when the browser runs no script (a pre-rendered snippet read without
 *   JavaScript): the link to the page where the reader can act, put there by `@partage/widgets/ssr`.
 * @csspart page-link - The paragraph holding the `page-link` slot.
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
 * @csspart partner-link - The link out to a partner (through the backend's visit counter, which adds the attribution).
 * @csspart partner-leaves - The line of that link saying it leaves the site, and for where.
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
    pageLinkStyles,
  ];

  // Static properties rather than decorators: the file then carries no decorator code (≈0.3 kB).
  static override properties: PropertyDeclarations = {
    neighbourhood: { reflect: true },
    memberToken: { attribute: 'member-token' },
    headingLevel: { attribute: 'heading-level', type: Number },
    pageSize: { type: Number, attribute: 'page-size' },
    expanded: { state: true, attribute: false },
    announcement: { state: true, attribute: false },
  };

  /** Neighbourhood id. */
  declare neighbourhood?: string;
  /**
   * The member's token from the host platform (or the provider's `memberToken` callback). Without
   * one the board is read-only. Setting a new one after a `partage-sign-in-request` sends what
   * waited for it.
   */
  declare memberToken?: string;
  /**
   * Level of the board’s heading (1–4; default: the provider’s, else 2), to fit the outline of the host page; its
   * sections and listings take the next levels.
   */
  declare headingLevel?: number;
  /** Listings per page, 1–100 (default 12). */
  pageSize = DEFAULT_PAGE_SIZE;

  private expanded: ReadonlySet<string> = new Set();
  /** Polite announcements: result counts after a search, live arrivals. */
  private announcement = '';

  protected readonly catalogue = messages;

  // Relative times stay true; held for its timer only, nothing reads it.
  private readonly clock = new ClockController(this);
  /** The list whose count was last announced (counts are announced after filter changes only). */
  #announcedKey: string | null = null;

  readonly #place = new NeighbourhoodSource(this, { neighbourhood: () => this.neighbourhood });
  readonly #neighbourhood = this.#place.data;

  readonly #list: ListingsSource = new ListingsSource(this, {
    neighbourhoodId: () => this.neighbourhood,
    filters: () => this.#filters.filters,
    limit: () => this.#limit,
  });
  /** The search and filters; a change ends the paging of the previous list. */
  readonly #filters = new BoardFiltersController(this, this.#list.more);

  // One stream per neighbourhood, whatever the filters; opened once the board starts loading.
  readonly #live = neighbourhoodLive(this, {
    id: () => this.neighbourhood,
    active: () => this.#list.resource.status !== 'idle',
    onEvent: (event) => this.#onLive(event),
  });

  /** Who acts for the member (own token, else the provider's), in this neighbourhood. */
  readonly #member = memberSession(this, () => this.ctx?.memberToken);
  /** Remembered so that, once signed in, the reader lands where they were going. */
  readonly #signIn = new SignInIntent(this, this.#member);
  /** The posting form: a published listing joins the list and fires `partage-listing-created`. */
  readonly #posting = new PostingPanel(this, this.#member, this.#list);
  /**
   * Reply and report on a listing (they update the list and fire their events): their forms,
   * checks and sending load on the board's first use, or when the browser is idle after it shows
   * listings to a member; a reader signed out never needs them.
   */
  readonly #interaction = new FirstUse(this, {
    load: () => import('./listing-interaction.js'),
    ready: () => this.#member.signedIn() && !!this.#list.current?.items.length,
    loaded: (m) => {
      this.#actions = new m.ListingActions(this, this.#member, this.#list, actionContract);
    },
  });
  #actions: ListingActions | undefined;
  /** A form asked for before its code arrived: its button waits, busy; `failed` if it could not load. */
  #asked: { listingId: string; kind: ActionKind; failed: boolean } | undefined;

  /** The board's heading level (the title), plus `offset` for sections and listings. */
  #level(offset: number): number {
    // Capped so that listings (two levels below) still get a real heading level.
    return headingLevel(Math.min(this.resolvedHeadingLevel(this.headingLevel), 4), 2, offset);
  }

  get #limit(): number {
    const n = Math.trunc(this.pageSize);
    return Number.isFinite(n) && n >= 1 ? Math.min(n, MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE;
  }

  /** Loads the board again, keeping what is shown; on failure it stays with a notice. */
  async refresh(): Promise<void> {
    if (!this.#place.key) return;
    this.#place.invalidate();
    await Promise.all([this.#list.resource.reload(), this.#neighbourhood.reload()]);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('memberToken') || changed.has('ctx' as keyof PartageShareBoard)) {
      void this.#posting.form.action.tokenMayHaveChanged();
      this.#actions?.tokenMayHaveChanged();
      const intent = this.#signIn.take(this.#member.signedIn());
      if (intent) void this.updateComplete.then(() => this.#resume(intent));
    }
    if (changed.has('neighbourhood') || changed.has('api')) {
      this.#list.forget();
      this.expanded = new Set();
      this.#announcedKey = null;
      if (changed.get('neighbourhood') !== undefined) this.#posting.form.reset();
    }
    const list = this.#list.current;
    if (list && list.key !== this.#announcedKey) {
      // The first load is not announced (the page just appeared); a new search's result is.
      if (this.#announcedKey !== null) this.announcement = countText(this, list);
      this.#announcedKey = list.key;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const list = this.#list.current;
    const { status, stale } = this.#list.resource;
    this.setState('loading', !list && status !== 'error' && !stale);
    this.setState('error', !list && (status === 'error' || stale));
    this.setState('stale', !!list && stale);
    this.setState('empty', !!list && list.items.length === 0);
    this.setState('live', this.#live.state === 'open');
    this.setState('signed-out', !this.#member.signedIn());
    this.setState('posting', this.#posting.open);
  }

  #onLive(event: NeighbourhoodEvent): void {
    if (event.neighbourhoodId !== this.#neighbourhood.value?.id && event.neighbourhoodId !== this.neighbourhood) return;
    // The same stream carries polls and agenda items: the board only shows listings.
    if (event.type !== 'listing.created' && event.type !== 'listing.updated') return;
    // Cached pages no longer tell the truth: the next filter change asks the server.
    this.#list.invalidatePages();
    const isNew = event.type === 'listing.created';
    if (this.#list.arrived(event.listing, isNew) && isNew)
      this.announcement = this.t('newListing', { title: event.listing.title });
  }

  /** After sign-in, opens what the reader asked for: the posting form, or a listing's reply or report. */
  async #resume(intent: Intent): Promise<void> {
    if (intent.reason === 'post') return this.#posting.show();
    const listing = this.#list.current?.items.find((l) => l.id === intent.listingId);
    if (!listing) return;
    if (!this.expanded.has(listing.id)) this.#toggle(listing.id);
    await this.updateComplete;
    await this.#openForm(listing, intent.reason);
  }

  /**
   * Also waits for the interaction code and the posting form's submission code while they are on
   * their way (a first use, a click on an action, a submit): what they do changes what the board shows.
   */
  protected override getUpdateComplete(): Promise<boolean> {
    const a = this.#interaction.loading;
    const b = this.#posting.form.loading;
    return a || b ? Promise.all([a, b]).then(() => super.getUpdateComplete()) : super.getUpdateComplete();
  }

  /** "I'm interested" or "Report" clicked: opens (or closes) its form, once its code is there. */
  async #act(listing: Listing, kind: ActionKind): Promise<void> {
    if (this.#actions) return this.#actions.toggle(listing, kind);
    return this.#openForm(listing, kind);
  }

  async #openForm(listing: Listing, kind: ActionKind): Promise<void> {
    if (!this.#actions) {
      // The last click wins: the code arriving opens the form asked for last.
      const asked = (this.#asked = { listingId: listing.id, kind, failed: false });
      this.requestUpdate();
      try {
        await this.#interaction.get();
      } catch {
        // Offline (or the CDN unreachable): say so where the reader clicked, with a retry that asks again.
        if (this.#asked === asked) this.#asked = { ...asked, failed: true };
        this.requestUpdate();
        return;
      }
      if (this.#asked !== asked) return;
      this.#asked = undefined;
    }
    await this.#actions!.openForm(listing, kind);
  }

  /** The retry of a failed load: focus stays on the action's button while the code is asked again. */
  #retry(listing: Listing, kind: ActionKind): void {
    this.renderRoot.querySelector<HTMLElement>(`#${kind}-${CSS.escape(listing.id)}-open`)?.focus();
    void this.#openForm(listing, kind);
  }

  #renderActions(l: Listing, member: boolean): TemplateResult {
    const actions = this.#actions;
    const open = actions?.open?.listingId === l.id ? actions.open.kind : null;
    const asked = this.#asked?.listingId === l.id ? this.#asked : undefined;
    return actionBar(this, l, {
      member,
      open,
      done: actions?.doneFor(l.id),
      busy: asked && !asked.failed ? asked.kind : null,
      failed: asked?.failed ? asked.kind : null,
      form: actions ? actions.renderForm(l) : nothing,
      onToggle: (kind) => void this.#act(l, kind),
      onSignIn: (kind) => this.#signIn.request(kind, l.id),
      onRetry: (kind) => this.#retry(l, kind),
    });
  }

  // ---- paging ------------------------------------------------------------------------------

  async #loadMore(): Promise<void> {
    const added = await this.#list.loadMore();
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
    const member = this.#member.signedIn();
    const header = boardHeader(this, {
      neighbourhood: n,
      loading: !n && this.#neighbourhood.status !== 'error',
      live: this.#live.state === 'open',
      level: this.#level(0),
      postToggle: member ? this.#posting.renderToggle() : undefined,
      onSignIn: () => this.#signIn.request('post'),
    });
    // Named for what it is: a page may hold the board and the stats of the same neighbourhood.
    return html`<section
      class="panel board"
      part="base"
      aria-label=${n ? this.t('landmark', { name: n.name }) : this.t('landmarkLoading')}
    >
      ${header} ${member ? this.#posting.render(this.#level(1)) : nothing} ${this.#filters.render()} ${pageLinkSlot()}
      ${this.#renderResults()} ${n ? partnerServices(this, n.partnerServices, this.#level(1)) : nothing}
      <p class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</p>
    </section>`;
  }

  #renderResults(): TemplateResult {
    const member = this.#member.signedIn();
    return boardResults(this, {
      listings: this.#list.resource,
      current: this.#list.current,
      filtered: hasFilters(this.#filters.filters),
      level: this.#level(1),
      more: this.#list.more,
      onRetry: () => void this.refresh(),
      onMore: () => void this.#loadMore(),
      item: (l) =>
        listingItem(this, l, {
          open: this.expanded.has(l.id),
          level: this.#level(2),
          onToggle: () => this.#toggle(l.id),
          actions: () => this.#renderActions(l, member),
        }),
    });
  }
}
