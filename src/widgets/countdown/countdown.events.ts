/** `partage-countdown-end`: the countdown reached its end while on the page. */
export interface CountdownEndDetail {
  /** The campaign's id, or null for a countdown given only an `ends-at` date. */
  campaignId: string | null;
  /** ISO 8601 instant that was reached. */
  endsAt: string;
}

export const COUNTDOWN_END = 'partage-countdown-end';

declare global {
  interface GlobalEventHandlersEventMap {
    'partage-countdown-end': CustomEvent<CountdownEndDetail>;
  }
}
