/*
 * What the pledge form needs only once the reader uses it, loaded with `import()` at its first
 * focus, tap, key or input, or when the browser is idle after the form shows
 * (src/core/element/first-use.ts): the checks and their rewrites of the answers, the submit flow
 * (Idempotency-Key, POST, the pledge's schemas, failures), the outcome, and the texts of all these. In the CDN files, a
 * chunk beside the file (`chunks/pledge-form-pledge-interaction-<hash>.js`). Nothing of the
 * form's first paint may import these modules, or they come back into the file.
 */
export { answerRules } from './pledge-answer-rules.js';
export { messages as texts } from './pledge-interaction.messages.js';
export { outcomeView } from './pledge-outcome-view.js';
export { PledgeSubmission } from './pledge-submission.js';
