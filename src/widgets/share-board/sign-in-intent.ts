import { partageEvent } from '../../core/element/events.js';
import { SIGN_IN_REQUEST, type SignInReason, type SignInRequestDetail } from '../../core/member/member-events.js';
import type { PartageElement } from '../../core/element/partage-element.js';
import type { MemberIdentity } from '../../core/member/member-session.js';

/** What a signed-out reader wanted to do when they asked to sign in. */
export interface Intent {
  reason: SignInReason;
  listingId?: string;
}

/**
 * The board's sign-in buttons (post, or reply and report on a listing): asks the host page to
 * sign the reader in, and remembers what they wanted so that, once signed in, they land where
 * they were going.
 */
export class SignInIntent {
  #host: PartageElement;
  #member: MemberIdentity;
  #pending: Intent | undefined;

  constructor(host: PartageElement, member: MemberIdentity) {
    this.#host = host;
    this.#member = member;
  }

  request(reason: SignInReason, listingId?: string): void {
    this.#pending = { reason, ...(listingId ? { listingId } : {}) };
    const detail: SignInRequestDetail = {
      reason,
      neighbourhoodId: this.#member.neighbourhoodId() ?? '',
      expired: false,
      ...(listingId ? { listingId } : {}),
    };
    this.#host.dispatchEvent(partageEvent(SIGN_IN_REQUEST, detail));
  }

  /** What the reader wanted, handed over (once) when they are now signed in. */
  take(signedIn: boolean): Intent | undefined {
    const intent = this.#pending;
    if (!intent || !signedIn) return undefined;
    this.#pending = undefined;
    return intent;
  }
}
