import { createListing } from '../../client/neighbourhoods.js';
import { html, type TemplateResult } from 'lit';
import { ApiError } from '../../client/errors.js';
import { ListingCategory, ListingRequest, ListingType, type Listing, type ListingKind } from '../../contract/index.js';
import {
  fieldErrorsFromIssues,
  fieldErrorsFromProblem,
  focusFirstInvalid,
  type FieldErrors,
} from '../form/field-errors.js';
import { radioGroup, selectField, textField } from '../form/form-fields.js';
import type { ListingFormMessages } from './listing-form.messages.js';
import type { ListingMessages } from './listing.messages.js';
import { MemberAction, textsOf, type TextsOf } from '../member/member-action.js';
import type { MemberFormMessages } from '../member/member-form.messages.js';
import { LISTING_CREATED } from '../member/member-events.js';
import type { MemberIdentity } from '../member/member-session.js';
import { partageEvent } from '../element/events.js';
import { memberAlert, memberAlertText, memberFieldError } from '../member/member-form-views.js';
import type { PartageElement } from '../element/partage-element.js';

export type ListingFormTexts = ListingFormMessages & MemberFormMessages & ListingMessages;

/** What the member typed, as typed (strings), kept through every failure until it is published. */
export interface ListingDraft {
  kind: ListingKind;
  type: string;
  category: string;
  title: string;
  description: string;
  place: string;
  /** `YYYY-MM-DD` from the date input, or ''. */
  expires: string;
}

/** Request fields in the form's visual order (focus goes to the first in error). */
export const LISTING_FIELDS = ['kind', 'type', 'category', 'title', 'description', 'place.label', 'expiresAt'] as const;

/** The server refuses expiry dates beyond this many days (see the contract's ListingRequest). */
export const LISTING_MAX_DAYS = 90;
const DAY_MS = 86_400_000;

const emptyDraft = (): ListingDraft => ({
  kind: 'offer',
  type: '',
  category: '',
  title: '',
  description: '',
  place: '',
  expires: '',
});

const pad = (n: number) => String(n).padStart(2, '0');
/** A local calendar date as the date input writes it. */
export const inputDate = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** The end of the chosen day in the member's own time zone, as the contract's UTC instant. */
export function expiryInstant(date: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 23, 59, 0);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** Where a published listing goes besides the event: the board's list, which shows it at once. */
export interface ListingStore {
  put(listing: Listing, isNew: boolean): unknown;
}

export interface ListingFormOptions {
  /** Prefix of element ids, unique within the shadow root. */
  idPrefix: string;
  /** Who posts, and where. */
  member: MemberIdentity;
  list?: ListingStore;
}

/**
 * The listing form's state and rendering, shared by `<partage-listing-form>` and the share
 * board: the draft, validation with the contract's own schema (the same rules the server
 * applies), field errors from either side, and the member action that sends it. What the member
 * typed survives every failure (expired token, refusal, rate limit, offline) until it is published.
 * Once published, the listing goes to the `list` given and `partage-listing-created` is fired.
 * Its life cycle is its member action's (a registered controller); the form itself only asks its
 * host to render.
 */
export class ListingForm {
  draft: ListingDraft = emptyDraft();
  errors: FieldErrors = {};
  /** The listing just published (the confirmation shows instead of the form). */
  created: Listing | undefined;
  readonly action: MemberAction<Listing>;

  #host: PartageElement;
  #options: ListingFormOptions;
  /** Field errors found in the browser at the last submit: their count goes in the alert. */
  #clientErrorCount = 0;

  constructor(host: PartageElement, options: ListingFormOptions) {
    this.#host = host;
    this.#options = options;
    this.action = new MemberAction<Listing>(host, {
      ...options.member,
      reason: 'post',
      operation: 'createListing',
      retry: () => void this.submit(),
    });
  }

  get #t(): TextsOf<ListingFormTexts> {
    return textsOf<ListingFormTexts>(this.#host);
  }

  /** The request body, or field errors found in the browser. */
  validate(now = new Date()): { ok: true; body: ListingRequest } | { ok: false; errors: FieldErrors } {
    const d = this.draft;
    const input = {
      kind: d.kind,
      type: d.type,
      category: d.category,
      title: d.title,
      description: d.description,
      place: { label: d.place },
      ...(d.expires ? { expiresAt: expiryInstant(d.expires) ?? d.expires } : {}),
    };
    const parsed = ListingRequest.safeParse(input);
    const errors: FieldErrors = parsed.success ? {} : fieldErrorsFromIssues(parsed.error.issues, input);
    // The server's date rules, checked here too so the member hears about them before sending.
    const expiresAt = d.expires ? expiryInstant(d.expires) : null;
    if (expiresAt && !errors.expiresAt) {
      const t = Date.parse(expiresAt);
      if (t <= now.getTime()) errors.expiresAt = { kind: 'text', message: this.#t('expiresPast') };
      else if (t > now.getTime() + LISTING_MAX_DAYS * DAY_MS)
        errors.expiresAt = { kind: 'text', message: this.#t('expiresTooFar', { days: LISTING_MAX_DAYS }) };
    }
    if (parsed.success && Object.keys(errors).length === 0) return { ok: true, body: parsed.data };
    return { ok: false, errors };
  }

  /** Validates, then publishes; on any failure the draft stays as typed. */
  async submit(): Promise<void> {
    if (this.action.sending) return;
    const checked = this.validate();
    if (!checked.ok) {
      this.errors = checked.errors;
      this.#clientErrorCount = Object.keys(checked.errors).length;
      await this.#focusFirstInvalid();
      return;
    }
    this.errors = {};
    this.#clientErrorCount = 0;
    const neighbourhoodId = this.#options.member.neighbourhoodId();
    if (!neighbourhoodId) return;
    const outcome = await this.action.run((client, memberToken, signal) =>
      createListing(client, neighbourhoodId, checked.body, { memberToken, signal }),
    );
    if (!outcome) return;
    if (outcome.ok) {
      this.created = outcome.value;
      this.draft = emptyDraft();
      this.#host.requestUpdate();
      this.#options.list?.put(outcome.value, true);
      this.#host.dispatchEvent(partageEvent(LISTING_CREATED, { listing: outcome.value }));
      await this.#host.updateComplete;
      this.#host.renderRoot.querySelector<HTMLElement>(`#${this.#options.idPrefix}-done`)?.focus();
      return;
    }
    const error = outcome.error;
    if (error instanceof ApiError && (error.status === 422 || error.status === 400) && error.fieldErrors.length > 0) {
      this.errors = fieldErrorsFromProblem(error.fieldErrors, LISTING_FIELDS).fields;
      this.#host.requestUpdate();
      await this.#focusFirstInvalid();
    }
  }

  /** A blank form again (after a confirmation, or when the board closes the form). */
  reset(): void {
    this.draft = emptyDraft();
    this.errors = {};
    this.created = undefined;
    this.#clientErrorCount = 0;
    this.action.reset();
  }

  async #focusFirstInvalid(): Promise<void> {
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    focusFirstInvalid(this.#host.renderRoot, LISTING_FIELDS, this.errors);
  }

  /**
   * The handler of one control: what the member types goes into the draft's `key`, and the
   * request `field` it becomes is no longer "in error" until the next submit checks it again.
   */
  #edit(key: keyof ListingDraft, field: string = key): (value: string) => void {
    return (value) => {
      this.draft = { ...this.draft, [key]: value };
      if (field in this.errors) {
        const { [field]: _, ...rest } = this.errors;
        this.errors = rest;
      }
      this.#host.requestUpdate();
    };
  }

  #error(field: string): string | undefined {
    return memberFieldError(this.errors, field, this.#t);
  }

  /**
   * The form, or the confirmation once published. `extraActions` lets the board add its own
   * buttons (close) next to the form's.
   */
  render(extraActions?: TemplateResult): TemplateResult {
    const t = this.#t;
    const id = this.#options.idPrefix;
    if (this.created) {
      return html`<div class="form-done">
        <p class="confirmation" id="${id}-done" role="status" tabindex="-1" part="confirmation">
          ${t('published', { title: this.created.title })}
        </p>
        <div class="actions">
          <button type="button" class="secondary" part="post-another" @click=${() => this.#again()}>
            ${t('postAnother')}
          </button>
          ${extraActions}
        </div>
      </div>`;
    }
    const d = this.draft;
    const action = this.action;
    const busy = action.sending;
    const alert = memberAlertText(action, this.errors, this.#clientErrorCount, t);
    const today = new Date();
    return html`<form
      novalidate
      part="form"
      aria-labelledby="${id}-heading"
      aria-busy=${busy ? 'true' : 'false'}
      @submit=${(e: Event) => {
        e.preventDefault();
        void this.submit();
      }}
    >
      ${radioGroup({
        id: `${id}-kind`,
        name: 'kind',
        label: t('formKind'),
        required: true,
        value: d.kind,
        options: [
          { value: 'offer', label: t('formKindOffer') },
          { value: 'request', label: t('formKindRequest') },
        ],
        error: this.#error('kind'),
        onChange: this.#edit('kind'),
      })}
      <div class="row">
        ${selectField({
          id: `${id}-type`,
          name: 'type',
          label: t('formType'),
          required: true,
          value: d.type,
          placeholder: t('formTypeChoose'),
          options: ListingType.options.map((v) => ({ value: v, label: t(`type_${v}`) })),
          error: this.#error('type'),
          onChange: this.#edit('type'),
        })}
        ${selectField({
          id: `${id}-category`,
          name: 'category',
          label: t('formCategory'),
          required: true,
          value: d.category,
          placeholder: t('formCategoryChoose'),
          options: ListingCategory.options.map((v) => ({ value: v, label: t(`category_${v}`) })),
          error: this.#error('category'),
          onChange: this.#edit('category'),
        })}
      </div>
      ${textField({
        id: `${id}-title`,
        name: 'title',
        label: t('formTitle'),
        hint: t('formTitleHint'),
        required: true,
        maxLength: 100,
        value: d.title,
        error: this.#error('title'),
        onInput: this.#edit('title'),
      })}
      ${textField({
        id: `${id}-description`,
        name: 'description',
        label: t('formDescription'),
        hint: t('formDescriptionHint'),
        optionalText: t('optional'),
        rows: 4,
        maxLength: 1000,
        value: d.description,
        error: this.#error('description'),
        onInput: this.#edit('description'),
      })}
      <div class="row">
        ${textField({
          id: `${id}-place`,
          name: 'place.label',
          label: t('formPlace'),
          hint: t('formPlaceHint'),
          required: true,
          maxLength: 80,
          autocomplete: 'off',
          value: d.place,
          error: this.#error('place.label'),
          onInput: this.#edit('place', 'place.label'),
        })}
        ${textField({
          id: `${id}-expires`,
          name: 'expiresAt',
          type: 'date',
          label: t('formExpires'),
          hint: t('formExpiresHint'),
          optionalText: t('optional'),
          min: inputDate(today),
          max: inputDate(new Date(today.getTime() + (LISTING_MAX_DAYS - 1) * DAY_MS)),
          value: d.expires,
          error: this.#error('expiresAt'),
          onInput: this.#edit('expires', 'expiresAt'),
        })}
      </div>
      ${memberAlert(action, alert, t)}
      <div class="actions">
        <button type="submit" part="submit" aria-disabled=${busy || action.waiting ? 'true' : 'false'}>
          ${busy ? t('publishing') : t('publish')}
        </button>
        ${extraActions}
      </div>
    </form>`;
  }

  async #again(): Promise<void> {
    this.reset();
    await this.#host.updateComplete;
    this.#host.renderRoot.querySelector<HTMLElement>(`input[name="kind"]:checked`)?.focus();
  }
}
