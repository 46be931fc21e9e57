import type { FieldError, Page } from '../contract/index.js';
import { cachedJson } from './http-utils.js';
import { validationProblem } from './problem.js';

export type SortKey = readonly (string | number)[];

/** How a list is ordered: a key per item and a direction per key component. */
export interface Ordering<T> {
  key(item: T): SortKey;
  directions: readonly ('asc' | 'desc')[];
}

export const DEFAULT_LIMIT = 20;

function compareKeys(a: SortKey, b: SortKey, directions: Ordering<unknown>['directions']): number {
  for (let i = 0; i < directions.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x !== y) return (x < y ? -1 : 1) * (directions[i] === 'desc' ? -1 : 1);
  }
  return 0;
}

export function sorted<T>(items: readonly T[], ordering: Ordering<T>): T[] {
  return [...items].sort((a, b) => compareKeys(ordering.key(a), ordering.key(b), ordering.directions));
}

// Cursors are opaque to clients: base64url of the last item's sort key. Keyset paging (rather
// than offsets) keeps pages stable while new pledges and listings arrive at the top.
const encode = (key: SortKey) =>
  btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(key))))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');

function decode(cursor: string, length: number): SortKey | null {
  try {
    const binary = atob(cursor.replaceAll('-', '+').replaceAll('_', '/'));
    const key: unknown = JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))));
    const ok =
      Array.isArray(key) && key.length === length && key.every((k) => typeof k === 'string' || typeof k === 'number');
    return ok ? (key as SortKey) : null;
  } catch {
    return null;
  }
}

export type Paged<T> = { ok: true; page: Page<T> } | { ok: false; errors: FieldError[] };

/** One page of `items` (in any order) sorted by `ordering`, after `cursor`. */
export function paginate<T>(
  items: readonly T[],
  ordering: Ordering<T>,
  query: { limit?: number | undefined; cursor?: string | undefined },
): Paged<T> {
  const all = sorted(items, ordering);
  let rest = all;
  if (query.cursor) {
    const after = decode(query.cursor, ordering.directions.length);
    if (!after) return { ok: false, errors: [{ path: 'cursor', message: 'Unknown or malformed cursor' }] };
    rest = all.filter((item) => compareKeys(ordering.key(item), after, ordering.directions) > 0);
  }
  const limit = query.limit ?? DEFAULT_LIMIT;
  const pageItems = rest.slice(0, limit);
  const last = pageItems.at(-1);
  return {
    ok: true,
    page: { items: pageItems, nextCursor: rest.length > limit && last ? encode(ordering.key(last)) : null },
  };
}

/**
 * The answer of every list endpoint: the page as `{ items, nextCursor }` with an ETag, or a 400
 * on a bad cursor. `view` turns stored items into what the public may see.
 */
export function pagedJson<T, V = T>(
  request: Request,
  items: readonly T[],
  ordering: Ordering<T>,
  query: { limit?: number | undefined; cursor?: string | undefined },
  view: (item: T) => V = (item) => item as unknown as V,
): Response {
  const paged = paginate(items, ordering, query);
  if (!paged.ok) return validationProblem(400, paged.errors);
  return cachedJson(request, { items: paged.page.items.map(view), nextCursor: paged.page.nextCursor });
}
