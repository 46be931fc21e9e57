import { HttpError, validationError } from './problem.js';

/** Largest accepted request body. Every contract body is far smaller. */
export const MAX_BODY_BYTES = 64 * 1024;
/** Deepest accepted JSON nesting. Contract bodies nest three levels at most. */
export const MAX_JSON_DEPTH = 16;

/**
 * Reads a JSON request body defensively: the content type must be JSON, the size is enforced
 * while reading (a 10 MB upload is cut off after 64 kB, not buffered), nesting depth is checked
 * before JSON.parse, and strings PostgreSQL cannot store (NUL, lone surrogates) are refused.
 */
export async function readJsonBody(request: Request, limit = MAX_BODY_BYTES): Promise<unknown> {
  assertJsonContentType(request.headers.get('content-type'));
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > limit) throw tooLarge(limit);
  const bytes = await readLimited(request, limit);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw validationError([{ path: '', message: 'The body is not valid UTF-8' }]);
  }
  if (text.trim() === '') throw validationError([{ path: '', message: 'A JSON body is required' }]);
  assertShallow(text);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw validationError([{ path: '', message: `Malformed JSON: ${(error as Error).message}` }]);
  }
  assertStorableStrings(value, '');
  return value;
}

function assertJsonContentType(header: string | null) {
  const [type = '', ...params] = (header ?? '').split(';').map((p) => p.trim().toLowerCase());
  const charset = params
    .find((p) => p.startsWith('charset='))
    ?.slice(8)
    .replace(/"/g, '');
  if (type !== 'application/json' || (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8')) {
    throw new HttpError(
      415,
      'unsupported_media_type',
      `Send the body as application/json in UTF-8${header ? `, not ${header.slice(0, 100)}` : ''}.`,
      {
        headers: { 'Accept-Post': 'application/json' },
      },
    );
  }
}

// No `Connection: close`: @hono/node-server then drains (and discards) the rest of the upload
// for a moment, so that the client, still sending, gets to read this answer.
const tooLarge = (limit: number) => new HttpError(413, 'payload_too_large', `The body may not exceed ${limit} bytes.`);

async function readLimited(request: Request, limit: number): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      // Stop reading at once: the rest of the upload is never buffered.
      await reader.cancel().catch(() => undefined);
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/** Counts bracket depth outside strings, so hostile nesting never reaches a recursive walk. */
function assertShallow(text: string) {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c /* \ */) i++;
      else if (ch === 0x22 /* " */) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x7b /* { */ || ch === 0x5b /* [ */) {
      if (++depth > MAX_JSON_DEPTH) {
        throw validationError([{ path: '', message: `JSON may not nest deeper than ${MAX_JSON_DEPTH} levels` }]);
      }
    } else if (ch === 0x7d || ch === 0x5d) depth--;
  }
}

// String.prototype.isWellFormed is ES2024; this is the same test for the ES2023 lib we target.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function assertStorableStrings(value: unknown, path: string) {
  if (typeof value === 'string') {
    if (value.includes('\u0000') || LONE_SURROGATE.test(value)) {
      throw validationError([{ path, message: 'Text may not contain NUL characters or unpaired surrogates' }]);
    }
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => assertStorableStrings(item, path ? `${path}.${i}` : String(i)));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      assertStorableStrings(key, path);
      assertStorableStrings(item, path ? `${path}.${key}` : key);
    }
  }
}
