/**
 * Share addresses of each network, built as plain links: nothing is loaded from a network
 * (no script, no image, no request) until the reader clicks one.
 */
export const LINK_NETWORKS = ['facebook', 'x', 'linkedin', 'email', 'copy'] as const;
export type LinkNetwork = (typeof LINK_NETWORKS)[number];
export const DEFAULT_NETWORKS = LINK_NETWORKS.join(' ');

export interface SharedPage {
  /** Absolute http(s) address of the page to share. */
  url: string;
  /** Suggested post text. */
  text: string;
  /** Subject of an e-mail and title of the system share sheet. */
  title: string;
  /** Without `#`. */
  hashtags: string[];
}

/** The networks named in an attribute, in its order; unknown names are reported, not fatal. */
export function parseNetworks(value: string | null | undefined): { networks: LinkNetwork[]; unknown: string[] } {
  const tokens = (value ?? '')
    .toLowerCase()
    .split(/[\s,]+/)
    .filter(Boolean);
  if (tokens.length === 0) return { networks: [...LINK_NETWORKS], unknown: [] };
  const known = new Set<string>(LINK_NETWORKS);
  const networks = [...new Set(tokens.filter((t): t is LinkNetwork => known.has(t)))];
  return { networks, unknown: tokens.filter((t) => !known.has(t)) };
}

/** A page address we accept to share: absolute http(s) (relative ones resolve against the page). */
export function shareableUrl(raw: string, base: string = document.baseURI): string | null {
  try {
    const url = new URL(raw.trim(), base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Hashtags as X expects them: no `#`, letters, digits and underscores only. */
export function cleanHashtags(tags: readonly string[]): string[] {
  return tags.map((t) => t.replace(/[^\p{L}\p{N}_]/gu, '')).filter(Boolean);
}

const withQuery = (base: string, params: Record<string, string>) => `${base}?${new URLSearchParams(params)}`;

/** The address that opens a network's share dialog for `page`. */
export function shareHref(network: Exclude<LinkNetwork, 'copy'>, page: SharedPage): string {
  switch (network) {
    case 'facebook':
      return withQuery('https://www.facebook.com/sharer/sharer.php', { u: page.url });
    case 'x': {
      const tags = cleanHashtags(page.hashtags);
      return withQuery('https://x.com/intent/post', {
        text: page.text,
        url: page.url,
        ...(tags.length ? { hashtags: tags.join(',') } : {}),
      });
    }
    case 'linkedin':
      return withQuery('https://www.linkedin.com/sharing/share-offsite/', { url: page.url });
    case 'email': {
      // Not URLSearchParams here: it writes spaces as "+", which mail clients show literally.
      // RFC 6068 wants percent-encoding, and CRLF line breaks in the body.
      const subject = encodeURIComponent(page.title || page.text);
      const body = encodeURIComponent(`${page.text ? `${page.text}\r\n\r\n` : ''}${page.url}`);
      return `mailto:?subject=${subject}&body=${body}`;
    }
  }
}
