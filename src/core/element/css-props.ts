import { isServer, noChange, nothing } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

/**
 * Sets CSS properties through `element.style.setProperty()`, which a strict
 * `style-src 'self'` Content-Security-Policy allows, unlike the `style` attribute that Lit's
 * `styleMap` writes on first render (https://github.com/lit/lit/issues/4719). Hosts embedding
 * Partage should not need `'unsafe-inline'` for bars and gauges to render.
 *
 * Use as an element binding: `<div ${cssProps({ 'inline-size': '40%', '--_hue': '120' })}>`.
 * Names are CSS property names (kebab-case or custom properties).
 */
class CssPropsDirective extends Directive {
  #names = new Set<string>();

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('cssProps() must be used as an element binding');
  }

  render(_props: Record<string, string>) {
    return noChange;
  }

  override update(part: ElementPart, [props]: [Record<string, string>]) {
    const style = (part.element as HTMLElement).style;
    for (const name of this.#names) if (!(name in props)) style.removeProperty(name);
    for (const [name, value] of Object.entries(props)) style.setProperty(name, value);
    this.#names = new Set(Object.keys(props));
    return noChange;
  }
}

export const cssProps = directive(CssPropsDirective);

/**
 * The same properties as a `style` attribute, on the server only: a pre-rendered snippet has no
 * script to run `cssProps`, and must still show its bars filled. In the browser it renders
 * nothing, so the strict-CSP path above stays the only writer. Bind both:
 * `<div ${cssProps(p)} style=${serverStyle(p)}>`.
 */
export function serverStyle(props: Record<string, string>): string | typeof nothing {
  if (!isServer) return nothing;
  return Object.entries(props)
    .map(([name, value]) => `${name}:${value}`)
    .join(';');
}
