import * as z from 'zod/mini';
import { Organiser } from './poll.js';
import { checked, Count, Id, Instant, text } from './primitives.js';

export const AgendaStatus = z.enum(['scheduled', 'cancelled']);
export type AgendaStatus = z.infer<typeof AgendaStatus>;

/** A free-text address (no map provider: nothing third-party loads in the reader's page). */
export const AgendaPlace = z.object({ label: text(200) });

const Capacity = checked(z.int(), z.minimum(1), z.maximum(100_000));

export const AgendaItem = z.object({
  id: Id,
  neighbourhoodId: Id,
  title: text(120, 3),
  description: checked(z.string(), z.maxLength(2000)),
  startsAt: Instant,
  endsAt: Instant,
  place: AgendaPlace,
  organiser: Organiser,
  /** Places; null: no limit. */
  capacity: z.nullable(Capacity),
  going: Count,
  waitlisted: Count,
  /** Places left; null when there is no limit. */
  remaining: z.nullable(Count),
  status: AgendaStatus,
  createdAt: Instant,
  updatedAt: Instant,
});
export type AgendaItem = z.infer<typeof AgendaItem>;

/** Upcoming items (not yet ended), soonest first. */
export const AgendaQuery = z.object({
  limit: z.optional(checked(z.coerce.number(), z.int(), z.minimum(1), z.maximum(100))),
  cursor: z.optional(checked(z.string(), z.maxLength(200))),
});
export type AgendaQuery = z.infer<typeof AgendaQuery>;

export const AgendaItemRequest = z.object({
  title: text(120, 3),
  description: z.optional(checked(z.string(), z.trim(), z.maxLength(2000))),
  startsAt: Instant,
  endsAt: Instant,
  place: AgendaPlace,
  organiser: Organiser,
  capacity: z.optional(z.nullable(Capacity)),
});
export type AgendaItemRequest = z.infer<typeof AgendaItemRequest>;

/** Changes to an item (organisers only). The capacity may not drop below the members going. */
export const AgendaItemUpdate = z.object({
  title: z.optional(text(120, 3)),
  description: z.optional(checked(z.string(), z.trim(), z.maxLength(2000))),
  startsAt: z.optional(Instant),
  endsAt: z.optional(Instant),
  place: z.optional(AgendaPlace),
  capacity: z.optional(z.nullable(Capacity)),
});
export type AgendaItemUpdate = z.infer<typeof AgendaItemUpdate>;

export const RsvpRequest = z.object({ response: z.enum(['going', 'not_going']) });
export type RsvpRequest = z.infer<typeof RsvpRequest>;

/** `none`: no answer yet. A member answering "going" to a full item is `waitlisted`. */
export const RsvpStatus = z.enum(['none', 'going', 'waitlisted', 'not_going']);
export type RsvpStatus = z.infer<typeof RsvpStatus>;

/** The signed-in member's own answer (never anyone else's) and the item's counts. */
export const MyRsvp = z.object({
  itemId: Id,
  status: RsvpStatus,
  /** 1 for the first in line; null unless waitlisted. */
  waitlistPosition: z.nullable(checked(z.int(), z.minimum(1))),
  item: AgendaItem,
});
export type MyRsvp = z.infer<typeof MyRsvp>;
