import { ContextConsumer } from '@lit/context';
import { adoptStyles, LitElement, render, type PropertyDeclarations, type PropertyValues } from 'lit';
import type { Transport } from '../../client/transport.js';
import { clientFor } from '../data/clients.js';
import { common, type CommonMessages } from '../i18n/common.messages.js';
import { partageContext, type PartageContext, type Theme } from './context.js';
import { partageEvent, type PartageEventMap, type PartageEventName } from './events.js';
import { readPrerendered, resourcesOf, type Prerendered } from '../data/prerender.js';
import { inheritedLocale, languageOf, type Catalogue } from '../i18n/locale.js';
import { headingLevel } from './heading.js';
import { hydrationReady, loadHydration } from './hydrate-support.js';
import { themeStyles } from './theme.styles.js';

export const VERSION = '0.1.0';

type Params<F> = F extends (p: infer P) => string ? [params: P] : [];

/** Parses the `texts` attribute (JSON) without ever throwing on a partner's typo. */
const textsConverter = {
  fromAttribute: (value: string | null): Record<string, string> => {
    if (!value) return {};
    try {
      const parsed: unknown = JSON.parse(value);
      return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
    } catch {
      console.warn('[partage] ignoring the texts attribute: it is not valid JSON');
      return {};
    }
  },
};

/**
 * Base of every Partage element: resolves the client (own `api` attribute, else the provider's),
 * the locale (own `locale`, provider, closest `lang`, document), the theme and partner texts,
 * and exposes custom states for styling. Widgets never extend LitElement directly.
 */
export abstract class PartageElement<M extends Catalogue = Catalogue> extends LitElement {
  static readonly version = VERSION;
  static override styles = [themeStyles];

  // Declared as static properties, not decorators: the decorators' code is then left out of the
  // CDN files of widgets that use none (the campaign card), about 0.3 kB gzip.
  static override properties: PropertyDeclarations = {
    api: {},
    locale: {},
    theme: { reflect: true },
    texts: { converter: textsConverter },
    noMemory: { type: Boolean, attribute: 'no-memory' },
  };

  /** Base URL of a compatible backend, e.g. `https://api.example.org/v1`. Overrides the provider's. */
  declare api?: string;
  /** BCP 47 locale (`fr`, `en-GB`…); defaults to the provider's, then the page's `lang`. */
  declare locale?: string;
  /** `light`, `dark` or `auto` (follows the reader's system). */
  declare theme?: Theme;
  /** Partner overrides of any text, as an object or a JSON attribute: `{"cta": "Je soutiens"}`. */
  texts: Record<string, string> = {};
  /**
   * Do not keep the last good answers across visits, nor show them when the backend cannot be
   * reached (set on a provider, it applies to every widget below). See SECURITY.md for what is kept.
   */
  noMemory = false;

  /** The provider's context, followed as it changes (an update names it in `changed`). */
  protected ctx?: PartageContext;

  constructor() {
    super();
    new ContextConsumer(this, {
      context: partageContext,
      subscribe: true,
      callback: (value) => {
        const old = this.ctx;
        this.ctx = value;
        this.requestUpdate('ctx', old);
      },
    });
  }

  protected readonly internals = this.attachInternals();
  protected abstract readonly catalogue: { en: M; fr: M };

  /**
   * Data a server rendered this widget with (`@partage/widgets/ssr`), keyed by resource. Read
   * from the snippet's `<script type="application/json" data-partage>` child when not set.
   */
  prerendered?: Prerendered;
  /** Own `no-memory`, or the provider's. */
  get memoryOff(): boolean {
    return this.noMemory || this.ctx?.noMemory === true;
  }

  get client(): Transport | undefined {
    if (this.api) return clientFor(this.api);
    return this.ctx?.client;
  }

  /** The locale used for texts and Intl formatting. */
  get resolvedLocale(): string {
    // Every text and number of a render asks for the locale; walking up the DOM for `lang` once per
    // update instead of once per text keeps rendering cheap.
    return (this.#locale ??= this.locale || this.ctx?.locale || inheritedLocale(this));
  }

  #locale: string | undefined;

  /**
   * A widget off the page does not render: a closing live stream or a late answer would otherwise
   * re-render (and re-fetch) a removed element. Back on the page it updates once, so controllers
   * re-attach (shared selection, streams) and anything set meanwhile shows.
   */
  override connectedCallback(): void {
    // A shadow root before the first connection is a pre-rendered snippet's: Lit must hydrate it,
    // so the element waits (showing the server's render) for the hydration support to load.
    const prerendered = this.shadowRoot !== null && (this as { renderRoot?: unknown }).renderRoot === undefined;
    if (prerendered && !hydrationReady() && !this.#hydrationFailed) this.#waitForHydration();
    else this.#connect();
  }

  #connect(): void {
    this.prerendered ??= readPrerendered(this);
    super.connectedCallback();
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    // Not connected yet as far as Lit and the controllers know.
    if (!this.#waitingForHydration) super.disconnectedCallback();
  }

  #waitingForHydration = false;
  #hydrationFailed = false;

  #waitForHydration(): void {
    if (this.#waitingForHydration) return;
    this.#waitingForHydration = true;
    loadHydration()
      .catch(() => {
        // Offline or blocked: the widget renders afresh over the server's markup (Lit's
        // attachShadow empties a declarative shadow root) rather than never updating.
        this.#hydrationFailed = true;
      })
      .finally(() => {
        this.#waitingForHydration = false;
        if (this.isConnected) this.#connect();
      });
  }

  protected override shouldUpdate(changed: PropertyValues<this>): boolean {
    return this.isConnected && super.shouldUpdate(changed);
  }

  protected override performUpdate(): void {
    this.#locale = undefined;
    super.performUpdate();
  }

  /**
   * A pre-rendered snippet brings its styles as an inline `<style>`, which a strict
   * Content-Security-Policy blocks: its shadow root also adopts the constructable stylesheets, as
   * a fresh one does (the same rules twice are harmless).
   */
  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const prerendered = this.shadowRoot;
    const root = super.createRenderRoot();
    if (prerendered && root === prerendered)
      adoptStyles(prerendered, (this.constructor as typeof PartageElement).elementStyles);
    return root;
  }

  /**
   * Hydrating a snippet pre-rendered by another version of the widgets can fail (its templates
   * differ): the server's markup is then replaced by a normal render, once, rather than leaving a
   * broken widget.
   */
  protected override update(changed: PropertyValues<this>): void {
    const hydrating = !this.hasUpdated && this.shadowRoot !== null && this.shadowRoot.childNodes.length > 0;
    try {
      super.update(changed);
    } catch (error) {
      if (!hydrating) throw error;
      console.warn('[partage] the pre-rendered snippet does not match this version; rendering afresh', error);
      const root = this.renderRoot as ShadowRoot & { _$litPart$?: unknown };
      for (const node of Array.from(root.childNodes)) if (!(node instanceof HTMLStyleElement)) node.remove();
      delete root._$litPart$;
      render(this.render(), root, this.renderOptions);
    }
  }

  /**
   * Level of the widget's main heading: its own `heading-level`, else the provider's, else 2
   * (a widget pasted in an article sits right under the article's h1).
   */
  protected resolvedHeadingLevel(own: number | undefined): number {
    return headingLevel(own ?? this.ctx?.headingLevel, 2);
  }

  protected get resolvedTheme(): Theme {
    return this.theme ?? this.ctx?.theme ?? 'auto';
  }

  /** Localised text, with partner overrides (`{name}` placeholders are filled from params). */
  t<K extends keyof M & string>(key: K, ...args: Params<M[K]>): string;
  t<K extends keyof CommonMessages & string>(key: K, ...args: Params<CommonMessages[K]>): string;
  t(key: string, ...args: unknown[]): string {
    const params = args[0] as Record<string, unknown> | undefined;
    const override = this.texts[key] ?? this.ctx?.texts[key];
    if (override !== undefined) return override.replace(/\{(\w+)\}/g, (_, k: string) => String(params?.[k] ?? ''));
    const lang = languageOf(this.resolvedLocale);
    const message = (this.catalogue[lang] as Catalogue)[key] ?? (common[lang] as Catalogue)[key];
    if (message === undefined) return key;
    return typeof message === 'function' ? (message as (p: unknown) => string)(params) : message;
  }

  /** Fires a bubbling, composed CustomEvent; returns false when a listener cancelled it. */
  protected emit<K extends PartageEventName>(name: K, detail: PartageEventMap[K], cancelable = false): boolean {
    return this.dispatchEvent(partageEvent(name, detail, cancelable));
  }

  /**
   * Sets a custom state (`:host(:state(name))` in styles, `@cssstate` in the docs). Public for the
   * data controllers, which mark a slow load.
   * @internal
   */
  setState(name: string, on: boolean): void {
    try {
      if (on) this.internals.states.add(name);
      else this.internals.states.delete(name);
    } catch {
      // Browsers without CustomStateSet: the widget still works, only state styling is lost.
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Before the first render, so it matches the server's (on the server, the same call renders it).
    if (this.prerendered) for (const resource of resourcesOf(this)) resource.adopt(this.prerendered);
    const theme = this.resolvedTheme;
    this.setState('dark', theme === 'dark');
    this.setState('light', theme === 'light');
  }
}
