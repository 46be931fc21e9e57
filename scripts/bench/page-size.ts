/** Cards (or iframes) on each page of the 100-card bench. */
export const CARDS = 100;
