import type { Backer, Page } from '../../contract/index.js';

/**
 * The backers a widget shows: the pages loaded so far plus those that arrived live. Kept as
 * pure functions so paging, live arrivals and refreshes agree on one rule: a backer appears
 * once, whatever path brought it.
 */
export interface BackerList {
  /** Which campaign (and backend) these backers belong to, so a changed attribute never mixes lists. */
  key: string;
  items: Backer[];
  /** Where the next "show more" page starts; null once everything is loaded. */
  nextCursor: string | null;
  /** Pages loaded with "show more" (1 after the first load). */
  pages: number;
}

const newestFirst = (a: Backer, b: Backer) => Date.parse(b.createdAt) - Date.parse(a.createdAt);

function unique(items: Backer[]): Backer[] {
  const seen = new Set<string>();
  return items.filter((b) => !seen.has(b.id) && seen.add(b.id));
}

/**
 * The first page, fresh from the server. On a refresh of the same list, backers the reader
 * already paged to (or saw arrive live) stay, and so does the paging position.
 */
export function withFirstPage(current: BackerList | undefined, key: string, page: Page<Backer>): BackerList {
  if (!current || current.key !== key) return { key, items: unique(page.items), nextCursor: page.nextCursor, pages: 1 };
  return {
    key,
    items: unique([...page.items, ...current.items]).sort(newestFirst),
    nextCursor: current.pages > 1 ? current.nextCursor : page.nextCursor,
    pages: current.pages,
  };
}

/** Appends a "show more" page; `added` are the backers the reader had not seen yet. */
export function withNextPage(current: BackerList, page: Page<Backer>): { list: BackerList; added: Backer[] } {
  const known = new Set(current.items.map((b) => b.id));
  // Keyset paging never repeats an item, but a backer that arrived live can also be on a page.
  const added = page.items.filter((b) => !known.has(b.id));
  return {
    list: { ...current, items: [...current.items, ...added], nextCursor: page.nextCursor, pages: current.pages + 1 },
    added,
  };
}

/** A backer that arrived live goes on top, once. Returns null when it was already listed. */
export function withLiveBacker(current: BackerList, backer: Backer): BackerList | null {
  if (current.items.some((b) => b.id === backer.id)) return null;
  return { ...current, items: [backer, ...current.items] };
}
