import { ApiError, NetworkError } from '../../client/errors.js';
import { newIdempotencyKey } from '../../client/types.js';
import type { PledgeRequest } from '../../contract/index.js';
import { errorText } from '../../core/views.js';
import type { Notice } from './pledge-fields.js';
import type { CheckoutTarget } from './pledge-form.events.js';
import type { PledgeTexts } from './pledge-outcomes.js';
import { fieldOf, type FieldErrors } from './pledge-validation.js';

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

export function submitFailure(el: PledgeTexts, error: unknown): SubmitFailure {
  if (error instanceof NetworkError) {
    return { kind: 'notice', notice: { text: `${errorText(el, error)} ${el.t('keptAnswers')}`, retry: true } };
  }
  if (!(error instanceof ApiError)) return { kind: 'notice', notice: { text: errorText(el, error), retry: true } };
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
