import type { CSSResultOrNative } from 'lit';
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

/**
 * 53-bit hash of a text (cyrb53), as 12 base-36 digits: names a file for caching, not a secret.
 * Plain JavaScript, since the package's modules are typed without Node's (`tsconfig.build.json`).
 */
function contentHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36).padStart(12, '0');
}

export function snippetStylesheet(widget: SnippetWidget, prefix = 'partage'): SnippetStylesheet {
  const tag = `${prefix}-${widget}`;
  let sheet = cache.get(tag);
  if (sheet) return sheet;
  define({ prefix });
  const Ctor = customElements.get(tag) as unknown as { elementStyles?: CSSResultOrNative[] } | undefined;
  if (!Ctor) throw new Error(`${tag} is not defined`);
  // Lit's server renderer writes each style's cssText, in order, into one <style>.
  const css = minifyCss((Ctor.elementStyles ?? []).map((s) => (s as { cssText: string }).cssText).join(''));
  const hash = contentHash(css);
  sheet = { name: `${tag}.${hash}.css`, css };
  cache.set(tag, sheet);
  return sheet;
}

/** Shadow-root styles without their indentation (a third of a snippet's bytes otherwise). */
export function minifyCss(css: string): string {
  return css.replace(/\s+/g, ' ').trim();
}
