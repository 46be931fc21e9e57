/**
 * Pre-rendered widgets (server-side rendering with Declarative Shadow DOM). The server renders a
 * widget with the data it loaded and writes that data next to it, in a light-DOM
 * `<script type="application/json" data-partage>` child, keyed by resource. In the browser the
 * widget adopts that data before its first update, so its first render is the server's render:
 * Lit hydrates the existing shadow root instead of drawing a skeleton over it, then the widget
 * refreshes and goes live as usual.
 */
import type { Transport } from '../../client/transport.js';

/** Resource key (see ResourceController) → the value the server rendered. */
export type Prerendered = Record<string, unknown>;

/** What a resource controller offers to pre-rendering. */
export interface PrerenderableResource {
  /** Identity of the resource for the current attributes, or null when not configured. */
  key(): string | null;
  /** Takes the value rendered on the server when it is for this resource and nothing is loaded yet. */
  adopt(values: Prerendered): void;
  /** Loads the value now through `transport` (server side), for the snippet. */
  prefetch(transport: Transport): Promise<[key: string, value: unknown] | null>;
}

const registry = new WeakMap<object, PrerenderableResource[]>();

export function registerResource(host: object, resource: PrerenderableResource): void {
  const list = registry.get(host);
  if (list) list.push(resource);
  else registry.set(host, [resource]);
}

export function resourcesOf(host: object): readonly PrerenderableResource[] {
  return registry.get(host) ?? [];
}

/** Marks the data child of a pre-rendered widget. */
export const PRERENDER_ATTRIBUTE = 'data-partage';

/**
 * The data a pre-rendered snippet carries, or undefined. A host page's typo or an edited snippet
 * must never break the widget: anything unreadable is ignored and the widget loads normally.
 */
export function readPrerendered(host: Element): Prerendered | undefined {
  for (const child of Array.from(host.children)) {
    if (child.localName !== 'script' || !child.hasAttribute(PRERENDER_ATTRIBUTE)) continue;
    if ((child.getAttribute('type') ?? '').toLowerCase() !== 'application/json') continue;
    try {
      const parsed: unknown = JSON.parse(child.textContent ?? '');
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Prerendered;
    } catch {
      console.warn('[partage] ignoring pre-rendered data that is not valid JSON');
    }
  }
  return undefined;
}
