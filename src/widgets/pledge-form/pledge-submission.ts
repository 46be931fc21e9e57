import { apiErrorOf, isNetworkFailure } from '../../core/data/errors.js';
import { newIdempotencyKey, sendPledge } from '../../core/data/pledges-source.js';
import type { PledgeRequest, PledgeResult } from '../../contract/index.js';
import { errorText } from '../../core/element/views.js';
import { withRewardRefused, type PledgeData } from '../../core/data/pledge-data.js';
import type { ReactiveController } from 'lit';
import { partageEvent } from '../../core/element/events.js';
import type { PledgeAnswers, PledgeDataView } from './pledge-answers.js';
import type { Notice, SubmissionModel } from './pledge-fields.js';
import { CHECKOUT_EVENT, PLEDGE_CREATED_EVENT, type CheckoutTarget } from './pledge-form.events.js';
import type { PledgeTexts } from './pledge-texts.js';
import { checkForm, fieldOf, type FieldErrors, type FormValues } from './pledge-validation.js';

/**
 * Submitting a pledge safely: which Idempotency-Key an attempt carries, what a failure means for
 * the form, how the checkout opens, and the controller that runs a submission from end to end.
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

/** What the submission needs of its element: texts, client and locale, a root to focus in, events. */
export interface PledgeSubmissionHost extends PledgeTexts {
  readonly checkoutTarget: CheckoutTarget;
}

/** Where the submission reads the campaign's rules and rewards, and corrects them after a refusal. */
export interface PledgeDataAccess extends PledgeDataView {
  set(d: PledgeData): void;
  /** Fetches the campaign and rewards again past the cache; resolves with the data then shown. */
  refresh(d: PledgeData): Promise<PledgeData>;
}

/** A pledge the backend accepted, with the answers it was made from. */
export interface PledgeOutcome {
  pledge: PledgeResult;
  body: PledgeRequest;
}

/**
 * The life of a pledge from submit to outcome: checks the answers, sends with a stable
 * Idempotency-Key (one per attempt, kept across retries; a second submit while one is in flight
 * does nothing), maps a failure onto the answers (field errors, notice, refreshed rules, sold-out
 * reward, closed campaign), and on success fires `partage-pledge-created` and opens the checkout.
 */
export class PledgeSubmission implements ReactiveController, SubmissionModel {
  /** A pledge is on its way. */
  sending = false;
  /** The pledge the backend accepted: the outcome shows instead of the form. */
  result: PledgeOutcome | undefined;
  /** The backend said the campaign closed, even if our copy still says live. */
  closedNow = false;

  readonly #host: PledgeSubmissionHost;
  readonly #data: PledgeDataAccess;
  readonly #answers: PledgeAnswers;
  readonly #attempts = new PledgeAttempts();

  constructor(host: PledgeSubmissionHost, data: PledgeDataAccess, answers: PledgeAnswers) {
    this.#host = host;
    this.#data = data;
    this.#answers = answers;
    host.addController(this);
  }

  hostConnected(): void {}

  /** The outcome or the closed state replaced the form. */
  get done(): boolean {
    return !!this.result || this.closedNow;
  }

  async submit(): Promise<void> {
    const host = this.#host;
    const answers = this.#answers;
    // A second submit while the first is on its way does nothing (double click, Enter twice).
    if (this.sending) return;
    const d = this.#data.current;
    const client = host.client;
    if (!d || !client) return;
    const check = checkForm(answers.values, d.campaign, d.rewards, host.resolvedLocale);
    if (check.closed) {
      // It ended while the reader was filling the form: say so where their focus is.
      await this.#closed();
      return;
    }
    answers.touchAll();
    answers.report({ errors: check.errors, notice: undefined });
    if (!check.request) {
      answers.report({ showSummary: true });
      await host.updateComplete;
      answers.focusFirstInvalid();
      return;
    }
    answers.report({ showSummary: false });
    const attempt = this.#attempts.for(check.request);
    this.#set({ sending: true });
    try {
      const pledge = await sendPledge(client, d.campaign.id, attempt);
      this.#attempts.forget();
      this.#set({ sending: false });
      await this.#done(d, pledge, attempt.body);
    } catch (error) {
      this.#set({ sending: false });
      await this.#failed(error, d);
    }
  }

  /** Back to an empty form (another campaign); the next submit is a new pledge. */
  startOver(keep: Partial<FormValues> = {}): void {
    this.result = undefined;
    this.closedNow = false;
    this.#attempts.forget();
    this.#answers.reset(keep);
    this.#host.requestUpdate();
  }

  /** Another pledge, keeping who the reader is and their reward; focus goes to the first field. */
  async another(): Promise<void> {
    const { name, email, rewardId } = this.#answers.values;
    this.startOver({ name, email });
    this.#answers.applyReward(rewardId);
    await this.#host.updateComplete;
    this.#answers.focus(this.#data.current?.rewards.length ? 'rewardId' : 'amount');
  }

  #set(patch: Partial<Pick<PledgeSubmission, 'sending' | 'result' | 'closedNow'>>): void {
    Object.assign(this, patch);
    this.#answers.closed = this.done;
    this.#host.requestUpdate();
  }

  async #closed(): Promise<void> {
    this.#set({ closedNow: true });
    await this.#host.updateComplete;
    this.#host.renderRoot.querySelector<HTMLElement>('#pf-closed')?.focus();
  }

  async #done({ campaign }: PledgeData, pledge: PledgeResult, body: PledgeRequest): Promise<void> {
    const host = this.#host;
    this.#set({ result: { pledge, body } });
    host.dispatchEvent(partageEvent(PLEDGE_CREATED_EVENT, { campaignId: campaign.id, pledge }));
    await host.updateComplete;
    host.renderRoot.querySelector<HTMLElement>('#pf-outcome')?.focus();
    if (pledge.status !== 'pending_payment') return;
    const target: CheckoutTarget = host.checkoutTarget === '_blank' ? '_blank' : '_self';
    const proceed = host.dispatchEvent(
      partageEvent(CHECKOUT_EVENT, { campaignId: campaign.id, pledge, checkoutUrl: pledge.checkoutUrl, target }, true),
    );
    // The outcome keeps a link to the checkout, for a blocked pop-up or a cancelled navigation.
    if (proceed) openCheckout(pledge.checkoutUrl, target);
  }

  async #failed(error: unknown, d: PledgeData): Promise<void> {
    const host = this.#host;
    const answers = this.#answers;
    const failure = submitFailure(host, error);
    let fields: FieldErrors = {};
    let notice: Notice | undefined;
    switch (failure.kind) {
      case 'fields':
        fields = failure.fields;
        notice = failure.notice;
        break;
      case 'rules': {
        // The rules changed since the form loaded: reload them and word the error ourselves.
        const fresh = await this.#data.refresh(d);
        const check = checkForm(answers.values, fresh.campaign, fresh.rewards, host.resolvedLocale);
        fields.amount = check.errors.amount ?? { kind: 'server', message: failure.message };
        break;
      }
      case 'reward': {
        const id = answers.values.rewardId;
        const rewards = withRewardRefused(d.rewards, id, failure.soldOut);
        this.#data.set({ ...d, rewards });
        const reward = rewards.find((r) => r.id === id);
        fields.rewardId =
          failure.soldOut && reward ? { kind: 'soldOut', title: reward.title } : { kind: 'rewardUnavailable' };
        void this.#data.refresh(this.#data.current ?? d);
        break;
      }
      case 'closed':
        await this.#closed();
        void this.#data.refresh(d);
        return;
      case 'notice':
        if (failure.forget) this.#attempts.forget();
        notice = failure.notice;
    }
    const showSummary = Object.keys(fields).length > 0;
    answers.report({ errors: { ...answers.errors, ...fields }, notice, showSummary });
    await host.updateComplete;
    if (showSummary) answers.focusFirstInvalid();
  }
}
