import { nothing, type TemplateResult } from 'lit';
import { apiErrorOf } from '../../core/data/errors.js';
import type { Listing, Reply, Report } from '../../contract/index.js';
import type { ActionContract } from './action-contract.js';
import {
  fieldErrorsFromIssues,
  fieldErrorsFromProblem,
  focusFirstInvalid,
  type FieldErrors,
} from '../../core/form/field-errors.js';
import { MemberAction, textsOf } from '../../core/member/member-action.js';
import { memberAlert, memberAlertText, memberFieldError } from '../../core/member/member-form-views.js';
import type { PartageElement } from '../../core/element/partage-element.js';
import { partageEvent } from '../../core/element/events.js';
import type { ListingStore } from '../../core/listing-form/listing-form-controller.js';
import { REPLY_SENT, REPORT_SENT } from '../../core/member/member-events.js';
import type { MemberIdentity } from '../../core/member/member-session.js';
import { replyForm, reportForm, type ReportDraft } from './action-forms.js';
import type { BoardMessages } from './share-board.messages.js';
import type { ActionKind } from './action-bar.js';

export type { ActionKind };

const REPLY_FIELDS = ['message'] as const;
const REPORT_FIELDS = ['reason', 'detail'] as const;

/**
 * "I'm interested" and "Report" on the board's listings: one form open at a time, inline in the
 * listing's detail. Drafts are kept per listing (closing a form or an expired token loses
 * nothing), and each form ends in a confirmation that takes focus so it is read out. A reply
 * counts in the board's list at once (the live event brings the server's count later) and fires
 * `partage-reply-sent`; a report fires `partage-report-sent`. Its life cycle is its two member
 * actions' (registered controllers); it only asks its host to render.
 */
export class ListingActions {
  /** The form open now, if any. */
  open: { listingId: string; kind: ActionKind } | null = null;
  errors: FieldErrors = {};
  readonly reply: MemberAction<Reply>;
  readonly report: MemberAction<Report>;

  #host: PartageElement;
  #list: ListingStore;
  #replies = new Map<string, string>();
  #reports = new Map<string, ReportDraft>();
  #done = new Map<string, ActionKind>();
  #clientErrorCount = 0;
  /** The listing the last send was for, so a send after sign-in goes to the same one. */
  #target: Listing | undefined;

  readonly #contract: ActionContract;

  /**
   * `list`: the board's listings, which a reply or a refusal (closed meanwhile) updates; `contract`:
   * its checks and requests, handed over by the board's file (action-contract.ts).
   */
  constructor(host: PartageElement, member: MemberIdentity, list: ListingStore, contract: ActionContract) {
    this.#host = host;
    this.#list = list;
    this.#contract = contract;
    const common = {
      ...member,
      listingId: () => this.#target?.id ?? this.open?.listingId,
    };
    this.reply = new MemberAction<Reply>(host, {
      ...common,
      reason: 'reply',
      operation: 'createReply',
      retry: () => void (this.#isOpen('reply') && this.submitReply(this.#target!)),
    });
    this.report = new MemberAction<Report>(host, {
      ...common,
      reason: 'report',
      operation: 'createReport',
      retry: () => void (this.#isOpen('report') && this.submitReport(this.#target!)),
    });
  }

  /** A send waiting for sign-in goes out only if its form is still open (the member did not give up). */
  #isOpen(kind: ActionKind): boolean {
    return !!this.#target && this.open?.listingId === this.#target.id && this.open.kind === kind;
  }

  get #t() {
    return textsOf<BoardMessages>(this.#host);
  }

  /** The host page may have signed the member in: sends what waited for it. */
  tokenMayHaveChanged(): void {
    void this.reply.tokenMayHaveChanged();
    void this.report.tokenMayHaveChanged();
  }

  async openForm(listing: Listing, kind: ActionKind): Promise<void> {
    const same = this.open?.listingId === listing.id && this.open.kind === kind;
    if (!same) {
      // Another form: a failure shown for the previous one no longer applies.
      (kind === 'reply' ? this.reply : this.report).reset();
      this.errors = {};
      this.#clientErrorCount = 0;
      this.#target = listing;
    }
    this.open = { listingId: listing.id, kind };
    this.#done.delete(listing.id);
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    const field = kind === 'reply' ? 'message' : 'reason';
    const form = this.#form(listing.id);
    (
      form?.querySelector<HTMLElement>(`[name="${field}"]:checked`) ??
      form?.querySelector<HTMLElement>(`[name="${field}"]`)
    )?.focus();
  }

  /** Closes the open form (its draft stays) and gives focus back to the button that opened it. */
  async close(): Promise<void> {
    const open = this.open;
    if (!open) return;
    this.open = null;
    this.errors = {};
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    this.#host.renderRoot.querySelector<HTMLElement>(`#${open.kind}-${open.listingId}-open`)?.focus();
  }

  async submitReply(listing: Listing): Promise<void> {
    const input = { message: this.#replies.get(listing.id) ?? '' };
    const parsed = this.#contract.reply.safeParse(input);
    if (!parsed.success) return this.#invalid(listing.id, fieldErrorsFromIssues(parsed.error.issues, input));
    this.#valid(listing);
    const outcome = await this.reply.run(this.#contract.replyTo(listing.id, parsed.data));
    if (!outcome) return;
    if (outcome.ok) {
      this.#replies.delete(listing.id);
      await this.#finish(listing, 'reply');
      // The live event brings the server's count; until then, count this reply.
      this.#list.put({ ...listing, replyCount: listing.replyCount + 1 }, false);
      this.#host.dispatchEvent(partageEvent(REPLY_SENT, { listing, reply: outcome.value }));
      return;
    }
    const error = outcome.error;
    // The server said the listing takes no more replies (our copy was out of date).
    if (this.#contract.isListingClosed(error)) this.#list.put({ ...listing, status: 'closed' }, false);
    await this.#serverFieldErrors(listing.id, error, REPLY_FIELDS);
  }

  async submitReport(listing: Listing): Promise<void> {
    const draft = this.#reports.get(listing.id) ?? { reason: '', detail: '' };
    const input = { reason: draft.reason, ...(draft.detail.trim() ? { detail: draft.detail } : {}) };
    const parsed = this.#contract.report.safeParse(input);
    if (!parsed.success) return this.#invalid(listing.id, fieldErrorsFromIssues(parsed.error.issues, input));
    this.#valid(listing);
    const outcome = await this.report.run(this.#contract.reportListing(listing.id, parsed.data));
    if (!outcome) return;
    if (outcome.ok) {
      this.#reports.delete(listing.id);
      await this.#finish(listing, 'report');
      this.#host.dispatchEvent(partageEvent(REPORT_SENT, { listing, report: outcome.value }));
      return;
    }
    await this.#serverFieldErrors(listing.id, outcome.error, REPORT_FIELDS);
  }

  #valid(listing: Listing): void {
    this.errors = {};
    this.#clientErrorCount = 0;
    this.#target = listing;
  }

  async #invalid(listingId: string, errors: FieldErrors): Promise<void> {
    this.errors = errors;
    this.#clientErrorCount = Object.keys(errors).length;
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    const form = this.#form(listingId);
    if (form) focusFirstInvalid(form, this.open?.kind === 'report' ? REPORT_FIELDS : REPLY_FIELDS, errors);
  }

  async #serverFieldErrors(listingId: string, error: unknown, fields: readonly string[]): Promise<void> {
    const problem = apiErrorOf(error);
    if (!problem || problem.fieldErrors.length === 0) return;
    this.errors = fieldErrorsFromProblem(problem.fieldErrors, fields).fields;
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    const form = this.#form(listingId);
    if (form) focusFirstInvalid(form, fields, this.errors);
  }

  async #finish(listing: Listing, kind: ActionKind): Promise<void> {
    this.open = null;
    this.errors = {};
    this.#done.set(listing.id, kind);
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    this.#host.renderRoot.querySelector<HTMLElement>(`#done-${listing.id}`)?.focus();
  }

  #form(listingId: string): HTMLFormElement | null {
    return this.#host.renderRoot.querySelector<HTMLFormElement>(`#action-${listingId}`);
  }

  #error(field: string): string | undefined {
    return memberFieldError(this.errors, field, this.#t);
  }

  #alert(action: MemberAction<unknown>): TemplateResult {
    const t = this.#t;
    return memberAlert(action, memberAlertText(action, this.errors, this.#clientErrorCount, t), t);
  }

  /** What was just sent on this listing (its confirmation shows until a form opens again). */
  doneFor(listingId: string): ActionKind | undefined {
    return this.#done.get(listingId);
  }

  /** Opens the form asked for, or closes it if it is the one open. */
  toggle(listing: Listing, kind: ActionKind): Promise<void> {
    return this.open?.listingId === listing.id && this.open.kind === kind ? this.close() : this.openForm(listing, kind);
  }

  /** The form open on this listing, if any (the action bar shows it, action-bar.ts). */
  renderForm(listing: Listing): TemplateResult | typeof nothing {
    if (this.open?.listingId !== listing.id) return nothing;
    return this.open.kind === 'reply' ? this.#replyForm(listing) : this.#reportForm(listing);
  }

  #replyForm(listing: Listing): TemplateResult {
    const id = listing.id;
    return replyForm(this.#t, {
      listing,
      action: this.reply,
      message: this.#replies.get(id) ?? '',
      error: (field) => this.#error(field),
      alert: this.#alert(this.reply),
      onInput: (v) => {
        this.#replies.set(id, v);
        this.#clear('message');
      },
      onSubmit: () => void this.submitReply(listing),
      onCancel: () => void this.close(),
    });
  }

  #reportForm(listing: Listing): TemplateResult {
    const id = listing.id;
    return reportForm(this.#t, {
      listing,
      action: this.report,
      draft: this.#reports.get(id) ?? { reason: '', detail: '' },
      reasons: this.#contract.reasons,
      error: (field) => this.#error(field),
      alert: this.#alert(this.report),
      onChange: (patch, field) => {
        this.#reports.set(id, { ...(this.#reports.get(id) ?? { reason: '', detail: '' }), ...patch });
        this.#clear(field);
      },
      onSubmit: () => void this.submitReport(listing),
      onCancel: () => void this.close(),
    });
  }

  #clear(field: string): void {
    if (field in this.errors) {
      const { [field]: _, ...rest } = this.errors;
      this.errors = rest;
    }
    this.#host.requestUpdate();
  }
}
