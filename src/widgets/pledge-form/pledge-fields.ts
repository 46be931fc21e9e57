import { nothing, type TemplateResult } from 'lit';
import { html } from '../../core/element/template.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { Campaign } from '../../contract/index.js';
import { formatNumber } from '../../core/i18n/format.js';
import { staleNotice, type Freshness } from '../../core/element/views.js';
import { currencyAffix } from './amount-format.js';
import type { PledgeData } from '../../core/data/pledge-data.js';
import { alternativesView } from './pledge-outcomes.js';
import { labelOf, money, type PledgeTexts } from './pledge-texts.js';
import { FIELDS, floorOf, rewardOf, type Field, type FieldErrors, type FormValues } from './pledge-values.js';

/**
 * The form, its fields and its single alert, as template functions of one `PledgeFormModel`: the
 * controllers that keep the answers and the submission are read through small interfaces.
 */

const MESSAGE_MAX = 500;
const NAME_MAX = 80;
const EMAIL_MAX = 254;

/** Each field's control, for labels, `aria-describedby` and focus. */
export const IDS: Record<Field, string> = {
  rewardId: 'pf-reward',
  amount: 'pf-amount',
  name: 'pf-name',
  email: 'pf-email',
  message: 'pf-message',
};

/** A message about the whole submission (network, rate limit…), with or without a retry. */
export interface Notice {
  text: string;
  retry: boolean;
}

/** The reader's answers as the form shows them, and where their input goes. */
export interface AnswersModel {
  readonly values: FormValues;
  readonly errors: FieldErrors;
  /** After a submit, the alert lists the fields to fix until they all are. */
  readonly showSummary: boolean;
  /** What went wrong with the last submission, if anything. */
  readonly notice: Notice | undefined;
  /** What is wrong with a field, in words (`''` when nothing is). */
  message(field: Field): string;
  set(field: keyof FormValues, value: string | boolean): void;
  leave(field: Field): void;
  /** The reader picked a reward in the select, or (`refocus`) one offered after a sell-out. */
  pick(rewardId: string, refocus?: boolean): Promise<void>;
  focus(field: Field): void;
}

/** The submission as the form shows it. */
export interface SubmissionModel {
  readonly sending: boolean;
  /** Checks and sends the answers (a retry of the same answers reuses the attempt's key). */
  submit(): Promise<void>;
}

/** Everything the form renders from: one object, built by the element at each render. */
export interface PledgeFormModel {
  el: PledgeTexts;
  data: PledgeData;
  stale: Freshness;
  answers: AnswersModel;
  submission: SubmissionModel;
}

export function formView(v: PledgeFormModel): TemplateResult {
  const { el, data: d } = v;
  const c = d.campaign;
  return html`<form
    class="pledge"
    part="base form"
    novalidate
    aria-labelledby="pf-title"
    aria-busy=${v.submission.sending ? 'true' : 'false'}
    @submit=${(e: Event) => {
      e.preventDefault();
      void v.submission.submit();
    }}
  >
    <p class="title" id="pf-title" part="title">${el.t('title', { kind: c.kind })}</p>
    ${staleNotice(el, v.stale)}
    <div class="alert" role="alert" part="alert">${alertView(v)}</div>
    ${equityNotices(el, c)} ${d.rewards.length > 0 ? rewardField(v) : nothing} ${amountField(v)} ${backerFields(v)}
    ${messageField(v)}
    <div class="actions">
      <button type="submit" part="submit" aria-disabled=${ifDefined(v.submission.sending ? 'true' : undefined)}>
        ${v.submission.sending ? el.t('sending') : el.t('submit', { kind: c.kind })}
      </button>
    </div>
  </form>`;
}

function errorOf(v: PledgeFormModel, field: Field): TemplateResult | typeof nothing {
  const problem = v.answers.errors[field];
  return problem
    ? html`<p class="field-error" id="${IDS[field]}-error" part="field-error">${v.answers.message(field)}</p>`
    : nothing;
}

/** `aria-describedby` of a control: its hint(s), then its error when there is one. */
function describedBy(v: PledgeFormModel, field: Field, ...hints: string[]): string | undefined {
  const ids = [...hints, ...(v.answers.errors[field] ? [`${IDS[field]}-error`] : [])];
  return ids.length ? ids.join(' ') : undefined;
}

function invalid(v: PledgeFormModel, field: Field): 'true' | 'false' {
  return v.answers.errors[field] ? 'true' : 'false';
}

/** The single alert: what went wrong with the submission, then the fields to fix. */
function alertView(v: PledgeFormModel): TemplateResult | typeof nothing {
  const { el } = v;
  const { errors, notice } = v.answers;
  const c = v.data.campaign;
  const fields = v.answers.showSummary ? FIELDS.filter((f) => errors[f]) : [];
  if (fields.length === 0 && !notice) return nothing;
  return html`${
    notice
      ? html`<p>${notice.text}</p>
          ${
            notice.retry
              ? html`<button type="button" class="secondary" part="retry" @click=${() => void v.submission.submit()}>
                  ${el.t('retry')}
                </button>`
              : nothing
          }`
      : nothing
  }
  ${
    fields.length > 0
      ? html`<p>${el.t('summary', { count: fields.length })}</p>
          <ul>
            ${fields.map(
              (f) =>
                html`<li>
                  <a
                    href="#${IDS[f]}"
                    @click=${(e: Event) => {
                      e.preventDefault();
                      v.answers.focus(f);
                    }}
                    >${el.t('summaryItem', { label: labelOf(el, f, c), error: v.answers.message(f) })}</a
                  >
                </li>`,
            )}
          </ul>`
      : nothing
  }`;
}

function equityNotices(el: PledgeTexts, c: Campaign): TemplateResult | typeof nothing {
  if (!c.equity) return nothing;
  return html`<div class="notices" part="equity">
    ${c.equity.oversubscribed ? html`<p class="notice">${el.t('oversubscribed')}</p>` : nothing}
    <p class="muted small">${el.t('equityRisk')}</p>
  </div>`;
}

function rewardField(v: PledgeFormModel): TemplateResult {
  const { el, data: d } = v;
  const value = v.answers.values.rewardId;
  const problem = v.answers.errors.rewardId;
  const alternatives =
    problem?.kind === 'soldOut' || problem?.kind === 'rewardUnavailable'
      ? d.rewards.filter((r) => r.availability === 'available')
      : [];
  return html`<div class="field" part="field">
    <label for=${IDS.rewardId}>${el.t('rewardLabel')}</label>
    <select
      id=${IDS.rewardId}
      name="rewardId"
      aria-invalid=${invalid(v, 'rewardId')}
      aria-describedby=${ifDefined(describedBy(v, 'rewardId'))}
      @change=${(e: Event) => void v.answers.pick((e.target as HTMLSelectElement).value)}
    >
      <option value="" .selected=${live(value === '')}>${el.t('noReward')}</option>
      ${d.rewards.map(
        (r) =>
          html`<option value=${r.id} ?disabled=${r.availability !== 'available'} .selected=${live(r.id === value)}>
            ${
              r.availability === 'sold_out'
                ? el.t('rewardSoldOut', { title: r.title })
                : r.availability === 'unavailable'
                  ? el.t('rewardUnavailableOption', { title: r.title })
                  : el.t('rewardOption', { title: r.title, minimum: money(el, r.minimum) })
            }
          </option>`,
      )}
    </select>
    ${errorOf(v, 'rewardId')} ${alternativesView(el, alternatives, (id) => void v.answers.pick(id, true))}
  </div>`;
}

function amountField(v: PledgeFormModel): TemplateResult {
  const { el } = v;
  const c = v.data.campaign;
  const affix = currencyAffix(el.resolvedLocale, c.goal.currency);
  const floor = floorOf(c, rewardOf(v.data.rewards, v.answers.values.rewardId));
  const maximum = c.pledgeRules.maximum;
  return html`<div class="field" part="field">
    <label for=${IDS.amount}>${labelOf(el, 'amount', c)}</label>
    <p class="hint" id="pf-amount-hint" part="hint">
      ${el.t('amountHint', {
        minimum: money(el, floor.minimum),
        maximum: maximum ? money(el, maximum) : null,
        reason: floor.reason,
      })}
    </p>
    <div class="money ${affix.before ? 'before' : 'after'}">
      <input
        id=${IDS.amount}
        name="amount"
        type="text"
        inputmode="decimal"
        autocomplete="transaction-amount"
        required
        aria-invalid=${invalid(v, 'amount')}
        aria-describedby=${ifDefined(describedBy(v, 'amount', 'pf-amount-hint'))}
        .value=${live(v.answers.values.amount)}
        @input=${(e: Event) => v.answers.set('amount', (e.target as HTMLInputElement).value)}
        @blur=${() => v.answers.leave('amount')}
      />
      <span class="currency" aria-hidden="true">${affix.symbol}</span>
    </div>
    ${errorOf(v, 'amount')}
  </div>`;
}

/** Who pledges: name, e-mail, and whether the name is shown publicly. */
function backerFields(v: PledgeFormModel): TemplateResult {
  const { el } = v;
  const { values } = v.answers;
  return html`<div class="field" part="field">
      <label for=${IDS.name}>${el.t('nameLabel')}</label>
      <input
        id=${IDS.name}
        name="name"
        type="text"
        autocomplete="name"
        maxlength=${NAME_MAX}
        required
        aria-invalid=${invalid(v, 'name')}
        aria-describedby=${ifDefined(describedBy(v, 'name'))}
        .value=${live(values.name)}
        @input=${(e: Event) => v.answers.set('name', (e.target as HTMLInputElement).value)}
        @blur=${() => v.answers.leave('name')}
      />
      ${errorOf(v, 'name')}
    </div>
    <div class="field" part="field">
      <label for=${IDS.email}>${el.t('emailLabel')}</label>
      <p class="hint" id="pf-email-hint" part="hint">${el.t('emailHint')}</p>
      <input
        id=${IDS.email}
        name="email"
        type="email"
        autocomplete="email"
        maxlength=${EMAIL_MAX}
        required
        aria-invalid=${invalid(v, 'email')}
        aria-describedby=${ifDefined(describedBy(v, 'email', 'pf-email-hint'))}
        .value=${live(values.email)}
        @input=${(e: Event) => v.answers.set('email', (e.target as HTMLInputElement).value)}
        @blur=${() => v.answers.leave('email')}
      />
      ${errorOf(v, 'email')}
    </div>
    <div class="check" part="field">
      <input
        id="pf-anonymous"
        name="anonymous"
        type="checkbox"
        .checked=${live(values.anonymous)}
        @change=${(e: Event) => v.answers.set('anonymous', (e.target as HTMLInputElement).checked)}
      />
      <label for="pf-anonymous">${el.t('anonymousLabel', { kind: v.data.campaign.kind })}</label>
    </div>`;
}

function messageField(v: PledgeFormModel): TemplateResult {
  const { el } = v;
  const left = MESSAGE_MAX - v.answers.values.message.length;
  return html`<div class="field" part="field">
    <label for=${IDS.message}>${el.t('messageLabel')} <span class="optional">${el.t('optional')}</span></label>
    <p class="hint" id="pf-message-hint" part="hint">${el.t('messageHint')}</p>
    <textarea
      id=${IDS.message}
      name="message"
      rows="3"
      maxlength=${MESSAGE_MAX}
      aria-invalid=${invalid(v, 'message')}
      aria-describedby=${ifDefined(describedBy(v, 'message', 'pf-message-hint', 'pf-message-count'))}
      .value=${live(v.answers.values.message)}
      @input=${(e: Event) => v.answers.set('message', (e.target as HTMLTextAreaElement).value)}
      @blur=${() => v.answers.leave('message')}
    ></textarea>
    <p class="counter ${left <= 50 ? 'low' : ''}" id="pf-message-count" part="counter">
      ${el.t('charactersLeft', { count: left, n: formatNumber(left, el.resolvedLocale) })}
    </p>
    ${errorOf(v, 'message')}
  </div>`;
}
