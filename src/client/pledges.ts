import { buildPath, createPledgeEndpoint, getCampaignEndpoint, IDEMPOTENCY_HEADER } from '../contract/endpoints.js';
import type { PledgeRequest, PledgeResult } from '../contract/index.js';
import { ApiError } from './errors.js';
import { retryablePledge } from './http.js';
import type { Transport } from './transport.js';
import type { PledgeOptions } from './types.js';

/*
 * Making a pledge: a module of its own, so a file that reads campaigns carries none of it, and the
 * pledge form loads it with its submit flow, on first use (src/widgets/pledge-form/pledge-interaction.ts).
 */

/** Codes meaning our cached view of the campaign was out of date. */
const STALE_CAMPAIGN = new Set(['campaign_closed', 'reward_sold_out', 'reward_unavailable', 'pledge_above_maximum']);

const campaignPath = (campaignId: string) => buildPath(getCampaignEndpoint.path, { campaignId });

export async function createPledge(
  api: Transport,
  campaignId: string,
  body: PledgeRequest,
  o: PledgeOptions,
): Promise<PledgeResult> {
  const key: unknown = o?.idempotencyKey;
  if (typeof key !== 'string' || key.trim() === '' || key.length > 255) {
    throw new TypeError(
      'createPledge needs options.idempotencyKey (newIdempotencyKey()); reuse it when retrying the same pledge',
    );
  }
  try {
    // Retried only with this key and these exact bytes, so the backend replays, never duplicates.
    const result = await api.write(createPledgeEndpoint, { campaignId }, body, {
      headers: { [IDEMPOTENCY_HEADER]: key },
      retryable: retryablePledge,
      signal: o.signal,
    });
    api.invalidateResource('/campaigns', campaignPath(campaignId), campaignPath(result.campaignId));
    return result;
  } catch (error) {
    if (error instanceof ApiError && STALE_CAMPAIGN.has(error.code))
      api.invalidateResource('/campaigns', campaignPath(campaignId));
    throw error;
  }
}
