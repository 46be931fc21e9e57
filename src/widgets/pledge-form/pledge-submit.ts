import { apiErrorOf, isNetworkFailure } from '../../core/data/errors.js';
import { newIdempotencyKey, sendPledge } from '../../core/data/pledges-source.js';
import type { PledgeRequest, PledgeResult } from '../../contract/index.js';
import { errorText } from '../../core/element/views.js';
import { withRewardRefused, type PledgeData } from '../../core/data/pledge-data.js';
import type { Notice } from './pledge-fields.js';
import type { CheckoutDetail, CheckoutTarget, PledgeCreatedDetail } from './pledge-form.events.js';
import type { PledgeTexts } from './pledge-texts.js';
import { checkForm, fieldOf, type FieldErrors, type FormValues } from './pledge-validation.js';

/**
 * Submitting a pledge safely: which Idempotency-Key an attempt carries, what a failure means for
 * the form, and how the checkout opens. The element applies the outcome to its state.
 */

/** One pledge attempt: its key is reused for every retry of the very same request. */
export interface Attempt {
  key: string;
  body: PledgeRequest;
  fingerprint: string;
}

/** Remembers the attempt in flight or last failed, so a retry of the same answers replays it. */
export class PledgeAttempts {
  #attempt: Attempt | undefined;

  /**
   * The same answers as the attempt that failed: the same key, so the backend replays instead of
   * counting twice. Changed answers are a new pledge, with a new key.
   */
  for(body: PledgeRequest): Attempt {
    const fingerprint = JSON.stringify(body);
    if (this.#attempt?.fingerprint !== fingerprint) this.#attempt = { key: newIdempotencyKey(), body, fingerprint };
    return this.#attempt;
  }

  /** The pledge was made (or its key can no longer be used): the next submit is a new pledge. */
  forget(): void {
    this.#attempt = undefined;
  }
}

/** What a failed submission means for the form. */
export type SubmitFailure =
  /** The backend refused some answers: errors on their fields, and a notice for the rest. */
  | { kind: 'fields'; fields: FieldErrors; notice?: Notice }
  /** The amount rules changed since the form loaded: reload them and check the amount again. */
  | { kind: 'rules'; message: string }
  /** The chosen reward sold out or became unavailable. */
  | { kind: 'reward'; soldOut: boolean }
  /** The campaign stopped taking pledges. */
  | { kind: 'closed' }
  /** Something about the whole submission; `forget` when the attempt's key cannot be retried. */
  | { kind: 'notice'; notice: Notice; forget?: boolean };

export function submitFailure(el: PledgeTexts, failure: unknown): SubmitFailure {
  if (isNetworkFailure(failure)) {
    return { kind: 'notice', notice: { text: `${errorText(el, failure)} ${el.t('keptAnswers')}`, retry: true } };
  }
  const error = apiErrorOf(failure);
  if (!error) return { kind: 'notice', notice: { text: errorText(el, failure), retry: true } };
  switch (error.code) {
    case 'validation_failed': {
      const fields: FieldErrors = {};
      const other: string[] = [];
      for (const e of error.fieldErrors) {
        const field = fieldOf(e.path);
        if (field) fields[field] ??= { kind: 'server', message: e.message };
        else other.push(e.message);
      }
      const notice =
        other.length > 0 || Object.keys(fields).length === 0
          ? { text: other.join(' ') || errorText(el, error), retry: false }
          : undefined;
      return { kind: 'fields', fields, notice };
    }
    case 'pledge_below_minimum':
    case 'pledge_above_maximum':
    case 'currency_mismatch':
      return { kind: 'rules', message: error.detail ?? error.message };
    case 'reward_sold_out':
    case 'reward_unavailable':
      return { kind: 'reward', soldOut: error.code === 'reward_sold_out' };
    case 'campaign_closed':
      return { kind: 'closed' };
    case 'idempotency_in_flight':
      return { kind: 'notice', notice: { text: el.t('stillProcessing'), retry: true } };
    case 'idempotency_key_reused':
      return { kind: 'notice', notice: { text: errorText(el, error), retry: true }, forget: true };
    default:
      return {
        kind: 'notice',
        notice: {
          text: errorText(el, error),
          retry: error.status === 429 || error.status === 408 || error.status >= 500,
        },
      };
  }
}

/** Opens the platform's checkout in this tab or a new one. */
export function openCheckout(url: string, target: CheckoutTarget): void {
  if (target === '_blank') window.open(url, '_blank', 'noopener');
  else window.location.assign(url);
}

/** The element's state that a submission changes. */
export interface SubmitState {
  errors: FieldErrors;
  notice: Notice | undefined;
  showSummary: boolean;
  sending: boolean;
  result: { pledge: PledgeResult; body: PledgeRequest } | undefined;
  closedNow: boolean;
}

/** What the submit flow reads from the pledge form and how it acts on it. */
export interface SubmitHost {
  readonly el: PledgeTexts;
  data(): PledgeData | undefined;
  setData(d: PledgeData): void;
  /** Fetches the campaign and rewards again past the cache; resolves with the data then shown. */
  refreshData(d: PledgeData): Promise<PledgeData>;
  state(): { sending: boolean; values: FormValues; errors: FieldErrors; checkoutTarget: CheckoutTarget };
  /** Replaces the given parts of the element's state (it renders again). */
  set(patch: Partial<SubmitState>): void;
  /** Every field counts as left: their errors show from now on. */
  touchAll(): void;
  focusFirstInvalid(): void;
  created(detail: PledgeCreatedDetail): void;
  /** Fires the cancelable checkout event; false when a listener cancelled it. */
  checkout(detail: CheckoutDetail): boolean;
}

/** The submit flow: checks, sends with a stable Idempotency-Key, and turns the answer into state. */
export class PledgeSubmitter {
  readonly #attempts = new PledgeAttempts();

  constructor(private readonly host: SubmitHost) {}

  /** Starting over: the next submit is a new pledge. */
  forget(): void {
    this.#attempts.forget();
  }

  async submit(): Promise<void> {
    const { host } = this;
    const { el } = host;
    // A second submit while the first is on its way does nothing (double click, Enter twice).
    if (host.state().sending) return;
    const d = host.data();
    const client = el.client;
    if (!d || !client) return;
    const check = checkForm(host.state().values, d.campaign, d.rewards, el.resolvedLocale);
    if (check.closed) {
      // It ended while the reader was filling the form: say so where their focus is.
      host.set({ closedNow: true });
      await el.updateComplete;
      el.renderRoot.querySelector<HTMLElement>('#pf-closed')?.focus();
      return;
    }
    host.touchAll();
    host.set({ errors: check.errors, notice: undefined });
    if (!check.request) {
      host.set({ showSummary: true });
      await el.updateComplete;
      host.focusFirstInvalid();
      return;
    }
    host.set({ showSummary: false });
    const attempt = this.#attempts.for(check.request);
    host.set({ sending: true });
    try {
      const pledge = await sendPledge(client, d.campaign.id, attempt);
      this.#attempts.forget();
      host.set({ sending: false });
      await this.#done(d, pledge, attempt.body);
    } catch (error) {
      host.set({ sending: false });
      await this.#failed(error, d);
    }
  }

  async #done({ campaign }: PledgeData, pledge: PledgeResult, body: PledgeRequest): Promise<void> {
    const { host } = this;
    host.set({ result: { pledge, body } });
    host.created({ campaignId: campaign.id, pledge });
    await host.el.updateComplete;
    host.el.renderRoot.querySelector<HTMLElement>('#pf-outcome')?.focus();
    if (pledge.status !== 'pending_payment') return;
    const target: CheckoutTarget = host.state().checkoutTarget === '_blank' ? '_blank' : '_self';
    const proceed = host.checkout({ campaignId: campaign.id, pledge, checkoutUrl: pledge.checkoutUrl, target });
    // The outcome keeps a link to the checkout, for a blocked pop-up or a cancelled navigation.
    if (proceed) openCheckout(pledge.checkoutUrl, target);
  }

  async #failed(error: unknown, d: PledgeData): Promise<void> {
    const { host } = this;
    const { el } = host;
    const failure = submitFailure(el, error);
    let fields: FieldErrors = {};
    let notice: Notice | undefined;
    switch (failure.kind) {
      case 'fields':
        fields = failure.fields;
        notice = failure.notice;
        break;
      case 'rules': {
        // The rules changed since the form loaded: reload them and word the error ourselves.
        const fresh = await this.refreshData(d);
        const check = checkForm(host.state().values, fresh.campaign, fresh.rewards, el.resolvedLocale);
        fields.amount = check.errors.amount ?? { kind: 'server', message: failure.message };
        break;
      }
      case 'reward': {
        const id = host.state().values.rewardId;
        const rewards = withRewardRefused(d.rewards, id, failure.soldOut);
        host.setData({ ...d, rewards });
        const reward = rewards.find((r) => r.id === id);
        fields.rewardId =
          failure.soldOut && reward ? { kind: 'soldOut', title: reward.title } : { kind: 'rewardUnavailable' };
        void this.refreshData(host.data() ?? d);
        break;
      }
      case 'closed':
        host.set({ closedNow: true });
        await el.updateComplete;
        el.renderRoot.querySelector<HTMLElement>('#pf-closed')?.focus();
        void this.refreshData(d);
        return;
      case 'notice':
        if (failure.forget) this.#attempts.forget();
        notice = failure.notice;
    }
    const showSummary = Object.keys(fields).length > 0;
    host.set({ errors: { ...host.state().errors, ...fields }, notice, showSummary });
    await el.updateComplete;
    if (showSummary) host.focusFirstInvalid();
  }

  /** Fetches the campaign and rewards again, past the client's cache; the last data on failure. */
  refreshData(d: PledgeData): Promise<PledgeData> {
    return this.host.refreshData(d);
  }
}
