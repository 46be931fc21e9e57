import { css } from 'lit';

export const listingFormStyles = css`
  .heading {
    margin: 0 0 0.75em;
    font-size: 1.15em;
    line-height: 1.25;
  }
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
  .prompt {
    display: grid;
    gap: 0.6em;
    justify-items: start;
  }
  .prompt p {
    margin: 0;
  }
`;
