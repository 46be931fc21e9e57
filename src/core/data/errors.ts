import { ApiError, NetworkError } from '../../client/errors.js';

/*
 * Error mapping for widgets: what a failed request means, without widgets importing the client's
 * classes. Texts for users come from core/element/views.ts (errorText).
 */

export type { ApiError, NetworkError } from '../../client/errors.js';

/** The backend's problem answer (code, status, field errors), or undefined for anything else. */
export const apiErrorOf = (error: unknown): ApiError | undefined => (error instanceof ApiError ? error : undefined);

/** No usable answer came back (offline, timeout, aborted): the same request may be tried again. */
export const isNetworkFailure = (error: unknown): error is NetworkError => error instanceof NetworkError;
