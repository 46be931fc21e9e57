import type { Listing, ListingCategory, ListingKind, ListingQuery, ListingType, Page } from '../../contract/index.js';
import { matchesQuery } from '../../contract/search.js';

/** What the reader filters the board by; '' means "any". */
export interface BoardFilters {
  kind: ListingKind | '';
  type: ListingType | '';
  category: ListingCategory | '';
  /** The applied (debounced, trimmed) search text. */
  q: string;
}

export const noFilters = (): BoardFilters => ({ kind: '', type: '', category: '', q: '' });

export const hasFilters = (f: BoardFilters) => f.kind !== '' || f.type !== '' || f.category !== '' || f.q !== '';

/** What the server is asked for: a page of `limit` listings with the filters that are set. */
export function listingQuery(limit: number, f: BoardFilters, cursor?: string): ListingQuery {
  return {
    limit,
    ...(cursor ? { cursor } : {}),
    ...(f.kind ? { kind: f.kind } : {}),
    ...(f.type ? { type: f.type } : {}),
    ...(f.category ? { category: f.category } : {}),
    ...(f.q ? { q: f.q } : {}),
  };
}

/** Identity of a list: `base` (backend and neighbourhood), page size and filters. */
export const listKey = (base: string, limit: number, f: BoardFilters) =>
  `${base}|${limit}|${f.kind}|${f.type}|${f.category}|${f.q}`;

/** The listings shown for one set of filters, newest first, with the cursor of the next page. */
export interface ListingList {
  /** Identity of the query (base URL, neighbourhood, filters): a list never shows for another. */
  key: string;
  items: Listing[];
  nextCursor: string | null;
}

/**
 * Folds text the way the backend's search does, so a live listing is matched against the search
 * as the server would: case, accents and ligatures do not matter, every word must appear.
 */
export function matchesFilters(listing: Listing, f: BoardFilters): boolean {
  if (f.kind && listing.kind !== f.kind) return false;
  if (f.type && listing.type !== f.type) return false;
  if (f.category && listing.category !== f.category) return false;
  return matchesQuery(f.q, listing.title, listing.description);
}

const newestFirst = (a: Listing, b: Listing) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0);

/** The first page, plus listings that arrived live before it (when they match and are missing). */
export function firstPage(
  key: string,
  page: Page<Listing>,
  early: readonly Listing[],
  filters: BoardFilters,
): ListingList {
  const ids = new Set(page.items.map((l) => l.id));
  const missing = early.filter((l) => !ids.has(l.id) && matchesFilters(l, filters));
  return { key, items: [...missing.sort(newestFirst), ...page.items], nextCursor: page.nextCursor };
}

/** Appends a page, skipping listings already shown (live arrivals can shift pages). */
export function nextPage(list: ListingList, page: Page<Listing>): { list: ListingList; added: Listing[] } {
  const ids = new Set(list.items.map((l) => l.id));
  const added = page.items.filter((l) => !ids.has(l.id));
  return { list: { ...list, items: [...list.items, ...added], nextCursor: page.nextCursor }, added };
}

/**
 * A listing that is new or changed: replaces the shown copy, or goes on top when it is new and
 * matches the filters (a changed listing that is not shown may sit on a page not loaded yet).
 * Null when the list does not change.
 */
export function withListing(
  list: ListingList,
  listing: Listing,
  filters: BoardFilters,
  isNew: boolean,
): ListingList | null {
  const index = list.items.findIndex((l) => l.id === listing.id);
  if (index >= 0) {
    const items = [...list.items];
    items[index] = listing;
    return { ...list, items };
  }
  if (!isNew || !matchesFilters(listing, filters)) return null;
  return { ...list, items: [listing, ...list.items] };
}
