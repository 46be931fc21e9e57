/*
 * Widgets load code few readers run (a calendar writer…) with `import()` through this: the
 * client's `lazy` remembers a loaded chunk and asks again after a failed one, which in the CDN
 * files goes through their chunk loader (scripts/lazy-chunks.mjs). Widgets never import the
 * client directly (ARCHITECTURE.md), hence this door in core.
 */
export { lazy } from '../../client/on-demand.js';
