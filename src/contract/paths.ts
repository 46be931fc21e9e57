/*
 * Path building and header names, kept free of zod so that browser bundles, which validate with
 * the compiled validators (src/contract/compiled), share them with the server.
 */

/** Fills an OpenAPI path template; every value is URI-encoded so ids can never alter the path. */
export function buildPath(template: string, params: Record<string, string> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new TypeError(`Missing path parameter "${name}"`);
    return encodeURIComponent(value);
  });
}

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
export const REPLAYED_HEADER = 'Idempotent-Replayed';

/** The counting redirect of a partner link, relative to the versioned base URL. */
export const PARTNER_VISIT_PATH = '/neighbourhoods/{neighbourhoodId}/partners/{partnerId}/visit';
