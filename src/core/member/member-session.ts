import type { MemberTokenSource } from '../element/context.js';
import type { PartageElement } from '../element/partage-element.js';
import { hasMemberToken, resolveMemberToken } from './member-token.js';

/** A widget that acts for a member in one neighbourhood (share board, listing form). */
export interface MemberHost extends PartageElement {
  readonly neighbourhood?: string | undefined;
  readonly memberToken?: string | undefined;
}

/** Who acts and where, as a member action needs it (`MemberActionOptions` takes these two). */
export interface MemberIdentity {
  /** The neighbourhood acted in (named in sign-in requests). */
  readonly neighbourhoodId: () => string | undefined;
  /** The member's token now, or undefined when signed out (see member-token.ts). */
  readonly token: () => Promise<string | undefined>;
}

/**
 * The member behind a member widget: its own `memberToken` first, else the provider's callback,
 * in the widget's `neighbourhood`. One object handed to every piece that acts for the member
 * (the posting form, reply and report, sign-in requests) instead of the same closures to each.
 * It keeps no state: what it answers is read from the host when asked.
 */
export class MemberSession implements MemberIdentity {
  readonly #host: MemberHost;
  readonly #provider: () => MemberTokenSource | undefined;

  /** `provider`: the provider's token callback (the host's context is its own to read). */
  constructor(host: MemberHost, provider: () => MemberTokenSource | undefined) {
    this.#host = host;
    this.#provider = provider;
  }

  // Properties rather than methods: a member action keeps them and calls them unbound.
  readonly neighbourhoodId = (): string | undefined => this.#host.neighbourhood;
  readonly token = (): Promise<string | undefined> => resolveMemberToken(this.#sources());

  /** True when the widget can act for a member: it shows member actions instead of a sign-in prompt. */
  get signedIn(): boolean {
    return hasMemberToken(this.#sources());
  }

  #sources() {
    return { own: this.#host.memberToken, provider: this.#provider() };
  }
}
