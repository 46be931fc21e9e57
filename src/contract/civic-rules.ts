import type { AgendaItemRequest, AgendaItemUpdate } from './agenda.js';
import type { Poll, PollRequest, PollStatus, PollUpdate, ResultsVisibility } from './poll.js';
import type { RuleViolation } from './rules.js';

/**
 * Poll and agenda rules as pure functions, so that the msw mocks, the reference backend and the
 * widgets agree. The backend still counts votes and places atomically in SQL.
 */

/** `closedAt` is set when an organiser closes the poll early. */
export function pollStatusAt(
  times: { opensAt: string; closesAt: string; closedAt?: string | null },
  now: Date,
): PollStatus {
  const t = now.getTime();
  if (times.closedAt || Date.parse(times.closesAt) <= t) return 'closed';
  return Date.parse(times.opensAt) > t ? 'upcoming' : 'open';
}

/** Whether this reader may see the counts: `hasVoted` is false for anonymous readers. */
export function resultsVisible(visibility: ResultsVisibility, status: PollStatus, hasVoted: boolean): boolean {
  if (visibility === 'always' || status === 'closed') return true;
  return visibility === 'after_voting' && hasVoted;
}

// 400 like the reference backend's other validation failures.
const invalid = (path: string, detail: string): RuleViolation => ({
  status: 400,
  code: 'validation_failed',
  path,
  detail,
});

/** A vote's choices: known options, no repeats, within the poll's maximum. Status is checked apart. */
export function checkVoteChoices(
  poll: Pick<Poll, 'options' | 'maxChoices'>,
  optionIds: string[],
): RuleViolation | null {
  const known = new Set(poll.options.map((o) => o.id));
  const unknown = optionIds.find((id) => !known.has(id));
  if (unknown !== undefined) return invalid('optionIds', `"${unknown}" is not an option of this poll`);
  if (new Set(optionIds).size !== optionIds.length) return invalid('optionIds', 'must not repeat an option');
  if (optionIds.length > poll.maxChoices)
    return invalid('optionIds', `at most ${poll.maxChoices} choice${poll.maxChoices > 1 ? 's' : ''}`);
  return null;
}

/** Refusal of a vote on a poll that is not open, or null. */
export function voteRefusal(status: PollStatus): RuleViolation | null {
  if (status === 'closed') return { status: 409, code: 'poll_closed', detail: 'This poll is closed.' };
  if (status === 'upcoming') return { status: 409, code: 'poll_not_open', detail: 'This poll is not open yet.' };
  return null;
}

/** Settings of a new poll: `maxChoices` 1 for single choice, every option by default. */
export function pollSettings(request: PollRequest, now: Date) {
  const multiple = request.multiple ?? false;
  return {
    multiple,
    maxChoices: multiple ? Math.min(request.maxChoices ?? request.options.length, request.options.length) : 1,
    allowChange: request.allowChange ?? true,
    resultsVisibility: request.resultsVisibility ?? ('after_voting' as const),
    opensAt: request.opensAt ?? now.toISOString(),
    closesAt: request.closesAt,
  };
}

/** Dates and choices of a poll as created or changed. */
export function checkPollTimes(
  poll: { opensAt: string; closesAt: string },
  now: Date,
  change?: PollUpdate,
): RuleViolation | null {
  const opensAt = change?.opensAt ?? poll.opensAt;
  const closesAt = change?.closesAt ?? poll.closesAt;
  if (Date.parse(closesAt) <= Date.parse(opensAt)) return invalid('closesAt', 'must be after opensAt');
  if ((!change || change.closesAt) && Date.parse(closesAt) <= now.getTime())
    return invalid('closesAt', 'must be in the future');
  return null;
}

export function checkPollRequest(request: PollRequest, now: Date): RuleViolation | null {
  const labels = request.options.map((o) => o.toLocaleLowerCase());
  if (new Set(labels).size !== labels.length) return invalid('options', 'must not repeat an option');
  if (!request.multiple && request.maxChoices !== undefined && request.maxChoices > 1)
    return invalid('maxChoices', 'a single-choice poll takes one choice');
  if (request.maxChoices !== undefined && request.maxChoices > request.options.length)
    return invalid('maxChoices', 'must not exceed the number of options');
  return checkPollTimes(pollSettings(request, now), now);
}

/** An edit may move the opening only while the poll has not opened. */
export function checkPollUpdate(
  poll: { opensAt: string; closesAt: string; status: PollStatus },
  change: PollUpdate,
  now: Date,
): RuleViolation | null {
  if (poll.status === 'closed') return { status: 409, code: 'poll_closed', detail: 'A closed poll cannot change.' };
  if (change.opensAt && poll.status !== 'upcoming') return invalid('opensAt', 'the poll is already open');
  return checkPollTimes(poll, now, change);
}

export function checkAgendaTimes(
  item: { startsAt: string; endsAt: string },
  change: AgendaItemUpdate | AgendaItemRequest,
): RuleViolation | null {
  const startsAt = change.startsAt ?? item.startsAt;
  const endsAt = change.endsAt ?? item.endsAt;
  if (Date.parse(endsAt) <= Date.parse(startsAt)) return invalid('endsAt', 'must be after startsAt');
  return null;
}

/** Refusal of an RSVP, or null. */
export function rsvpRefusal(item: { status: string; endsAt: string }, now: Date): RuleViolation | null {
  if (item.status === 'cancelled') return { status: 409, code: 'event_cancelled', detail: 'This event was cancelled.' };
  if (Date.parse(item.endsAt) <= now.getTime())
    return { status: 409, code: 'event_ended', detail: 'This event is over.' };
  return null;
}
