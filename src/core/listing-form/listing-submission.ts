import { ApiError } from '../../client/errors.js';
import type { ListingRequest } from '../../contract/index.js';
import { partageEvent } from '../element/events.js';
import {
  fieldErrorsFromIssues,
  fieldErrorsFromProblem,
  focusFirstInvalid,
  type FieldErrors,
} from '../form/field-errors.js';
import { textsOf } from '../member/member-action.js';
import { LISTING_CREATED } from '../member/member-events.js';
import type { ListingContract, ListingForm, ListingFormTexts } from './listing-form-controller.js';

/*
 * What the listing form needs only once the member submits it, loaded with `import()` at the
 * host's first focus, tap, key or input, or when the browser is idle after the form shows
 * (src/core/element/first-use.ts): the checks (the contract's own schema, the same rules the
 * server applies, and its date rules), the sending, and what follows a refusal or a success. In
 * the CDN files, a chunk beside the file (`chunks/<file>-listing-submission-<hash>.js`). The contract
 * comes from the form (`ListingContract`), never imported here: see listing-form-controller.ts.
 */

/** Request fields in the form's visual order (focus goes to the first in error). */
export const LISTING_FIELDS = ['kind', 'type', 'category', 'title', 'description', 'place.label', 'expiresAt'] as const;
const DAY_MS = 86_400_000;

/** The end of the chosen day in the member's own time zone, as the contract's UTC instant. */
export function expiryInstant(date: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 23, 59, 0);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** The request body, or field errors found in the browser. */
export function validate(
  form: ListingForm,
  contract: ListingContract,
  now = new Date(),
): { ok: true; body: ListingRequest } | { ok: false; errors: FieldErrors } {
  const d = form.draft;
  const input = {
    kind: d.kind,
    type: d.type,
    category: d.category,
    title: d.title,
    description: d.description,
    place: { label: d.place },
    ...(d.expires ? { expiresAt: expiryInstant(d.expires) ?? d.expires } : {}),
  };
  const parsed = contract.request.safeParse(input);
  const errors: FieldErrors = parsed.success ? {} : fieldErrorsFromIssues(parsed.error.issues, input);
  // The server's date rules, checked here too so the member hears about them before sending.
  const expiresAt = d.expires ? expiryInstant(d.expires) : null;
  if (expiresAt && !errors.expiresAt) {
    const t = textsOf<ListingFormTexts>(form.host);
    const at = Date.parse(expiresAt);
    if (at <= now.getTime()) errors.expiresAt = { kind: 'text', message: t('expiresPast') };
    else if (at > now.getTime() + contract.maxDays * DAY_MS)
      errors.expiresAt = { kind: 'text', message: t('expiresTooFar', { days: contract.maxDays }) };
  }
  if (parsed.success && Object.keys(errors).length === 0) return { ok: true, body: parsed.data };
  return { ok: false, errors };
}

/** Checks, then publishes; on any failure the draft stays as typed. */
export async function submitListing(form: ListingForm, contract: ListingContract): Promise<void> {
  const host = form.host;
  const checked = validate(form, contract);
  if (!checked.ok) {
    form.errors = checked.errors;
    form.clientErrorCount = Object.keys(checked.errors).length;
    return focusFirst(form);
  }
  form.errors = {};
  form.clientErrorCount = 0;
  const neighbourhoodId = form.options.member.neighbourhoodId();
  if (!neighbourhoodId) return;
  const outcome = await form.action.run((client, memberToken, signal) =>
    contract.create(client, neighbourhoodId, checked.body, { memberToken, signal }),
  );
  if (!outcome) return;
  if (outcome.ok) {
    form.published(outcome.value);
    form.options.list?.put(outcome.value, true);
    host.dispatchEvent(partageEvent(LISTING_CREATED, { listing: outcome.value }));
    await host.updateComplete;
    host.renderRoot.querySelector<HTMLElement>(`#${form.options.idPrefix}-done`)?.focus();
    return;
  }
  const error = outcome.error;
  if (error instanceof ApiError && (error.status === 422 || error.status === 400) && error.fieldErrors.length > 0) {
    form.errors = fieldErrorsFromProblem(error.fieldErrors, LISTING_FIELDS).fields;
    await focusFirst(form);
  }
}

async function focusFirst(form: ListingForm): Promise<void> {
  form.host.requestUpdate();
  await form.host.updateComplete;
  focusFirstInvalid(form.host.renderRoot, LISTING_FIELDS, form.errors);
}
