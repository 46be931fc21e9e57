/**
 * Localisation. Each widget ships its own small catalogue (`<widget>.messages.ts`) in English
 * and French; partners override any text through the `texts` property or the provider.
 */
export type Message<P = never> = [P] extends [never] ? string : (params: P) => string;
export type Catalogue = Record<string, string | ((params: never) => string)>;
export type Catalogues<M extends Catalogue> = { en: M; fr: { [K in keyof M]: M[K] } };

/** Languages with a catalogue; every other locale falls back to English texts. */
export type Language = 'en' | 'fr';

export const languageOf = (locale: string): Language => (locale.toLowerCase().startsWith('fr') ? 'fr' : 'en');

/** The closest `lang` in the light DOM (crossing shadow roots), else the document's, else English. */
export function inheritedLocale(el: Element): string {
  let node: Node | null = el;
  while (node) {
    if (node instanceof Element && node.getAttribute('lang')) return node.getAttribute('lang')!;
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return document.documentElement.lang || 'en';
}

const pluralRules = new Map<string, Intl.PluralRules>();

/** Plural category for "1 backer" / "2 backers" in the given locale (rules built once per locale). */
export function plural(locale: string, n: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
  return rules.select(n);
}
