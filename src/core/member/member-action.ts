import type { ReactiveController } from 'lit';
import { ApiError, NetworkError } from '../../client/errors.js';
import type { Transport } from '../../client/transport.js';
import { partageEvent } from '../element/events.js';
import { SIGN_IN_REQUEST, type MemberSignInReason, type SignInRequestDetail } from './member-events.js';
import type { MemberFormMessages } from './member-form.messages.js';
import type { MemberIdentity } from './member-session.js';
import type { PartageElement } from '../element/partage-element.js';
import { errorText, wordFailures } from '../element/views.js';

/** A widget's text lookup narrowed to the keys a shared piece needs (see `textsOf`). */
export type TextsOf<M> = <K extends keyof M & string>(
  key: K,
  ...args: M[K] extends (p: infer P) => string ? [params: P] : []
) => string;

/** `el.t` seen through the keys of a shared catalogue the widget spreads into its own. */
export const textsOf = <M>(el: PartageElement): TextsOf<M> =>
  ((key: string, params?: unknown) => (el.t as (k: string, p?: unknown) => string).call(el, key, params)) as TextsOf<M>;

export type MemberActionStatus = 'idle' | 'sending' | 'done' | 'failed';

export type MemberOutcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** Who acts, where (a `MemberSession` is one), and what the action is. */
export interface MemberActionOptions extends MemberIdentity {
  reason: MemberSignInReason;
  listingId?: () => string | undefined;
  /** Extra fields of the sign-in request (the poll or agenda item concerned). */
  target?: () => Pick<SignInRequestDetail, 'pollId' | 'itemId'>;
  /**
   * Sends again after the host page supplied a new token; usually the form's own submit, so that
   * it validates and sends what is in the form now.
   */
  retry: () => void;
  /** Name reported in `partage-error` events. */
  operation: string;
}

/**
 * One member action (post, reply or report) and everything that can happen to it: no token or an
 * expired one (asks the host page to sign in, then sends again by itself once a new token
 * arrives), refused fields, rate limit (the wait, from Retry-After), offline, or a rule of the
 * server. The owner keeps what the member typed; this only tracks the sending.
 */
export class MemberAction<T> implements ReactiveController {
  status: MemberActionStatus = 'idle';
  error: unknown;
  value: T | undefined;
  /** Set while waiting for the host page to sign the member in. */
  signIn: { expired: boolean } | undefined;
  /** Until when (ms) the server asked us not to send again. */
  waitUntil: number | undefined;

  #host: PartageElement;
  #options: MemberActionOptions;
  #failedToken: string | undefined;
  #abort: AbortController | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #checking = false;
  #waitSeconds = 0;

  constructor(host: PartageElement, options: MemberActionOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#abort?.abort();
    clearTimeout(this.#timer);
  }

  get sending(): boolean {
    return this.status === 'sending';
  }

  /** True while a 429's wait is running: the send button stays unavailable. */
  get waiting(): boolean {
    return this.waitUntil !== undefined && this.waitUntil > Date.now();
  }

  /** Sends once (ignored while a send is in flight or a rate-limit wait runs). */
  async run(
    send: (client: Transport, memberToken: string, signal: AbortSignal) => Promise<T>,
  ): Promise<MemberOutcome<T> | null> {
    const client = this.#host.client;
    if (!client || this.sending || this.waiting) return null;
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    this.status = 'sending';
    this.error = undefined;
    this.#host.requestUpdate();

    const token = await this.#options.token();
    if (abort.signal.aborted) return null;
    if (!token) {
      this.#askSignIn(false, undefined, undefined);
      return { ok: false, error: this.error };
    }
    try {
      const value = await send(client, token, abort.signal);
      if (abort.signal.aborted) return null;
      this.status = 'done';
      this.value = value;
      this.signIn = undefined;
      this.#failedToken = undefined;
      this.#host.requestUpdate();
      return { ok: true, value };
    } catch (error) {
      await wordFailures();
      if (abort.signal.aborted) return null;
      if (error instanceof ApiError && error.status === 401) {
        this.#askSignIn(true, token, error);
        return { ok: false, error };
      }
      this.status = 'failed';
      this.error = error;
      if (error instanceof ApiError && error.status === 429) this.#startWait(error.retryAfter ?? 30);
      this.#host.dispatchEvent(partageEvent('partage-error', { operation: this.#options.operation, error }));
      this.#host.requestUpdate();
      return { ok: false, error };
    }
  }

  /**
   * The host page may have supplied a new token (property, attribute or provider changed): when
   * we were waiting for one, send again, but never twice with the token that was just refused.
   */
  async tokenMayHaveChanged(): Promise<void> {
    if (!this.signIn || this.#checking || this.sending) return;
    this.#checking = true;
    try {
      const token = await this.#options.token();
      if (token && token !== this.#failedToken && this.signIn) this.#options.retry();
    } finally {
      this.#checking = false;
    }
  }

  /** Fires `partage-sign-in-request` again (the member pressed "Sign in"). */
  requestSignIn(): void {
    this.#emitSignIn(this.signIn?.expired ?? false);
  }

  /** Back to a fresh state (a new form); any send in flight is dropped. */
  reset(): void {
    this.#abort?.abort();
    clearTimeout(this.#timer);
    this.status = 'idle';
    this.error = undefined;
    this.value = undefined;
    this.signIn = undefined;
    this.waitUntil = undefined;
    this.#failedToken = undefined;
    this.#host.requestUpdate();
  }

  /** The single alert text for the current failure ('' when there is none). */
  alertText(t: TextsOf<MemberFormMessages>): string {
    if (this.signIn) return t(this.signIn.expired ? 'signInExpired' : 'signInNeeded');
    if (this.status !== 'failed') return '';
    const error = this.error;
    if (error instanceof ApiError) {
      // The seconds the server gave, fixed at the time: a text that ticked would re-announce the alert.
      if (error.status === 429) return t('rateLimitedWait', { seconds: this.#waitSeconds });
      if (error.status === 403) return t('notMember');
      if (error.code === 'listing_closed') return t('listingClosed');
      if (error.status === 422 || error.status === 400) return t('serverRefused');
    }
    if (error instanceof NetworkError && error.reason !== 'timeout') return t('offlineKept');
    return `${t('sendFailed')} ${errorText(this.#host, error)}`;
  }

  #askSignIn(expired: boolean, token: string | undefined, error: unknown): void {
    this.status = 'failed';
    this.error = error;
    this.signIn = { expired };
    this.#failedToken = token;
    this.#host.requestUpdate();
    this.#emitSignIn(expired);
  }

  #emitSignIn(expired: boolean): void {
    const listingId = this.#options.listingId?.();
    const detail: SignInRequestDetail = {
      reason: this.#options.reason,
      neighbourhoodId: this.#options.neighbourhoodId() ?? '',
      expired,
      ...(listingId ? { listingId } : {}),
      ...this.#options.target?.(),
    };
    this.#host.dispatchEvent(partageEvent(SIGN_IN_REQUEST, detail));
  }

  #startWait(seconds: number): void {
    this.#waitSeconds = Math.max(1, Math.ceil(seconds));
    this.waitUntil = Date.now() + this.#waitSeconds * 1000;
    clearTimeout(this.#timer);
    // Once the wait is over the message goes and the send button comes back by itself.
    this.#timer = setTimeout(() => {
      this.waitUntil = undefined;
      if (this.status === 'failed' && this.error instanceof ApiError && this.error.status === 429) {
        this.status = 'idle';
        this.error = undefined;
      }
      this.#host.requestUpdate();
    }, this.#waitSeconds * 1000);
  }
}
