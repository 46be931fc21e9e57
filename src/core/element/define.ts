import { ContextEvent, type ContextCallback } from '@lit/context';
type PartageConstructor = CustomElementConstructor & { readonly version: string };

const WARNED = Symbol.for('partage.version-warning');
const ROOT = Symbol.for('partage.context-root');

/**
 * Widgets registered before `<partage-provider>` (a page that imports one widget's define file
 * first) ask for the context before any provider answers; their unanswered subscriptions are
 * kept (weakly) and asked again when a provider appears, so registration order never matters.
 * One per page. What @lit/context's ContextRoot does, in fewer bytes (0.13 kB gzip less in every
 * file); a request asked twice is harmless, since a provider keys its subscribers by callback.
 */
function replayLateRequests(): void {
  const g = globalThis as { [ROOT]?: boolean };
  if (g[ROOT] || typeof document === 'undefined') return;
  g[ROOT] = true;
  type Waiting = [element: WeakRef<Element>, callback: WeakRef<ContextCallback<unknown>>];
  const waiting = new Map<unknown, Waiting[]>();
  const known = new WeakSet<object>();
  const root = document.documentElement;
  root.addEventListener('context-request', (event) => {
    if (!event.subscribe || known.has(event.callback)) return;
    known.add(event.callback);
    const element = event.contextTarget ?? (event.composedPath()[0] as Element);
    const list = waiting.get(event.context) ?? [];
    waiting.set(event.context, list);
    list.push([new WeakRef(element), new WeakRef(event.callback)]);
  });
  root.addEventListener('context-provider', (event) => {
    const list = waiting.get(event.context);
    waiting.delete(event.context);
    for (const [elementRef, callbackRef] of list ?? []) {
      const element = elementRef.deref();
      const callback = callbackRef.deref();
      if (!element || !callback) continue;
      known.delete(callback);
      element.dispatchEvent(new ContextEvent(event.context, element, callback, true));
    }
  });
}

/**
 * Registers a tag safely for pages we do not control: loading the bundle twice is a no-op, and
 * a second, different version keeps the first one with a single console warning instead of the
 * `NotSupportedError` that `customElements.define` would throw.
 */
export function defineElement(tag: string, ctor: PartageConstructor): void {
  replayLateRequests();
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
