import { createHash } from 'node:crypto';

/** Strong ETag of a representation: a digest of the exact bytes sent. */
export const etagOf = (body: string) => `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;

/** RFC 9110 If-None-Match: weak comparison, lists, and `*`. */
export function matchesIfNoneMatch(header: string | null, etag: string): boolean {
  if (!header) return false;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((candidate) => {
    const tag = candidate.trim();
    return tag === '*' || tag.replace(/^W\//, '') === bare;
  });
}

/**
 * A JSON GET response with ETag and Cache-Control, or 304 without a body when the client's
 * copy is current.
 */
export function cachedJson(
  request: Request,
  status: number,
  body: string,
  cacheControl: string,
  headers: Headers = new Headers(),
  /** The body's ETag when known already (a cached representation). */
  etag: string = etagOf(body),
): Response {
  headers.set('ETag', etag);
  headers.set('Cache-Control', cacheControl);
  if (matchesIfNoneMatch(request.headers.get('if-none-match'), etag)) {
    return new Response(null, { status: 304, headers });
  }
  headers.set('Content-Type', 'application/json; charset=utf-8');
  return new Response(body, { status, headers });
}
