import { html, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Campaign, CampaignEvent, PledgeRequest, PledgeResult } from '../../contract/index.js';
import { isOpen } from '../../contract/rules.js';
import { PartageElement } from '../../core/element/partage-element.js';
import { PledgeDataSource } from '../../core/data/pledges-source.js';
import { FollowSelectionController, REWARD_SELECT_EVENT } from '../../core/data/selection.js';
import { errorView, noApiView } from '../../core/element/views.js';
import { shownErrors, withReward, withTidyAmount } from './pledge-answers.js';
import type { PledgeData } from '../../core/data/pledge-data.js';
import { formView, IDS, type Notice } from './pledge-fields.js';
import { CHECKOUT_EVENT, PLEDGE_CREATED_EVENT, type CheckoutTarget } from './pledge-form.events.js';
import { messages } from './pledge-form.messages.js';
import { pledgeFormStyles } from './pledge-form.styles.js';
import { closedView, outcomeView, skeletonView } from './pledge-outcomes.js';
import { PledgeSubmitter } from './pledge-submit.js';
import {
  checkForm,
  emptyValues,
  FIELDS,
  rewardOf,
  type Field,
  type FieldErrors,
  type FormValues,
} from './pledge-validation.js';
import { pageLinkSlot, pageLinkStyles } from '../../core/element/page-link.js';

/**
 * @summary A pledge form that follows the campaign's rules: amount typed in the reader's locale
 * (minimum, maximum, equity ticket, reward minimum checked as the backend will), reward, name,
 * e-mail, anonymity and a public message. Submitting is safe to repeat: one Idempotency-Key per
 * attempt, kept across retries, so a double click or a retry after a network failure never makes
 * two pledges. Payment happens on the platform's checkout: this form never asks for card data.
 *
 * @slot - Nothing is rendered from the light DOM.
 *
 * @event {CustomEvent<PledgeCreatedDetail>} partage-pledge-created - The backend accepted a pledge: `detail: { campaignId, pledge }`
 * with `pledge.status` `confirmed`, `pending_payment` (and `checkoutUrl`) or `waitlisted` (and
 * `waitlistPosition`).
 * @event {CustomEvent<CheckoutDetail>} partage-checkout - Cancelable, fired before opening `checkoutUrl` (same tab with
 * `location.assign`, or a new tab with `checkout-target="_blank"`):
 * `detail: { campaignId, pledge, checkoutUrl, target }`. Cancel it to route the reader yourself.
 * @event {CustomEvent<RewardSelectDetail>} partage-reward-select - The reader chose a reward in the form:
 * `detail: { campaignId, rewardId, minimum }`; reward tiers under the same provider follow.
 * @event {CustomEvent<PartageErrorDetail>} partage-error - The campaign could not be loaded (`detail: { operation, error }`).
 *
 * @slot page-link - Shown only when the browser runs no script (a pre-rendered snippet read without
 *   JavaScript): the link to the page where the reader can act, put there by `@partage/widgets/ssr`.
 * @csspart page-link - The paragraph holding the `page-link` slot.
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
  static override styles = [...PartageElement.styles, pledgeFormStyles, pageLinkStyles];

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

  readonly #submitter = new PledgeSubmitter({
    el: this,
    data: () => this.#current,
    setData: (d) => this.#data.set(d),
    refreshData: (d) => this.#source.refresh(d),
    state: () => ({
      sending: this.sending,
      values: this.values,
      errors: this.errors,
      checkoutTarget: this.checkoutTarget,
    }),
    // The patch's keys are this element's reactive properties: assigning renders again.
    set: (patch) => Object.assign(this, patch),
    touchAll: () => FIELDS.forEach((f) => this.#touched.add(f)),
    focusFirstInvalid: () => this.#focusFirstInvalid(),
    created: (detail) => this.emit(PLEDGE_CREATED_EVENT, detail),
    checkout: (detail) => this.emit(CHECKOUT_EVENT, detail, true),
  });
  /** Fields the reader left once: their errors show as they type. */
  #touched = new Set<Field>();

  // The campaign's rules and rewards; stock and totals follow the live hub until the pledge is made.
  readonly #source = new PledgeDataSource(this, {
    campaign: () => this.campaign,
    follow: () => !this.result,
    onLive: (event) => this.#onLive(event),
  });
  readonly #data = this.#source;
  readonly #live = this.#source.live;

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
    return this.#source.key();
  }

  get #current(): PledgeData | undefined {
    return this.#source.current;
  }

  /** Loads the campaign and its rewards again; the form and its answers stay as they are. */
  reload(): Promise<void> {
    return this.#data.reload();
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
    const values = withReward(this.values, d, rewardId, this.resolvedLocale);
    if (values.rewardId) this.#touched.add('rewardId');
    this.values = values;
    this.#refresh(['rewardId', 'amount']);
  }

  /** The reader picked a reward in this form: share it with the tiers through the provider. */
  #pickReward(rewardId: string): void {
    const d = this.#current;
    if (!d) return;
    this.#applyReward(rewardId);
    const reward = rewardOf(d.rewards, this.values.rewardId);
    this.emit(REWARD_SELECT_EVENT, {
      campaignId: d.campaign.id,
      rewardId: reward ? reward.id : null,
      minimum: reward ? { ...reward.minimum } : null,
    });
  }

  // ---- live updates -------------------------------------------------------------------------

  /** After the source applied a live event (stock, totals). */
  #onLive(event: CampaignEvent): void {
    const update = event.type === 'campaign.updated' ? null : event.reward;
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
    if (field === 'amount') this.values = withTidyAmount(this.values, d.campaign.goal.currency, this.resolvedLocale);
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
    const errors = shownErrors(this.errors, check.errors, edited, (f) => this.#touched.has(f) || this.showSummary);
    this.errors = errors;
    if (this.showSummary && Object.keys(errors).length === 0) this.showSummary = false;
  }

  // ---- submitting ---------------------------------------------------------------------------

  #onSubmit = (e: Event) => {
    e.preventDefault();
    void this.#submitter.submit();
  };

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
    this.#submitter.forget();
    this.#touched.clear();
    if (clearValues) this.values = emptyValues();
  }

  // ---- rendering ----------------------------------------------------------------------------

  protected override render(): TemplateResult {
    if (!this.client) return noApiView(this);
    if (!this.campaign) {
      return html`<div class="state" role="alert" part="error"><p>${this.t('errorNoCampaign')}</p></div>`;
    }
    const d = this.#current;
    if (!d) {
      if (this.#data.status === 'error' || this.#data.stale)
        return errorView(this, this.#data.error, () => void this.#data.reload());
      return skeletonView(this);
    }
    if (this.result) {
      return outcomeView(this, d.campaign, this.result, d.rewards, this.checkoutTarget, () => void this.#another());
    }
    if (this.#isClosed(d.campaign)) return closedView(this, d.campaign, this.closedNow);
    return html`${this.#form(d)}${pageLinkSlot()}`;
  }

  #form(d: PledgeData): TemplateResult {
    return formView({
      el: this,
      data: d,
      values: this.values,
      errors: this.errors,
      showSummary: this.showSummary,
      notice: this.notice,
      stale: this.#data,
      sending: this.sending,
      submit: this.#onSubmit,
      retry: () => void this.#submitter.submit(),
      focusField: (field) => this.#focusField(field),
      set: (field, value) => this.#set(field, value),
      leave: (field) => this.#leave(field),
      pickReward: (rewardId) => this.#pickReward(rewardId),
      chooseAlternative: (rewardId) => void this.#chooseAlternative(rewardId),
    });
  }

  /** A reward offered after a sell-out: take it, then back to the reward select. */
  async #chooseAlternative(rewardId: string): Promise<void> {
    this.#pickReward(rewardId);
    await this.updateComplete;
    this.#focusField('rewardId');
  }
}
