import { HttpResponse } from 'msw';
import en from 'zod/v4/locales/en.js';
import type * as z from 'zod/mini';
import type { FieldError } from '../contract/index.js';
import { hash53 } from '../contract/content-hash.js';

/**
 * Headers every answer carries. Public reads answer any origin; exposing the headers the client
 * reads keeps the mock honest about what a cross-origin page can see from the real backend.
 */
export const baseHeaders: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'ETag, Idempotent-Replayed, Retry-After',
};

/** Bodies larger than this are refused with 413, like the reference backend. */
export const MAX_BODY_BYTES = 16 * 1024;

export type Parsed<T> = { ok: true; data: T } | { ok: false; errors: FieldError[] };

// English messages per parse (not through z.config) so the mock never changes how the widgets'
// own schemas report errors on the same page.
const errorMap = en().localeError;

/** Validates with a contract schema and turns zod issues into `{ path, message }` pairs. */
export function parseWith<S extends z.ZodMiniType>(schema: S, input: unknown): Parsed<z.infer<S>> {
  const result = schema.safeParse(input, { error: errorMap });
  if (result.success) return { ok: true, data: result.data as z.infer<S> };
  return {
    ok: false,
    errors: result.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })),
  };
}

/** Query string as a plain object (the last of repeated keys wins); schemas coerce numbers. */
export const queryOf = (request: Request): Record<string, string> =>
  Object.fromEntries(new URL(request.url).searchParams);

/** True when an If-None-Match header names this ETag (weak comparison, lists and `*`). */
export function etagMatches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const strip = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => strip(tag) === strip(etag));
}

/** A GET answer: JSON with a content ETag, or 304 without body when the client has it already. */
export function cachedJson(request: Request, body: unknown): Response {
  const text = JSON.stringify(body);
  const etag = `"${hash53(text)}"`;
  const headers = { ...baseHeaders, ETag: etag, 'Cache-Control': 'no-cache' };
  if (etagMatches(request.headers.get('If-None-Match'), etag)) {
    return new HttpResponse(null, { status: 304, headers });
  }
  return new HttpResponse(text, { status: 200, headers: { ...headers, 'Content-Type': 'application/json' } });
}

export function json(body: unknown, status: number, extraHeaders: Record<string, string> = {}): Response {
  return new HttpResponse(JSON.stringify(body), {
    status,
    headers: { ...baseHeaders, 'Content-Type': 'application/json', ...extraHeaders },
  });
}

export type BodyRead =
  { ok: true; raw: unknown } | { ok: false; status: 400 | 413 | 415; code: string; detail: string };

/** Reads a JSON body with the same refusals as the backend: 415 not JSON, 413 too big, 400 unparsable. */
export async function readJson(request: Request): Promise<BodyRead> {
  const type = request.headers.get('Content-Type') ?? '';
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) {
    return { ok: false, status: 415, code: 'unsupported_media_type', detail: 'Send the body as application/json.' };
  }
  const text = await request.text();
  if (new TextEncoder().encode(text).length > MAX_BODY_BYTES) {
    return { ok: false, status: 413, code: 'payload_too_large', detail: `The body exceeds ${MAX_BODY_BYTES} bytes.` };
  }
  try {
    return { ok: true, raw: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, status: 400, code: 'validation_failed', detail: 'The body is not valid JSON.' };
  }
}

/** JSON with object keys sorted, so that `{a,b}` and `{b,a}` count as the same request body. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}
