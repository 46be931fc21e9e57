/*
 * The pledge form's own validation alone (the request it sends), for `npm run size:report`: built
 * with the compiled validators (what the form carries) and with zod/mini (the chunk the form
 * would load on first use if it kept zod for its field messages).
 */
import { PledgeRequest } from '../../src/contract/index.js';

export const check = (value: unknown) => PledgeRequest.safeParse(value);
