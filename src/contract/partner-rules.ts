import type { PartnerService, PartnerServiceEntry } from './neighbourhood.js';
import { buildPath, PARTNER_VISIT_PATH } from './paths.js';

/*
 * How a partner link pays its way (Mon P'ti Voisinage lives on affiliation: partners pay a
 * commission on what the platform's members do with them). Shared by every backend, zod-free.
 * The attribution travels in the partner's URL, set by the backend per neighbourhood; the
 * visit is counted by the backend's redirect. Nothing identifies the reader: no cookie, no
 * referrer (the redirect answers `Referrer-Policy: no-referrer`), no third-party script.
 */

/** `utm_source` of every partner link: the platform. */
export const PARTNER_UTM_SOURCE = 'partage';
/** `utm_medium` of every partner link. */
export const PARTNER_UTM_MEDIUM = 'partner-link';

/** The attribution code of a neighbourhood that has none of its own: `partage-<slug>`. */
export const defaultPartnerCode = (slug: string): string => `partage-${slug}`;

/**
 * The partner's address with the platform's attribution (its other parameters kept; any
 * `utm_*` it had replaced by ours, so a partner's listing cannot claim another source).
 */
export function attributedUrl(url: string, code: string): string {
  const u = new URL(url);
  for (const key of [...u.searchParams.keys()]) if (key.startsWith('utm_')) u.searchParams.delete(key);
  u.searchParams.set('utm_source', PARTNER_UTM_SOURCE);
  u.searchParams.set('utm_medium', PARTNER_UTM_MEDIUM);
  u.searchParams.set('utm_campaign', code);
  return u.href;
}

/**
 * The versioned base URL a request came to, e.g. `https://api.example.org/v1` for
 * `https://api.example.org/v1/neighbourhoods/x`: where the visit links of its answer point.
 */
export function apiBaseOf(requestUrl: string): string {
  const u = new URL(requestUrl);
  const at = u.pathname.indexOf('/neighbourhoods');
  return `${u.origin}${at >= 0 ? u.pathname.slice(0, at) : ''}`;
}

/** The counting redirect of one partner link. */
export const partnerVisitUrl = (apiBase: string, neighbourhoodId: string, partnerId: string): string =>
  `${apiBase}${buildPath(PARTNER_VISIT_PATH, { neighbourhoodId, partnerId })}`;

/** A stored partner service as answers show it: attributed address and counting link. */
export const partnerServiceView = (
  entry: PartnerServiceEntry,
  neighbourhood: { id: string; partnerCode: string },
  apiBase: string,
): PartnerService => ({
  ...entry,
  url: attributedUrl(entry.url, neighbourhood.partnerCode),
  visitUrl: partnerVisitUrl(apiBase, neighbourhood.id, entry.id),
});
