import { invalidate } from '../../core/data/clients.js';
import { nothing, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import { html } from '../../core/element/template.js';
import {
  castVote,
  getMyVote,
  getPoll,
  problemCode,
  problemStatus,
  subscribeNeighbourhood,
} from '../../core/data/civic-data.js';
import type { NeighbourhoodEvent, Poll } from '../../contract/index.js';
import { cssProps } from '../../core/element/css-props.js';
import { formatDate, formatNumber, formatPercent } from '../../core/i18n/format.js';
import { heading, headingLevel } from '../../core/element/heading.js';
import { liveBadge, liveBadgeStyles } from '../../core/element/live-badge.js';
import { LiveController } from '../../core/data/live-controller.js';
import { MemberAction, textsOf } from '../../core/member/member-action.js';
import type { MemberFormMessages } from '../../core/member/member-form.messages.js';
import { hasMemberToken, resolveMemberToken } from '../../core/member/member-token.js';
import { PartageElement } from '../../core/element/partage-element.js';
import { ResourceController } from '../../core/data/resource-controller.js';
import { errorView, noApiView, staleNotice } from '../../core/element/views.js';
import { VOTE } from './poll.events.js';
import { messages } from './poll.messages.js';
import { pollStyles } from './poll.styles.js';
import { pageLinkSlot, pageLinkStyles } from '../../core/element/page-link.js';

/** What the widget shows: the poll as this reader may see it, and their own vote when signed in. */
interface PollView {
  poll: Poll;
  /** The member's own choices; null for an anonymous reader. */
  mine: string[] | null;
  /** Signed in, but not a member of this neighbourhood. */
  outsider: boolean;
}

const DATE: Intl.DateTimeFormatOptions = { dateStyle: 'long', timeStyle: 'short' };

/**
 * @summary A neighbourhood poll for a town hall's or an association's site: the question, its
 * options as a radio group or checkboxes, voting and changing one's vote, and the results as
 * bars with counts and percentages, kept up to date live. Counts only: nobody sees who voted what.
 *
 * @event partage-vote - The member's vote was counted (`detail: { pollId, optionIds, changed }`).
 * @event partage-sign-in-request - A reader who is not signed in wants to vote, or their token
 * expired (`detail: { reason: 'vote', neighbourhoodId, pollId, expired }`). Sign them in, then set
 * `memberToken`: the vote waiting for it is sent by itself.
 * @event partage-error - The poll could not load or the vote failed (`detail: { operation, error }`).
 *
 * @slot page-link - Shown only when the browser runs no script (a pre-rendered snippet read without
 *   JavaScript): the link to the page where the reader can act, put there by `@partage/widgets/ssr`.
 * @csspart page-link - The paragraph holding the `page-link` slot.
 * @csspart base - The widget's box.
 * @csspart question - The question (a heading).
 * @csspart meta - Organiser and opening or closing date.
 * @csspart form - The voting form.
 * @csspart option - One answer (label and control).
 * @csspart vote - The vote (or confirm) button.
 * @csspart change - The "Change my vote" button.
 * @csspart results - The results list.
 * @csspart result - One answer's result.
 * @csspart bar - A result's bar.
 * @csspart notice - Notes: results hidden, not a member, upcoming.
 * @csspart live - The "Live" badge while the live stream is open.
 * @csspart error - Error message.
 * @csspart retry - The retry button of the error state.
 *
 * @cssproperty --partage-accent - Bars, the vote button and focus rings.
 * @cssproperty --partage-surface - Background.
 * @cssproperty --partage-surface-muted - Background of the bars' track.
 * @cssproperty --partage-text-muted - Hints.
 * @cssproperty --partage-radius - Corner radius.
 * @cssproperty --partage-gap - Spacing.
 *
 * @cssstate loading - The poll is loading (skeleton shown).
 * @cssstate error - It could not load.
 * @cssstate stale - A refresh failed; the last poll stays on screen.
 * @cssstate open - Voting is open.
 * @cssstate upcoming - Voting has not opened yet.
 * @cssstate closed - Voting is over.
 * @cssstate voted - The signed-in member has voted.
 * @cssstate live - The live stream is open.
 * @cssstate dark - Dark theme in use.
 *
 * @tag partage-poll
 */
export class PartagePoll extends PartageElement<typeof messages.en> {
  static override styles = [...PartageElement.styles, liveBadgeStyles, pollStyles, pageLinkStyles];

  // Static properties rather than decorators: the file then carries no decorator code (≈0.3 kB).
  static override properties: PropertyDeclarations = {
    poll: { reflect: true },
    memberToken: { attribute: 'member-token' },
    headingLevel: { attribute: 'heading-level', type: Number },
    selection: { state: true, attribute: false },
    changing: { state: true, attribute: false },
    announcement: { state: true, attribute: false },
    choiceError: { state: true, attribute: false },
  };

  /** Poll id. */
  declare poll?: string;
  /**
   * The member's token from the host platform (or the provider's `memberToken` callback). Without
   * one, voting asks the host page to sign the reader in (`partage-sign-in-request`).
   */
  declare memberToken?: string;
  /** Level of the question's heading (1–6, default 2), to fit the outline of the host page. */
  headingLevel = 2;

  protected readonly catalogue = messages;

  /** The answers ticked in the form (not yet sent). */
  private selection: string[] = [];
  /** The member chose to change their vote: the form shows again. */
  private changing = false;
  /** Polite announcement (vote counted). */
  private announcement = '';
  /** A choice problem found before sending. */
  private choiceError = '';

  readonly #tokenSources = () => ({ own: this.memberToken, provider: this.ctx?.memberToken });

  readonly #data = new ResourceController<PollView>(this, {
    key: () => this.#key,
    operation: 'getPoll',
    load: (client, signal) => this.#load(client, signal),
  });

  readonly #live = new LiveController<NeighbourhoodEvent>(this, {
    key: () => (this.#current ? `${this.client?.baseUrl}|${this.#current.poll.neighbourhoodId}` : null),
    subscribe: (client, handlers) => subscribeNeighbourhood(client, this.#current!.poll.neighbourhoodId, handlers),
    onEvent: (event) => this.#onLive(event),
  });

  readonly #vote = new MemberAction<Awaited<ReturnType<typeof castVote>>>(this, {
    reason: 'vote',
    neighbourhoodId: () => this.#current?.poll.neighbourhoodId,
    target: () => (this.poll ? { pollId: this.poll } : {}),
    token: () => resolveMemberToken(this.#tokenSources()),
    retry: () => void this.#submit(),
    operation: 'castVote',
  });

  get #key(): string | null {
    const client = this.client;
    if (!client || !this.poll) return null;
    // A new token may change what this reader sees (their vote, the counts after voting).
    const who = typeof this.memberToken === 'string' ? this.memberToken : this.ctx?.memberToken ? 'provider' : '';
    return `${client.baseUrl}|${this.poll}|${who}`;
  }

  get #current(): PollView | undefined {
    const value = this.#data.value;
    return value && value.poll.id === this.poll ? value : undefined;
  }

  async #load(client: NonNullable<PartageElement['client']>, signal: AbortSignal): Promise<PollView> {
    const token = await resolveMemberToken(this.#tokenSources());
    if (token) {
      try {
        const mine = await getMyVote(client, this.poll!, { signal, memberToken: token });
        return { poll: mine.poll, mine: mine.optionIds, outsider: false };
      } catch (error) {
        // An expired token or a reader of another neighbourhood still sees the public poll.
        const status = problemStatus(error);
        if (status !== 401 && status !== 403) throw error;
        const poll = await getPoll(client, this.poll!, { signal });
        return { poll, mine: null, outsider: status === 403 };
      }
    }
    return { poll: await getPoll(client, this.poll!, { signal }), mine: null, outsider: false };
  }

  /** Loads the poll again; on failure the last one stays, marked as possibly out of date. */
  async refresh(): Promise<void> {
    if (!this.client || !this.poll) return;
    invalidate(this.client, `/polls/${encodeURIComponent(this.poll)}`);
    await this.#data.reload();
  }

  #onLive(event: NeighbourhoodEvent): void {
    const current = this.#current;
    if (event.type !== 'poll.updated' || !current || event.poll.id !== current.poll.id) return;
    // The stream carries the public view: a member who sees the counts after voting asks for theirs.
    if (current.mine?.length && event.poll.results === null && event.poll.status !== 'closed') {
      void this.refresh();
      return;
    }
    this.#data.set({ ...current, poll: event.poll });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('poll')) {
      this.selection = [];
      this.changing = false;
      this.#vote.reset();
    }
    if (changed.has('memberToken') || changed.has('ctx' as keyof PartagePoll)) void this.#vote.tokenMayHaveChanged();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const v = this.#current;
    this.setState('loading', !v && this.#data.status !== 'error');
    this.setState('error', !v && this.#data.status === 'error');
    this.setState('stale', !!v && this.#data.stale);
    for (const s of ['open', 'upcoming', 'closed'] as const) this.setState(s, v?.poll.status === s);
    this.setState('voted', !!v?.mine?.length);
    this.setState('live', this.#live.state === 'open');
  }

  #toggle(optionId: string, multiple: boolean, checked: boolean): void {
    this.choiceError = '';
    if (!multiple) this.selection = [optionId];
    else this.selection = checked ? [...this.selection, optionId] : this.selection.filter((id) => id !== optionId);
  }

  async #submit(event?: Event): Promise<void> {
    event?.preventDefault();
    const current = this.#current;
    if (!current) return;
    const { poll } = current;
    if (this.selection.length === 0) {
      this.choiceError = this.t('chooseFirst');
      return;
    }
    if (this.selection.length > poll.maxChoices) {
      this.choiceError = this.t('tooMany', { max: poll.maxChoices });
      return;
    }
    const changed = !!current.mine?.length;
    const optionIds = poll.options.map((o) => o.id).filter((id) => this.selection.includes(id));
    const outcome = await this.#vote.run((client, memberToken, signal) =>
      castVote(client, poll.id, optionIds, { memberToken, signal }),
    );
    if (!outcome) return;
    if (outcome.ok) {
      this.#data.set({ poll: outcome.value.poll, mine: outcome.value.optionIds, outsider: false });
      this.changing = false;
      this.announcement = this.t(changed ? 'voteChanged' : 'voteCounted');
      this.emit(VOTE, { pollId: poll.id, optionIds: outcome.value.optionIds, changed });
    } else if (['poll_closed', 'poll_not_open'].includes(problemCode(outcome.error) ?? '')) {
      // The poll changed under the reader: show it as it is now.
      void this.refresh();
    }
  }

  #alert(): string {
    if (this.choiceError) return this.choiceError;
    const code = problemCode(this.#vote.error);
    if (this.#vote.status === 'failed' && !this.#vote.signIn) {
      if (code === 'poll_closed') return this.t('pollClosedNow');
      if (code === 'poll_not_open') return this.t('pollNotOpen');
      if (code === 'vote_final') return this.t('voteFinal');
    }
    return this.#vote.alertText(textsOf<MemberFormMessages>(this));
  }

  protected override render(): TemplateResult {
    if (!this.client) return noApiView(this);
    if (!this.poll) return html`<div class="state" role="alert" part="error"><p>${this.t('errorNoPoll')}</p></div>`;
    const v = this.#current;
    if (!v && this.#data.status === 'error')
      return html`<div class="panel" part="base">${errorView(this, this.#data.error, () => void this.refresh())}</div>`;
    const level = headingLevel(this.headingLevel, 2);
    if (!v) {
      return html`<section class="panel" part="base" aria-busy="true">
        ${heading(
          level,
          { class: 'question', part: 'question' },
          html`<span class="visually-hidden">${this.t('loading')}</span
            ><span class="skeleton title-skeleton" aria-hidden="true"></span>`,
        )}
        <span class="skeleton line-skeleton" aria-hidden="true"></span>
        <span class="skeleton line-skeleton" aria-hidden="true"></span>
        <span class="skeleton line-skeleton" aria-hidden="true"></span>
        <span class="skeleton results-skeleton" aria-hidden="true"></span>
      </section>`;
    }
    const { poll } = v;
    const locale = this.resolvedLocale;
    const status =
      poll.status === 'open'
        ? this.t('statusOpen', { date: formatDate(poll.closesAt, locale, DATE) })
        : poll.status === 'upcoming'
          ? this.t('statusUpcoming', { date: formatDate(poll.opensAt, locale, DATE) })
          : this.t('statusClosed', { date: formatDate(poll.closesAt, locale, DATE) });
    const voted = !!v.mine?.length;
    const showForm = poll.status === 'open' && !v.outsider && (!voted || this.changing);
    return html`<section class="panel" part="base" aria-labelledby="question">
      <header class="header">
        ${heading(level, { id: 'question', class: 'question', part: 'question' }, poll.question)}
        ${liveBadge(this, this.#live.state === 'open')}
      </header>
      <p class="meta muted" part="meta">
        <span>${this.t('byOrganiser', { name: poll.organiser.name })}</span> · <span>${status}</span>
      </p>
      ${poll.description ? html`<p class="description">${poll.description}</p>` : nothing}
      ${staleNotice(this, this.#data)} ${showForm ? this.#form(poll, voted) : this.#summary(v)} ${this.#results(v)}
      ${showForm ? pageLinkSlot() : nothing}
      <p class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</p>
    </section>`;
  }

  #form(poll: Poll, voted: boolean): TemplateResult {
    const multiple = poll.multiple;
    const alert = this.#alert();
    const signedIn = hasMemberToken(this.#tokenSources());
    const full = multiple && this.selection.length >= poll.maxChoices;
    return html`<form part="form" @submit=${(e: Event) => void this.#submit(e)} novalidate>
      <fieldset aria-describedby="choice-hint" aria-invalid=${this.choiceError ? 'true' : 'false'}>
        <legend class="visually-hidden">${poll.question}</legend>
        <p id="choice-hint" class="hint muted">
          ${multiple ? this.t('chooseUpTo', { max: poll.maxChoices }) : this.t('chooseOne')}
        </p>
        ${poll.options.map((o) => {
          const checked = this.selection.includes(o.id);
          return html`<label class="option" part="option">
            <input
              type=${multiple ? 'checkbox' : 'radio'}
              name="choice"
              .value=${o.id}
              .checked=${checked}
              ?disabled=${full && !checked}
              @change=${(e: Event) => this.#toggle(o.id, multiple, (e.target as HTMLInputElement).checked)}
            />
            <span>${o.label}</span>
          </label>`;
        })}
      </fieldset>
      ${signedIn ? nothing : html`<p class="notice muted" part="notice">${this.t('signInToVote')}</p>`}
      ${alert ? html`<p class="alert" role="alert">${alert}</p>` : nothing}
      <div class="actions">
        <button type="submit" class="button" part="vote" ?disabled=${this.#vote.sending || this.#vote.waiting}>
          ${this.#vote.sending ? this.t('sending') : this.t(voted ? 'confirmChange' : 'vote')}
        </button>
        ${
          this.#vote.signIn
            ? html`<button type="button" class="secondary" @click=${() => this.#vote.requestSignIn()}>
                ${this.t('signIn')}
              </button>`
            : nothing
        }
        ${
          voted
            ? html`<button type="button" class="secondary" @click=${() => (this.changing = false)}>
                ${this.t('cancel')}
              </button>`
            : nothing
        }
      </div>
    </form>`;
  }

  #summary(v: PollView): TemplateResult {
    const { poll } = v;
    const labels = poll.options.filter((o) => v.mine?.includes(o.id)).map((o) => o.label);
    const alert = this.#alert();
    return html`${
      labels.length ? html`<p class="mine">${this.t('yourVote', { options: labels.join(', ') })}</p>` : nothing
    }
    ${v.outsider ? html`<p class="notice muted" part="notice">${this.t('notMemberNote')}</p>` : nothing}
    ${poll.status === 'upcoming' ? html`<p class="notice muted" part="notice">${this.t('upcomingNote')}</p>` : nothing}
    ${alert ? html`<p class="alert" role="alert">${alert}</p>` : nothing}
    ${
      labels.length && poll.status === 'open' && poll.allowChange
        ? html`<div class="actions">
            <button
              type="button"
              class="secondary"
              part="change"
              @click=${() => {
                this.selection = [...(v.mine ?? [])];
                this.changing = true;
                this.announcement = '';
              }}
            >
              ${this.t('changeVote')}
            </button>
          </div>`
        : nothing
    }`;
  }

  #results(v: PollView): TemplateResult {
    const { poll } = v;
    const locale = this.resolvedLocale;
    const voters = html`<p class="voters muted">
      ${this.t('voters', { count: poll.voterCount, formatted: formatNumber(poll.voterCount, locale) })}
    </p>`;
    if (!poll.results) {
      if (poll.status === 'upcoming') return nothing as unknown as TemplateResult;
      const why = poll.resultsVisibility === 'after_voting' ? 'resultsAfterVoting' : 'resultsAfterClosing';
      return html`${voters}
        <p class="notice muted" part="notice">${this.t(why)}</p>`;
    }
    const total = poll.results.voterCount;
    const level = headingLevel(this.headingLevel, 2, 1);
    return html`<div class="results">
      ${heading(level, { class: 'results-title', id: 'results' }, this.t('results'))} ${voters}
      <ul part="results" aria-labelledby="results">
        ${poll.options.map((o) => {
          const votes = poll.results!.options.find((r) => r.optionId === o.id)?.votes ?? 0;
          const ratio = total > 0 ? votes / total : 0;
          const mine = v.mine?.includes(o.id);
          return html`<li class="result" part="result">
            <span class="result-label">
              ${o.label} ${mine ? html`<span class="mine-tag">${this.t('yourChoice')}</span>` : nothing}
            </span>
            <span class="result-figures">
              ${this.t('optionResult', { votes: formatNumber(votes, locale), count: votes, percent: formatPercent(ratio, locale) })}
            </span>
            <span class="bar" part="bar" aria-hidden="true"
              ><span ${cssProps({ '--share': `${Math.min(1, ratio) * 100}%` })}></span
            ></span>
          </li>`;
        })}
      </ul>
    </div>`;
  }
}
