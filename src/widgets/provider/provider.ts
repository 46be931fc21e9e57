import { ContextProvider } from '@lit/context';
import type { PropertyValues, PropertyDeclarations } from 'lit';
import { html } from '../../core/element/template.js';
import { clientFor, type Transport } from '../../core/data/clients.js';
import { partageContext, type MemberTokenSource } from '../../core/element/context.js';
import { PartageElement } from '../../core/element/partage-element.js';
import { SelectionStore } from '../../core/data/selection.js';
import { providerStyles } from './provider.styles.js';

/**
 * @summary Context root: hands one client, the locale, the theme and partner texts to every
 * Partage widget inside it, and lets widgets cooperate (a reward chosen in the tiers preselects
 * it in the pledge form).
 *
 * @slot - Any content, including Partage widgets at any depth.
 *
 * @cssproperty --partage-accent - Brand colour of buttons, bars and links.
 *
 * @tag partage-provider
 */
export class PartageProvider extends PartageElement {
  static override styles = [...PartageElement.styles, providerStyles];

  // Static properties rather than decorators: the file then carries no decorator code (≈0.3 kB).
  static override properties: PropertyDeclarations = {
    customClient: { attribute: false },
    memberToken: { attribute: false },
    headingLevel: { attribute: 'heading-level', type: Number },
    memberTokenValue: { attribute: 'member-token' },
  };

  /** Inject a configured client (`createClient` or `createTransport`: custom fetch, member token…) instead of `api`. */
  declare customClient?: Transport;
  /** Called before each member action to get a fresh member token from the host platform. */
  declare memberToken?: MemberTokenSource;
  /**
   * Default level (1–6) of the widgets' headings below, to fit the page's outline; a widget's own
   * `heading-level` wins. Without either, widgets start at 2: right under an article's title.
   */
  declare headingLevel?: number;
  /** Member token as an attribute, for static pages; prefer the `memberToken` callback. */
  declare memberTokenValue?: string;

  protected readonly catalogue = { en: {}, fr: {} };
  readonly selection = new SelectionStore();
  #provider = new ContextProvider(this, { context: partageContext });

  constructor() {
    super();
    // Tiers announce a choice; the store lets a pledge form anywhere below pick it up.
    this.addEventListener('partage-reward-select', (e) => {
      const { campaignId, rewardId } = (e as CustomEvent<{ campaignId: string; rewardId: string | null }>).detail;
      this.selection.selectReward(campaignId, rewardId);
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const client = this.customClient ?? (this.api ? clientFor(this.api) : undefined);
    if (!client) return;
    const token = this.memberToken ?? (this.memberTokenValue ? () => this.memberTokenValue : undefined);
    this.#provider.setValue({
      client,
      locale: this.locale,
      theme: this.theme,
      texts: this.texts,
      selection: this.selection,
      headingLevel: this.headingLevel,
      memberToken: token,
      noMemory: this.noMemory,
    });
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
