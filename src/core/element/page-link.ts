import { css, type TemplateResult } from 'lit';
import { html } from './template.js';

/**
 * Widgets with a form (pledge, listing, board, poll, agenda) pre-rendered for a reader whose
 * browser runs no script: a form that cannot send is replaced by a link to the page where the
 * reader can act (the campaign's or the neighbourhood's), which the server-side renderer puts in
 * the element's light DOM as `<a slot="page-link">` (src/ssr). `@media (scripting: none)` decides
 * it, not `:defined`: with scripting on, the pre-rendered form shows from the first paint and the
 * script hydrates it in place (no flash of the link, no shift), even while the script loads.
 * The same template renders in the browser, where the slot stays hidden.
 */
export const PAGE_LINK_SLOT = 'page-link';

/** Where the link goes in a widget's template (hidden unless scripting is off). */
export const pageLinkSlot = (): TemplateResult =>
  html`<p class="page-link" part="page-link"><slot name="page-link"></slot></p>`;

/**
 * Controls that need the script (forms, sign-in, answers, "show more") give way to the link. Kept
 * bare (the link inherits the widget's text styles): these bytes ride in every form widget's file.
 */
export const pageLinkStyles = css`
  .page-link {
    display: none;
  }
  @media (scripting: none) {
    form,
    .needs-script,
    [part~='sign-in'],
    [part~='rsvp'],
    [part~='calendar'],
    [part~='more'] {
      display: none !important;
    }
    .page-link {
      display: block;
      font-weight: 600;
    }
  }
`;
