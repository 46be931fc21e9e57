// Declared with every Partage event in core/element/events.ts (one map).
export type { CheckoutDetail, CheckoutTarget, PledgeCreatedDetail } from '../../core/element/events.js';

export const PLEDGE_CREATED_EVENT = 'partage-pledge-created';
export const CHECKOUT_EVENT = 'partage-checkout';
