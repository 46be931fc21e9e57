import type { Campaign, Listing, Member, Neighbourhood, PledgeResult, Reply } from '../../../src/contract/index.js';

/** Base URL the tests' msw handlers answer for; nothing real lives there. */
export const API = 'https://api.example.test/v1';

/** Minimal valid objects, independent of the project's demo fixtures. */
export function sampleCampaign(overrides: Partial<Campaign> = {}): Campaign {
  return {
    id: 'c1',
    slug: 'atelier-ceramique',
    title: "L'atelier céramique",
    tagline: 'Un four pour le quartier',
    imageUrl: null,
    imageAlt: '',
    url: 'https://example.org/campaigns/atelier-ceramique',
    creator: { name: 'Camille', avatarUrl: null, url: null },
    kind: 'reward',
    fundingModel: 'all_or_nothing',
    status: 'live',
    goal: { amount: 500000, currency: 'EUR' },
    pledged: { amount: 125000, currency: 'EUR' },
    backerCount: 42,
    milestones: [],
    startsAt: '2026-01-01T00:00:00Z',
    endsAt: '2026-12-31T00:00:00Z',
    pledgeRules: { minimum: { amount: 500, currency: 'EUR' }, maximum: null },
    equity: null,
    share: { url: 'https://example.org/campaigns/atelier-ceramique', text: 'Soutenez l’atelier', hashtags: [] },
    updatedAt: '2026-03-01T10:00:00Z',
    ...overrides,
  };
}

export function sampleNeighbourhood(overrides: Partial<Neighbourhood> = {}): Neighbourhood {
  return {
    id: 'n1',
    slug: 'croix-rousse',
    name: 'Croix-Rousse',
    city: 'Lyon',
    postcode: '69004',
    description: '',
    stats: {
      members: 120,
      activeSharers: 30,
      exchangesLast30Days: 12,
      activityRate: 0.25,
      openListings: 8,
      votesLast30Days: 0,
      rsvpsLast30Days: 0,
    },
    partnerServices: [],
    updatedAt: '2026-03-01T10:00:00Z',
    ...overrides,
  };
}

export function sampleListing(overrides: Partial<Listing> = {}): Listing {
  return {
    id: 'l1',
    neighbourhoodId: 'n1',
    kind: 'offer',
    type: 'lend',
    category: 'tools',
    title: 'Perceuse à prêter',
    description: 'Avec forets',
    author: { displayName: 'Sam' },
    place: { label: 'Rue Dumenge' },
    status: 'open',
    createdAt: '2026-03-01T10:00:00Z',
    expiresAt: null,
    replyCount: 0,
    ...overrides,
  };
}

export function samplePledgeResult(overrides: Partial<PledgeResult> = {}): PledgeResult {
  return {
    id: 'p1',
    campaignId: 'c1',
    amount: { amount: 2500, currency: 'EUR' },
    rewardId: null,
    createdAt: '2026-03-01T10:00:00Z',
    status: 'confirmed',
    ...overrides,
  } as PledgeResult;
}

export const sampleMember: Member = { id: 'm1', displayName: 'Sam', neighbourhoodIds: ['n1'] };

export const sampleReply: Reply = {
  id: 'r1',
  listingId: 'l1',
  message: 'Je suis intéressé',
  author: { displayName: 'Sam' },
  createdAt: '2026-03-01T10:00:00Z',
};

/** Timing that never really sleeps and records every requested delay. */
export function instantTiming(random = 0.5) {
  const sleeps: number[] = [];
  return {
    sleeps,
    timing: {
      random: () => random,
      sleep: (ms: number) => {
        sleeps.push(ms);
        return Promise.resolve();
      },
    },
  };
}
