import { css } from 'lit';

export const providerStyles = css`
  :host {
    /* The provider adds no box of its own and never constrains its children's size. */
    display: contents;
    container-type: normal;
  }
`;
