/** `partage-vote`: the member's vote was counted (first vote or a change). Their own choice only. */
export interface VoteDetail {
  pollId: string;
  optionIds: string[];
  changed: boolean;
}
export const VOTE = 'partage-vote';

declare global {
  interface GlobalEventHandlersEventMap {
    'partage-vote': CustomEvent<VoteDetail>;
  }
}
