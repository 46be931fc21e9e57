import { ApiError, ContractError, NetworkError } from '../../client/errors.js';

/*
 * Apart from the recovery schedule (recovery.ts), which loads on demand after a failure: every
 * failure is sorted at once, with no download.
 */

/**
 * Worth trying again later by itself: the network, a timeout, 408, 429, any 5xx, and an answer
 * that broke the contract (a backend being redeployed). A 404 or a refused request is not.
 */
export function recoverable(error: unknown): boolean {
  if (error instanceof NetworkError) return error.reason !== 'aborted';
  if (error instanceof ContractError) return true;
  return error instanceof ApiError && (error.status === 408 || error.status === 429 || error.status >= 500);
}
