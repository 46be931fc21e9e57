/** The typed Partage HTTP client: `createClient({ baseUrl })`. */
export { createClient } from './create-client.js';
export * from './errors.js';
export * from './types.js';
