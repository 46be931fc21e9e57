import type { CampaignEvent } from '../../contract/index.js';
import type { PledgeData } from '../../core/data/pledge-data.js';
import { REWARD_SELECT_EVENT } from '../../core/data/selection.js';
import { partageEvent } from '../../core/element/events.js';
import { formatAmountInput } from './amount-format.js';
import { IDS, type AnswersModel, type Notice } from './pledge-fields.js';
import type { PledgeTexts } from './pledge-texts.js';
import type { Checked } from './pledge-validation.js';
import {
  emptyValues,
  FIELDS,
  floorOf,
  rewardOf,
  type Field,
  type FieldErrors,
  type FieldProblem,
  type FormValues,
} from './pledge-values.js';

/**
 * The reader's answers and the errors that show: the controller that keeps them from the first
 * paint, and the rules it follows once the form's interaction code has arrived.
 */

/**
 * The checks and rewrites of the answers (pledge-answer-rules.ts), which load with the form's
 * first use: until then the answers are kept as typed and nothing is checked.
 */
export interface AnswerRules {
  check(values: FormValues, campaign: PledgeData['campaign'], rewards: PledgeData['rewards'], locale: string): Checked;
  /** The answers with a reward taken: the amount raised to its minimum when lower (or empty). */
  withReward(values: FormValues, d: PledgeData, rewardId: string, locale: string): FormValues;
  /** The amount written the locale's way; the same answers if unreadable. */
  withTidyAmount(values: FormValues, currency: string, locale: string): FormValues;
  /** What is wrong with a field, in the reader's language. */
  problemText(el: Pick<PledgeTexts, 't' | 'resolvedLocale'>, problem: FieldProblem, field: Field): string;
}

/**
 * The errors to show after a new check: those of fields `shown` (left once, or all after a
 * submit); a server's message stays until its field is `edited`.
 */
export function shownErrors(
  before: FieldErrors,
  now: FieldErrors,
  edited: readonly Field[],
  shown: (field: Field) => boolean,
): FieldErrors {
  const errors: FieldErrors = {};
  for (const field of FIELDS) {
    const previous = before[field];
    const current = now[field];
    if (previous?.kind === 'server' && !edited.includes(field)) errors[field] = previous;
    else if (current && shown(field)) errors[field] = current;
  }
  return errors;
}

/** What the answers need of their element: its locale for the checks, a root to focus in, events, renders. */
export type PledgeAnswersHost = Pick<
  PledgeTexts,
  't' | 'resolvedLocale' | 'renderRoot' | 'updateComplete' | 'requestUpdate' | 'dispatchEvent'
>;

/** Where the answers read the campaign's rules and rewards (the form's data source). */
export interface PledgeDataView {
  readonly current: PledgeData | undefined;
}

/**
 * The reader's answers and what the form says about them: values, the errors that show (for
 * fields left once, or all after a submit), the summary, and the notice about the last
 * submission. It re-checks with the shared rules as the reader types, takes rewards chosen
 * anywhere, and moves focus to a field; the submission writes its outcome here (`report`).
 * It has no life cycle of its own (no timer, listener or request), so it is not registered as
 * a controller: it asks its host to render when it changes.
 */
export class PledgeAnswers implements AnswersModel {
  values: FormValues = emptyValues();
  errors: FieldErrors = {};
  /** After a submit, the alert lists the fields to fix until they all are. */
  showSummary = false;
  notice: Notice | undefined;
  /**
   * The outcome or the closed state replaced the form: a field losing focus then (as the form
   * goes) changes nothing.
   */
  closed = false;

  readonly #host: PledgeAnswersHost;
  readonly #data: PledgeDataView;
  /** Fields the reader left once: their errors show as they type. */
  readonly #touched = new Set<Field>();
  #rules: AnswerRules | undefined;
  /** The amount this form last wrote itself (a reward's minimum), and its value. */
  #filled: { text: string; minor: number } | undefined;

  constructor(host: PledgeAnswersHost, data: PledgeDataView, rules?: AnswerRules) {
    this.#host = host;
    this.#data = data;
    this.#rules = rules;
  }

  /**
   * The rules have arrived: what the reader did meanwhile is checked now (a reward they took
   * raises the amount to its minimum, fields they left show their errors).
   */
  follow(rules: AnswerRules): void {
    this.#rules = rules;
    if (this.values.rewardId) this.apply(this.values.rewardId);
    else this.check([]);
  }

  get invalid(): boolean {
    return Object.keys(this.errors).length > 0;
  }

  /** The reader typed or ticked: the notice goes, and the field is checked again. */
  set(field: keyof FormValues, value: string | boolean): void {
    this.values = { ...this.values, [field]: value };
    this.notice = undefined;
    if ((FIELDS as readonly string[]).includes(field)) this.check([field as Field]);
    this.#host.requestUpdate();
  }

  /** Leaving a field: its errors show from now on, and the amount is written the locale's way. */
  leave(field: Field): void {
    const d = this.#data.current;
    if (!d || this.closed) return;
    if (field === 'amount' && this.#rules)
      this.values = this.#rules.withTidyAmount(this.values, d.campaign.goal.currency, this.#host.resolvedLocale);
    if (this.values[field] !== '') this.#touched.add(field);
    this.check([]);
  }

  /** Takes a reward chosen anywhere, and raises the amount to its minimum when lower. */
  apply(rewardId: string): void {
    const d = this.#data.current;
    if (!d) return;
    const values = this.#rules
      ? this.#rules.withReward(this.values, d, rewardId, this.#host.resolvedLocale)
      : this.#withRewardAtFirst(d, rewardId);
    if (values.rewardId) this.#touched.add('rewardId');
    this.values = values;
    this.check(['rewardId', 'amount']);
  }

  /**
   * A reward taken before the rules have arrived (a preselected one at the first paint, or chosen
   * at once): an amount that is empty, or one this form wrote itself and knows the value of, is
   * raised to the reward's minimum; one the reader typed waits for the rules (`follow`).
   */
  #withRewardAtFirst(d: PledgeData, rewardId: string): FormValues {
    const reward = rewardOf(d.rewards, rewardId);
    const next = { ...this.values, rewardId: reward ? rewardId : '' };
    if (!reward) return next;
    const floor = floorOf(d.campaign, reward).minimum.amount;
    const mine = this.#filled?.text === next.amount ? this.#filled.minor : undefined;
    if (next.amount.trim() === '' || (mine !== undefined && mine < floor)) {
      next.amount = formatAmountInput(floor, this.#host.resolvedLocale, d.campaign.goal.currency);
      this.#filled = { text: next.amount, minor: floor };
    }
    return next;
  }

  /**
   * The reader picked a reward in this form: shared with the tiers through the provider. One
   * offered after a sell-out (`refocus`) sends focus back to the reward select.
   */
  async pick(rewardId: string, refocus = false): Promise<void> {
    const d = this.#data.current;
    if (!d) return;
    this.apply(rewardId);
    const reward = rewardOf(d.rewards, this.values.rewardId);
    this.#host.dispatchEvent(
      partageEvent(REWARD_SELECT_EVENT, {
        campaignId: d.campaign.id,
        rewardId: reward ? reward.id : null,
        minimum: reward ? { ...reward.minimum } : null,
      }),
    );
    if (!refocus) return;
    await this.#host.updateComplete;
    this.focus('rewardId');
  }

  /** After a live event: the reader's reward just sold out, so say it now rather than after they submit. */
  onLive(event: CampaignEvent): void {
    const update = event.type === 'campaign.updated' ? null : event.reward;
    if (update && update.id === this.values.rewardId && update.availability !== 'available') {
      this.#touched.add('rewardId');
      this.check([]);
    }
  }

  /**
   * Re-checks the form with the shared rules, and renders. Errors show for fields the reader
   * already left (or all of them after a submit); a server's message stays until its field is `edited`.
   */
  check(edited: readonly Field[]): void {
    const d = this.#data.current;
    if (!d) return;
    // Before the rules have arrived, the answers show as they are; `follow` checks them then.
    if (this.#rules) {
      const check = this.#rules.check(this.values, d.campaign, d.rewards, this.#host.resolvedLocale);
      const shown = (f: Field) => this.#touched.has(f) || this.showSummary;
      const errors = shownErrors(this.errors, check.errors, edited, shown);
      this.errors = errors;
      if (this.showSummary && Object.keys(errors).length === 0) this.showSummary = false;
    }
    this.#host.requestUpdate();
  }

  /**
   * What a submission found: the errors, the notice, whether the alert lists the fields. Every
   * field counts as left from now on, so all their errors show as the reader fixes them.
   */
  report(patch: { errors: FieldErrors; notice: Notice | undefined; showSummary: boolean }): void {
    FIELDS.forEach((f) => this.#touched.add(f));
    Object.assign(this, patch);
    this.#host.requestUpdate();
  }

  /** A fresh start (another pledge, another campaign); `keep`: the answers carried over. */
  reset(keep: Partial<FormValues> = {}): void {
    this.errors = {};
    this.notice = undefined;
    this.showSummary = false;
    this.#touched.clear();
    this.#filled = undefined;
    this.values = { ...emptyValues(), ...keep };
    this.#host.requestUpdate();
  }

  /** What is wrong with `field` in words, `''` when nothing is (problems come with the rules). */
  message(field: Field): string {
    const problem = this.errors[field];
    return problem && this.#rules ? this.#rules.problemText(this.#host, problem, field) : '';
  }

  /** Focuses a field's control, by default the first one in error. */
  focus(field = FIELDS.find((f) => this.errors[f])): void {
    if (field) this.#host.renderRoot.querySelector<HTMLElement>(`#${IDS[field]}`)?.focus();
  }
}
