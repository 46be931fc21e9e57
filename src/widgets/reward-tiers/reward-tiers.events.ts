// The event's shape is shared with the pledge form, which fires it too: it lives in core.
export { REWARD_SELECT_EVENT, type RewardSelectDetail } from '../../core/data/selection.js';
