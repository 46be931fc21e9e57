import type { Campaign, Money, RewardTier } from '../../contract/index.js';

/**
 * The form's answers as typed, the kinds of problem a field can have, and the pledge floor: what
 * the form shows from its first paint. The checks themselves load with the form's first use
 * (pledge-validation.ts, in pledge-interaction.ts).
 */

/** The form's fields, in the order they appear (first invalid one takes focus). */
export const FIELDS = ['rewardId', 'amount', 'name', 'email', 'message'] as const;
export type Field = (typeof FIELDS)[number];

/** What the reader typed, as typed. */
export interface FormValues {
  /** `''`: no reward. */
  rewardId: string;
  amount: string;
  name: string;
  email: string;
  anonymous: boolean;
  message: string;
}

export const emptyValues = (): FormValues => ({
  rewardId: '',
  amount: '',
  name: '',
  email: '',
  anonymous: false,
  message: '',
});

/** Why the pledge floor is what it is: the campaign's rule, the equity ticket, or the reward. */
export type FloorReason = 'campaign' | 'ticket' | 'reward';

/**
 * Kinds, not texts: the widget words them in the reader's language. `server` keeps the text of a
 * rule only the backend knows.
 */
export type FieldProblem =
  | { kind: 'required' }
  | { kind: 'amountInvalid' }
  | { kind: 'amountPrecision'; digits: number }
  | { kind: 'belowMinimum'; minimum: Money; reason: FloorReason }
  | { kind: 'aboveMaximum'; maximum: Money }
  | { kind: 'emailInvalid' }
  | { kind: 'tooLong'; max: number }
  | { kind: 'soldOut'; title: string }
  | { kind: 'rewardUnavailable' }
  | { kind: 'server'; message: string };

export type FieldErrors = Partial<Record<Field, FieldProblem>>;

/** The lowest acceptable amount and what sets it, following checkPledge's rule. */
export function floorOf(
  campaign: Campaign,
  reward: RewardTier | null | undefined,
): { minimum: Money; reason: FloorReason } {
  const currency = campaign.goal.currency;
  // On a tie the most specific rule is named: the reward's, then the equity ticket.
  const candidates: [number, FloorReason][] = [
    [reward?.minimum.amount ?? -1, 'reward'],
    [campaign.equity?.minimumTicket.amount ?? -1, 'ticket'],
    [campaign.pledgeRules.minimum.amount, 'campaign'],
  ];
  const [amount, reason] = candidates.reduce((best, c) => (c[0] > best[0] ? c : best));
  return { minimum: { amount, currency }, reason };
}

/** The chosen reward: null for none, undefined for an id the campaign does not have. */
export const rewardOf = (rewards: readonly RewardTier[], id: string) => (id ? rewards.find((r) => r.id === id) : null);
