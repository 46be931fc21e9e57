import { css } from 'lit';

/**
 * Layout of the listing form that `ListingForm` renders (field rows, alert paragraphs, the "done"
 * panel). It travels with the form: the listing-form widget and the share board's post panel
 * include it, so the form looks the same in both.
 */
export const listingFormLayoutStyles = css`
  .row {
    display: grid;
    gap: 0.9em;
  }
  @container (min-width: 34rem) {
    .row {
      grid-template-columns: 1fr 1fr;
      align-items: start;
    }
  }
  .form-alert p {
    margin: 0 0 0.4em;
  }
  .form-alert p:last-child {
    margin-block-end: 0;
  }
  .form-done {
    display: grid;
    gap: 0.75em;
  }
`;
