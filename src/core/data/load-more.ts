import { nothing, type ReactiveController, type TemplateResult } from 'lit';
import { html } from '../element/template.js';
import { partageEvent } from '../element/events.js';
import type { PartageElement } from '../element/partage-element.js';
import { errorText, wordFailures } from '../element/views.js';

/**
 * The "show more" paging of a list widget (backers, listings): one page request at a time,
 * aborted when the list changes or the widget leaves the page; a failure stays under the list,
 * with the button to try again, while the pages already shown stay. The lists had this word for
 * word; one copy keeps their paging rules the same.
 */
export class LoadMoreController implements ReactiveController {
  /** A page is on its way (the button says so and does nothing meanwhile). */
  loading = false;
  /** Why the last page could not load; cleared by the next attempt. */
  error: unknown;

  #host: PartageElement;
  /** Name reported in `partage-error` events, e.g. `listBackers`. */
  #operation: string;
  #abort: AbortController | undefined;

  constructor(host: PartageElement, operation: string) {
    this.#host = host;
    this.#operation = operation;
    host.addController(this);
  }

  /** Leaving the page ends the request; back on the page the button works again. */
  hostDisconnected(): void {
    this.#abort?.abort();
    this.loading = false;
  }

  /** Forgets the page on its way and its error: the list it belonged to is gone. */
  reset(): void {
    this.#abort?.abort();
    this.loading = false;
    this.error = undefined;
    this.#host.requestUpdate();
  }

  /**
   * Fetches a page and hands it to `apply` (which appends it to the list shown), in the same task
   * as the button comes back. Resolves with what `apply` returned, or undefined when already
   * loading, aborted or failed.
   */
  async load<P, R>(fetch: (signal: AbortSignal) => Promise<P>, apply: (page: P) => R): Promise<R | undefined> {
    if (this.loading) return undefined;
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    this.loading = true;
    this.error = undefined;
    this.#host.requestUpdate();
    try {
      const page = await fetch(abort.signal);
      if (abort.signal.aborted) return undefined;
      const result = apply(page);
      this.loading = false;
      this.#host.requestUpdate();
      return result;
    } catch (error) {
      await wordFailures();
      if (abort.signal.aborted) return undefined;
      this.loading = false;
      this.error = error;
      this.#host.requestUpdate();
      this.#host.dispatchEvent(partageEvent('partage-error', { operation: this.#operation, error }));
      return undefined;
    }
  }
}

/** The widget's own words for its list ("Show more backers"…). */
export interface LoadMoreTexts {
  more: string;
  loading: string;
  failed: string;
}

/** Below the list: the last page's error, then the button while there is a next page. */
export function loadMoreFooter(
  el: PartageElement,
  more: LoadMoreController,
  hasNext: boolean,
  texts: LoadMoreTexts,
  onMore: () => void,
): TemplateResult {
  return html`${
    more.error
      ? html`<p class="more-error" role="alert" part="error">${texts.failed} ${errorText(el, more.error)}</p>`
      : nothing
  }
  ${
    hasNext
      ? html`<button type="button" class="secondary more" part="more" @click=${onMore}>
          ${more.loading ? texts.loading : texts.more}
        </button>`
      : nothing
  }`;
}
