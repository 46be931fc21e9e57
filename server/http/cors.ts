/**
 * Cross-origin rules. Public reads answer any origin, without credentials, so any blog can embed
 * a card. Writes are accepted from allow-listed origins only: the server's own origin (the demo),
 * the global list, and the campaign's or neighbourhood's own list. Requests without an Origin
 * header do not come from a browser page (server-to-server calls, the conformance suite) and
 * are not subject to origin rules.
 */

/** Normalises an origin ("https://Blog.example.org:443" → "https://blog.example.org"); null if invalid. */
export function normalizeOrigin(value: string): string | null {
  if (value === '*') return '*';
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.origin;
  } catch {
    return null;
  }
}

/** Parses a comma-separated list (PARTAGE_ALLOWED_ORIGINS), refusing entries that are not origins. */
export function parseOriginList(list: string | undefined): string[] {
  if (!list) return [];
  return list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const origin = normalizeOrigin(s);
      if (!origin) throw new TypeError(`Not an origin: "${s}" (expected e.g. https://blog.example.org)`);
      return origin;
    });
}

/**
 * Same origin as the server itself (the demo pages it serves). Compares hosts only, so that a
 * TLS-terminating proxy in front of the server does not break it.
 */
export function isSameOrigin(origin: string, request: Request): boolean {
  const host = request.headers.get('host');
  try {
    return !!host && new URL(origin).host === host.toLowerCase();
  } catch {
    return false;
  }
}

export const EXPOSED_HEADERS = 'ETag, Retry-After, Idempotent-Replayed, Location, WWW-Authenticate';
export const ALLOWED_HEADERS =
  'Content-Type, Idempotency-Key, Authorization, If-None-Match, Last-Event-ID, Cache-Control';

/** Answers a CORS preflight. Reads may come from anywhere; write origins are checked on the real request. */
export function preflight(request: Request): Response {
  const origin = request.headers.get('origin');
  const method = (request.headers.get('access-control-request-method') ?? 'GET').toUpperCase();
  const headers = new Headers({
    'Access-Control-Allow-Methods': 'GET, HEAD, POST',
    'Access-Control-Allow-Headers': ALLOWED_HEADERS,
    'Access-Control-Max-Age': '600',
    Vary: 'Origin, Access-Control-Request-Method',
  });
  // A write's preflight names the origin (never "*") so that the actual request, allowed or
  // refused, gets a response the widget can read: a refusal is a readable problem+json.
  headers.set('Access-Control-Allow-Origin', method === 'POST' && origin ? origin : '*');
  return new Response(null, { status: 204, headers });
}

/** Sets the CORS headers of an actual response. Credentials are never allowed. */
export function applyCors(request: Request, response: Response): void {
  const h = response.headers;
  const origin = request.headers.get('origin');
  if (request.method === 'POST') {
    if (!origin) return;
    h.set('Access-Control-Allow-Origin', origin);
    h.append('Vary', 'Origin');
  } else {
    // Always "*", with or without an Origin header: a shared cache may hand a response fetched
    // by a server to a browser later, and it must still be readable cross-origin.
    h.set('Access-Control-Allow-Origin', '*');
  }
  h.set('Access-Control-Expose-Headers', EXPOSED_HEADERS);
}
