import { type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import { html } from '../../core/element/template.js';
import type { Campaign } from '../../contract/index.js';
import { isOpen } from '../../contract/rules.js';
import { PartageElement } from '../../core/element/partage-element.js';
import { PledgeDataSource } from '../../core/data/pledges-source.js';
import { FollowSelectionController } from '../../core/data/selection.js';
import { errorView, noApiView, quietView } from '../../core/element/views.js';
import { PledgeAnswers } from './pledge-answers.js';
import { formView } from './pledge-fields.js';
import type { CheckoutTarget } from './pledge-form.events.js';
import { messages } from './pledge-form.messages.js';
import type { PledgeMessages } from './pledge-texts.js';
import { pledgeFormStyles } from './pledge-form.styles.js';
import { closedView, skeletonView } from './pledge-outcomes.js';
import { PledgeSubmitSlot } from './pledge-submit-slot.js';
import { pageLinkSlot, pageLinkStyles } from '../../core/element/page-link.js';
import { FirstUse } from '../../core/element/first-use.js';

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
export class PartagePledgeForm extends PartageElement<PledgeMessages> {
  static override styles = [...PartageElement.styles, pledgeFormStyles, pageLinkStyles];

  // Static properties rather than decorators: the file then carries no decorator code (≈0.3 kB).
  static override properties: PropertyDeclarations = {
    campaign: { reflect: true },
    checkoutTarget: { attribute: 'checkout-target' },
    reward: {},
  };

  /** The campaign's id or slug. */
  declare campaign?: string;
  /** Where the platform's checkout opens: `_self` (this tab, default) or `_blank` (a new tab). */
  checkoutTarget: CheckoutTarget = '_self';
  /**
   * Reward preselected when the form loads (a tier id; `''` for none). Under a provider, a reward
   * already chosen in the tiers wins.
   */
  declare reward?: string;

  // The interaction code's texts join this catalogue when it arrives (`loaded`): it alone shows them.
  protected readonly catalogue = messages as { en: PledgeMessages; fr: PledgeMessages };

  // The campaign's rules and rewards; stock and totals follow the live hub until the pledge is made.
  readonly #data: PledgeDataSource = new PledgeDataSource(this, {
    campaign: () => this.campaign,
    follow: () => !this.#submission.result,
    onLive: (event) => this.#answers.onLive(event),
  });
  /** The reader's answers, their errors and the notice. */
  readonly #answers = new PledgeAnswers(this, this.#data);
  /**
   * The checks, the submit flow and the outcome load on the form's first use, or when the browser
   * is idle after it shows: its first paint carries only what it draws.
   */
  readonly #interaction = new FirstUse(this, {
    load: () => import('./pledge-interaction.js'),
    // Only once the form shows: a closed campaign's reader never needs it.
    ready: () => !!this.#data.current && !this.#isClosed(this.#data.current.campaign),
    loaded: (m) => {
      for (const lang of ['en', 'fr'] as const) Object.assign(this.catalogue[lang], m.texts[lang]);
      this.#submission.attach(new m.PledgeSubmission(this, this.#data, this.#answers));
      this.#answers.follow(m.answerRules);
    },
  });
  /** From submit to outcome: idempotency, in-flight state, failures, checkout (once loaded). */
  readonly #submission = new PledgeSubmitSlot(this, this.#answers, () => this.#interaction.get());

  // A reward shared by the tiers wins over the `reward` attribute.
  readonly #selection = new FollowSelectionController(this, {
    store: () => this.ctx?.selection,
    loaded: () => {
      const d = this.#data.current;
      return d && { key: d.key, campaignId: d.campaign.id };
    },
    preset: () => this.reward,
    shown: () => this.#answers.values.rewardId,
    apply: (rewardId) => this.#answers.apply(rewardId),
  });

  /** Loads the campaign and its rewards again; the form and its answers stay as they are. */
  reload(): Promise<void> {
    return this.#data.reload();
  }

  /**
   * Also waits for the form's interaction code while it is on its way (a first use, a submit):
   * what its checks decide changes what the form shows.
   */
  protected override getUpdateComplete(): Promise<boolean> {
    const loading = this.#interaction.loading;
    return loading ? loading.then(() => super.getUpdateComplete()) : super.getUpdateComplete();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('campaign') && changed.get('campaign') !== undefined) this.#submission.reset();
    const synced = this.#selection.sync();
    const d = this.#data.current;
    if (d && !synced && changed.has('reward') && this.reward !== undefined) {
      this.#answers.apply(this.reward);
      this.#selection.share();
    }
    const { status, stale } = this.#data;
    const { result, sending } = this.#submission;
    const pledge = result?.pledge;
    this.setState('loading', !d && status !== 'error' && !!this.#data.key());
    this.setState('error', !d && (status === 'error' || stale));
    this.setState('stale', !!d && stale);
    this.setState('closed', !!d && !pledge && this.#isClosed(d.campaign));
    this.setState('invalid', this.#answers.invalid);
    this.setState('sending', sending);
    this.setState('confirmed', pledge?.status === 'confirmed');
    this.setState('pending-payment', pledge?.status === 'pending_payment');
    this.setState('waitlisted', pledge?.status === 'waitlisted');
    this.setState('live', this.#data.live.state === 'open');
  }

  #isClosed(c: Campaign): boolean {
    return this.#submission.closedNow || !isOpen(c, new Date());
  }

  protected override render(): TemplateResult {
    if (!this.client) return noApiView(this);
    if (!this.campaign) {
      return html`<div class="state" role="alert" part="error"><p>${this.t('errorNoCampaign')}</p></div>`;
    }
    const data = this.#data.current;
    if (!data) {
      if (this.#data.status === 'error' || this.#data.stale)
        return errorView(this, this.#data.error, () => void this.#data.reload());
      return this.#data.quiet ? quietView() : skeletonView(this);
    }
    const { result, closedNow } = this.#submission;
    const flow = this.#interaction.module;
    // A pledge was made, so its flow (and the outcome's view) has arrived.
    if (result && flow) return flow.outcomeView(this, data, result, this.checkoutTarget, this.#submission);
    if (this.#isClosed(data.campaign)) return closedView(this, data.campaign, closedNow);
    const model = { el: this, data, stale: this.#data, answers: this.#answers, submission: this.#submission };
    return html`${formView(model)}${pageLinkSlot()}`;
  }
}
