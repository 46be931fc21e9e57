import { nothing, type ReactiveController, type TemplateResult } from 'lit';
import { html } from '../../core/element/template.js';
import { ListingCategory, ListingType } from '../../contract/index.js';
import { radioGroup, selectField, textField } from '../../core/form/form-fields.js';
import { textsOf } from '../../core/member/member-action.js';
import type { PartageElement } from '../../core/element/partage-element.js';
import { hasFilters, noFilters, type BoardFilters } from '../../core/data/listing-list.js';
import type { BoardMessages } from './share-board.messages.js';

/** Search waits for a pause in typing rather than asking the server at every key. */
const SEARCH_DEBOUNCE_MS = 300;

/**
 * The board's search and filters form, and what it holds: the filters the listings are asked
 * for, and the search text as typed (applied after a pause in typing, or at once on Enter).
 */
export class BoardFiltersController implements ReactiveController {
  /** The applied filters: the listings shown are always for these. */
  filters: BoardFilters = noFilters();
  /** What is typed in the search box (applied after a pause). */
  searchText = '';

  #host: PartageElement;
  /** The paging of the listings: a change of filters ends the previous list's. */
  #paging: { reset(): void };
  #debounce: ReturnType<typeof setTimeout> | undefined;

  constructor(host: PartageElement, paging: { reset(): void }) {
    this.#host = host;
    this.#paging = paging;
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.#debounce);
  }

  get #t() {
    return textsOf<BoardMessages>(this.#host);
  }

  set(patch: Partial<BoardFilters>): void {
    this.#paging.reset();
    this.filters = { ...this.filters, ...patch };
    this.#host.requestUpdate();
  }

  #onSearchInput(value: string): void {
    this.searchText = value;
    this.#host.requestUpdate();
    clearTimeout(this.#debounce);
    this.#debounce = setTimeout(() => this.#applySearch(), SEARCH_DEBOUNCE_MS);
  }

  #applySearch(): void {
    clearTimeout(this.#debounce);
    const q = this.searchText.trim();
    if (q !== this.filters.q) this.set({ q });
  }

  async #clear(): Promise<void> {
    clearTimeout(this.#debounce);
    this.searchText = '';
    this.set(noFilters());
    await this.#host.updateComplete;
    // The button is gone: focus goes to the start of the filters rather than to the page.
    this.#host.renderRoot.querySelector<HTMLElement>('input[name="filter-kind"]:checked')?.focus();
  }

  render(): TemplateResult {
    const t = this.#t;
    const f = this.filters;
    return html`<form
      role="search"
      class="filters"
      part="filters"
      aria-label=${t('filtersLabel')}
      @submit=${(e: Event) => {
        e.preventDefault();
        this.#applySearch();
      }}
    >
      ${radioGroup({
        id: 'f-kind',
        name: 'filter-kind',
        label: t('filterKind'),
        value: f.kind,
        options: [
          { value: '', label: t('filterAll') },
          { value: 'offer', label: t('filterOffers') },
          { value: 'request', label: t('filterRequests') },
        ],
        onChange: (v) => this.set({ kind: v as BoardFilters['kind'] }),
      })}
      ${selectField({
        id: 'f-type',
        name: 'filter-type',
        label: t('filterType'),
        value: f.type,
        placeholder: t('filterAllTypes'),
        options: ListingType.options.map((v) => ({ value: v, label: t(`type_${v}`) })),
        onChange: (v) => this.set({ type: v as BoardFilters['type'] }),
      })}
      ${selectField({
        id: 'f-category',
        name: 'filter-category',
        label: t('filterCategory'),
        value: f.category,
        placeholder: t('filterAllCategories'),
        options: ListingCategory.options.map((v) => ({ value: v, label: t(`category_${v}`) })),
        onChange: (v) => this.set({ category: v as BoardFilters['category'] }),
      })}
      ${textField({
        id: 'f-q',
        name: 'q',
        type: 'search',
        label: t('search'),
        maxLength: 100,
        autocomplete: 'off',
        value: this.searchText,
        onInput: (v) => this.#onSearchInput(v),
      })}
      ${
        hasFilters(f) || this.searchText
          ? html`<button type="button" class="secondary clear" part="clear-filters" @click=${() => void this.#clear()}>
              ${t('clearFilters')}
            </button>`
          : nothing
      }
    </form>`;
  }
}
