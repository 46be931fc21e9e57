import { randomBytes } from 'node:crypto';
import type { Campaign } from '../../src/contract/index.js';
import type { Db } from '../db/db.js';
import { insertCampaign, insertMember, insertNeighbourhood, insertReward } from '../db/seed.js';

/**
 * Fresh, isolated data for one conformance run (not part of the contract; only served when the
 * server runs with PARTAGE_SANDBOX=1). Each call creates new campaigns, so concurrency checks
 * always start from known totals whatever earlier runs did.
 */
export interface Sandbox {
  /** Live reward campaign: minimum 1.00, no maximum raise. */
  campaignId: string;
  /** A reward of that campaign limited to 10 units, minimum 1.00. */
  limitedRewardId: string;
  /** Live equity raise whose hard cap is two minimum tickets: the third investor is waitlisted. */
  equityCampaignId: string;
  /** A campaign that ended. */
  closedCampaignId: string;
  neighbourhoodId: string;
  /** Bearer token of a member of that neighbourhood. */
  memberToken: string;
  /** Bearer token of a member of another neighbourhood only. */
  outsiderToken: string;
  /** Bearer token of an organiser of the neighbourhood (creates, closes and cancels polls and events). */
  organiserToken: string;
  /** A partner service of the neighbourhood (visit counting checks). */
  partnerId: string;
  /** Tokens of 110 more members of the neighbourhood, each with a whole write budget (votes, RSVPs). */
  voterTokens: string[];
}

/** Members created per sandbox for the poll and agenda concurrency checks. */
export const SANDBOX_VOTERS = 110;

const DAY = 86_400_000;

export async function createSandbox(db: Db, now: Date): Promise<Sandbox> {
  const tag = randomBytes(5).toString('hex');
  const eur = (amount: number) => ({ amount, currency: 'EUR' });
  const iso = (offsetMs: number) => new Date(now.getTime() + offsetMs).toISOString();
  const base = (id: string, title: string): Campaign => ({
    id,
    slug: id,
    title,
    tagline: 'Conformance sandbox campaign.',
    imageUrl: null,
    imageAlt: '',
    url: `https://sandbox.partage.example.org/campaigns/${id}`,
    creator: { name: 'Conformance', avatarUrl: null, url: null },
    kind: 'reward',
    fundingModel: 'keep_it_all',
    status: 'live',
    goal: eur(100_000_000),
    pledged: eur(0),
    backerCount: 0,
    milestones: [],
    startsAt: iso(-DAY),
    endsAt: iso(30 * DAY),
    pledgeRules: { minimum: eur(100), maximum: null },
    equity: null,
    share: { url: `https://sandbox.partage.example.org/campaigns/${id}`, text: 'Sandbox', hashtags: [] },
    updatedAt: now.toISOString(),
  });
  const ids = {
    campaignId: `sbx-${tag}`,
    limitedRewardId: `sbx-${tag}-limited`,
    equityCampaignId: `sbx-${tag}-equity`,
    closedCampaignId: `sbx-${tag}-closed`,
    neighbourhoodId: `sbx-${tag}-board`,
    partnerId: `sbx-${tag}-partner`,
  };
  const token = () => `sbx_${randomBytes(24).toString('hex')}`;
  const memberToken = token();
  const outsiderToken = token();
  const organiserToken = token();
  const voterTokens = Array.from({ length: SANDBOX_VOTERS }, token);

  await db.transaction(async (tx) => {
    const hidden = { sandbox: true };
    await insertCampaign(tx, base(ids.campaignId, 'Sandbox reward campaign'), hidden);
    await insertReward(tx, {
      id: ids.limitedRewardId,
      campaignId: ids.campaignId,
      title: 'Limited reward',
      description: 'Ten units only.',
      minimum: eur(100),
      quantityLimit: 10,
      remaining: 10,
      backerCount: 0,
      estimatedDelivery: null,
      shipping: 'none',
      shippingCost: null,
      availability: 'available',
    });
    await insertCampaign(
      tx,
      {
        ...base(ids.equityCampaignId, 'Sandbox equity raise'),
        kind: 'equity',
        goal: eur(1_000),
        pledgeRules: { minimum: eur(1_000), maximum: null },
        equity: {
          minimumTicket: eur(1_000),
          averageTicket: eur(1_000),
          maximumRaise: eur(2_000),
          oversubscribed: false,
          waitlistCount: 0,
          sharePrice: null,
          preMoneyValuation: null,
        },
      },
      hidden,
    );
    await insertCampaign(
      tx,
      {
        ...base(ids.closedCampaignId, 'Sandbox closed campaign'),
        status: 'succeeded',
        startsAt: iso(-40 * DAY),
        endsAt: iso(-DAY),
      },
      hidden,
    );
    await insertNeighbourhood(
      tx,
      {
        id: ids.neighbourhoodId,
        slug: ids.neighbourhoodId,
        name: 'Sandbox board',
        city: 'Sandbox',
        postcode: null,
        description: '',
        stats: {
          members: 2,
          activeSharers: 0,
          exchangesLast30Days: 0,
          activityRate: 0,
          openListings: 0,
          votesLast30Days: 0,
          rsvpsLast30Days: 0,
        },
        partnerServices: [
          {
            id: ids.partnerId,
            name: 'Sandbox car sharing',
            kind: 'car_sharing',
            description: 'A partner link for the visit checks.',
            url: `https://partner.sandbox.partage.example.org/cars?city=sandbox&utm_source=elsewhere`,
          },
        ],
        partnerCode: `sbx-${tag}`,
        updatedAt: now.toISOString(),
      },
      hidden,
    );
    await insertMember(
      tx,
      { id: `sbx-${tag}-member`, displayName: 'Sandbox member', neighbourhoodIds: [ids.neighbourhoodId] },
      memberToken,
      now,
    );
    await insertMember(
      tx,
      { id: `sbx-${tag}-outsider`, displayName: 'Sandbox outsider', neighbourhoodIds: [] },
      outsiderToken,
      now,
    );
    await insertMember(
      tx,
      {
        id: `sbx-${tag}-organiser`,
        displayName: 'Sandbox town hall',
        neighbourhoodIds: [ids.neighbourhoodId],
        organiserOf: [ids.neighbourhoodId],
      },
      organiserToken,
      now,
    );
    for (const [i, voter] of voterTokens.entries()) {
      await insertMember(
        tx,
        { id: `sbx-${tag}-voter-${i}`, displayName: `Sandbox voter ${i + 1}`, neighbourhoodIds: [ids.neighbourhoodId] },
        voter,
        now,
      );
    }
  });
  return { ...ids, memberToken, outsiderToken, organiserToken, voterTokens };
}
