/**
 * Lit's hydration support, loaded on demand (hydrate-support.ts) when the page holds a
 * pre-rendered snippet: a page of plain snippets never downloads it.
 */
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import type { LitElement } from 'lit';

type Hook = (lit: { LitElement: typeof LitElement }) => void;

/**
 * Lit calls this hook when `lit-element` is evaluated; ours was evaluated before the hook
 * arrived, so it is called here, on the class every Partage element extends. It patches that
 * class's prototype (render root, update), which every subclass reads at call time.
 */
export function installHydration(base: typeof LitElement): void {
  (globalThis as { litElementHydrateSupport?: Hook }).litElementHydrateSupport?.({ LitElement: base });
}
