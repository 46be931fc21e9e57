import { apiErrorOf, isNetworkFailure } from '../../core/data/errors.js';
import { newIdempotencyKey, sendPledge } from '../../core/data/pledge-send.js';
import type { PledgeRequest, PledgeResult } from '../../contract/index.js';
import { errorText } from '../../core/element/views.js';
import { withRewardRefused, type PledgeData } from '../../core/data/pledge-data.js';
import type { ReactiveController } from 'lit';
import { partageEvent } from '../../core/element/events.js';
import type { PledgeAnswers, PledgeDataView } from './pledge-answers.js';
import type { Notice, SubmissionModel } from './pledge-fields.js';
import { CHECKOUT_EVENT, PLEDGE_CREATED_EVENT, type CheckoutTarget } from './pledge-form.events.js';
import type { PledgeTexts } from './pledge-texts.js';
import { checkForm, fieldOf } from './pledge-validation.js';
import type { FieldErrors, FormValues } from './pledge-values.js';

/**
 * Submitting a pledge safely: the controller that runs a submission from end to end (which
 * Idempotency-Key an attempt carries, what a failure means for the form) and how the checkout opens.
 */

/** One pledge attempt: its key is reused for every retry of the very same request. */
export interface Attempt {
  key: string;
  body: PledgeRequest;
  fingerprint: string;
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
  /**
   * The attempt in flight or last failed: a retry of the same answers replays it with its key;
   * undefined once the pledge was made or its key can no longer be used.
   */
  #attempt: Attempt | undefined;

  constructor(host: PledgeSubmissionHost, data: PledgeDataAccess, answers: PledgeAnswers) {
    this.#host = host;
    this.#data = data;
    this.#answers = answers;
    host.addController(this);
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
    answers.report({ errors: check.errors, notice: undefined, showSummary: !check.request });
    if (!check.request) {
      await host.updateComplete;
      answers.focus();
      return;
    }
    // The same answers as the attempt that failed: the same key, so the backend replays instead
    // of counting twice. Changed answers are a new pledge, with a new key.
    const fingerprint = JSON.stringify(check.request);
    if (this.#attempt?.fingerprint !== fingerprint)
      this.#attempt = { key: newIdempotencyKey(), body: check.request, fingerprint };
    const attempt = this.#attempt;
    this.#set({ sending: true });
    try {
      const pledge = await sendPledge(client, d.campaign.id, attempt);
      this.#attempt = undefined;
      this.#set({ sending: false });
      await this.#done(d, pledge, attempt.body);
    } catch (error) {
      this.#set({ sending: false });
      await this.#failed(error, d);
    }
  }

  /** Back to an empty form (another campaign); the next submit is a new pledge. */
  reset(keep: Partial<FormValues> = {}): void {
    this.result = undefined;
    this.closedNow = false;
    this.#attempt = undefined;
    this.#answers.reset(keep);
    this.#host.requestUpdate();
  }

  /** Another pledge, keeping who the reader is and their reward; focus goes to the first field. */
  async another(): Promise<void> {
    const { name, email, rewardId } = this.#answers.values;
    this.reset({ name, email });
    this.#answers.apply(rewardId);
    await this.#host.updateComplete;
    this.#answers.focus(this.#data.current?.rewards.length ? 'rewardId' : 'amount');
  }

  /** Before each render: while the outcome or the closed state replaces the form, its answers are closed. */
  hostUpdate(): void {
    this.#answers.closed = !!this.result || this.closedNow;
  }

  #set(patch: Partial<Pick<PledgeSubmission, 'sending' | 'result' | 'closedNow'>>): void {
    Object.assign(this, patch);
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

  /** What a failure means for the form: field errors, a notice (with a retry or not), fresh rules. */
  async #failed(error: unknown, d: PledgeData): Promise<void> {
    const host = this.#host;
    const answers = this.#answers;
    const fields: FieldErrors = {};
    let notice: Notice | undefined;
    const problem = apiErrorOf(error);
    if (isNetworkFailure(error)) {
      notice = { text: `${errorText(host, error)} ${host.t('keptAnswers')}`, retry: true };
    } else if (!problem) {
      notice = { text: errorText(host, error), retry: true };
    } else {
      switch (problem.code) {
        case 'validation_failed': {
          // The backend refused some answers: errors on their fields, and a notice for the rest.
          const other: string[] = [];
          for (const e of problem.fieldErrors) {
            const field = fieldOf(e.path);
            if (field) fields[field] ??= { kind: 'server', message: e.message };
            else other.push(e.message);
          }
          if (other.length > 0 || Object.keys(fields).length === 0)
            notice = { text: other.join(' ') || errorText(host, problem), retry: false };
          break;
        }
        case 'pledge_below_minimum':
        case 'pledge_above_maximum':
        case 'currency_mismatch': {
          // The rules changed since the form loaded: reload them and word the error ourselves.
          const fresh = await this.#data.refresh(d);
          const check = checkForm(answers.values, fresh.campaign, fresh.rewards, host.resolvedLocale);
          fields.amount = check.errors.amount ?? { kind: 'server', message: problem.detail ?? problem.message };
          break;
        }
        case 'reward_sold_out':
        case 'reward_unavailable': {
          const soldOut = problem.code === 'reward_sold_out';
          const id = answers.values.rewardId;
          const rewards = withRewardRefused(d.rewards, id, soldOut);
          this.#data.set({ ...d, rewards });
          const reward = rewards.find((r) => r.id === id);
          fields.rewardId =
            soldOut && reward ? { kind: 'soldOut', title: reward.title } : { kind: 'rewardUnavailable' };
          void this.#data.refresh(this.#data.current ?? d);
          break;
        }
        case 'campaign_closed':
          await this.#closed();
          void this.#data.refresh(d);
          return;
        case 'idempotency_in_flight':
          notice = { text: host.t('stillProcessing'), retry: true };
          break;
        case 'idempotency_key_reused':
          // That key went with other answers: the retry is a new pledge, with a new key.
          this.#attempt = undefined;
          notice = { text: errorText(host, problem), retry: true };
          break;
        default:
          notice = {
            text: errorText(host, problem),
            retry: problem.status === 429 || problem.status === 408 || problem.status >= 500,
          };
      }
    }
    const showSummary = Object.keys(fields).length > 0;
    answers.report({ errors: { ...answers.errors, ...fields }, notice, showSummary });
    await host.updateComplete;
    if (showSummary) answers.focus();
  }
}
