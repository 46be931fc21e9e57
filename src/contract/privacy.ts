import type { Backer } from './pledge.js';
import type { Money } from './primitives.js';

/**
 * Privacy rules shared by every backend (the reference server and the msw mocks): they live in
 * the contract so that both apply the very same rule and neither imports the other.
 */

/** A pledge as a backend stores it, private fields included. */
export interface StoredPledge {
  id: string;
  campaignId: string;
  amount: Money;
  rewardId: string | null;
  name: string;
  email: string;
  anonymous: boolean;
  message: string | null;
  createdAt: string;
}

/** What anyone may see of a pledge: no e-mail, no name nor amount when anonymous. */
export function publicBacker(p: StoredPledge): Backer {
  return {
    id: p.id,
    anonymous: p.anonymous,
    displayName: p.anonymous ? null : p.name,
    amount: p.anonymous ? null : p.amount,
    message: p.message,
    rewardId: p.rewardId,
    createdAt: p.createdAt,
  };
}
