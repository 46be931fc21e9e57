import type { CSSResultOrNative } from 'lit';
import { hash53 } from '../contract/content-hash.js';
import { define } from '../define.js';
import type { SnippetWidget } from './widgets.js';

/**
 * A widget's shadow-root styles as a file, for snippets that link them instead of inlining them:
 * a host page whose Content-Security-Policy forbids inline styles (`style-src` without
 * `'unsafe-inline'`) accepts a `<link rel="stylesheet">` from an origin it lists. The name carries
 * a hash of the content, so the file can be cached for a year and a new version of the widgets
 * gets a new name. The text is exactly what Lit's server renderer inlines (see minifyCss).
 */
export interface SnippetStylesheet {
  /** `partage-campaign-card.<hash>.css` */
  name: string;
  css: string;
}

const cache = new Map<string, SnippetStylesheet>();

export function snippetStylesheet(widget: SnippetWidget, prefix = 'partage'): SnippetStylesheet {
  const tag = `${prefix}-${widget}`;
  let sheet = cache.get(tag);
  if (sheet) return sheet;
  define({ prefix });
  const Ctor = customElements.get(tag) as unknown as { elementStyles?: CSSResultOrNative[] } | undefined;
  if (!Ctor) throw new Error(`${tag} is not defined`);
  // Lit's server renderer writes each style's cssText, in order, into one <style>.
  const css = minifyCss((Ctor.elementStyles ?? []).map((s) => (s as { cssText: string }).cssText).join(''));
  // Twelve characters, as the route that serves the file expects.
  const hash = hash53(css).padStart(12, '0');
  sheet = { name: `${tag}.${hash}.css`, css };
  cache.set(tag, sheet);
  return sheet;
}

/** Shadow-root styles without their indentation (a third of a snippet's bytes otherwise). */
export function minifyCss(css: string): string {
  return css.replace(/\s+/g, ' ').trim();
}
