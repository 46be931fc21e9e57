import { createFixtures, createMockBackend, type MockBackend } from '../../src/mock/index.js';
import { startMockWorker } from '../../src/mock/browser.js';

/**
 * Every story talks to an in-memory backend (msw). Each network condition gets its own base
 * URL, hence its own client and cache, so stories of different states never share a response:
 *
 * - `API`: answers at once, like a healthy backend;
 * - `SLOW_API`: never answers (the skeleton stays, to review the loading state);
 * - `SLUGGISH_API`: answers after 1.5 s (skeleton, then content);
 * - `DOWN_API`: every request fails with 500 (error state with a retry button);
 * - `OFFLINE_API`: every request fails as a network error (offline state);
 * - `FULL_API`: healthy, but the equity raise has reached its hard cap, so new investors join
 *   the waitlist.
 */
export const API = 'https://api.partage.test/v1';
export const SLOW_API = 'https://slow.partage.test/v1';
export const SLUGGISH_API = 'https://sluggish.partage.test/v1';
export const DOWN_API = 'https://down.partage.test/v1';
export const OFFLINE_API = 'https://offline.partage.test/v1';
export const FULL_API = 'https://full.partage.test/v1';

export const backend: MockBackend = createMockBackend({ baseUrl: API });
const slow = createMockBackend({ baseUrl: SLOW_API, latencyMs: Infinity });
const sluggish = createMockBackend({ baseUrl: SLUGGISH_API, latencyMs: 1500 });
const down = createMockBackend({ baseUrl: DOWN_API });
const offline = createMockBackend({ baseUrl: OFFLINE_API });
offline.setOffline(true);
const full = createMockBackend({ baseUrl: FULL_API, fixtures: capReached() });
// Matches every path under the base URL, for as long as the story book is open.
down.failNext('/', 500, { code: 'internal_error', times: Infinity });

let ready: Promise<unknown> | undefined;

/** Starts the msw worker once for the whole Storybook iframe. */
export function startBackends(): Promise<unknown> {
  ready ??= startMockWorker({
    handlers: [backend, slow, sluggish, down, offline, full].flatMap((b) => b.handlers),
  });
  return ready;
}

/**
 * Simulates other readers pledging while a story is open, so live updates can be watched.
 * Returns a cleanup for the story's `beforeEach`.
 */
export function pledgesEvery(
  campaignId: string,
  ms: number,
  amountMinor: number,
  rewardId: string | null = null,
): () => void {
  const timer = setInterval(() => {
    try {
      backend.simulatePledge(campaignId, amountMinor, { name: 'Un lecteur de la démo', rewardId });
    } catch (error) {
      // A campaign that closes or a sold-out reward ends the simulation, not the story.
      console.info('[stories] simulated pledge refused:', error);
      clearInterval(timer);
    }
  }, ms);
  return () => clearInterval(timer);
}

/** Simulates neighbours posting on a board while a story is open. */
export function listingsEvery(neighbourhoodId: string, ms: number): () => void {
  const titles = [
    'Prêt d’un escabeau',
    'Confiture de mûres à donner',
    'Cherche covoiturage vers Dinan',
    'Cours de tricot',
  ];
  let n = 0;
  const timer = setInterval(() => {
    try {
      backend.simulateListing(neighbourhoodId, {
        title: titles[n++ % titles.length]!,
        type: 'give',
        category: 'other',
      });
    } catch (error) {
      console.info('[stories] simulated listing refused:', error);
      clearInterval(timer);
    }
  }, ms);
  return () => clearInterval(timer);
}

/** The demo fixtures with Mon Petit Placement's raise at its 5 M€ hard cap. */
function capReached() {
  const fixtures = createFixtures();
  for (const campaign of fixtures.campaigns) {
    if (campaign.equity?.maximumRaise) campaign.pledged = { ...campaign.equity.maximumRaise };
  }
  return fixtures;
}
