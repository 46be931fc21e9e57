import { createPledge } from '../../client/pledges.js';
import { newIdempotencyKey } from '../../client/types.js';
import type { PledgeRequest, PledgeResult } from '../../contract/index.js';
import type { Transport } from './source.js';
import { worded } from '../element/views.js';

/*
 * Sending a pledge, apart from the data the form shows (pledges-source.ts): the form loads this
 * with its submit flow, on first use.
 */

export { newIdempotencyKey };

/** One pledge attempt: its Idempotency-Key is reused for every retry of the very same request. */
export interface PledgeAttempt {
  key: string;
  body: PledgeRequest;
}

/**
 * Sends a pledge; the backend replays (never duplicates) an attempt sent again with its key. A
 * failure comes with its words (`errorText` is ready for it).
 */
export const sendPledge = (client: Transport, campaignId: string, attempt: PledgeAttempt): Promise<PledgeResult> =>
  createPledge(client, campaignId, attempt.body, { idempotencyKey: attempt.key }).catch(worded);
