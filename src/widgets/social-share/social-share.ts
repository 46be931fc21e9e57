import { nothing, type PropertyValues, type PropertyDeclarations } from 'lit';
import { html } from '../../core/element/template.js';
import { PartageElement } from '../../core/element/partage-element.js';
import { campaignResource } from '../../core/data/campaign-source.js';
import { errorView, noApiView, staleNotice } from '../../core/element/views.js';
import { icon } from './share-icons.js';
import {
  DEFAULT_NETWORKS,
  parseNetworks,
  shareableUrl,
  shareHref,
  type LinkNetwork,
  type SharedPage,
} from './share-links.js';
import { SHARE_EVENT, type ShareNetwork } from './social-share.events.js';
import { messages } from './social-share.messages.js';
import { socialShareStyles } from './social-share.styles.js';

/** How long "Link copied" stays on screen: long enough to read, then out of the way. */
const CONFIRMATION_MS = 5_000;

const BRANDS: Record<'facebook' | 'x' | 'linkedin', string> = { facebook: 'Facebook', x: 'X', linkedin: 'LinkedIn' };

/**
 * @summary Share a campaign (or any page): the system share sheet where the browser has one,
 * else links to Facebook, X, LinkedIn, e-mail and a "copy link" button. Nothing is requested
 * from any network before the reader clicks: the links are plain `<a>` elements and the icons
 * are inline SVG.
 *
 * @event {CustomEvent<ShareDetail>} partage-share - The reader chose a share action (`detail: { network, url }`), fired
 * before the widget acts; cancelable, to handle the share yourself.
 * @event {CustomEvent<PartageErrorDetail>} partage-error - The campaign could not load (`detail: { operation, error }`).
 *
 * @csspart base - The widget's box.
 * @csspart title - The visible title ("Share this project").
 * @csspart list - The list of share actions.
 * @csspart link - Every network link (also `facebook`, `x`, `linkedin`, `email`).
 * @csspart native - The "Share" button that opens the system share sheet.
 * @csspart copy - The "copy link" button.
 * @csspart icon - Every icon.
 * @csspart status - The visible confirmation ("Link copied").
 * @csspart manual-copy - The fallback when the clipboard is refused: a selected read-only field.
 * @csspart input - The read-only field of the fallback.
 * @csspart error - Error message.
 * @csspart retry - Retry button of the error state.
 *
 * @cssproperty --partage-accent - Colour of the buttons.
 * @cssproperty --partage-radius - Corner radius.
 * @cssproperty --partage-gap - Spacing.
 *
 * @cssstate loading - The campaign is loading.
 * @cssstate native - The system share sheet is offered.
 * @cssstate copied - The link was just copied.
 * @cssstate error - The campaign could not load.
 * @cssstate dark - Dark theme in use.
 *
 * @tag partage-social-share
 */
export class PartageSocialShare extends PartageElement<typeof messages.en> {
  static override styles = [...PartageElement.styles, socialShareStyles];

  // Static properties rather than decorators: the file then carries no decorator code (≈0.3 kB).
  static override properties: PropertyDeclarations = {
    campaign: { reflect: true },
    url: {},
    text: {},
    hashtags: {},
    networks: {},
    linksOnly: { type: Boolean, attribute: 'links-only' },
    confirmation: { state: true, attribute: false },
    manualCopy: { state: true, attribute: false },
    nativeFailed: { state: true, attribute: false },
  };

  /** Campaign id or slug: its share address, text and hashtags are used. */
  declare campaign?: string;
  /** Address to share, without a backend (wins over `campaign`). Default: this page's canonical address. */
  declare url?: string;
  /** Suggested text, with `url`. Default: the page's title. */
  declare text?: string;
  /** Hashtags for X, with `url`: `"ceramique, rennes"`. */
  declare hashtags?: string;
  /** Which links appear, in this order: any of `facebook x linkedin email copy`. */
  networks = DEFAULT_NETWORKS;
  /** Always show the links, even where the browser has a share sheet. */
  linksOnly = false;

  private confirmation = '';
  private manualCopy = false;
  /** The share sheet failed (not cancelled): the links take over. */
  private nativeFailed = false;

  protected readonly catalogue = messages;

  #confirmationTimer: ReturnType<typeof setTimeout> | undefined;
  /** Whether the last render offered the share sheet (for the `native` state). */
  #native = false;
  #warnedNetworks = '';

  // Explicit attributes need no backend at all.
  readonly #campaign = campaignResource(this, () => (this.url ? undefined : this.campaign));

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#confirmationTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('networks')) {
      const { unknown } = parseNetworks(this.networks);
      if (unknown.length && this.#warnedNetworks !== this.networks) {
        this.#warnedNetworks = this.networks;
        console.warn(`[partage] social-share ignores unknown networks: ${unknown.join(', ')}`);
      }
    }
    if (changed.has('url') || changed.has('campaign')) {
      this.manualCopy = false;
      this.confirmation = '';
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.setState('loading', this.#needsCampaign && !this.#campaign.value && this.#campaign.status !== 'error');
    this.setState('error', this.#needsCampaign && !this.#campaign.value && this.#campaign.status === 'error');
    this.setState('copied', this.confirmation === this.t('copied'));
    this.setState('native', this.#native);
  }

  get #needsCampaign(): boolean {
    return !this.url && !!this.campaign;
  }

  /** What is shared: explicit attributes, else the campaign, else the page itself. */
  get #page(): SharedPage | null | 'invalid' {
    if (this.url) {
      const url = shareableUrl(this.url);
      if (!url) return 'invalid';
      const text = this.text ?? '';
      return { url, text, title: text || document.title, hashtags: splitTags(this.hashtags) };
    }
    if (this.campaign) {
      const campaign = this.#campaign.value;
      if (!campaign) return null;
      return {
        url: campaign.share.url,
        text: campaign.share.text,
        title: campaign.title,
        hashtags: campaign.share.hashtags,
      };
    }
    const canonical = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href;
    const url = shareableUrl(canonical || location.href) ?? location.href;
    return { url, text: this.text ?? document.title, title: document.title, hashtags: splitTags(this.hashtags) };
  }

  /** The browser's share sheet, when it has one and accepts this page. */
  #canShareNatively(page: SharedPage): boolean {
    // A server render has no navigator: plain links, which every reader can follow.
    if (
      this.linksOnly ||
      this.nativeFailed ||
      typeof navigator === 'undefined' ||
      typeof navigator.share !== 'function'
    )
      return false;
    try {
      return navigator.canShare?.(nativeData(page)) ?? true;
    } catch {
      return false;
    }
  }

  #announce(text: string): void {
    clearTimeout(this.#confirmationTimer);
    this.confirmation = text;
    this.#confirmationTimer = setTimeout(() => (this.confirmation = ''), CONFIRMATION_MS);
  }

  /** Tells the host page; false when it cancelled the event to handle the share itself. */
  #fire(network: ShareNetwork, page: SharedPage): boolean {
    return this.emit(SHARE_EVENT, { network, url: page.url }, true);
  }

  #onLink(event: MouseEvent, network: ShareNetwork, page: SharedPage): void {
    if (!this.#fire(network, page)) event.preventDefault();
  }

  async #shareNatively(page: SharedPage): Promise<void> {
    if (!this.#fire('native', page)) return;
    try {
      await navigator.share(nativeData(page));
    } catch (error) {
      // The reader closed the sheet: nothing to say. Anything else: offer the links instead.
      if (error instanceof DOMException && error.name === 'AbortError') return;
      this.nativeFailed = true;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part~="link"], [part~="copy"]')?.focus();
    }
  }

  async #copy(page: SharedPage): Promise<void> {
    if (!this.#fire('copy', page)) return;
    try {
      if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
      await navigator.clipboard.writeText(page.url);
      this.manualCopy = false;
      this.#announce(this.t('copied'));
    } catch {
      // Clipboard refused (permissions, insecure page, old browser): select the link for the
      // reader to copy with the keyboard.
      this.manualCopy = true;
      this.confirmation = '';
      await this.updateComplete;
      const input = this.renderRoot.querySelector<HTMLInputElement>('input[part~="input"]');
      input?.focus();
      input?.select();
    }
  }

  protected override render() {
    const page = this.#page;
    if (page === 'invalid') {
      return html`<div class="state" role="alert" part="error"><p>${this.t('errorBadUrl')}</p></div>`;
    }
    if (this.#needsCampaign && !this.client) return noApiView(this);
    if (!page && this.#campaign.status === 'error') {
      return errorView(this, this.#campaign.error, () => void this.#campaign.reload());
    }
    const native = !!page && this.#canShareNatively(page);
    this.#native = native;
    // lang: a French widget on an English page is read in French.
    return html`<div class="share" part="base" lang=${this.resolvedLocale} aria-busy=${page ? 'false' : 'true'}>
      <p id="title" class="title" part="title">${this.t('title')}</p>
      ${staleNotice(this, !this.url && this.#campaign)}
      ${!page ? this.#renderSkeleton() : native ? this.#renderNative(page) : this.#renderLinks(page)}
      ${page && this.manualCopy ? this.#renderManualCopy(page) : nothing}
      <p class="status" part="status" role="status">
        ${this.confirmation ? html`${icon('check')}<span>${this.confirmation}</span>` : nothing}
      </p>
    </div>`;
  }

  #renderSkeleton() {
    const count = Math.max(1, parseNetworks(this.networks).networks.length);
    return html`<p class="visually-hidden">${this.t('loading')}</p>
      <ul class="actions" aria-hidden="true">
        ${Array.from({ length: count }, () => html`<li><span class="skeleton pill"></span></li>`)}
      </ul>`;
  }

  #renderNative(page: SharedPage) {
    return html`<button
      type="button"
      part="native"
      aria-describedby="title"
      @click=${() => void this.#shareNatively(page)}
    >
      ${icon('share')}<span>${this.t('share')}</span>
    </button>`;
  }

  #renderLinks(page: SharedPage) {
    const { networks } = parseNetworks(this.networks);
    return html`<ul class="actions" part="list" aria-labelledby="title">
      ${networks.map((network) => html`<li>${this.#renderAction(network, page)}</li>`)}
    </ul>`;
  }

  #renderAction(network: LinkNetwork, page: SharedPage) {
    if (network === 'copy') {
      return html`<button type="button" class="secondary" part="copy" @click=${() => void this.#copy(page)}>
        ${icon('copy')}<span>${this.t('copy')}</span>
      </button>`;
    }
    if (network === 'email') {
      return html`<a
        class="button secondary"
        part="link email"
        href=${shareHref('email', page)}
        aria-label=${this.t('shareByEmail')}
        @click=${(e: MouseEvent) => this.#onLink(e, 'email', page)}
        >${icon('email')}<span>${this.t('email')}</span></a
      >`;
    }
    const brand = BRANDS[network];
    return html`<a
      class="button secondary"
      part="link ${network}"
      href=${shareHref(network, page)}
      target="_blank"
      rel="noopener noreferrer"
      aria-label=${this.t('shareOn', { network: brand })}
      @click=${(e: MouseEvent) => this.#onLink(e, network, page)}
      >${icon(network)}<span>${brand}</span></a
    >`;
  }

  #renderManualCopy(page: SharedPage) {
    return html`<div class="manual" part="manual-copy">
      <label for="link">${this.t('linkLabel')}</label>
      <input id="link" part="input" type="url" readonly .value=${page.url} aria-describedby="manual-hint" />
      <p id="manual-hint" class="muted">${this.t('copyManually')}</p>
    </div>`;
  }
}

const splitTags = (value: string | undefined) =>
  (value ?? '')
    .split(/[\s,]+/)
    .map((t) => t.replace(/^#/, ''))
    .filter(Boolean);

const nativeData = (page: SharedPage): ShareData => ({ title: page.title, text: page.text, url: page.url });
