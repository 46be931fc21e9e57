import { ContractError } from '../../client/errors.js';
import { retryableRead } from '../../client/http.js';

/*
 * Apart from the recovery schedule (recovery.ts), which loads on demand after a failure: every
 * failure is sorted at once, with no download.
 */

/**
 * Worth trying again later by itself: the network, a timeout, 408, 429, any 5xx, and an answer
 * that broke the contract (a backend being redeployed). A 404 or a refused request is not. That
 * is what a read retries at once (retryableRead), plus a broken answer.
 */
export const recoverable = (error: unknown): boolean => error instanceof ContractError || retryableRead(error);
