import { nothing, type TemplateResult } from 'lit';
import { html } from '../../core/element/template.js';
import type { Listing } from '../../contract/index.js';
import { formatDate, formatRelative } from '../../core/i18n/format.js';
import { heading } from '../../core/element/heading.js';
import { textsOf } from '../../core/member/member-action.js';
import type { PartageElement } from '../../core/element/partage-element.js';
import type { BoardMessages } from './share-board.messages.js';

const SKELETON_ROWS = 4;

export interface ListingItemOptions {
  /** The detail is shown. */
  open: boolean;
  /** Level of the listing's title. */
  level: number;
  onToggle: () => void;
  /** The member actions of the detail (rendered only while it is open). */
  actions: () => TemplateResult;
}

/**
 * One listing of the board: badges, a title that opens its detail, the approximate place, when
 * it was posted and its replies; focusable by script (after "show more").
 */
export function listingItem(el: PartageElement, l: Listing, o: ListingItemOptions): TemplateResult {
  const t = textsOf<BoardMessages>(el);
  const locale = el.resolvedLocale;
  // A server clock slightly ahead must not print "in 1 minute" for a listing just posted.
  const now = Math.max(Date.now(), Date.parse(l.createdAt));
  return html`<li class="listing status-${l.status}" part="listing" data-id=${l.id} tabindex="-1">
    <article aria-labelledby="title-${l.id}">
      <div class="badges">
        <span class="badge kind-${l.kind}" part="kind">${t(`kind_${l.kind}`)}</span>
        <span class="type muted">${t(`type_${l.type}`)} · ${t(`category_${l.category}`)}</span>
        <span class="badge status status-${l.status}" part="status">${t(`status_${l.status}`)}</span>
      </div>
      ${heading(
        o.level,
        { id: `title-${l.id}`, class: 'listing-title' },
        html`<button
          type="button"
          class="toggle"
          part="toggle"
          aria-expanded=${o.open ? 'true' : 'false'}
          aria-controls="detail-${l.id}"
          @click=${o.onToggle}
        >
          ${l.title}
        </button>`,
      )}
      <p class="meta muted">
        <span class="place">${t('around', { place: l.place.label })}</span>
        <span aria-hidden="true"> · </span>
        <time
          datetime=${l.createdAt}
          title=${formatDate(l.createdAt, locale, { dateStyle: 'long', timeStyle: 'short' })}
          >${formatRelative(l.createdAt, locale, now)}</time
        >
        <span aria-hidden="true"> · </span>
        <span class="replies">${t('replies', { count: l.replyCount })}</span>
      </p>
      <div id="detail-${l.id}" class="detail" part="detail" ?hidden=${!o.open}>
        ${o.open ? listingDetail(el, l, o.actions()) : nothing}
      </div>
    </article>
  </li>`;
}

/** A listing's detail: its description, author, end date, and the member actions. */
function listingDetail(el: PartageElement, l: Listing, actions: TemplateResult): TemplateResult {
  const t = textsOf<BoardMessages>(el);
  return html`${l.description ? html`<p class="description">${l.description}</p>` : nothing}
    <p class="facts muted">
      <span>${t('postedBy', { name: l.author.displayName })}</span>
      ${
        l.expiresAt
          ? html`<span aria-hidden="true"> · </span
              ><span>${t('until', { date: formatDate(l.expiresAt, el.resolvedLocale, { dateStyle: 'long' }) })}</span>`
          : nothing
      }
    </p>
    ${actions}`;
}

/** The list's place while the first listings load: a few grey rows of a listing's shape. */
export function listingSkeleton(el: PartageElement): TemplateResult {
  return html`<p class="visually-hidden">${el.t('loading')}</p>
    <ul class="list" aria-hidden="true">
      ${Array.from(
        { length: SKELETON_ROWS },
        () =>
          html`<li class="listing skeleton-listing">
            <span class="skeleton line short"></span>
            <span class="skeleton line title-line"></span>
            <span class="skeleton line"></span>
          </li>`,
      )}
    </ul>`;
}
