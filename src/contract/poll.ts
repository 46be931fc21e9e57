import * as z from 'zod/mini';
import { checked, Count, Id, Instant, text } from './primitives.js';

/** Who runs a poll or an event: the town hall, or an association of the neighbourhood. */
export const Organiser = z.object({
  name: text(120),
  kind: z.enum(['municipality', 'association']),
});
export type Organiser = z.infer<typeof Organiser>;

export const PollStatus = z.enum(['upcoming', 'open', 'closed']);
export type PollStatus = z.infer<typeof PollStatus>;

/** When the counts are shown: to everyone, to members once they voted, or to everyone after closing. */
export const ResultsVisibility = z.enum(['always', 'after_voting', 'after_closing']);
export type ResultsVisibility = z.infer<typeof ResultsVisibility>;

export const PollOption = z.object({ id: Id, label: text(120) });
export type PollOption = z.infer<typeof PollOption>;

/** Counts only: no answer ever says who voted for what. */
export const PollResults = z.object({
  /** Members who voted (one member counts once, whatever the number of options they chose). */
  voterCount: Count,
  options: z.array(z.object({ optionId: Id, votes: Count })),
});
export type PollResults = z.infer<typeof PollResults>;

export const MAX_POLL_OPTIONS = 12;

export const Poll = z.object({
  id: Id,
  neighbourhoodId: Id,
  question: text(200, 3),
  description: checked(z.string(), z.maxLength(1000)),
  options: checked(z.array(PollOption), z.minLength(2), z.maxLength(MAX_POLL_OPTIONS)),
  /** Several options may be chosen, at most `maxChoices`; single choice: `maxChoices` is 1. */
  multiple: z.boolean(),
  maxChoices: checked(z.int(), z.minimum(1), z.maximum(MAX_POLL_OPTIONS)),
  /** Members may change their vote while the poll is open. */
  allowChange: z.boolean(),
  resultsVisibility: ResultsVisibility,
  opensAt: Instant,
  closesAt: Instant,
  status: PollStatus,
  organiser: Organiser,
  /** Members who voted so far (a count, shown whatever the results visibility). */
  voterCount: Count,
  /** Null while this reader may not see them (see `resultsVisibility`). */
  results: z.nullable(PollResults),
  createdAt: Instant,
  updatedAt: Instant,
});
export type Poll = z.infer<typeof Poll>;

export const PollListQuery = z.object({
  limit: z.optional(checked(z.coerce.number(), z.int(), z.minimum(1), z.maximum(100))),
  cursor: z.optional(checked(z.string(), z.maxLength(200))),
  status: z.optional(PollStatus),
});
export type PollListQuery = z.infer<typeof PollListQuery>;

/** A new poll (organisers only). Options get their ids from the server, in the order given. */
export const PollRequest = z.object({
  question: text(200, 3),
  description: z.optional(checked(z.string(), z.trim(), z.maxLength(1000))),
  options: checked(z.array(text(120)), z.minLength(2), z.maxLength(MAX_POLL_OPTIONS)),
  multiple: z.optional(z.boolean()),
  /** Multiple choice only (default: every option). */
  maxChoices: z.optional(checked(z.int(), z.minimum(1), z.maximum(MAX_POLL_OPTIONS))),
  allowChange: z.optional(z.boolean()),
  resultsVisibility: z.optional(ResultsVisibility),
  /** Default: now. */
  opensAt: z.optional(Instant),
  closesAt: Instant,
  organiser: Organiser,
});
export type PollRequest = z.infer<typeof PollRequest>;

/** Changes to a poll (organisers only). Options are fixed once created: votes refer to them. */
export const PollUpdate = z.object({
  question: z.optional(text(200, 3)),
  description: z.optional(checked(z.string(), z.trim(), z.maxLength(1000))),
  opensAt: z.optional(Instant),
  closesAt: z.optional(Instant),
});
export type PollUpdate = z.infer<typeof PollUpdate>;

export const VoteRequest = z.object({
  optionIds: checked(z.array(Id), z.minLength(1), z.maxLength(MAX_POLL_OPTIONS)),
});
export type VoteRequest = z.infer<typeof VoteRequest>;

/** The signed-in member's own vote (never anyone else's) and the poll as they may see it. */
export const MyVote = z.object({
  pollId: Id,
  /** Empty when the member has not voted. */
  optionIds: z.array(Id),
  votedAt: z.nullable(Instant),
  poll: Poll,
});
export type MyVote = z.infer<typeof MyVote>;
