/**
 * What reading a failed request's answer checks: its problem+json. A module of its own so that
 * browser files load this validator with the code that reads error answers (src/client/problems.ts,
 * loaded when a request fails), not before their first paint: the CDN files get it from
 * src/contract/compiled/problem-answer.ts.
 */
export { Problem } from './problem.js';
