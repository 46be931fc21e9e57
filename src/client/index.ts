/**
 * The typed Partage HTTP client: `createClient({ baseUrl })` with every operation bound, or
 * `createTransport` plus the operations as functions, for the smallest bundles.
 */
export { createClient, type PartageClient } from './create-client.js';
export { createTransport, invalidate, memberToken, stream, type Transport, type WriteOptions } from './transport.js';
export * from './campaigns.js';
export * from './pledges.js';
export * from './neighbourhoods.js';
export * from './civic.js';
export * from './civic-organiser.js';
export * from './errors.js';
export * from './types.js';
/** Memory across visits: `forgetAll()` drops every remembered answer (e.g. on a privacy reset). */
export { forgetAll as forgetRemembered } from './memory.js';
