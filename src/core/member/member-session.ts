import type { MemberTokenSource } from '../element/context.js';
import type { PartageElement } from '../element/partage-element.js';
import { hasMemberToken, resolveMemberToken } from './member-token.js';

/** A widget that acts for a member in one neighbourhood (share board, listing form). */
export interface MemberHost extends PartageElement {
  readonly neighbourhood?: string | undefined;
  readonly memberToken?: string | undefined;
}

/** Who acts and where, as a member action needs it (`MemberActionOptions` extends it). */
export interface MemberIdentity {
  /** The neighbourhood acted in (named in sign-in requests). */
  readonly neighbourhoodId: () => string | undefined;
  /** The member's token now, or undefined when signed out (see member-token.ts). */
  readonly token: () => Promise<string | undefined>;
}

/** The member behind a member widget, read from the widget whenever asked (functions, so it spreads). */
export interface MemberSession extends MemberIdentity {
  /** True when the widget can act for a member: it shows member actions instead of a sign-in prompt. */
  readonly signedIn: () => boolean;
}

/**
 * The member behind `host`: its own `memberToken` first, else the provider's callback
 * (`provider`: the host's context is its own to read), in the host's `neighbourhood`. One object
 * handed to every piece that acts for the member (the posting form, reply and report, sign-in
 * requests) instead of the same closures to each. It keeps no state, so it is a function of the
 * host, not a controller.
 */
export function memberSession(host: MemberHost, provider: () => MemberTokenSource | undefined): MemberSession {
  const sources = () => ({ own: host.memberToken, provider: provider() });
  return {
    neighbourhoodId: () => host.neighbourhood,
    token: () => resolveMemberToken(sources()),
    signedIn: () => hasMemberToken(sources()),
  };
}
