/**
 * `@partage/widgets/ssr`: renders a widget to HTML on a Node server, from the same Lit templates
 * the browser uses, with Declarative Shadow DOM. The snippet shows at its final size and reads
 * fully before (and without) any script; with the widget's script, it hydrates and goes live.
 *
 * ```js
 * import { renderSnippet } from '@partage/widgets/ssr';
 * const { html } = await renderSnippet({
 *   widget: 'campaign-card',
 *   api: 'https://api.example.org/v1',
 *   attributes: { campaign: 'atelier-ceramique', locale: 'fr' },
 *   script: 'https://cdn.example.org/partage/1/partage-campaign-card.js',
 * });
 * ```
 */
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html, unsafeStatic } from 'lit/static-html.js';
import { createTransport } from '../client/transport.js';
import type { PartageElement } from '../core/element/partage-element.js';
import { resourcesOf, PRERENDER_ATTRIBUTE, type Prerendered } from '../core/data/prerender.js';
import { define } from '../define.js';
import { escapeHtml, scriptJson } from './escape.js';
import { minifyCss, snippetStylesheet } from './stylesheet.js';
import { getCampaign } from '../client/campaigns.js';
import type { Transport } from '../client/transport.js';
import { languageOf } from '../core/i18n/locale.js';
import { PAGE_LINK_SLOT } from '../core/element/page-link.js';
import { isSnippetWidget, pageLinkTexts, pageLinkWidgets, snippetWidgets, type SnippetWidget } from './widgets.js';

export { snippetWidgets, isSnippetWidget, reserveRule, reservedHeights, type SnippetWidget } from './widgets.js';
export { escapeHtml } from './escape.js';
export { snippetStylesheet, type SnippetStylesheet } from './stylesheet.js';

export interface SnippetOptions {
  /** Widget name without prefix: `campaign-card`, `share-board`… */
  widget: SnippetWidget;
  /** Base URL the widget uses in the browser (its `api` attribute). */
  api: string;
  /**
   * Attributes of the element: its resource (`campaign` or `neighbourhood`), `locale` (default
   * `fr`: a server has no reader's language to inherit), `theme`, `heading-level`…
   */
  attributes?: Record<string, string | number | undefined>;
  /** URL of the widget's CDN file; adds the `<script type="module">` line before the element. */
  script?: string;
  /** Tag prefix (`acme` → `<acme-campaign-card>`); default `partage`. */
  prefix?: string;
  /** How this server loads the data (default: global fetch to `api`). */
  fetch?: typeof fetch;
  /**
   * For widgets with a form (pledge form, listing form, board, poll, agenda): the page where a
   * reader without JavaScript can do what the form does, linked instead of the form. Default: the
   * campaign's `url` for the pledge form; neighbourhood widgets have no page in the contract, so
   * without this they say that taking part needs JavaScript.
   */
  pageUrl?: string;
  /**
   * Folder URL where this backend serves `snippetStylesheet()` files (by their `name`): the shadow
   * root then links its styles instead of inlining them, which a host page whose
   * Content-Security-Policy forbids inline styles accepts. Default: inline `<style>`.
   */
  stylesheetBase?: string;
  /** Light-DOM link kept inside the element, for readers whose browser has no Declarative Shadow DOM. */
  fallbackLink?: { href: string; text: string };
}

export interface Snippet {
  /** Script line (if asked) and element, ready to paste. */
  html: string;
  /** The element alone. */
  element: string;
  /** The `<script type="module">` line alone ('' without `script`). */
  script: string;
  /** What the widget was rendered with, keyed by resource. */
  data: Prerendered;
}

const ATTRIBUTE_NAME = /^[a-z][a-z0-9-]*$/;

/** Renders one widget with its current data. Rejects when its data cannot be loaded. */
export async function renderSnippet(options: SnippetOptions): Promise<Snippet> {
  if (!isSnippetWidget(options.widget)) throw new TypeError(`No widget named "${String(options.widget)}"`);
  const prefix = options.prefix ?? 'partage';
  define({ prefix });
  const tag = `${prefix}-${options.widget}`;
  const attributes: Record<string, string> = { api: options.api, locale: 'fr' };
  for (const [name, value] of Object.entries(options.attributes ?? {})) {
    if (!ATTRIBUTE_NAME.test(name)) throw new TypeError(`Invalid attribute name "${name}"`);
    if (value !== undefined) attributes[name] = String(value);
  }
  if (!attributes[snippetWidgets[options.widget]])
    throw new TypeError(`${tag} needs a ${snippetWidgets[options.widget]} attribute`);

  const transport = createTransport({ baseUrl: options.api, ...(options.fetch ? { fetch: options.fetch } : {}) });
  const data = await prefetch(tag, attributes, transport);
  const pageLink = await pageLinkOf(options.widget, attributes, transport, options.pageUrl);
  const open = Object.entries(attributes)
    .map(([name, value]) => ` ${name}="${escapeHtml(value)}"`)
    .join('');
  // lit/static-html: the tag is a static part (the prefix is validated by define()), not a binding.
  // eslint-disable-next-line lit/binding-positions, lit/no-invalid-html
  const template = html`<${unsafeStatic(tag)}${unsafeStatic(open)} .prerendered=${data}></${unsafeStatic(tag)}>`;
  const rendered = await collectResult(render(template));
  // Lit's outer markers are for hydrating the outer template, which nobody does: the element
  // hydrates its own shadow root.
  const minified = minifyStyles(rendered);
  const bare = (
    options.stylesheetBase ? linkStyles(minified, options.widget, prefix, options.stylesheetBase) : minified
  )
    .replace(/^<!--lit-part[^>]*-->/, '')
    .replace(/<!--\/lit-part-->$/, '')
    .replace(/^<!--lit-node \d+-->/, '');
  const light =
    `<script type="application/json" ${PRERENDER_ATTRIBUTE}>${scriptJson(data)}</script>` +
    (pageLink?.href
      ? `<a slot="${PAGE_LINK_SLOT}" href="${escapeHtml(pageLink.href)}">${escapeHtml(pageLink.text)}</a>`
      : pageLink
        ? `<span slot="${PAGE_LINK_SLOT}">${escapeHtml(pageLink.text)}</span>`
        : '') +
    (options.fallbackLink
      ? `<a href="${escapeHtml(options.fallbackLink.href)}">${escapeHtml(options.fallbackLink.text)}</a>`
      : '');
  const close = `</${tag}>`;
  if (!bare.endsWith(close)) throw new Error(`unexpected server render of ${tag}`);
  const element = bare.slice(0, -close.length) + light + close;
  const script = options.script ? `<script type="module" src="${escapeHtml(options.script)}"></script>` : '';
  return { html: script ? `${script}\n${element}` : element, element, script, data };
}

/**
 * Loads what the widget would load in the browser, through its own resource controllers, so the
 * snippet holds exactly the keys and values its first browser render asks for. A resource whose
 * key depends on another's value is found on the next round.
 */
async function prefetch(tag: string, attributes: Record<string, string>, transport: Transport) {
  const Ctor = customElements.get(tag) as (new () => PartageElement) | undefined;
  if (!Ctor) throw new Error(`${tag} is not defined`);
  const element = new Ctor();
  // The server's DOM shim stores attributes without calling back: Lit's converter runs here.
  for (const [name, value] of Object.entries(attributes)) {
    element.setAttribute(name, value);
    element.attributeChangedCallback(name, null, value);
  }
  const data: Prerendered = {};
  for (let round = 0; round < 3; round++) {
    const pending = resourcesOf(element).filter((r) => {
      const key = r.key();
      return key !== null && !Object.hasOwn(data, key);
    });
    if (pending.length === 0) break;
    for (const [key, value] of (await Promise.all(pending.map((r) => r.prefetch(transport)))).filter((e) => e !== null))
      data[key] = value;
  }
  return data;
}

/**
 * The page where a reader without JavaScript can do what the widget's form does: the campaign's,
 * or the neighbourhood's (a poll's through its neighbourhood). Only for widgets with a form.
 */
async function pageLinkOf(
  widget: SnippetWidget,
  attributes: Record<string, string>,
  transport: Transport,
  pageUrl: string | undefined,
): Promise<{ href?: string; text: string } | null> {
  const page = pageLinkWidgets[widget];
  if (!page) return null;
  const texts = pageLinkTexts[languageOf(attributes.locale ?? 'fr')];
  if (pageUrl) return { href: pageUrl, text: texts[page] };
  if (page === 'campaign') return { href: (await getCampaign(transport, attributes.campaign!)).url, text: texts[page] };
  return { text: texts.none };
}

/** Shadow-root styles without their indentation (a third of a snippet's bytes otherwise). */
function minifyStyles(markup: string): string {
  return markup.replace(/<style>([\s\S]*?)<\/style>/g, (_, css: string) => `<style>${minifyCss(css)}</style>`);
}

/**
 * The shadow root's `<style>` replaced by a `<link rel="stylesheet">` to the same text as a file.
 * Chromium holds the parser at a stylesheet link in the body until it loads, so the widget
 * never paints unstyled and nothing shifts (measured in test/node/embed/strict-csp.test.ts).
 */
function linkStyles(markup: string, widget: SnippetWidget, prefix: string, base: string): string {
  const sheet = snippetStylesheet(widget, prefix);
  const inline = `<style>${sheet.css}</style>`;
  const at = markup.indexOf(inline);
  // Another renderer's styles than the file's: keep them inline rather than link the wrong ones.
  if (at < 0) return markup;
  const href = `${base.replace(/\/$/, '')}/${sheet.name}`;
  return `${markup.slice(0, at)}<link rel="stylesheet" href="${escapeHtml(href)}">${markup.slice(at + inline.length)}`;
}
