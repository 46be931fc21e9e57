// Tests start from an empty memory of earlier answers (client/memory.ts), so one test's kept
// answers never show up in the next; widget tests reach it here rather than importing the client.
export { forgetAll } from '../../src/client/memory.js';
