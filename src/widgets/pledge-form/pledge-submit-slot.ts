import type { PledgeAnswers } from './pledge-answers.js';
import type { Notice, SubmissionModel } from './pledge-fields.js';
import type { PledgeTexts } from './pledge-texts.js';
import type { PledgeOutcome, PledgeSubmission } from './pledge-submission.js';

/**
 * The form's submission before and after its submit flow has loaded (pledge-interaction.ts, on
 * first use). A submit that comes first waits for the code, busy as if sending, with the answers
 * untouched; if the code cannot load (offline), the alert says so with a retry, answers kept.
 * Once the flow is there (`attach`), everything goes to it.
 */
export class PledgeSubmitSlot implements SubmissionModel {
  readonly #host: PledgeTexts;
  readonly #answers: PledgeAnswers;
  readonly #load: () => Promise<unknown>;
  #flow: PledgeSubmission | undefined;
  /** A submit is waiting for the flow's code. */
  #waiting = false;

  constructor(host: PledgeTexts, answers: PledgeAnswers, load: () => Promise<unknown>) {
    this.#host = host;
    this.#answers = answers;
    this.#load = load;
  }

  /** The submit flow has arrived. */
  attach(flow: PledgeSubmission): void {
    this.#flow = flow;
  }

  get sending(): boolean {
    return this.#waiting || !!this.#flow?.sending;
  }

  get result(): PledgeOutcome | undefined {
    return this.#flow?.result;
  }

  get closedNow(): boolean {
    return !!this.#flow?.closedNow;
  }

  async submit(): Promise<void> {
    if (this.#flow) return this.#flow.submit();
    // A second submit while the code is on its way does nothing (double click, Enter twice).
    if (this.#waiting) return;
    this.#set(true, undefined);
    try {
      await this.#load();
    } catch {
      // A module that cannot load means the reader is offline (or the CDN is unreachable): say so,
      // keep every answer as typed, and let them try again (the retry asks for the code anew).
      const host = this.#host;
      this.#set(false, { text: `${host.t('errorOffline')} ${host.t('keptAnswers')}`, retry: true });
      return;
    }
    this.#waiting = false;
    // `attach` ran as the code arrived (TypeScript keeps the narrowing from before the await).
    return (this.#flow as PledgeSubmission | undefined)?.submit();
  }

  #set(waiting: boolean, notice: Notice | undefined): void {
    this.#waiting = waiting;
    this.#answers.notice = notice;
    this.#host.requestUpdate();
  }

  /** Another pledge after the outcome (which only the flow can have shown). */
  async another(): Promise<void> {
    await this.#flow?.another();
  }

  /** Back to an empty form (another campaign); the next submit is a new pledge. */
  reset(): void {
    if (this.#flow) this.#flow.reset();
    else this.#answers.reset();
  }
}
