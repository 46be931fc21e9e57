import type * as z from 'zod/mini';
import type { FieldError } from '../../contract/index.js';

/**
 * Field errors of a member form, from either side of the wire: the contract schema run in the
 * browser (zod issues) or a 422 problem's `errors[].path`. They are kept as kinds, not texts, so
 * each widget words them in the reader's language; only reasons the browser cannot know (a
 * server rule) keep the server's own message (kind `text`).
 */
export type FieldProblem =
  | { kind: 'required' }
  | { kind: 'tooShort'; min: number }
  | { kind: 'tooLong'; max: number }
  | { kind: 'invalid' }
  /** A ready text: a server rule's own message, or a rule the form words itself. */
  | { kind: 'text'; message: string };

/** Keyed by the field's dotted path in the request body (`title`, `place.label`). */
export type FieldErrors = Record<string, FieldProblem>;

const valueAt = (input: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>(
    (v, k) => (v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined),
    input,
  );

const isEmpty = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** Field errors from a schema's safeParse issues; the first issue of each field wins. */
export function fieldErrorsFromIssues(issues: readonly z.core.$ZodIssue[], input: unknown): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join('.');
    if (path in errors) continue;
    errors[path] = problemOf(issue, valueAt(input, issue.path));
  }
  return errors;
}

function problemOf(issue: z.core.$ZodIssue, value: unknown): FieldProblem {
  if (isEmpty(value) && issue.code !== 'too_big') return { kind: 'required' };
  if (issue.code === 'too_small' && typeof issue.minimum === 'number') return { kind: 'tooShort', min: issue.minimum };
  if (issue.code === 'too_big' && typeof issue.maximum === 'number') return { kind: 'tooLong', max: issue.maximum };
  return { kind: 'invalid' };
}

/**
 * Maps a 422 problem's `errors` onto the form's fields. A path names the field itself, a part of
 * it (`place.label.x`), or its parent object (`place` when the whole object was refused).
 * Errors about no known field are returned apart, for the form's alert.
 */
export function fieldErrorsFromProblem(
  errors: readonly FieldError[],
  fields: readonly string[],
): { fields: FieldErrors; other: FieldError[] } {
  const mapped: FieldErrors = {};
  const other: FieldError[] = [];
  for (const error of errors) {
    const field = fields.find(
      (f) => f === error.path || error.path.startsWith(`${f}.`) || f.startsWith(`${error.path}.`),
    );
    if (field === undefined) other.push(error);
    else mapped[field] ??= { kind: 'text', message: error.message };
  }
  return { fields: mapped, other };
}

/** Texts a widget must provide to word field errors. */
export interface FieldErrorTexts {
  fieldRequired: string;
  fieldTooShort: (p: { min: number }) => string;
  fieldTooLong: (p: { max: number }) => string;
  fieldInvalid: string;
}

export function fieldErrorText(problem: FieldProblem, texts: FieldErrorTexts): string {
  switch (problem.kind) {
    case 'required':
      return texts.fieldRequired;
    case 'tooShort':
      return texts.fieldTooShort({ min: problem.min });
    case 'tooLong':
      return texts.fieldTooLong({ max: problem.max });
    case 'invalid':
      return texts.fieldInvalid;
    case 'text':
      return problem.message;
  }
}

/**
 * Moves focus to the first field in error, in the form's visual order. Fields are found by their
 * `name`; in a radio group the checked radio (else the first) takes focus, as arrow keys expect.
 */
export function focusFirstInvalid(root: ParentNode, order: readonly string[], errors: FieldErrors): boolean {
  for (const name of order) {
    if (!(name in errors)) continue;
    const selector = `[name="${CSS.escape(name)}"]`;
    const target =
      root.querySelector<HTMLElement>(`input[type="radio"]${selector}:checked`) ??
      root.querySelector<HTMLElement>(selector);
    if (target) {
      target.focus();
      return true;
    }
  }
  return false;
}
