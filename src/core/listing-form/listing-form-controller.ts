import { createListing } from '../../client/neighbourhoods.js';
import type { TemplateResult } from 'lit';
import { html } from '../element/template.js';
import { ListingCategory, ListingRequest, ListingType, type Listing, type ListingKind } from '../../contract/index.js';
import type { FieldErrors } from '../form/field-errors.js';
import { radioGroup, selectField, textField } from '../form/form-fields.js';
import type { ListingFormMessages } from './listing-form.messages.js';
import type { ListingMessages } from './listing.messages.js';
import { MemberAction, textsOf, type TextsOf } from '../member/member-action.js';
import type { MemberFormMessages } from '../member/member-form.messages.js';
import type { MemberIdentity } from '../member/member-session.js';
import { lazy } from '../element/on-demand.js';
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

/**
 * What the submission code (listing-submission.ts) takes from the contract: the request's check
 * and the request itself. They stay in the widget's file and are handed over when the code loads: a
 * chunk that reaches the compiled contract itself makes the bundler move the whole contract out of
 * the file into a third chunk (rolldown/rolldown#10731; scripts/lazy-chunks.mjs fails the build).
 */
type Submission = typeof import('./listing-submission.js');
/** One download per page, whatever the number of forms; a failed one is asked again next time. */
const loadSubmission = lazy(() => import('./listing-submission.js'));

const listingContract = { request: ListingRequest, create: createListing, maxDays: LISTING_MAX_DAYS };
export type ListingContract = typeof listingContract;

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
  /** Field errors found in the browser at the last submit: their count goes in the alert. */
  clientErrorCount = 0;
  readonly action: MemberAction<Listing>;
  readonly host: PartageElement;
  readonly options: ListingFormOptions;

  /**
   * The checks and the sending (listing-submission.ts) load at the form's first focus or tap (or a
   * submit): the first paint draws the form only. Not the FirstUse controller: this costs less, and
   * `<partage-listing-form>` alone would carry FirstUse for this one use.
   */
  #code: Submission | undefined;
  #loading: Promise<void> | undefined;
  readonly #prefetch = () => void (this.#code ?? this.#load().catch(() => undefined));
  /** A submit waits for that code: the form is busy, the draft untouched. */
  #waiting = false;
  /** The code could not load (offline): the alert says so, with a retry. */
  #loadFailed = false;

  constructor(host: PartageElement, options: ListingFormOptions) {
    this.host = host;
    this.options = options;
    this.action = new MemberAction<Listing>(host, {
      ...options.member,
      reason: 'post',
      operation: 'createListing',
      retry: () => void this.submit(),
    });
  }

  get #t(): TextsOf<ListingFormTexts> {
    return textsOf<ListingFormTexts>(this.host);
  }

  /** Sending, or a submit waiting for the submission code. */
  get busy(): boolean {
    return this.action.sending || this.#waiting;
  }

  /** The submission code on its way, for the host's `getUpdateComplete` (as FirstUse's). */
  get loading(): Promise<void> | undefined {
    return this.#code ? undefined : this.#loading;
  }

  #load(): Promise<Submission> {
    const loading = loadSubmission().then((code) => (this.#code = code));
    this.#loading = loading.then(
      () => undefined,
      () => undefined,
    );
    return loading;
  }

  /** Checks, then publishes; on any failure the draft stays as typed. */
  async submit(): Promise<void> {
    if (this.action.sending || this.#waiting) return;
    let code = this.#code;
    if (!code) {
      this.#waiting = true;
      this.#loadFailed = false;
      this.host.requestUpdate();
      try {
        code = await this.#load();
      } catch {
        this.#loadFailed = true;
        return;
      } finally {
        this.#waiting = false;
        this.host.requestUpdate();
      }
    }
    this.#loadFailed = false;
    return code.submitListing(this, listingContract);
  }

  /** Published (by the submission code): the confirmation replaces the form, the draft is emptied. */
  published(listing: Listing): void {
    this.created = listing;
    this.draft = emptyDraft();
    this.host.requestUpdate();
  }

  /** A blank form again (after a confirmation, or when the board closes the form). */
  reset(): void {
    this.draft = emptyDraft();
    this.errors = {};
    this.created = undefined;
    this.clientErrorCount = 0;
    this.#loadFailed = false;
    this.action.reset();
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
      this.host.requestUpdate();
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
    const id = this.options.idPrefix;
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
    const busy = this.busy;
    const failed = this.#loadFailed;
    const alert = failed ? this.host.t('errorOffline') : memberAlertText(action, this.errors, this.clientErrorCount, t);
    const today = new Date();
    return html`<form
      novalidate
      part="form"
      aria-labelledby="${id}-heading"
      aria-busy=${busy ? 'true' : 'false'}
      @focusin=${this.#prefetch}
      @pointerdown=${this.#prefetch}
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
      ${memberAlert(action, alert, t, failed ? { label: this.host.t('retry'), run: () => void this.submit() } : undefined)}
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
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>(`input[name="kind"]:checked`)?.focus();
  }
}
