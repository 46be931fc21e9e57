/**
 * The contract in memory: msw handlers that behave like the reference backend, for tests,
 * stories and offline demos. Start them in a page with `startMockWorker` from `./browser.js`.
 */
export { createMockBackend, DEFAULT_MOCK_BASE_URL, MockRuleError } from './backend.js';
export type { MockBackend, MockBackendOptions, SimulatedPledge } from './backend.js';
export type { FailureOptions } from './controls.js';
export type { RateLimit } from './rate-limit.js';
export { DEFAULT_MEMBER_RATE_LIMIT } from './rate-limit.js';
export type { MockStore, StoredPledge, StoredListing, Channel } from './store.js';
export { createFixtures } from './fixtures/index.js';
export type { Fixtures, SeedMember, SeedPledge } from './fixtures/index.js';
