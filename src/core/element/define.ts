import { ContextRoot } from '@lit/context';
type PartageConstructor = CustomElementConstructor & { readonly version: string };

const WARNED = Symbol.for('partage.version-warning');
const ROOT = Symbol.for('partage.context-root');

/**
 * Widgets registered before `<partage-provider>` (a page that imports one widget's define file
 * first) ask for the context before any provider answers; a ContextRoot replays their requests
 * when a provider appears, so registration order never matters. One per page.
 */
function attachContextRoot(): void {
  const g = globalThis as { [ROOT]?: boolean };
  if (g[ROOT] || typeof document === 'undefined') return;
  g[ROOT] = true;
  new ContextRoot().attach(document.documentElement);
}

/**
 * Registers a tag safely for pages we do not control: loading the bundle twice is a no-op, and
 * a second, different version keeps the first one with a single console warning instead of the
 * `NotSupportedError` that `customElements.define` would throw.
 */
export function defineElement(tag: string, ctor: PartageConstructor): void {
  attachContextRoot();
  const existing = customElements.get(tag) as (CustomElementConstructor & { version?: string }) | undefined;
  if (existing) {
    const g = globalThis as { [WARNED]?: boolean };
    if (existing.version !== ctor.version && !g[WARNED]) {
      g[WARNED] = true;
      console.warn(
        `[partage] version ${existing.version ?? 'unknown'} is already on this page; version ${ctor.version} will not replace it.`,
      );
    }
    return;
  }
  // A constructor can be registered under one name only: white-label prefixes get a subclass.
  const named = customElements.getName(ctor);
  customElements.define(tag, named ? class extends ctor {} : ctor);
}

/** Tag prefix validation: a custom element name needs a lowercase start and a hyphen. */
export function tagName(prefix: string, name: string): string {
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(prefix)) throw new TypeError(`Invalid tag prefix "${prefix}"`);
  return `${prefix}-${name}`;
}
