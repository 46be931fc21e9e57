/*
 * The least a Partage widget bundle can weigh with this stack, before any widget, client code,
 * texts or styles: Lit with @lit/context (an element that renders and consumes a context), and
 * the validation of what the campaign card receives (a campaign, its live events, problem
 * details). `npm run size:report` builds it like a CDN file twice: with the validators compiled
 * from the contract (what the CDN files carry) and with zod/mini (what they carried before, and
 * what the npm package still uses), and reports both gzip sizes.
 */
import { ContextConsumer, ContextRoot, createContext } from '@lit/context';
import { css, html, LitElement } from 'lit';
import { Campaign, CampaignEvent, Problem } from '../../src/contract/index.js';

class FloorElement extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
  `;
  static override properties = { data: { attribute: false } };
  data: unknown;
  readonly context = new ContextConsumer(this, { context: createContext<unknown>('floor'), subscribe: true });

  override render() {
    const checked = [Campaign, CampaignEvent, Problem].map((schema) => schema.safeParse(this.data).success);
    return html`<p>${checked.join()}</p>`;
  }
}

new ContextRoot().attach(document.documentElement);
customElements.define('size-floor', FloorElement);
