import { ApiError } from '../../client/errors.js';

/**
 * What the poll and agenda widgets need from the client: reading, voting, answering, the
 * neighbourhood's live stream (which carries `poll.updated` and `agenda.updated`), and the
 * problem code of a failure to branch on.
 */
export { castVote, getMyRsvp, getMyVote, getPoll, listAgenda, rsvp } from '../../client/civic.js';
export { subscribeNeighbourhood } from '../../client/neighbourhoods.js';

/** The machine code of an API problem (`poll_closed`, …), or undefined for any other failure. */
export const problemCode = (error: unknown): string | undefined => (error instanceof ApiError ? error.code : undefined);

/** The HTTP status of an API problem, or undefined for any other failure. */
export const problemStatus = (error: unknown): number | undefined =>
  error instanceof ApiError ? error.status : undefined;
