import type { TemplateResult } from 'lit';
import { html } from '../element/template.js';
import { fieldErrorText, type FieldErrors } from '../form/field-errors.js';
import type { MemberAction, TextsOf } from './member-action.js';
import type { MemberFormMessages } from './member-form.messages.js';

/**
 * Pieces every member form (post a listing, reply, report) renders alike: field errors worded
 * with the shared member-form texts, and the form's single alert. One copy keeps the forms of
 * the listing form and the share board saying and showing the same thing.
 */

/** A field's error in the reader's words, or undefined when the field is fine. */
export function memberFieldError(
  errors: FieldErrors,
  field: string,
  t: TextsOf<MemberFormMessages>,
): string | undefined {
  const problem = errors[field];
  if (!problem) return undefined;
  return fieldErrorText(problem, {
    fieldRequired: t('fieldRequired'),
    fieldTooShort: (p) => t('fieldTooShort', p),
    fieldTooLong: (p) => t('fieldTooLong', p),
    fieldInvalid: t('fieldInvalid'),
  });
}

/**
 * The alert's text: after a submit the browser refused, how many fields need attention;
 * otherwise what the action has to say (sign-in, rate limit, offline…), or '' for nothing.
 */
export function memberAlertText(
  action: MemberAction<unknown>,
  errors: FieldErrors,
  clientErrorCount: number,
  t: TextsOf<MemberFormMessages>,
): string {
  const count = Object.keys(errors).length;
  return clientErrorCount > 0 && count > 0 ? t('fixFields', { count }) : action.alertText(t);
}

/**
 * The form's single alert, always in the page (so what appears in it is announced), with a
 * sign-in button when the action waits for one, or the `retry` given (the form's code could not load).
 */
export function memberAlert(
  action: MemberAction<unknown>,
  text: string,
  t: TextsOf<MemberFormMessages>,
  retry?: { label: string; run: () => void },
): TemplateResult {
  return html`<div
    class="form-alert ${action.signIn ? 'notice' : ''} ${text ? '' : 'quiet'}"
    role="alert"
    part="form-alert"
  >
    ${
      text
        ? html`<p>${text}</p>
            ${
              action.signIn
                ? html`<button type="button" class="secondary" part="sign-in" @click=${() => action.requestSignIn()}>
                    ${t('signIn')}
                  </button>`
                : retry
                  ? html`<button type="button" class="secondary" part="retry" @click=${retry.run}>
                      ${retry.label}
                    </button>`
                  : ''
            }`
        : ''
    }
  </div>`;
}
