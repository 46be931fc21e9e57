/*
 * What the share board needs only once a member uses a listing's actions, loaded with `import()`
 * at the board's first focus, tap, key or input, or when the browser is idle after it shows
 * listings to a member (src/core/element/first-use.ts): the "I'm interested" and "Report" forms,
 * their checks (the contract's reply and report validators) and their sending. In the CDN files, a
 * chunk beside the file (`chunks/share-board-listing-interaction-<hash>.js`). Nothing of the
 * board's first paint may import these modules (types aside), or they come back into the file.
 */
export { ListingActions } from './listing-actions.js';
