import type { MemberTokenSource } from '../element/context.js';

/**
 * Where a member-only widget gets its member token from: its own `memberToken` property
 * (or `member-token` attribute) first, else the provider's callback, which the host page may use
 * to refresh an expired token. The token is passed per call (`{ memberToken }`), never stored
 * in the shared client, so two widgets signed in as different members never mix them up.
 */
export interface MemberTokenSources {
  own: string | null | undefined;
  provider: MemberTokenSource | undefined;
}

/** True when the widget can act for a member: it shows member actions instead of a sign-in prompt. */
export function hasMemberToken({ own, provider }: MemberTokenSources): boolean {
  return (typeof own === 'string' && own.trim() !== '') || typeof provider === 'function';
}

/** The current token, or undefined when the host page has none to give (signed out). */
export async function resolveMemberToken({ own, provider }: MemberTokenSources): Promise<string | undefined> {
  if (typeof own === 'string' && own.trim() !== '') return own.trim();
  if (typeof provider !== 'function') return undefined;
  try {
    const value = await provider();
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  } catch (error) {
    // A failing host callback means "no token": the widget asks the page to sign in again.
    console.warn('[partage] the memberToken callback failed', error);
    return undefined;
  }
}
