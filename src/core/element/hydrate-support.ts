/**
 * Hydration of pre-rendered (Declarative Shadow DOM) snippets, on demand. Lit's hydration
 * support (hydration.ts, ≈2 kB gzip) is only needed when a widget arrives with a shadow root the
 * server drew: that widget waits for it before its first update (its pre-rendered content, with
 * the amount, is on screen meanwhile), and a page of plain snippets never downloads it.
 *
 * Define files used to import this module first so that Lit found its hook when evaluated; that
 * order no longer matters, and the import is harmless.
 */
import { LitElement } from 'lit';

let pending: Promise<void> | undefined;

/**
 * Whether Lit can hydrate: loaded by `loadHydration`, or installed before Lit was evaluated (a
 * page that loads `@lit-labs/ssr-client/lit-element-hydrate-support.js` itself). The support
 * patches `LitElement` with its own `observedAttributes`.
 */
export const hydrationReady = (): boolean => Object.hasOwn(LitElement, 'observedAttributes');

/** Loads and installs Lit's hydration support, once; a failed download is tried again at the next call. */
export function loadHydration(): Promise<void> {
  return (pending ??= import('./hydration.js').then(
    (m) => {
      if (!hydrationReady()) m.installHydration(LitElement);
    },
    (error: unknown) => {
      pending = undefined;
      throw error;
    },
  ));
}
