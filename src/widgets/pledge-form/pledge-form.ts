import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { ApiError, NetworkError } from '../../client/errors.js';
import { newIdempotencyKey } from '../../client/types.js';
import type { Campaign, CampaignEvent, Money, PledgeRequest, PledgeResult, RewardTier } from '../../contract/index.js';
import { isOpen } from '../../contract/rules.js';
import { formatDate, formatMoney, formatNumber } from '../../core/format.js';
import { LiveController } from '../../core/live-controller.js';
import { OnlineRetryController } from '../../core/online-retry.js';
import { PartageElement } from '../../core/partage-element.js';
import { ResourceController } from '../../core/resource-controller.js';
import { FollowSelectionController, REWARD_SELECT_EVENT, type RewardSelectDetail } from '../../core/selection.js';
import { errorText, errorView, noApiView, staleNotice } from '../../core/views.js';
import { currencyAffix, formatAmountInput, parseAmount } from './amount.js';
import {
  CHECKOUT_EVENT,
  PLEDGE_CREATED_EVENT,
  type CheckoutDetail,
  type CheckoutTarget,
  type PledgeCreatedDetail,
} from './pledge-form.events.js';
import { messages } from './pledge-form.messages.js';
import { pledgeFormStyles } from './pledge-form.styles.js';
import {
  checkForm,
  emptyValues,
  FIELDS,
  fieldOf,
  floorOf,
  rewardOf,
  type Field,
  type FieldErrors,
  type FieldProblem,
  type FormValues,
} from './pledge-validation.js';

/** The contract's largest page: campaigns have a handful of tiers, so one page holds them all. */
const PAGE_LIMIT = 100;
const MESSAGE_MAX = 500;
const NAME_MAX = 80;
const EMAIL_MAX = 254;

/** Each field's control, for labels, `aria-describedby` and focus. */
const IDS: Record<Field, string> = {
  rewardId: 'pf-reward',
  amount: 'pf-amount',
  name: 'pf-name',
  email: 'pf-email',
  message: 'pf-message',
};

interface PledgeData {
  /** What was loaded (base URL + campaign attribute), so a previous campaign is never shown. */
  key: string;
  campaign: Campaign;
  rewards: RewardTier[];
}

/** One pledge attempt: its key is reused for every retry of the very same request. */
interface Attempt {
  key: string;
  body: PledgeRequest;
  fingerprint: string;
}

/** A message about the whole submission (network, rate limit…), with or without a retry. */
interface Notice {
  text: string;
  retry: boolean;
}

/**
 * @summary A pledge form that follows the campaign's rules: amount typed in the reader's locale
 * (minimum, maximum, equity ticket, reward minimum checked as the backend will), reward, name,
 * e-mail, anonymity and a public message. Submitting is safe to repeat: one Idempotency-Key per
 * attempt, kept across retries, so a double click or a retry after a network failure never makes
 * two pledges. Payment happens on the platform's checkout: this form never asks for card data.
 *
 * @slot - Nothing is rendered from the light DOM.
 *
 * @event partage-pledge-created - The backend accepted a pledge: `detail: { campaignId, pledge }`
 * with `pledge.status` `confirmed`, `pending_payment` (and `checkoutUrl`) or `waitlisted` (and
 * `waitlistPosition`).
 * @event partage-checkout - Cancelable, fired before opening `checkoutUrl` (same tab with
 * `location.assign`, or a new tab with `checkout-target="_blank"`):
 * `detail: { campaignId, pledge, checkoutUrl, target }`. Cancel it to route the reader yourself.
 * @event partage-reward-select - The reader chose a reward in the form:
 * `detail: { campaignId, rewardId, minimum }`; reward tiers under the same provider follow.
 * @event partage-error - The campaign could not be loaded (`detail: { operation, error }`).
 *
 * @csspart base - The widget's box (the form, the outcome or the closed state).
 * @csspart form - The `<form>`.
 * @csspart title - The form's (or the outcome's) title.
 * @csspart alert - The single alert: list of fields to fix, or what went wrong with a retry.
 * @csspart field - One field (label, hint, control, error).
 * @csspart hint - A field's hint.
 * @csspart field-error - A field's error message.
 * @csspart counter - Characters left in the public message.
 * @csspart equity - Equity notices (oversubscription, risk).
 * @csspart alternatives - Rewards still available after the chosen one sold out.
 * @csspart submit - The submit button.
 * @csspart retry - "Try again" in the alert.
 * @csspart outcome - Thank-you, payment or waitlist state; also `outcome-confirmed`,
 * `outcome-pending-payment`, `outcome-waitlisted`.
 * @csspart checkout-link - Link to the platform's checkout.
 * @csspart another - "Make another pledge".
 * @csspart closed - Shown instead of the form when the campaign is not open.
 * @csspart error - Error state when the campaign cannot load.
 *
 * @cssproperty --partage-accent - Buttons and focus of the fields.
 * @cssproperty --partage-danger - Errors.
 * @cssproperty --partage-success - Confirmed pledge.
 * @cssproperty --partage-warning - Notices (oversubscription, waitlist).
 * @cssproperty --partage-surface - Field and form background.
 * @cssproperty --partage-border - Field borders.
 * @cssproperty --partage-radius - Corners.
 * @cssproperty --partage-gap - Spacing.
 *
 * @cssstate loading - The campaign is loading (skeleton shown).
 * @cssstate error - The campaign could not be loaded.
 * @cssstate stale - A refresh failed; the form still works with the last data.
 * @cssstate closed - The campaign does not take pledges (upcoming or ended).
 * @cssstate invalid - Some fields need fixing.
 * @cssstate sending - A pledge is on its way.
 * @cssstate confirmed - The pledge is confirmed.
 * @cssstate pending-payment - The reader is sent to the checkout.
 * @cssstate waitlisted - The investor joined the waitlist.
 * @cssstate live - Reward stock and totals follow the live stream.
 *
 * @tag partage-pledge-form
 */
export class PartagePledgeForm extends PartageElement<typeof messages.en> {
  static override styles = [...PartageElement.styles, pledgeFormStyles];

  /** The campaign's id or slug. */
  @property({ reflect: true }) campaign?: string;
  /** Where the platform's checkout opens: `_self` (this tab, default) or `_blank` (a new tab). */
  @property({ attribute: 'checkout-target' }) checkoutTarget: CheckoutTarget = '_self';
  /**
   * Reward preselected when the form loads (a tier id; `''` for none). Under a provider, a reward
   * already chosen in the tiers wins.
   */
  @property() reward?: string;

  protected readonly catalogue = messages;

  @state() private values: FormValues = emptyValues();
  @state() private errors: FieldErrors = {};
  /** After a submit, the alert lists the fields to fix until they all are. */
  @state() private showSummary = false;
  @state() private notice: Notice | undefined;
  @state() private sending = false;
  @state() private result: { pledge: PledgeResult; body: PledgeRequest } | undefined;
  /** The backend said the campaign closed, even if our copy still says live. */
  @state() private closedNow = false;

  #attempt: Attempt | undefined;
  /** Fields the reader left once: their errors show as they type. */
  #touched = new Set<Field>();

  readonly #data = new ResourceController<PledgeData>(this, {
    key: () => this.#key,
    operation: 'getCampaign',
    load: async (client, signal) => {
      const key = this.#key!;
      const id = this.campaign!;
      const [campaign, rewards] = await Promise.all([
        client.getCampaign(id, { signal }),
        client.listRewards(id, { limit: PAGE_LIMIT }, { signal }),
      ]);
      return { key, campaign, rewards: rewards.items };
    },
  });

  // Stock and totals follow the stream, so a reward sold out meanwhile is disabled before submit.
  readonly #live = new LiveController<CampaignEvent>(this, {
    key: () => {
      const d = this.#current;
      const moving = d && (d.campaign.status === 'live' || d.campaign.status === 'upcoming');
      return moving && this.client && !this.result ? `${this.client.baseUrl}|${d.campaign.id}` : null;
    },
    subscribe: (client, handlers) => client.subscribeCampaign(this.#current!.campaign.id, handlers),
    onEvent: (event) => this.#onLive(event),
  });

  // Back online, a failed or stale load is fetched again; held for its listener only.
  private readonly online = new OnlineRetryController(this, [this.#data], () => void this.#data.reload());

  // A reward shared by the tiers wins over the `reward` attribute.
  readonly #selection = new FollowSelectionController(this, {
    store: () => this.ctx?.selection,
    loaded: () => {
      const d = this.#current;
      return d && { key: d.key, campaignId: d.campaign.id };
    },
    preset: () => this.reward,
    shown: () => this.values.rewardId,
    apply: (rewardId) => this.#applyReward(rewardId),
  });

  get #key(): string | null {
    const client = this.client;
    return client && this.campaign ? `${client.baseUrl}|${this.campaign}` : null;
  }

  get #current(): PledgeData | undefined {
    const value = this.#data.value;
    return value && value.key === this.#key ? value : undefined;
  }

  /** Loads the campaign and its rewards again; the form and its answers stay as they are. */
  reload(): Promise<void> {
    return this.#data.reload();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.requestUpdate();
  }

  protected override shouldUpdate(changed: PropertyValues<this>): boolean {
    return this.isConnected && super.shouldUpdate(changed);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('campaign') && changed.get('campaign') !== undefined) this.#startOver(true);
    const synced = this.#selection.sync();
    const d = this.#current;
    if (d && !synced && changed.has('reward') && this.reward !== undefined) {
      this.#applyReward(this.reward);
      this.#selection.share();
    }
    const status = this.#data.status;
    const pledge = this.result?.pledge;
    this.setState('loading', !d && status !== 'error' && !!this.#key);
    this.setState('error', !d && (status === 'error' || this.#data.stale));
    this.setState('stale', !!d && this.#data.stale);
    this.setState('closed', !!d && !pledge && this.#isClosed(d.campaign));
    this.setState('invalid', Object.keys(this.errors).length > 0);
    this.setState('sending', this.sending);
    this.setState('confirmed', pledge?.status === 'confirmed');
    this.setState('pending-payment', pledge?.status === 'pending_payment');
    this.setState('waitlisted', pledge?.status === 'waitlisted');
    this.setState('live', this.#live.state === 'open');
  }

  #isClosed(c: Campaign): boolean {
    return this.closedNow || !isOpen(c, new Date());
  }

  // ---- shared reward selection ------------------------------------------------------------

  /** Takes a reward chosen anywhere, and raises the amount to its minimum when lower. */
  #applyReward(rewardId: string): void {
    const d = this.#current;
    if (!d) return;
    const reward = rewardOf(d.rewards, rewardId);
    // A reward this campaign does not have (a stale link, another campaign's id) means none.
    const values = { ...this.values, rewardId: reward ? rewardId : '' };
    if (reward) {
      const locale = this.resolvedLocale;
      const currency = d.campaign.goal.currency;
      const floor = floorOf(d.campaign, reward).minimum.amount;
      const parsed = parseAmount(values.amount, locale, currency);
      if (parsed.ok ? parsed.minor < floor : parsed.problem === 'empty') {
        values.amount = formatAmountInput(floor, locale, currency);
      }
      this.#touched.add('rewardId');
    }
    this.values = values;
    this.#refresh(['rewardId', 'amount']);
  }

  /** The reader picked a reward in this form: share it with the tiers through the provider. */
  #pickReward(rewardId: string): void {
    const d = this.#current;
    if (!d) return;
    this.#applyReward(rewardId);
    const reward = rewardOf(d.rewards, this.values.rewardId);
    this.emit<RewardSelectDetail>(REWARD_SELECT_EVENT, {
      campaignId: d.campaign.id,
      rewardId: reward ? reward.id : null,
      minimum: reward ? { ...reward.minimum } : null,
    });
  }

  // ---- live updates -------------------------------------------------------------------------

  #onLive(event: CampaignEvent): void {
    const d = this.#current;
    if (!d || event.campaignId !== d.campaign.id) return;
    if (event.type === 'campaign.updated') {
      this.#data.set({ ...d, campaign: event.campaign });
      return;
    }
    const update = event.reward;
    const rewards = update
      ? d.rewards.map((r) =>
          r.id === update.id
            ? { ...r, remaining: update.remaining, backerCount: update.backerCount, availability: update.availability }
            : r,
        )
      : d.rewards;
    const c = d.campaign;
    const campaign: Campaign = {
      ...c,
      pledged: event.totals.pledged,
      backerCount: event.totals.backerCount,
      equity: c.equity && { ...c.equity, waitlistCount: event.totals.waitlistCount },
    };
    this.#data.set({ ...d, campaign, rewards });
    // The reader's reward just sold out: say it now rather than after they submit.
    if (update && update.id === this.values.rewardId && update.availability !== 'available') {
      this.#touched.add('rewardId');
      this.#refresh([]);
    }
  }

  // ---- editing ------------------------------------------------------------------------------

  #set(field: keyof FormValues, value: string | boolean): void {
    this.values = { ...this.values, [field]: value };
    this.notice = undefined;
    if ((FIELDS as readonly string[]).includes(field)) this.#refresh([field as Field]);
  }

  /** Leaving a field: its errors show from now on, and the amount is written the locale's way. */
  #leave(field: Field): void {
    const d = this.#current;
    // A field also loses focus when the outcome replaces the form: nothing to check then.
    if (!d || this.result || this.closedNow) return;
    if (field === 'amount') {
      const currency = d.campaign.goal.currency;
      const parsed = parseAmount(this.values.amount, this.resolvedLocale, currency);
      if (parsed.ok)
        this.values = { ...this.values, amount: formatAmountInput(parsed.minor, this.resolvedLocale, currency) };
    }
    if (this.values[field] !== '') this.#touched.add(field);
    this.#refresh([]);
  }

  /**
   * Re-checks the form with the shared rules. Errors show for fields the reader already left (or
   * all of them after a submit); a server's message stays until its field is edited.
   */
  #refresh(edited: readonly Field[]): void {
    const d = this.#current;
    if (!d) return;
    const check = checkForm(this.values, d.campaign, d.rewards, this.resolvedLocale);
    const errors: FieldErrors = {};
    for (const field of FIELDS) {
      const before = this.errors[field];
      const now = check.errors[field];
      if (before?.kind === 'server' && !edited.includes(field)) errors[field] = before;
      else if (now && (this.#touched.has(field) || this.showSummary)) errors[field] = now;
    }
    this.errors = errors;
    if (this.showSummary && Object.keys(errors).length === 0) this.showSummary = false;
  }

  // ---- submitting ---------------------------------------------------------------------------

  #onSubmit = (e: Event) => {
    e.preventDefault();
    void this.#submit();
  };

  async #submit(): Promise<void> {
    // A second submit while the first is on its way does nothing (double click, Enter twice).
    if (this.sending) return;
    const d = this.#current;
    const client = this.client;
    if (!d || !client) return;
    const check = checkForm(this.values, d.campaign, d.rewards, this.resolvedLocale);
    if (check.closed) {
      // It ended while the reader was filling the form: say so where their focus is.
      this.closedNow = true;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#pf-closed')?.focus();
      return;
    }
    for (const field of FIELDS) this.#touched.add(field);
    this.errors = check.errors;
    this.notice = undefined;
    if (!check.request) {
      this.showSummary = true;
      await this.updateComplete;
      this.#focusFirstInvalid();
      return;
    }
    this.showSummary = false;
    const body = check.request;
    const fingerprint = JSON.stringify(body);
    // The same answers as the attempt that failed: the same key, so the backend replays instead of
    // counting twice. Changed answers are a new pledge, with a new key.
    if (this.#attempt?.fingerprint !== fingerprint) this.#attempt = { key: newIdempotencyKey(), body, fingerprint };
    const attempt = this.#attempt;
    this.sending = true;
    try {
      const pledge = await client.createPledge(d.campaign.id, attempt.body, { idempotencyKey: attempt.key });
      this.#attempt = undefined;
      this.sending = false;
      await this.#done(d.campaign, pledge, attempt.body);
    } catch (error) {
      this.sending = false;
      await this.#failed(error, d);
    }
  }

  async #done(campaign: Campaign, pledge: PledgeResult, body: PledgeRequest): Promise<void> {
    this.result = { pledge, body };
    this.emit<PledgeCreatedDetail>(PLEDGE_CREATED_EVENT, { campaignId: campaign.id, pledge });
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#pf-outcome')?.focus();
    if (pledge.status === 'pending_payment') this.#checkout(campaign, pledge);
  }

  #checkout(campaign: Campaign, pledge: Extract<PledgeResult, { status: 'pending_payment' }>): void {
    const target: CheckoutTarget = this.checkoutTarget === '_blank' ? '_blank' : '_self';
    const proceed = this.emit<CheckoutDetail>(
      CHECKOUT_EVENT,
      { campaignId: campaign.id, pledge, checkoutUrl: pledge.checkoutUrl, target },
      true,
    );
    if (!proceed) return;
    // The outcome keeps a link to the checkout, for a blocked pop-up or a cancelled navigation.
    if (target === '_blank') window.open(pledge.checkoutUrl, '_blank', 'noopener');
    else window.location.assign(pledge.checkoutUrl);
  }

  async #failed(error: unknown, d: PledgeData): Promise<void> {
    const fields: FieldErrors = {};
    let notice: Notice | undefined;
    if (error instanceof ApiError) {
      switch (error.code) {
        case 'validation_failed': {
          const other: string[] = [];
          for (const e of error.fieldErrors) {
            const field = fieldOf(e.path);
            if (field) fields[field] ??= { kind: 'server', message: e.message };
            else other.push(e.message);
          }
          if (other.length > 0 || Object.keys(fields).length === 0) {
            notice = { text: other.join(' ') || errorText(this, error), retry: false };
          }
          break;
        }
        case 'pledge_below_minimum':
        case 'pledge_above_maximum':
        case 'currency_mismatch': {
          // The rules changed since the form loaded: reload them and word the error ourselves.
          const fresh = await this.#refreshData(d);
          const check = checkForm(this.values, fresh.campaign, fresh.rewards, this.resolvedLocale);
          fields.amount = check.errors.amount ?? { kind: 'server', message: error.detail ?? error.message };
          break;
        }
        case 'reward_sold_out':
        case 'reward_unavailable': {
          const soldOut = error.code === 'reward_sold_out';
          const id = this.values.rewardId;
          const rewards = d.rewards.map((r) =>
            r.id === id
              ? {
                  ...r,
                  availability: soldOut ? ('sold_out' as const) : ('unavailable' as const),
                  remaining: soldOut ? 0 : r.remaining,
                }
              : r,
          );
          this.#data.set({ ...d, rewards });
          const reward = rewards.find((r) => r.id === id);
          fields.rewardId =
            soldOut && reward ? { kind: 'soldOut', title: reward.title } : { kind: 'rewardUnavailable' };
          void this.#refreshData(this.#current ?? d);
          break;
        }
        case 'campaign_closed':
          this.closedNow = true;
          await this.updateComplete;
          this.renderRoot.querySelector<HTMLElement>('#pf-closed')?.focus();
          void this.#refreshData(d);
          return;
        case 'idempotency_in_flight':
          notice = { text: this.t('stillProcessing'), retry: true };
          break;
        case 'idempotency_key_reused':
          this.#attempt = undefined;
          notice = { text: errorText(this, error), retry: true };
          break;
        default:
          notice = {
            text: errorText(this, error),
            retry: error.status === 429 || error.status === 408 || error.status >= 500,
          };
      }
    } else if (error instanceof NetworkError) {
      notice = { text: `${errorText(this, error)} ${this.t('keptAnswers')}`, retry: true };
    } else {
      notice = { text: errorText(this, error), retry: true };
    }
    this.errors = { ...this.errors, ...fields };
    this.notice = notice;
    this.showSummary = Object.keys(fields).length > 0;
    await this.updateComplete;
    if (this.showSummary) this.#focusFirstInvalid();
  }

  /** Fetches the campaign and rewards again, past the client's cache; the last data on failure. */
  async #refreshData(d: PledgeData): Promise<PledgeData> {
    this.client?.invalidate(`/campaigns/${encodeURIComponent(d.campaign.id)}`);
    if (d.campaign.slug !== d.campaign.id) this.client?.invalidate(`/campaigns/${encodeURIComponent(d.campaign.slug)}`);
    await this.#data.reload();
    return this.#current ?? d;
  }

  #focusField(field: Field): void {
    this.renderRoot.querySelector<HTMLElement>(`#${IDS[field]}`)?.focus();
  }

  #focusFirstInvalid(): void {
    const first = FIELDS.find((f) => this.errors[f]);
    if (first) this.#focusField(first);
  }

  /** Back to an empty form for another pledge (keeping who the reader is and their reward). */
  async #another(): Promise<void> {
    const { name, email, rewardId } = this.values;
    this.#startOver(false);
    this.values = { ...emptyValues(), name, email };
    this.#applyReward(rewardId);
    await this.updateComplete;
    this.#focusField(this.#current?.rewards.length ? 'rewardId' : 'amount');
  }

  #startOver(clearValues: boolean): void {
    this.result = undefined;
    this.errors = {};
    this.notice = undefined;
    this.showSummary = false;
    this.closedNow = false;
    this.#attempt = undefined;
    this.#touched.clear();
    if (clearValues) this.values = emptyValues();
  }

  // ---- rendering ----------------------------------------------------------------------------

  #money(m: Money): string {
    return formatMoney(m, this.resolvedLocale);
  }

  #problemText(problem: FieldProblem, field: Field): string {
    switch (problem.kind) {
      case 'required':
        return this.t(field === 'amount' ? 'requiredAmount' : field === 'email' ? 'requiredEmail' : 'requiredName');
      case 'amountInvalid':
        return this.t('amountInvalid');
      case 'amountPrecision':
        return this.t('amountPrecision', { digits: problem.digits });
      case 'belowMinimum':
        return this.t('belowMinimum', { minimum: this.#money(problem.minimum), reason: problem.reason });
      case 'aboveMaximum':
        return this.t('aboveMaximum', { maximum: this.#money(problem.maximum) });
      case 'emailInvalid':
        return this.t('emailInvalid');
      case 'tooLong':
        return this.t('tooLong', { max: problem.max });
      case 'soldOut':
        return this.t('soldOut', { title: problem.title });
      case 'rewardUnavailable':
        return this.t('rewardUnavailable');
      case 'server':
        return problem.message;
    }
  }

  #labelOf(field: Field, c: Campaign): string {
    switch (field) {
      case 'rewardId':
        return this.t('rewardLabel');
      case 'amount':
        return this.t('amountLabel', {
          kind: c.kind,
          currency: currencyAffix(this.resolvedLocale, c.goal.currency).symbol,
        });
      case 'name':
        return this.t('nameLabel');
      case 'email':
        return this.t('emailLabel');
      case 'message':
        return this.t('messageLabel');
    }
  }

  #errorOf(field: Field): TemplateResult | typeof nothing {
    const problem = this.errors[field];
    return problem
      ? html`<p class="field-error" id="${IDS[field]}-error" part="field-error">
          ${this.#problemText(problem, field)}
        </p>`
      : nothing;
  }

  /** `aria-describedby` of a control: its hint(s), then its error when there is one. */
  #describedBy(field: Field, ...hints: string[]): string | undefined {
    const ids = [...hints, ...(this.errors[field] ? [`${IDS[field]}-error`] : [])];
    return ids.length ? ids.join(' ') : undefined;
  }

  #invalid(field: Field): 'true' | 'false' {
    return this.errors[field] ? 'true' : 'false';
  }

  protected override render(): TemplateResult {
    if (!this.client) return noApiView(this);
    if (!this.campaign) {
      return html`<div class="state" role="alert" part="error"><p>${this.t('errorNoCampaign')}</p></div>`;
    }
    const d = this.#current;
    if (!d) {
      if (this.#data.status === 'error' || this.#data.stale)
        return errorView(this, this.#data.error, () => void this.#data.reload());
      return this.#skeleton();
    }
    if (this.result) return this.#outcome(d.campaign, this.result.pledge, this.result.body, d.rewards);
    if (this.#isClosed(d.campaign)) return this.#closed(d.campaign);
    return this.#form(d);
  }

  #form(d: PledgeData): TemplateResult {
    const c = d.campaign;
    const v = this.values;
    return html`<form
      class="pledge"
      part="base form"
      novalidate
      aria-labelledby="pf-title"
      aria-busy=${this.sending ? 'true' : 'false'}
      @submit=${this.#onSubmit}
    >
      <p class="title" id="pf-title" part="title">${this.t('title', { kind: c.kind })}</p>
      ${staleNotice(this, this.#data.stale)}
      <div class="alert" role="alert" part="alert">${this.#alert(c)}</div>
      ${this.#equityNotices(c)} ${d.rewards.length > 0 ? this.#rewardField(d) : nothing} ${this.#amountField(d)}
      <div class="field" part="field">
        <label for=${IDS.name}>${this.t('nameLabel')}</label>
        <input
          id=${IDS.name}
          name="name"
          type="text"
          autocomplete="name"
          maxlength=${NAME_MAX}
          required
          aria-invalid=${this.#invalid('name')}
          aria-describedby=${ifDefined(this.#describedBy('name'))}
          .value=${live(v.name)}
          @input=${(e: Event) => this.#set('name', (e.target as HTMLInputElement).value)}
          @blur=${() => this.#leave('name')}
        />
        ${this.#errorOf('name')}
      </div>
      <div class="field" part="field">
        <label for=${IDS.email}>${this.t('emailLabel')}</label>
        <p class="hint" id="pf-email-hint" part="hint">${this.t('emailHint')}</p>
        <input
          id=${IDS.email}
          name="email"
          type="email"
          autocomplete="email"
          maxlength=${EMAIL_MAX}
          required
          aria-invalid=${this.#invalid('email')}
          aria-describedby=${ifDefined(this.#describedBy('email', 'pf-email-hint'))}
          .value=${live(v.email)}
          @input=${(e: Event) => this.#set('email', (e.target as HTMLInputElement).value)}
          @blur=${() => this.#leave('email')}
        />
        ${this.#errorOf('email')}
      </div>
      <div class="check" part="field">
        <input
          id="pf-anonymous"
          name="anonymous"
          type="checkbox"
          .checked=${live(v.anonymous)}
          @change=${(e: Event) => this.#set('anonymous', (e.target as HTMLInputElement).checked)}
        />
        <label for="pf-anonymous">${this.t('anonymousLabel', { kind: c.kind })}</label>
      </div>
      ${this.#messageField()}
      <div class="actions">
        <button type="submit" part="submit" aria-disabled=${ifDefined(this.sending ? 'true' : undefined)}>
          ${this.sending ? this.t('sending') : this.t('submit', { kind: c.kind })}
        </button>
      </div>
    </form>`;
  }

  /** The single alert: what went wrong with the submission, then the fields to fix. */
  #alert(c: Campaign): TemplateResult | typeof nothing {
    const fields = this.showSummary ? FIELDS.filter((f) => this.errors[f]) : [];
    if (fields.length === 0 && !this.notice) return nothing;
    return html`${
      this.notice
        ? html`<p>${this.notice.text}</p>
            ${
              this.notice.retry
                ? html`<button type="button" class="secondary" part="retry" @click=${() => void this.#submit()}>
                    ${this.t('retry')}
                  </button>`
                : nothing
            }`
        : nothing
    }
    ${
      fields.length > 0
        ? html`<p>${this.t('summary', { count: fields.length })}</p>
            <ul>
              ${fields.map(
                (f) =>
                  html`<li>
                    <a
                      href="#${IDS[f]}"
                      @click=${(e: Event) => {
                        e.preventDefault();
                        this.#focusField(f);
                      }}
                      >${this.t('summaryItem', { label: this.#labelOf(f, c), error: this.#problemText(this.errors[f]!, f) })}</a
                    >
                  </li>`,
              )}
            </ul>`
        : nothing
    }`;
  }

  #equityNotices(c: Campaign): TemplateResult | typeof nothing {
    if (!c.equity) return nothing;
    return html`<div class="notices" part="equity">
      ${c.equity.oversubscribed ? html`<p class="notice">${this.t('oversubscribed')}</p>` : nothing}
      <p class="muted small">${this.t('equityRisk')}</p>
    </div>`;
  }

  #rewardField(d: PledgeData): TemplateResult {
    const value = this.values.rewardId;
    const problem = this.errors.rewardId;
    const alternatives =
      problem?.kind === 'soldOut' || problem?.kind === 'rewardUnavailable'
        ? d.rewards.filter((r) => r.availability === 'available')
        : [];
    return html`<div class="field" part="field">
      <label for=${IDS.rewardId}>${this.t('rewardLabel')}</label>
      <select
        id=${IDS.rewardId}
        name="rewardId"
        aria-invalid=${this.#invalid('rewardId')}
        aria-describedby=${ifDefined(this.#describedBy('rewardId'))}
        @change=${(e: Event) => this.#pickReward((e.target as HTMLSelectElement).value)}
      >
        <option value="" .selected=${live(value === '')}>${this.t('noReward')}</option>
        ${d.rewards.map(
          (r) =>
            html`<option value=${r.id} ?disabled=${r.availability !== 'available'} .selected=${live(r.id === value)}>
              ${
                r.availability === 'sold_out'
                  ? this.t('rewardSoldOut', { title: r.title })
                  : r.availability === 'unavailable'
                    ? this.t('rewardUnavailableOption', { title: r.title })
                    : this.t('rewardOption', { title: r.title, minimum: this.#money(r.minimum) })
              }
            </option>`,
        )}
      </select>
      ${this.#errorOf('rewardId')}
      ${
        alternatives.length > 0
          ? html`<div class="alternatives" part="alternatives" role="group" aria-labelledby="pf-alternatives">
              <p id="pf-alternatives">${this.t('alternatives')}</p>
              <ul>
                ${alternatives.map(
                  (r) =>
                    html`<li>
                      <button
                        type="button"
                        class="secondary"
                        @click=${async () => {
                          this.#pickReward(r.id);
                          await this.updateComplete;
                          this.#focusField('rewardId');
                        }}
                      >
                        ${this.t('chooseAlternative', { title: r.title, minimum: this.#money(r.minimum) })}
                      </button>
                    </li>`,
                )}
              </ul>
            </div>`
          : nothing
      }
    </div>`;
  }

  #amountField(d: PledgeData): TemplateResult {
    const c = d.campaign;
    const locale = this.resolvedLocale;
    const affix = currencyAffix(locale, c.goal.currency);
    const floor = floorOf(c, rewardOf(d.rewards, this.values.rewardId));
    const maximum = c.pledgeRules.maximum;
    return html`<div class="field" part="field">
      <label for=${IDS.amount}>${this.#labelOf('amount', c)}</label>
      <p class="hint" id="pf-amount-hint" part="hint">
        ${this.t('amountHint', {
          minimum: this.#money(floor.minimum),
          maximum: maximum ? this.#money(maximum) : null,
          reason: floor.reason,
        })}
      </p>
      <div class="money ${affix.before ? 'before' : 'after'}">
        <input
          id=${IDS.amount}
          name="amount"
          type="text"
          inputmode="decimal"
          autocomplete="transaction-amount"
          required
          aria-invalid=${this.#invalid('amount')}
          aria-describedby=${ifDefined(this.#describedBy('amount', 'pf-amount-hint'))}
          .value=${live(this.values.amount)}
          @input=${(e: Event) => this.#set('amount', (e.target as HTMLInputElement).value)}
          @blur=${() => this.#leave('amount')}
        />
        <span class="currency" aria-hidden="true">${affix.symbol}</span>
      </div>
      ${this.#errorOf('amount')}
    </div>`;
  }

  #messageField(): TemplateResult {
    const left = MESSAGE_MAX - this.values.message.length;
    return html`<div class="field" part="field">
      <label for=${IDS.message}>${this.t('messageLabel')} <span class="optional">${this.t('optional')}</span></label>
      <p class="hint" id="pf-message-hint" part="hint">${this.t('messageHint')}</p>
      <textarea
        id=${IDS.message}
        name="message"
        rows="3"
        maxlength=${MESSAGE_MAX}
        aria-invalid=${this.#invalid('message')}
        aria-describedby=${ifDefined(this.#describedBy('message', 'pf-message-hint', 'pf-message-count'))}
        .value=${live(this.values.message)}
        @input=${(e: Event) => this.#set('message', (e.target as HTMLTextAreaElement).value)}
        @blur=${() => this.#leave('message')}
      ></textarea>
      <p class="counter ${left <= 50 ? 'low' : ''}" id="pf-message-count" part="counter">
        ${this.t('charactersLeft', { count: left, n: formatNumber(left, this.resolvedLocale) })}
      </p>
      ${this.#errorOf('message')}
    </div>`;
  }

  #outcome(c: Campaign, pledge: PledgeResult, body: PledgeRequest, rewards: readonly RewardTier[]): TemplateResult {
    const amount = this.#money(pledge.amount);
    if (pledge.status === 'pending_payment') {
      const blank = this.checkoutTarget === '_blank';
      return html`<div class="outcome pending" part="base outcome outcome-pending-payment">
        <p class="title" id="pf-outcome" tabindex="-1" part="title">${this.t('checkoutTitle')}</p>
        <p>${this.t('checkoutText', { kind: c.kind, amount })}</p>
        <p>
          <a
            class="button"
            part="checkout-link"
            href=${pledge.checkoutUrl}
            target=${blank ? '_blank' : '_self'}
            rel="noopener"
            >${this.t('checkoutLink')}${blank ? ` ${this.t('newTab')}` : ''}</a
          >
        </p>
      </div>`;
    }
    if (pledge.status === 'waitlisted') {
      return html`<div class="outcome waitlisted" part="base outcome outcome-waitlisted">
        <p class="title" id="pf-outcome" tabindex="-1" part="title">${this.t('waitlistTitle')}</p>
        <p>
          ${this.t('waitlistText', { amount, position: formatNumber(pledge.waitlistPosition, this.resolvedLocale) })}
        </p>
      </div>`;
    }
    const reward = pledge.rewardId ? rewards.find((r) => r.id === pledge.rewardId) : undefined;
    return html`<div class="outcome confirmed" part="base outcome outcome-confirmed">
      <p class="title" id="pf-outcome" tabindex="-1" part="title">${this.t('thanks', { name: body.backer.name })}</p>
      <p>${this.t('confirmed', { kind: c.kind, amount })}</p>
      ${reward ? html`<p>${this.t('yourReward', { title: reward.title })}</p>` : nothing}
      <p>
        <button type="button" class="secondary" part="another" @click=${() => void this.#another()}>
          ${this.t('another')}
        </button>
      </p>
    </div>`;
  }

  #closed(c: Campaign): TemplateResult {
    const upcoming =
      !this.closedNow &&
      (c.status === 'upcoming' || Date.parse(c.startsAt) > Date.now()) &&
      c.status !== 'succeeded' &&
      c.status !== 'failed';
    return html`<div class="closed" part="base closed">
      <p class="title" id="pf-closed" tabindex="-1" part="title">
        ${this.t(upcoming ? 'upcomingTitle' : 'endedTitle')}
      </p>
      <p>
        ${
          upcoming
            ? this.t('upcomingText', { date: formatDate(c.startsAt, this.resolvedLocale, { dateStyle: 'long' }) })
            : this.t('endedText')
        }
      </p>
    </div>`;
  }

  /** Same boxes as the form, so nothing moves when the campaign arrives. */
  #skeleton(): TemplateResult {
    const field = html`<span class="sk-field"
      ><span class="skeleton sk-label"></span><span class="skeleton sk-input"></span
    ></span>`;
    return html`<div class="pledge" part="base" aria-busy="true">
      <span class="visually-hidden">${this.t('loading')}</span>
      <span class="skeleton sk-title" aria-hidden="true"></span>
      <span class="sk-fields" aria-hidden="true">${field}${field}${field}${field}</span>
      <span class="skeleton sk-button" aria-hidden="true"></span>
    </div>`;
  }
}
