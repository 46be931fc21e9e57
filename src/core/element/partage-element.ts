import { consume } from '@lit/context';
import { LitElement, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Transport } from '../../client/transport.js';
import { clientFor } from '../data/clients.js';
import { common, type CommonMessages } from '../i18n/common.messages.js';
import { partageContext, type PartageContext, type Theme } from './context.js';
import { partageEvent, type PartageEventMap, type PartageEventName } from './events.js';
import { inheritedLocale, languageOf, type Catalogue } from '../i18n/locale.js';
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

  /** Base URL of a compatible backend, e.g. `https://api.example.org/v1`. Overrides the provider's. */
  @property() api?: string;
  /** BCP 47 locale (`fr`, `en-GB`…); defaults to the provider's, then the page's `lang`. */
  @property() locale?: string;
  /** `light`, `dark` or `auto` (follows the reader's system). */
  @property({ reflect: true }) theme?: Theme;
  /** Partner overrides of any text, as an object or a JSON attribute: `{"cta": "Je soutiens"}`. */
  @property({ converter: textsConverter }) texts: Record<string, string> = {};

  @consume({ context: partageContext, subscribe: true })
  @state()
  protected ctx?: PartageContext;

  protected readonly internals = this.attachInternals();
  protected abstract readonly catalogue: { en: M; fr: M };

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
    super.connectedCallback();
    this.requestUpdate();
  }

  protected override shouldUpdate(changed: PropertyValues<this>): boolean {
    return this.isConnected && super.shouldUpdate(changed);
  }

  protected override performUpdate(): void {
    this.#locale = undefined;
    super.performUpdate();
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

  protected setState(name: string, on: boolean): void {
    try {
      if (on) this.internals.states.add(name);
      else this.internals.states.delete(name);
    } catch {
      // Browsers without CustomStateSet: the widget still works, only state styling is lost.
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const theme = this.resolvedTheme;
    this.setState('dark', theme === 'dark');
    this.setState('light', theme === 'light');
  }
}
