import type { TemplateResult } from 'lit';
import { html } from './template.js';
import { ifDefined } from 'lit/directives/if-defined.js';

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

/**
 * `<hN>` with the given level (see headingLevel) and attributes. One template per level rather
 * than a tag binding: lit cannot bind tag names, and only these six can ever be rendered.
 */
export function heading(level: number, attrs: HeadingAttributes, content: unknown): TemplateResult {
  const id = ifDefined(attrs.id);
  const cls = ifDefined(attrs.class);
  const part = ifDefined(attrs.part);
  switch (Math.min(6, Math.max(1, Math.trunc(level)))) {
    case 1:
      return html`<h1 id=${id} class=${cls} part=${part}>${content}</h1>`;
    case 2:
      return html`<h2 id=${id} class=${cls} part=${part}>${content}</h2>`;
    case 3:
      return html`<h3 id=${id} class=${cls} part=${part}>${content}</h3>`;
    case 4:
      return html`<h4 id=${id} class=${cls} part=${part}>${content}</h4>`;
    case 5:
      return html`<h5 id=${id} class=${cls} part=${part}>${content}</h5>`;
    default:
      return html`<h6 id=${id} class=${cls} part=${part}>${content}</h6>`;
  }
}
