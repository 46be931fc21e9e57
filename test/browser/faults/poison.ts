import type * as z from 'zod/mini';
import { endpoints, type Endpoint } from '../../../src/contract/endpoints.js';

/**
 * The hostile-text corpus and the poisoner that places an entry in every string field of an
 * answer, as far as the contract lets it: a field whose poisoned value the response schema
 * refuses (an id pattern, a currency, a date, an https-only URL) keeps its value, because the
 * client would refuse the whole answer there (that refusal is the fault matrix's "contract" case).
 */

/** Any of these running sets `window.__pwned`. */
export const CORPUS: Record<string, string> = {
  scriptTag: '<script>window.__pwned = "script"</script>Atelier',
  eventHandler: '<img src=x onerror="window.__pwned = \'img\'"><b onmouseover="window.__pwned=1">Bol</b>',
  attributeBreakout: '"><svg onload="window.__pwned = \'svg\'"></svg><a href="javascript:window.__pwned=1">x</a>',
  javascriptUrl: 'javascript:window.__pwned="javascript-url"',
  dataUrl: 'data:text/html,<script>window.__pwned="data-url"</script>',
  templateInjection: '{{constructor.constructor("window.__pwned=1")()}} ${window.__pwned=1} {name} {{7*7}} <%= 7*7 %>',
  cssInjection:
    'red; background: url(https://evil.test/x) } </style><style>* { display: none }</style> expression(alert(1))',
  longWord: 'W'.repeat(10_000),
  bidiOverride: '\u202Egnp.exe\u202C \u2066isolated\u2069 \u200Fright-to-left mark',
  zeroWidthCombining: 'Z\u0334\u0321\u032a\u0342\u0308a\u0338l\u0337g\u0336o\u0335 zero\u200bwidth\u200djoiner\ufeff',
};

const endpointOf = (url: URL, method: string): Endpoint | undefined => {
  const path = url.pathname.replace(/^\/v1/, '');
  return (Object.values(endpoints) as Endpoint[]).find(
    (e) => e.method === method && !e.stream && new RegExp(`^${e.path.replace(/\{\w+\}/g, '[^/]+')}$`).test(path),
  );
};

type Leaf = { parent: Record<string, unknown> | unknown[]; key: string | number };

function leaves(value: unknown, out: Leaf[] = []): Leaf[] {
  if (Array.isArray(value))
    value.forEach((v, i) => (typeof v === 'string' ? out.push({ parent: value, key: i }) : leaves(v, out)));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      if (typeof v === 'string') out.push({ parent: value as Record<string, unknown>, key: k });
      else leaves(v, out);
    }
  return out;
}

/** Shorter and shorter cuts of an entry, for fields with a maximum length (titles, names). */
const LENGTHS = [Infinity, 2_000, 500, 160, 60];

/**
 * Every string field the contract accepts it in (whole, or the longest cut that fits the field's
 * maximum length) set to `hostile`; returns how many fields were poisoned.
 */
export function poison(body: unknown, schema: z.ZodMiniType, hostile: string): number {
  let poisoned = 0;
  for (const { parent, key } of leaves(body)) {
    const record = parent as Record<string | number, unknown>;
    const before = record[key];
    const fits = LENGTHS.some((n) => {
      record[key] = hostile.slice(0, n);
      return schema.safeParse(body).success;
    });
    if (fits) poisoned++;
    else record[key] = before;
  }
  return poisoned;
}

/** The poisoned version of a JSON answer of `url`, or the answer itself when not a contract read. */
export async function poisonResponse(url: URL, method: string, answer: Response, hostile: string) {
  const endpoint = endpointOf(url, method);
  if (!endpoint || !answer.ok || !(answer.headers.get('content-type') ?? '').includes('json'))
    return { answer, count: 0 };
  const body: unknown = await answer.json();
  const count = poison(body, endpoint.response, hostile);
  const headers = new Headers(answer.headers);
  headers.delete('ETag');
  headers.delete('content-length');
  return { answer: new Response(JSON.stringify(body), { status: answer.status, headers }), count };
}
