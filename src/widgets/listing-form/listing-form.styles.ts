import { css } from 'lit';

export const listingFormStyles = css`
  .heading {
    margin: 0 0 0.75em;
    font-size: 1.15em;
    line-height: 1.25;
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
