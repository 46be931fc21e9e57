// Declared with every Partage event in core/element/events.ts (one map).
export type { VoteDetail } from '../../core/element/events.js';

export const VOTE = 'partage-vote';
