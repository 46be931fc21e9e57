import type { PledgeResult } from '../../contract/index.js';

export const PLEDGE_CREATED_EVENT = 'partage-pledge-created';
export const CHECKOUT_EVENT = 'partage-checkout';

/** The backend accepted a pledge: confirmed, waiting for payment, or waitlisted. */
export interface PledgeCreatedDetail {
  campaignId: string;
  pledge: PledgeResult;
}

export type CheckoutTarget = '_self' | '_blank';

/**
 * The form is about to open the platform's checkout. Cancelable: `preventDefault()` keeps the
 * reader on the page (a single-page app routing itself, a test); the form then shows a link.
 */
export interface CheckoutDetail {
  campaignId: string;
  pledge: Extract<PledgeResult, { status: 'pending_payment' }>;
  checkoutUrl: string;
  target: CheckoutTarget;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'partage-pledge-created': CustomEvent<PledgeCreatedDetail>;
    'partage-checkout': CustomEvent<CheckoutDetail>;
  }
}
