import type { TemplateResult } from 'lit';
import { html } from '../../core/element/template.js';
import type { Listing, ReportReason } from '../../contract/index.js';
import { radioGroup, textField } from '../../core/form/form-fields.js';
import type { MemberAction, TextsOf } from '../../core/member/member-action.js';
import type { BoardMessages } from './share-board.messages.js';

export interface ReportDraft {
  reason: string;
  detail: string;
}

interface ActionFormOptions {
  listing: Listing;
  action: MemberAction<unknown>;
  /** The error shown under a field, if any. */
  error: (field: string) => string | undefined;
  /** The form's single alert (failure, waiting for sign-in, field errors count). */
  alert: TemplateResult;
  onSubmit: () => void;
  onCancel: () => void;
}

export interface ReplyFormOptions extends ActionFormOptions {
  message: string;
  onInput: (message: string) => void;
}

export interface ReportFormOptions extends ActionFormOptions {
  draft: ReportDraft;
  /** The reasons the contract accepts (action-contract.ts). */
  reasons: readonly string[];
  onChange: (patch: Partial<ReportDraft>, field: string) => void;
}

/** "I'm interested": a message to the listing's author. Sending again while one is on its way does nothing. */
export function replyForm(t: TextsOf<BoardMessages>, o: ReplyFormOptions): TemplateResult {
  const id = o.listing.id;
  const action = o.action;
  const unavailable = action.sending || action.waiting || o.listing.status === 'closed';
  return html`<form
    id="action-${id}"
    class="action-form"
    part="reply-form"
    novalidate
    aria-label=${t('interested')}
    @submit=${(e: Event) => {
      e.preventDefault();
      if (!unavailable) o.onSubmit();
    }}
  >
    ${textField({
      id: `reply-${id}-message`,
      name: 'message',
      label: t('replyLabel', { name: o.listing.author.displayName }),
      hint: t('replyHint'),
      required: true,
      rows: 3,
      maxLength: 500,
      value: o.message,
      error: o.error('message'),
      onInput: o.onInput,
    })}
    ${o.alert}
    <div class="actions">
      <button type="submit" part="send" aria-disabled=${unavailable ? 'true' : 'false'}>
        ${action.sending ? t('sending') : t('sendReply')}
      </button>
      <button type="button" class="secondary" part="cancel" @click=${o.onCancel}>${t('cancel')}</button>
    </div>
  </form>`;
}

/** "Report": a reason from the contract's list and an optional detail. */
export function reportForm(t: TextsOf<BoardMessages>, o: ReportFormOptions): TemplateResult {
  const id = o.listing.id;
  const action = o.action;
  const unavailable = action.sending || action.waiting;
  return html`<form
    id="action-${id}"
    class="action-form"
    part="report-form"
    novalidate
    aria-label=${t('report')}
    @submit=${(e: Event) => {
      e.preventDefault();
      if (!unavailable) o.onSubmit();
    }}
  >
    ${radioGroup({
      id: `report-${id}-reason`,
      name: 'reason',
      label: t('reportLegend'),
      required: true,
      variant: 'list',
      value: o.draft.reason,
      options: o.reasons.map((r) => ({
        value: r,
        label: t(`reason_${r}` as `reason_${(typeof ReportReason.options)[number]}`),
      })),
      error: o.error('reason'),
      onChange: (v) => o.onChange({ reason: v }, 'reason'),
    })}
    ${textField({
      id: `report-${id}-detail`,
      name: 'detail',
      label: t('reportDetail'),
      optionalText: t('optional'),
      rows: 2,
      maxLength: 500,
      value: o.draft.detail,
      error: o.error('detail'),
      onInput: (v) => o.onChange({ detail: v }, 'detail'),
    })}
    ${o.alert}
    <div class="actions">
      <button type="submit" part="send" aria-disabled=${unavailable ? 'true' : 'false'}>
        ${action.sending ? t('sending') : t('sendReport')}
      </button>
      <button type="button" class="secondary" part="cancel" @click=${o.onCancel}>${t('cancel')}</button>
    </div>
  </form>`;
}
