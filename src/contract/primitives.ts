import * as z from 'zod/mini';
import { isWebUrl } from './refinements.js';

/**
 * Identifiers and slugs travel in URL paths, so they are restricted to a safe alphabet:
 * no slashes, dots or percent signs can ever reach a path or a SQL query.
 */
export const Id = z.string().check(z.regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'must be 1–64 characters: a-z, 0-9, - or _'));
export type Id = z.infer<typeof Id>;

/** Up to 50 comma-separated ids or slugs (`?ids=a,b,c`), for batched reads and live streams. */
export const IdList = z
  .string()
  .check(
    z.regex(
      /^[a-z0-9][a-z0-9_-]{0,63}(,[a-z0-9][a-z0-9_-]{0,63}){0,49}$/,
      'must be at most 50 comma-separated ids or slugs',
    ),
  );

// Dates and URLs are plain strings with a check, not z.iso.* or z.url(): those pull a schema
// class and a regex builder into every widget bundle (about 2 kB gzip of the campaign card) for
// the same verdict. The OpenAPI generator puts their `format` back (scripts/openapi-document.ts).

/** A calendar date that exists: month lengths and leap years included. */
const DATE = String.raw`(?:(?:\d\d(?:[2468][048]|[13579][26]|0[48])|(?:[02468][048]|[13579][26])00)-02-29|\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|02-(?:0[1-9]|1\d|2[0-8])))`;

/** ISO 8601 UTC instant, e.g. `2026-11-23T12:00:00Z` (seconds required, fraction optional). */
export const Instant = z
  .string()
  .check(
    z.regex(
      new RegExp(String.raw`^${DATE}T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?Z$`),
      'must be a UTC instant such as 2026-11-23T12:00:00Z',
    ),
  );
/** ISO 8601 calendar date, e.g. `2027-03-01`. */
export const CalendarDate = z.string().check(z.regex(new RegExp(`^${DATE}$`), 'must be a date such as 2027-03-01'));

/** An absolute http(s) URL (images, campaign pages, share links). */
export const HttpsUrl = z.string().check(z.refine(isWebUrl, 'must be an absolute http(s) URL'));

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

// Schema factories are marked free of side effects, so bundlers drop the schemas a widget never
// uses even though they are built at module load.

/**
 * `schema.check(...checks)`, marked pure: a method call at module level would otherwise keep
 * every schema of a contract module in every bundle that imports one of them.
 */
/* @__NO_SIDE_EFFECTS__ */
export function checked<S extends z.ZodMiniType>(schema: S, ...checks: Parameters<S['check']>): S {
  return schema.check(...(checks as unknown as never[])) as S;
}

/** A trimmed, bounded, non-empty line of text. */
/* @__NO_SIDE_EFFECTS__ */
export function text(max: number, min = 1) {
  return checked(z.string(), z.trim(), z.minLength(min), z.maxLength(max));
}

/** Pagination query shared by every list endpoint. */
export const PageQuery = z.object({
  limit: z.optional(checked(z.coerce.number(), z.int(), z.minimum(1), z.maximum(100))),
  cursor: z.optional(checked(z.string(), z.maxLength(200))),
});
export type PageQuery = z.infer<typeof PageQuery>;

/** Every list is `{ items, nextCursor }`; `nextCursor` is null on the last page. */
/* @__NO_SIDE_EFFECTS__ */
export function page<T extends z.core.SomeType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.nullable(z.string()) });
}
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
