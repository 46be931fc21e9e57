/**
 * The Partage HTTP contract: the single source of truth shared by the typed client, the msw
 * mocks, the reference backend and the generated OpenAPI document.
 */
export * from './primitives.js';
export * from './problem.js';
export * from './campaign.js';
export * from './pledge.js';
export * from './neighbourhood.js';
export * from './listing.js';
export * from './poll.js';
export * from './agenda.js';
export * from './civic-rules.js';
export * from './partner-rules.js';
export * from './events.js';
export * from './live.js';
export * from './endpoints.js';
export * from './civic-endpoints.js';
export * from './rules.js';
export * from './privacy.js';
export * from './search.js';
