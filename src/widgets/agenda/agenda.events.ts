import type { RsvpStatus } from '../../contract/index.js';

/** `partage-rsvp`: the member's answer to an agenda item was saved (their own answer only). */
export interface RsvpDetail {
  itemId: string;
  status: RsvpStatus;
  waitlistPosition: number | null;
}
export const RSVP = 'partage-rsvp';

declare global {
  interface GlobalEventHandlersEventMap {
    'partage-rsvp': CustomEvent<RsvpDetail>;
  }
}
