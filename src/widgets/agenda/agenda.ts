import { invalidate } from '../../core/data/clients.js';
import { nothing, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import { html } from '../../core/element/template.js';
import { getMyRsvp, listAgenda, rsvp, problemCode, subscribeNeighbourhood } from '../../core/data/civic-data.js';
import type { AgendaItem, MyRsvp, NeighbourhoodEvent, Page, RsvpRequest } from '../../contract/index.js';
import { formatDate, formatNumber } from '../../core/i18n/format.js';
import { heading, headingLevel } from '../../core/element/heading.js';
import { liveBadge, liveBadgeStyles } from '../../core/element/live-badge.js';
import { LiveController } from '../../core/data/live-controller.js';
import { MemberAction, textsOf } from '../../core/member/member-action.js';
import type { MemberFormMessages } from '../../core/member/member-form.messages.js';
import { hasMemberToken, resolveMemberToken } from '../../core/member/member-token.js';
import { PartageElement } from '../../core/element/partage-element.js';
import { ResourceController } from '../../core/data/resource-controller.js';
import { errorView, noApiView, staleNotice } from '../../core/element/views.js';
import { RSVP } from './agenda.events.js';
import { messages } from './agenda.messages.js';
import { agendaStyles } from './agenda.styles.js';
import { pageLinkSlot, pageLinkStyles } from '../../core/element/page-link.js';
import { lazy } from '../../core/element/on-demand.js';

/**
 * The iCalendar writer is code few readers run: it loads when the pointer or focus reaches an
 * "Add to my calendar" button, so the click itself rarely waits for it.
 */
const icsWriter = lazy(() => import('./agenda-ics.js'));
const prepareIcs = () => void icsWriter().catch(() => undefined);

const DAY: Intl.DateTimeFormatOptions = {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  hour: 'numeric',
  minute: '2-digit',
};
const TIME: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' };

/**
 * @summary A neighbourhood's local agenda for a town hall's or an association's site: upcoming
 * events with date and time in the reader's locale, the place, places left, and for members
 * "I'm going" (or the waitlist when full); every event can be added to the reader's calendar as
 * an iCalendar (.ics) file. Places and answers update live.
 *
 * @event partage-rsvp - The member's answer was saved (`detail: { itemId, status, waitlistPosition }`).
 * @event partage-sign-in-request - A reader who is not signed in wants to answer, or their token
 * expired (`detail: { reason: 'rsvp', neighbourhoodId, itemId, expired }`). Sign them in, then set
 * `memberToken`: the answer waiting for it is sent by itself.
 * @event partage-error - The agenda could not load or an answer failed (`detail: { operation, error }`).
 *
 * @slot page-link - Shown only when the browser runs no script (a pre-rendered snippet read without
 *   JavaScript): the link to the page where the reader can act, put there by `@partage/widgets/ssr`.
 * @csspart page-link - The paragraph holding the `page-link` slot.
 * @csspart base - The widget's box.
 * @csspart title - The agenda's heading.
 * @csspart list - The list of events.
 * @csspart item - One event.
 * @csspart item-title - An event's title.
 * @csspart when - Its date and time.
 * @csspart where - Its place.
 * @csspart places - Places left, full, or people going.
 * @csspart status - The member's own answer.
 * @csspart cancelled - The "Cancelled" badge.
 * @csspart rsvp - The answer buttons.
 * @csspart calendar - The "Add to my calendar" button.
 * @csspart live - The "Live" badge while the live stream is open.
 * @csspart empty - Shown when nothing is planned.
 * @csspart error - Error message.
 * @csspart retry - The retry button of the error state.
 *
 * @cssproperty --partage-accent - Buttons and dates.
 * @cssproperty --partage-surface - Background.
 * @cssproperty --partage-surface-muted - Background of each event.
 * @cssproperty --partage-text-muted - Hints.
 * @cssproperty --partage-danger - The "Cancelled" badge.
 * @cssproperty --partage-radius - Corner radius.
 * @cssproperty --partage-gap - Spacing.
 *
 * @cssstate loading - The agenda is loading (skeleton shown).
 * @cssstate error - It could not load.
 * @cssstate stale - A refresh failed; the last agenda stays on screen.
 * @cssstate empty - Nothing is planned.
 * @cssstate live - The live stream is open.
 * @cssstate dark - Dark theme in use.
 *
 * @tag partage-agenda
 */
export class PartageAgenda extends PartageElement<typeof messages.en> {
  static override styles = [...PartageElement.styles, liveBadgeStyles, agendaStyles, pageLinkStyles];

  // Static properties rather than decorators: the file then carries no decorator code (≈0.3 kB).
  static override properties: PropertyDeclarations = {
    neighbourhood: { reflect: true },
    memberToken: { attribute: 'member-token' },
    headingLevel: { attribute: 'heading-level', type: Number },
    limit: { type: Number },
    answers: { state: true, attribute: false },
    announcement: { state: true, attribute: false },
  };

  /** Neighbourhood id. */
  declare neighbourhood?: string;
  /**
   * The member's token from the host platform (or the provider's `memberToken` callback). Without
   * one, answering asks the host page to sign the reader in (`partage-sign-in-request`).
   */
  declare memberToken?: string;
  /** Level of the agenda's heading (1–6, default 2); each event's title is one level below. */
  headingLevel = 2;
  /** How many upcoming events to show (1–100, default 10). */
  limit = 10;

  protected readonly catalogue = messages;

  /** The member's own answers by item id. */
  private answers = new Map<string, MyRsvp>();
  /** Polite announcement (answer saved). */
  private announcement = '';
  /** The item whose answer is being sent (or waits for a sign-in). */
  #pending: { itemId: string; response: RsvpRequest['response'] } | undefined;
  #answersKey: string | null = null;

  readonly #tokenSources = () => ({ own: this.memberToken, provider: this.ctx?.memberToken });

  readonly #data = new ResourceController<Page<AgendaItem>>(this, {
    key: () => this.#key,
    operation: 'listAgenda',
    load: (client, signal) => listAgenda(client, this.neighbourhood!, { limit: this.#limit }, { signal }),
  });

  // Opens the stream only once the widget nears the viewport and starts loading.
  readonly #live = new LiveController<NeighbourhoodEvent>(this, {
    key: () => (this.#data.status === 'idle' ? null : this.#key),
    subscribe: (client, handlers) => subscribeNeighbourhood(client, this.neighbourhood!, handlers),
    onEvent: (event) => this.#onLive(event),
  });

  readonly #rsvp = new MemberAction<MyRsvp>(this, {
    reason: 'rsvp',
    neighbourhoodId: () => this.neighbourhood,
    target: () => (this.#pending ? { itemId: this.#pending.itemId } : {}),
    token: () => resolveMemberToken(this.#tokenSources()),
    retry: () => this.#pending && void this.#answer(this.#pending.itemId, this.#pending.response),
    operation: 'rsvp',
  });

  get #limit(): number {
    return Number.isInteger(this.limit) && this.limit >= 1 && this.limit <= 100 ? this.limit : 10;
  }

  get #key(): string | null {
    const client = this.client;
    return client && this.neighbourhood ? `${client.baseUrl}|${this.neighbourhood}|${this.#limit}` : null;
  }

  /** Loads the agenda again; on failure the last one stays, marked as possibly out of date. */
  async refresh(): Promise<void> {
    if (!this.client || !this.neighbourhood) return;
    invalidate(this.client, `/neighbourhoods/${encodeURIComponent(this.neighbourhood)}/agenda`);
    this.#answersKey = null;
    await this.#data.reload();
  }

  /**
   * The member's answers to the items shown (one small request per event still to come); with
   * `merge`, only those items' answers are replaced.
   */
  async #loadAnswers(items: AgendaItem[], merge = false): Promise<void> {
    const client = this.client;
    const token = await resolveMemberToken(this.#tokenSources());
    if (!client || !token) {
      if (!merge) this.answers = new Map();
      return;
    }
    const found = await Promise.allSettled(
      items.filter((i) => i.status === 'scheduled').map((i) => getMyRsvp(client, i.id, { memberToken: token })),
    );
    const answers = new Map<string, MyRsvp>();
    for (const r of found) if (r.status === 'fulfilled') answers.set(r.value.itemId, r.value);
    this.answers = merge ? new Map([...this.answers, ...answers]) : answers;
  }

  #onLive(event: NeighbourhoodEvent): void {
    const page = this.#data.value;
    if (event.type !== 'agenda.updated' || !page || event.neighbourhoodId !== this.#neighbourhoodId(page)) return;
    const item = event.item;
    const others = page.items.filter((i) => i.id !== item.id);
    const upcoming = Date.parse(item.endsAt) > Date.now();
    const items = (upcoming ? [...others, item] : others).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    this.#data.set({ ...page, items: items.slice(0, this.#limit) });
    // A place freed may have moved this member from the waitlist: ask for their answer again.
    const mine = this.answers.get(item.id);
    if (mine?.status === 'waitlisted') void this.#loadAnswers([item], true);
    else if (mine) this.answers = new Map(this.answers).set(item.id, { ...mine, item });
  }

  #neighbourhoodId(page: Page<AgendaItem>): string | undefined {
    return page.items[0]?.neighbourhoodId ?? this.neighbourhood;
  }

  async #answer(itemId: string, response: RsvpRequest['response']): Promise<void> {
    this.#pending = { itemId, response };
    const outcome = await this.#rsvp.run((client, memberToken, signal) =>
      rsvp(client, itemId, { response }, { memberToken, signal }),
    );
    if (!outcome) return;
    if (outcome.ok) {
      const mine = outcome.value;
      this.#pending = undefined;
      this.answers = new Map(this.answers).set(itemId, mine);
      const page = this.#data.value;
      if (page) this.#data.set({ ...page, items: page.items.map((i) => (i.id === itemId ? mine.item : i)) });
      this.announcement = this.t('answered', { title: mine.item.title });
      this.emit(RSVP, { itemId, status: mine.status, waitlistPosition: mine.waitlistPosition });
    } else if (['event_cancelled', 'event_ended'].includes(problemCode(outcome.error) ?? '')) {
      void this.refresh();
    }
  }

  async #download(item: AgendaItem): Promise<void> {
    let ics: Awaited<ReturnType<typeof icsWriter>>;
    try {
      ics = await icsWriter();
    } catch {
      // Offline before the writer ever loaded: say so; the next click asks for it again.
      this.announcement = this.t('calendarUnavailable');
      return;
    }
    const host = this.client ? new URL(this.client.baseUrl).host : 'partage';
    const text = ics.agendaItemToICalendar(item, {
      host,
      now: new Date(),
      organiserLine: this.t('organisedBy', { name: item.organiser.name }),
    });
    // A file made here from data already on screen: no request, nothing leaves the page.
    const url = URL.createObjectURL(new Blob([text], { type: 'text/calendar;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = ics.icsFileName(item);
    link.rel = 'noopener';
    this.renderRoot.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('memberToken') || changed.has('ctx' as keyof PartageAgenda)) {
      void this.#rsvp.tokenMayHaveChanged();
      this.#answersKey = null;
    }
    const page = this.#data.value;
    const who = `${this.#key}|${this.memberToken ?? ''}|${this.ctx?.memberToken ? 'p' : ''}|${page?.items.length}`;
    if (page && this.#answersKey !== who) {
      this.#answersKey = who;
      void this.#loadAnswers(page.items);
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const page = this.#data.value;
    this.setState('loading', !page && this.#data.status !== 'error');
    this.setState('error', !page && this.#data.status === 'error');
    this.setState('stale', !!page && this.#data.stale);
    this.setState('empty', !!page && page.items.length === 0);
    this.setState('live', this.#live.state === 'open');
  }

  protected override render(): TemplateResult {
    if (!this.client) return noApiView(this);
    if (!this.neighbourhood)
      return html`<div class="state" role="alert" part="error"><p>${this.t('errorNoNeighbourhood')}</p></div>`;
    const page = this.#data.value;
    if (!page && this.#data.status === 'error')
      return html`<div class="panel" part="base">${errorView(this, this.#data.error, () => void this.refresh())}</div>`;
    const level = headingLevel(this.headingLevel, 2);
    const alert = this.#rsvp.alertText(textsOf<MemberFormMessages>(this));
    return html`<section class="panel" part="base" aria-labelledby="title" aria-busy=${page ? 'false' : 'true'}>
      <header class="header">
        ${heading(level, { id: 'title', class: 'title', part: 'title' }, this.t('title'))}
        ${liveBadge(this, this.#live.state === 'open')}
      </header>
      ${staleNotice(this, this.#data)}
      ${
        hasMemberToken(this.#tokenSources()) || !page?.items.some((i) => i.status === 'scheduled')
          ? nothing
          : html`<p class="muted hint needs-script">${this.t('signInToAnswer')}</p>
              ${pageLinkSlot()}`
      }
      ${alert ? html`<p class="alert" role="alert">${this.#alertText(alert)}</p>` : nothing}
      ${
        !page
          ? html`<ul class="list" part="list">
              ${[0, 1, 2].map(() => html`<li class="item"><span class="skeleton item-skeleton" aria-hidden="true"></span></li>`)}
            </ul>`
          : page.items.length === 0
            ? html`<p class="muted" part="empty">${this.t('empty')}</p>`
            : html`<ul class="list" part="list">
                ${page.items.map((item) => this.#item(item, headingLevel(this.headingLevel, 2, 1)))}
              </ul>`
      }
      <p class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</p>
    </section>`;
  }

  #alertText(alert: string): string {
    const code = problemCode(this.#rsvp.error);
    if (this.#rsvp.status === 'failed') {
      if (code === 'event_cancelled') return this.t('eventCancelled');
      if (code === 'event_ended') return this.t('eventEnded');
    }
    return alert;
  }

  /** Which event a button is about, for screen readers (the visible text stays the start of the name). */
  #about(item: AgendaItem): TemplateResult {
    return html`<span class="visually-hidden">: ${item.title}</span>`;
  }

  #when(item: AgendaItem): string {
    const locale = this.resolvedLocale;
    const start = formatDate(item.startsAt, locale, DAY);
    const sameDay = new Date(item.startsAt).toDateString() === new Date(item.endsAt).toDateString();
    const end = formatDate(item.endsAt, locale, sameDay ? TIME : DAY);
    return `${start} – ${end}`;
  }

  #places(item: AgendaItem): TemplateResult {
    const locale = this.resolvedLocale;
    if (item.status === 'cancelled') return html`<span class="badge" part="cancelled">${this.t('cancelled')}</span>`;
    const main =
      item.capacity === null
        ? this.t('noLimit', { going: formatNumber(item.going, locale), count: item.going })
        : item.remaining === 0
          ? this.t('full')
          : this.t('placesLeft', {
              left: formatNumber(item.remaining ?? 0, locale),
              count: item.remaining ?? 0,
              capacity: formatNumber(item.capacity, locale),
            });
    return html`${main}${
      item.waitlisted > 0
        ? html` · ${this.t('waitlistCount', { count: formatNumber(item.waitlisted, locale) })}`
        : nothing
    }`;
  }

  #item(item: AgendaItem, level: number): TemplateResult {
    const mine = this.answers.get(item.id);
    const cancelled = item.status === 'cancelled';
    const busy = this.#rsvp.sending || this.#rsvp.waiting;
    const full = item.capacity !== null && item.remaining === 0;
    const attending = mine?.status === 'going' || mine?.status === 'waitlisted';
    const status =
      mine?.status === 'going'
        ? this.t('youAreGoing')
        : mine?.status === 'waitlisted'
          ? this.t('youAreWaitlisted', { position: mine.waitlistPosition ?? 1 })
          : mine?.status === 'not_going'
            ? this.t('youAreNotGoing')
            : '';
    return html`<li class="item" part="item" data-item=${item.id} ?data-cancelled=${cancelled}>
      <article aria-labelledby=${`t-${item.id}`}>
        ${heading(level, { id: `t-${item.id}`, class: 'item-title', part: 'item-title' }, item.title)}
        <dl class="facts">
          <div>
            <dt class="visually-hidden">${this.t('when')}</dt>
            <dd part="when"><time datetime=${item.startsAt}>${this.#when(item)}</time></dd>
          </div>
          <div>
            <dt class="visually-hidden">${this.t('place')}</dt>
            <dd part="where">${item.place.label}</dd>
          </div>
        </dl>
        <p class="muted organiser">${this.t('byOrganiser', { name: item.organiser.name })}</p>
        ${item.description ? html`<p class="description">${item.description}</p>` : nothing}
        <p class="places" part="places">${this.#places(item)}</p>
        ${status && !cancelled ? html`<p class="mine" part="status">${status}</p>` : nothing}
        <div class="actions">
          ${
            cancelled
              ? nothing
              : attending
                ? html`<button
                    type="button"
                    class="secondary"
                    part="rsvp"
                    ?disabled=${busy}
                    @click=${() => void this.#answer(item.id, 'not_going')}
                  >
                    ${this.t('notGoing')}${this.#about(item)}
                  </button>`
                : html`<button
                    type="button"
                    part="rsvp"
                    ?disabled=${busy}
                    @click=${() => void this.#answer(item.id, 'going')}
                  >
                    ${this.t(full ? 'joinWaitlist' : 'going')}${this.#about(item)}
                  </button>`
          }
          ${
            cancelled
              ? nothing
              : html`<button
                  type="button"
                  class="secondary"
                  part="calendar"
                  @pointerenter=${prepareIcs}
                  @focus=${prepareIcs}
                  @click=${() => void this.#download(item)}
                >
                  ${this.t('addToCalendar')}${this.#about(item)}
                </button>`
          }
          ${
            this.#rsvp.signIn && this.#pending?.itemId === item.id
              ? html`<button type="button" class="secondary" @click=${() => this.#rsvp.requestSignIn()}>
                  ${this.t('signIn')}
                </button>`
              : nothing
          }
        </div>
      </article>
    </li>`;
  }
}
