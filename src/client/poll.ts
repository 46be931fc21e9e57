import type { Campaign, CampaignEvent, Listing, Neighbourhood, NeighbourhoodEvent, Page } from '../contract/index.js';

/*
 * The polling fallback turns successive snapshots into the same events the stream would have
 * sent, so widgets handle one kind of update whichever transport is in use. Snapshots are
 * fetched with ETag revalidation, so an unchanged resource costs a 304.
 */

type Load<T> = (signal: AbortSignal) => Promise<T>;

/** `campaign.updated` whenever the campaign differs from the previous round (and at first). */
export function campaignPoller(load: Load<Campaign>): Load<CampaignEvent[]> {
  let previous: string | undefined;
  return async (signal) => {
    const campaign = await load(signal);
    const snapshot = JSON.stringify(campaign);
    if (snapshot === previous) return [];
    previous = snapshot;
    return [{ type: 'campaign.updated', campaignId: campaign.id, campaign }];
  };
}

/** Listings remembered between rounds; older ones are forgotten first. */
const MAX_SEEN = 500;

/**
 * `listing.created` for listings not seen before and `listing.updated` for changed ones, oldest
 * first. The first round only takes stock: the widget already shows those listings.
 */
export function neighbourhoodPoller(
  listings: Load<Page<Listing>>,
  neighbourhood: Load<Neighbourhood>,
): Load<NeighbourhoodEvent[]> {
  let seen: Map<string, string> | undefined;
  return async (signal) => {
    const [page, hood] = await Promise.all([listings(signal), neighbourhood(signal)]);
    const first = seen === undefined;
    const known = (seen ??= new Map());
    const events: NeighbourhoodEvent[] = [];
    // Pages are newest first; events go out in the order things happened.
    for (const listing of [...page.items].reverse()) {
      const snapshot = JSON.stringify(listing);
      const before = known.get(listing.id);
      if (!first && before !== snapshot) {
        events.push({
          type: before === undefined ? 'listing.created' : 'listing.updated',
          neighbourhoodId: listing.neighbourhoodId,
          listing,
          stats: hood.stats,
        });
      }
      known.delete(listing.id);
      known.set(listing.id, snapshot);
    }
    while (known.size > MAX_SEEN) known.delete(known.keys().next().value as string);
    return events;
  };
}
