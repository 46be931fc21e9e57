// Declared with every Partage event in core/element/events.ts (one map).
export type { RsvpDetail } from '../../core/element/events.js';

export const RSVP = 'partage-rsvp';
