import type { TemplateResult } from 'lit';
import { html } from '../../core/element/template.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Listing } from '../../contract/index.js';
import { heading } from '../../core/element/heading.js';
import { loadMoreFooter, type LoadMoreController } from '../../core/data/load-more.js';
import { textsOf } from '../../core/member/member-action.js';
import type { PartageElement } from '../../core/element/partage-element.js';
import type { ResourceController } from '../../core/data/resource-controller.js';
import { errorView, staleNotice } from '../../core/element/views.js';
import { listingSkeleton } from './listing-item.js';
import type { ListingList } from '../../core/data/listing-list.js';
import type { BoardMessages } from './share-board.messages.js';

export interface BoardResultsOptions {
  listings: ResourceController<ListingList>;
  /** The listings of the current filters, once loaded (never another query's). */
  current: ListingList | undefined;
  /** Some filter is applied (the empty state says so). */
  filtered: boolean;
  /** Level of the (visually hidden) heading of the list. */
  level: number;
  more: LoadMoreController;
  onRetry: () => void;
  onMore: () => void;
  item: (listing: Listing) => TemplateResult;
}

/** "12 listings, more below": shown above the list and announced after a search. */
export const countText = (el: PartageElement, list: ListingList): string =>
  textsOf<BoardMessages>(el)('resultCount', { count: list.items.length, more: list.nextCursor !== null });

/**
 * The board's results: the listings with their count and "show more", or the skeleton, the
 * error with retry, the stale notice, or the empty state. Another query's listings stay on
 * screen, dimmed, while the new one loads.
 */
export function boardResults(el: PartageElement, o: BoardResultsOptions): TemplateResult {
  const t = textsOf<BoardMessages>(el);
  const resource = o.listings;
  const list = o.current;
  const previous = !list && resource.value && !resource.stale ? resource.value : undefined;
  const failed = !list && (resource.status === 'error' || resource.stale);
  const shown = list ?? previous;
  return html`<div class="results" aria-busy=${list || failed ? 'false' : 'true'}>
    ${heading(o.level, { id: 'listings-heading', class: 'visually-hidden' }, t('listingsHeading'))}
    ${staleNotice(el, !!list && resource)}
    ${
      failed
        ? errorView(el, resource.error, o.onRetry)
        : shown
          ? html`<p class="count muted" part="count">${list ? countText(el, list) : t('searching')}</p>
              ${listingsView(el, shown, !list, o)}`
          : listingSkeleton(el)
    }
  </div>`;
}

function listingsView(el: PartageElement, list: ListingList, dimmed: boolean, o: BoardResultsOptions): TemplateResult {
  const t = textsOf<BoardMessages>(el);
  if (list.items.length === 0) {
    // The text keeps the whitespace around it that hosts reading textContent got so far.
    // prettier-ignore
    return html`<p class="empty muted" part="empty">
      ${o.filtered ? t('emptyFiltered') : t('empty')}
    </p>`;
  }
  const texts = { more: t('showMore'), loading: t('loadingMore'), failed: t('loadMoreFailed') };
  return html`<ul class="list ${dimmed ? 'dimmed' : ''}" part="list" aria-labelledby="listings-heading">
      ${repeat(list.items, (l) => l.id, o.item)}
    </ul>
    ${loadMoreFooter(el, o.more, !!list.nextCursor && !dimmed, texts, o.onMore)}`;
}
