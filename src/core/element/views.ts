import { nothing, type TemplateResult } from 'lit';
import { html } from './template.js';
import { NetworkError } from '../../client/errors.js';
import { lazy } from '../../client/on-demand.js';
import type { PartageElement } from './partage-element.js';

/**
 * Readable text for any error a widget can meet: never a blank box, never a stack trace. The
 * precise wording (timeout, not found, broken answer, server trouble, rate limit) comes with
 * failure-text.ts, which `wordFailures()` loads when a request fails, before the error is shown;
 * until it is there (it could not load: the reader is offline), the offline or generic text.
 */
export function errorText(el: PartageElement, error: unknown): string {
  return precise?.(el, error) ?? el.t(error instanceof NetworkError ? 'errorOffline' : 'errorGeneric');
}

let precise: ((el: PartageElement, error: unknown) => string) | undefined;
const failureText = lazy(() => import('./failure-text.js'));

/**
 * Loads the precise wording of failures (a chunk of the CDN files), for `errorText`; resolves
 * when it is there or could not load, never rejects. Whatever words a failure awaits it first.
 */
export const wordFailures = (): Promise<void> =>
  failureText().then(
    (m) => void (precise = m.errorText),
    () => undefined,
  );

/**
 * Awaits the wording of failures, then rejects with `error`: for a promise whose failure is worded
 * (`promise.catch(worded)`).
 */
export const worded = async (error: unknown): Promise<never> => {
  await wordFailures();
  throw error;
};

/** The error state of a widget whose data could not load, with a retry button. */
export function errorView(el: PartageElement, error: unknown, retry: () => void): TemplateResult {
  return html`<div class="state" role="alert" part="error">
    <p>${errorText(el, error)}</p>
    <button type="button" class="secondary" part="retry" @click=${retry}>${el.t('retry')}</button>
  </div>`;
}

/** What a stale notice needs to know: whether the data is stale and when it was received. */
export interface Freshness {
  stale: boolean;
  asOf?: number | undefined;
}

/**
 * Shown above stale content after a failed refresh (or data remembered from an earlier visit):
 * "as of 14:32" when the age is known, with the date when it is not today.
 */
export function staleNotice(el: PartageElement, data: Freshness | false) {
  if (!data || !data.stale) return nothing;
  const text =
    data.asOf === undefined ? el.t('stale') : el.t('staleAsOf', { time: timeOf(data.asOf, el.resolvedLocale) });
  return html`<p class="stale" role="status" part="stale">${text}</p>`;
}

function timeOf(at: number, locale: string): string {
  const when = new Date(at);
  const today = new Date().toDateString() === when.toDateString();
  const options: Intl.DateTimeFormatOptions = today
    ? { hour: '2-digit', minute: '2-digit' }
    : { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' };
  try {
    return new Intl.DateTimeFormat(locale, options).format(when);
  } catch {
    return new Intl.DateTimeFormat('en', options).format(when);
  }
}

/**
 * A widget's first moments without data (ResourceController.quiet): its host's own content, as
 * before the script ran, so a fast answer is drawn in one frame with no skeleton before it.
 */
export const quietView = () => html`<slot></slot>`;

/** Shown when a widget has neither `api` nor a provider. */
export const noApiView = (el: PartageElement) =>
  html`<div class="state" role="alert" part="error"><p>${el.t('errorNoApi')}</p></div>`;
