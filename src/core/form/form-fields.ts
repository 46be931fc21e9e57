import { css, nothing, type TemplateResult } from 'lit';
import { html } from '../element/template.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';

/**
 * Labelled form controls for member forms, rendered the same way everywhere: a visible label,
 * an optional hint, and an error tied to the control with `aria-invalid` and
 * `aria-describedby`. Controls are named by the request field they fill (`place.label`), which
 * is how field errors find them (see field-errors.ts). Forms using them set `novalidate`: errors
 * are ours, worded in the reader's language, not the browser's bubbles.
 */
interface BaseField {
  /** Request field path, used as the control's name. */
  name: string;
  /** Unique within the shadow root. */
  id: string;
  label: string;
  hint?: string | undefined;
  /** Error text; the control is marked invalid while set. */
  error?: string | undefined;
  required?: boolean;
  /** Text after the label of an optional field, e.g. "(optional)". */
  optionalText?: string | undefined;
  disabled?: boolean;
}

export interface TextFieldOptions extends BaseField {
  value: string;
  onInput: (value: string) => void;
  type?: 'text' | 'date' | 'search';
  maxLength?: number;
  min?: string;
  max?: string;
  autocomplete?: string;
  /** Renders a `<textarea>` with this many rows instead of an input. */
  rows?: number;
}

export interface Choice {
  value: string;
  label: string;
}

export interface SelectFieldOptions extends BaseField {
  value: string;
  options: readonly Choice[];
  /** First, empty option ("Choose…"); the field is empty until the reader picks. */
  placeholder?: string;
  onChange: (value: string) => void;
}

export interface RadioGroupOptions extends BaseField {
  value: string;
  options: readonly Choice[];
  onChange: (value: string) => void;
  /** A compact switch (default) for two or three short choices, or a stacked list for more. */
  variant?: 'segmented' | 'list';
}

const describedBy = (o: BaseField) =>
  [o.hint ? `${o.id}-hint` : '', o.error ? `${o.id}-error` : ''].filter(Boolean).join(' ') || undefined;

const labelText = (o: BaseField) =>
  html`${o.label}${!o.required && o.optionalText ? html` <span class="optional">${o.optionalText}</span>` : nothing}`;

const hint = (o: BaseField) => (o.hint ? html`<p class="hint" id="${o.id}-hint" part="hint">${o.hint}</p>` : nothing);

const error = (o: BaseField) =>
  o.error ? html`<p class="field-error" id="${o.id}-error" part="field-error">${o.error}</p>` : nothing;

export function textField(o: TextFieldOptions): TemplateResult {
  const onInput = (e: Event) => o.onInput((e.target as HTMLInputElement | HTMLTextAreaElement).value);
  const control =
    o.rows !== undefined
      ? html`<textarea
          id=${o.id}
          name=${o.name}
          rows=${o.rows}
          maxlength=${ifDefined(o.maxLength)}
          ?required=${o.required}
          ?disabled=${o.disabled}
          aria-invalid=${o.error ? 'true' : 'false'}
          aria-describedby=${ifDefined(describedBy(o))}
          .value=${live(o.value)}
          @input=${onInput}
        ></textarea>`
      : html`<input
          id=${o.id}
          name=${o.name}
          type=${o.type ?? 'text'}
          maxlength=${ifDefined(o.maxLength)}
          min=${ifDefined(o.min)}
          max=${ifDefined(o.max)}
          autocomplete=${ifDefined(o.autocomplete)}
          ?required=${o.required}
          ?disabled=${o.disabled}
          aria-invalid=${o.error ? 'true' : 'false'}
          aria-describedby=${ifDefined(describedBy(o))}
          .value=${live(o.value)}
          @input=${onInput}
        />`;
  return html`<div class="field ${o.error ? 'invalid' : ''}" part="field">
    <label for=${o.id}>${labelText(o)}</label>
    ${hint(o)} ${control} ${error(o)}
  </div>`;
}

export function selectField(o: SelectFieldOptions): TemplateResult {
  return html`<div class="field ${o.error ? 'invalid' : ''}" part="field">
    <label for=${o.id}>${labelText(o)}</label>
    ${hint(o)}
    <select
      id=${o.id}
      name=${o.name}
      ?required=${o.required}
      ?disabled=${o.disabled}
      aria-invalid=${o.error ? 'true' : 'false'}
      aria-describedby=${ifDefined(describedBy(o))}
      @change=${(e: Event) => o.onChange((e.target as HTMLSelectElement).value)}
    >
      ${
        o.placeholder !== undefined
          ? html`<option value="" ?selected=${o.value === ''}>${o.placeholder}</option>`
          : nothing
      }
      ${o.options.map((c) => html`<option value=${c.value} ?selected=${c.value === o.value}>${c.label}</option>`)}
    </select>
    ${error(o)}
  </div>`;
}

/** A group of native radios in a fieldset: arrow keys move the choice, as readers expect. */
export function radioGroup(o: RadioGroupOptions): TemplateResult {
  return html`<fieldset
    class="field radios ${o.error ? 'invalid' : ''}"
    part="field"
    aria-describedby=${ifDefined(describedBy(o))}
    ?disabled=${o.disabled}
  >
    <legend>${labelText(o)}</legend>
    ${hint(o)}
    <div class=${o.variant === 'list' ? 'choices' : 'segmented'} part=${o.variant === 'list' ? 'choices' : 'segmented'}>
      ${o.options.map(
        (c, i) =>
          html`<label class=${o.variant === 'list' ? 'choice' : 'segment'}>
            <input
              type="radio"
              id="${o.id}-${i}"
              name=${o.name}
              value=${c.value}
              .checked=${live(c.value === o.value)}
              ?required=${o.required}
              aria-invalid=${o.error ? 'true' : 'false'}
              @change=${() => o.onChange(c.value)}
            />
            <span>${c.label}</span>
          </label>`,
      )}
    </div>
    ${error(o)}
  </fieldset>`;
}

export const formStyles = css`
  form {
    display: grid;
    gap: 0.9em;
  }
  .field {
    display: grid;
    gap: 0.3em;
    margin: 0;
    min-inline-size: 0;
  }
  fieldset.field {
    border: 0;
    padding: 0;
  }
  .field > label,
  .field > legend {
    font-weight: 600;
    padding: 0;
  }
  .optional,
  .hint {
    font-weight: 400;
    color: var(--_text-muted);
    font-size: 0.9em;
  }
  .hint {
    margin: 0;
  }
  input:not([type='radio']):not([type='checkbox']),
  select,
  textarea {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 1.5);
    padding: 0.5em 0.65em;
    min-block-size: 2.75rem;
    inline-size: 100%;
  }
  textarea {
    resize: vertical;
  }
  [aria-invalid='true']:not([type='radio']) {
    border-color: var(--_danger);
    border-width: 2px;
  }
  .field-error {
    margin: 0;
    color: var(--_danger);
    font-size: 0.9em;
    font-weight: 600;
  }
  .field-error::before {
    content: '⚠ ';
  }
  /* Segments fill each row when they wrap on a narrow widget; 1px gaps draw the separators. */
  .segmented {
    display: inline-flex;
    flex-wrap: wrap;
    gap: 1px;
    background: var(--_border);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 1.5);
    overflow: hidden;
    max-inline-size: 100%;
  }
  .segment {
    position: relative;
    display: flex;
    flex: 1 1 auto;
  }
  .segment input {
    position: absolute;
    inset: 0;
    opacity: 0;
    margin: 0;
    cursor: pointer;
  }
  .segment span {
    display: flex;
    flex: 1;
    align-items: center;
    justify-content: center;
    min-block-size: 2.5rem;
    padding: 0.35em 0.9em;
    background: var(--_surface);
  }
  .segment input:checked + span {
    background: var(--_accent);
    color: var(--_accent-contrast);
    font-weight: 600;
  }
  .segment input:focus-visible + span {
    outline: 3px solid var(--_focus);
    outline-offset: -3px;
  }
  .choices {
    display: grid;
    gap: 0.15em;
  }
  .choice {
    display: flex;
    align-items: center;
    gap: 0.5em;
    min-block-size: 2.25rem;
    cursor: pointer;
  }
  .choice input {
    inline-size: 1.15rem;
    block-size: 1.15rem;
    margin: 0;
    accent-color: var(--_accent);
  }
  .invalid .segmented {
    border-color: var(--_danger);
    border-width: 2px;
  }
  /* The alert stays in the page (so that what appears in it is announced) but takes no room. */
  .form-alert.quiet {
    padding: 0;
    border: 0;
    background: none;
  }
  .form-alert {
    margin: 0;
    border-inline-start: 4px solid var(--_danger);
    padding: 0.4em 0.75em;
    background: var(--_surface-muted);
    border-radius: 0.25em;
  }
  .form-alert.notice {
    border-inline-start-color: var(--_warning);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: center;
  }
  .confirmation {
    margin: 0;
    border-inline-start: 4px solid var(--_success);
    padding: 0.5em 0.75em;
    background: var(--_surface-muted);
    border-radius: 0.25em;
  }
`;
