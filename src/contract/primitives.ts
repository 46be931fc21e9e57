import * as z from 'zod/mini';

/**
 * Identifiers and slugs travel in URL paths, so they are restricted to a safe alphabet:
 * no slashes, dots or percent signs can ever reach a path or a SQL query.
 */
export const Id = z.string().check(z.regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'must be 1–64 characters: a-z, 0-9, - or _'));
export type Id = z.infer<typeof Id>;

/** ISO 8601 UTC instant, e.g. `2026-11-23T12:00:00Z`. */
export const Instant = z.iso.datetime({ offset: false });
/** ISO 8601 calendar date, e.g. `2027-03-01`. */
export const CalendarDate = z.iso.date();

export const HttpsUrl = z.url({ protocol: /^https?$/ });

/** ISO 4217 alphabetic code. */
export const Currency = z.string().check(z.regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR'));
export type Currency = z.infer<typeof Currency>;

/**
 * Money is always an integer amount of minor units (cents for EUR) with its currency.
 * Floats, strings and negative amounts are rejected; formatting happens only at display time.
 */
export const Money = z.object({
  amount: z.int().check(z.nonnegative()),
  currency: Currency,
});
export type Money = z.infer<typeof Money>;

export const Count = z.int().check(z.nonnegative());

/** A trimmed, bounded, non-empty line of text. */
export const text = (max: number, min = 1) => z.string().check(z.trim(), z.minLength(min), z.maxLength(max));

/** Pagination query shared by every list endpoint. */
export const PageQuery = z.object({
  limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100))),
  cursor: z.optional(z.string().check(z.maxLength(200))),
});
export type PageQuery = z.infer<typeof PageQuery>;

/** Every list is `{ items, nextCursor }`; `nextCursor` is null on the last page. */
export const page = <T extends z.core.SomeType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.nullable(z.string()) });
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
