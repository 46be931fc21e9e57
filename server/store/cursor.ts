import { validationError } from '../http/problem.js';

/**
 * Opaque keyset cursors: the sort key of the last item of a page, base64url-encoded. Keyset
 * pagination stays correct while rows are inserted (new pledges do not shift the next page).
 */
export type CursorKey = readonly (string | number)[];

export const encodeCursor = (key: CursorKey) => Buffer.from(JSON.stringify(key)).toString('base64url');

export const cursorError = () =>
  validationError([{ path: 'cursor', message: 'Unknown cursor: use the nextCursor of a previous page' }]);

/** Decodes a time-ordered cursor's timestamp. */
export function cursorTime(value: string | number | undefined): Date {
  const at = new Date(String(value));
  if (typeof value !== 'string' || Number.isNaN(at.getTime())) throw cursorError();
  return at;
}

/** Decodes a cursor and checks it has the expected shape (`kinds` gives each element's type). */
export function decodeCursor(
  cursor: string | undefined,
  kinds: readonly ('string' | 'number')[],
): (string | number)[] | null {
  if (cursor === undefined || cursor === '') return null;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = undefined;
  }
  if (
    !Array.isArray(key) ||
    key.length !== kinds.length ||
    !key.every(
      (v, i) =>
        typeof v === kinds[i] &&
        (typeof v !== 'number' || Number.isSafeInteger(v)) &&
        (typeof v !== 'string' || v.length <= 64),
    )
  ) {
    throw cursorError();
  }
  return key as (string | number)[];
}

/** Default and maximum page sizes. */
export const pageLimit = (limit: number | undefined) => Math.min(limit ?? 20, 100);
