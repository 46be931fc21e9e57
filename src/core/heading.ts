import type { TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { html, literal, type StaticValue } from 'lit/static-html.js';

/** The six heading tags as static values: only these can ever become a tag name. */
const TAGS: readonly StaticValue[] = [literal`h1`, literal`h2`, literal`h3`, literal`h4`, literal`h5`, literal`h6`];

/**
 * A widget's heading level from its `heading-level` attribute, so that its headings fit the
 * outline of the page it is embedded in (under the page's own h2, a board starts at h3).
 * Anything but a whole number 1–6 gives the fallback; `offset` is for sub-headings (capped at 6).
 */
export function headingLevel(value: unknown, fallback: number, offset = 0): number {
  const base = typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 6 ? value : fallback;
  return Math.min(6, base + offset);
}

export interface HeadingAttributes {
  id?: string;
  class?: string;
  part?: string;
}

/** `<hN>` with the given level (see headingLevel) and attributes. */
export function heading(level: number, attrs: HeadingAttributes, content: unknown): TemplateResult {
  const tag = TAGS[Math.min(6, Math.max(1, Math.trunc(level))) - 1]!;
  return html`<${tag} id=${ifDefined(attrs.id)} class=${ifDefined(attrs.class)} part=${ifDefined(attrs.part)}>${content}</${tag}>`;
}
