import { ApiError, ContractError, NetworkError } from '../../client/errors.js';
import { common } from '../i18n/common.messages.js';
import { failure } from '../i18n/failure.messages.js';
import type { PartageElement } from './partage-element.js';

/*
 * The precise wording of failures, loaded when a request fails (views.ts `wordFailures`, a chunk of
 * the CDN files): a page whose requests all succeed never downloads it.
 */

// Its texts join the shared ones, so `t()` finds them as before, partner overrides first.
Object.assign(common.en, failure.en);
Object.assign(common.fr, failure.fr);

/** Readable text for any error a widget can meet: never a blank box, never a stack trace. */
export function errorText(el: PartageElement, error: unknown): string {
  if (error instanceof NetworkError) return el.t(error.reason === 'timeout' ? 'errorTimeout' : 'errorOffline');
  if (error instanceof ContractError) return el.t('errorContract');
  if (error instanceof ApiError) {
    if (error.status === 404) return el.t('errorNotFound');
    if (error.status === 429) return el.t('errorRateLimited', { seconds: error.retryAfter ?? 30 });
    if (error.status >= 500) return el.t('errorServer');
    return error.detail ?? el.t('errorGeneric');
  }
  return el.t('errorGeneric');
}
