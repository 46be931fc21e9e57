import { EmbedParams, EmbedQuery, OEmbedQuery, type OEmbedResponse } from '../../src/contract/embed.js';
import { Campaign } from '../../src/contract/index.js';
import { ApiError } from '../../src/client/errors.js';
import {
  escapeHtml,
  isSnippetWidget,
  renderSnippet,
  snippetStylesheet,
  snippetWidgets,
  type Snippet,
} from '../../src/ssr/index.js';
import { cachedJson, etagOf, matchesIfNoneMatch } from '../http/caching.js';
import { HttpError } from '../http/problem.js';
import { parseWith } from '../http/validation.js';
import { embedProtocolScript } from './embed-protocol.js';

/**
 * Snippets, campaign pages and oEmbed: everything a page can embed without a build step. The
 * widgets are rendered here from the same templates as in the browser (src/ssr), with data read
 * from this server's own API in-process.
 */
export interface EmbedDeps {
  /** This app's own fetch: the server reads its API without a network round trip. */
  fetch: (request: Request) => Promise<Response>;
}

/** Snippets move with every pledge: a minute fresh, then revalidated by ETag. */
const SNIPPET_CACHE = 'public, max-age=60, stale-while-revalidate=600';
/** The card's height at the default oEmbed width (600 px), measured in test/node/embed/oembed.test.ts. */
export const OEMBED_WIDTH = 600;
export const OEMBED_HEIGHT = 340;

export function embedHandlers(deps: EmbedDeps) {
  const inProcess: typeof fetch = (input, init) => deps.fetch(new Request(input, init));

  async function snippet(
    request: Request,
    widget: string,
    rawQuery: Record<string, string>,
    extra: Record<string, string> = {},
  ): Promise<Snippet> {
    const { widget: name } = parseWith(EmbedParams, { widget });
    const query = parseWith(EmbedQuery, rawQuery);
    const origin = new URL(request.url).origin;
    const resource = snippetWidgets[name];
    const id = query[resource];
    if (!id)
      throw new HttpError(400, 'validation_failed', `Name the ${resource}.`, {
        errors: [{ path: resource, message: 'is required' }],
      });
    try {
      return await renderSnippet({
        widget: name,
        api: `${origin}/v1`,
        script: `${origin}/dist/cdn/partage-${name}.js`,
        attributes: {
          [resource]: id,
          locale: query.locale ?? 'fr',
          theme: query.theme,
          'heading-level': query['heading-level'],
          ...extra,
        },
        fetch: inProcess,
        ...(query.page ? { pageUrl: query.page } : {}),
        ...(query.styles === 'inline' ? {} : { stylesheetBase: `${origin}/embed/styles` }),
      });
    } catch (error) {
      if (error instanceof ApiError)
        throw new HttpError(error.status, error.code as 'not_found', error.detail ?? error.message);
      throw error;
    }
  }

  async function campaignOf(id: string, origin: string) {
    const res = await deps.fetch(new Request(`${origin}/v1/campaigns/${encodeURIComponent(id)}`));
    if (res.status === 404) return null;
    if (!res.ok) throw new Error(`campaign ${id}: ${res.status}`);
    return Campaign.parse(await res.json());
  }

  const html = (request: Request, body: string, cacheControl: string) => {
    const etag = etagOf(body);
    const headers = new Headers({ ETag: etag, 'Cache-Control': cacheControl, Vary: 'Accept-Encoding' });
    if (matchesIfNoneMatch(request.headers.get('if-none-match'), etag))
      return new Response(null, { status: 304, headers });
    headers.set('Content-Type', 'text/html; charset=utf-8');
    return new Response(body, { status: 200, headers });
  };

  return {
    /** `GET /v1/embed/{widget}`: the script line and the pre-rendered element. */
    async embed(request: Request, widget: string, query: Record<string, string>): Promise<Response> {
      const s = await snippet(request, widget, query);
      return html(request, `${s.html}\n`, SNIPPET_CACHE);
    },

    /** `GET /v1/oembed?url=…`: a `rich` answer WordPress keeps for providers outside its list. */
    async oembed(request: Request, rawQuery: Record<string, string>): Promise<Response> {
      const query = parseWith(OEmbedQuery, rawQuery);
      const origin = new URL(request.url).origin;
      const slug = campaignSlugOf(query.url, origin);
      const campaign = slug ? await campaignOf(slug, origin) : null;
      if (!campaign) throw new HttpError(404, 'not_found', 'No campaign page at this URL.');
      const width = Math.max(240, Math.min(OEMBED_WIDTH, Number(query.maxwidth ?? OEMBED_WIDTH)));
      const height = Math.min(OEMBED_HEIGHT, Number(query.maxheight ?? OEMBED_HEIGHT));
      const page = `${origin}/campaigns/${encodeURIComponent(campaign.slug)}`;
      const frame = `${origin}/embed/campaigns/${encodeURIComponent(campaign.slug)}${query.locale ? `?locale=${query.locale}` : ''}`;
      const title = escapeHtml(campaign.title);
      // WordPress keeps, for a provider outside its list, a bare <blockquote> with links and one
      // <iframe> (src, width, height, title, frameborder, marginwidth, marginheight, scrolling):
      // any other attribute is stripped, then it adds its own sandbox and a #?secret= to the src.
      const body: OEmbedResponse = {
        version: '1.0',
        type: 'rich',
        title: campaign.title,
        author_name: campaign.creator.name,
        provider_name: 'Partage',
        provider_url: origin,
        cache_age: 3600,
        width,
        height,
        html:
          `<blockquote><a href="${escapeHtml(page)}">${title}</a></blockquote>` +
          `<iframe src="${escapeHtml(frame)}" width="${width}" height="${height}" title="${title}" ` +
          `frameborder="0" marginwidth="0" marginheight="0" scrolling="no" ` +
          `sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation"></iframe>`,
      };
      return cachedJson(request, 200, JSON.stringify(body), 'public, max-age=3600');
    },

    /** `GET /campaigns/{slug}`: the campaign's page, with the card pre-rendered and oEmbed discovery. */
    async campaignPage(request: Request, slug: string, query: Record<string, string>): Promise<Response> {
      const origin = new URL(request.url).origin;
      const s = await snippet(
        request,
        'campaign-card',
        { ...pick(query, 'locale', 'theme'), campaign: slug },
        { 'heading-level': '2' },
      );
      const campaign = Object.values(s.data)[0] as Campaign;
      const page = `${origin}/campaigns/${encodeURIComponent(campaign.slug)}`;
      const oembed = `${origin}/v1/oembed?url=${encodeURIComponent(page)}&format=json`;
      const lang = query.locale === 'en' ? 'en' : 'fr';
      const body = `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(campaign.title)}</title>
<link rel="canonical" href="${escapeHtml(page)}">
<link rel="alternate" type="application/json+oembed" href="${escapeHtml(oembed)}" title="${escapeHtml(campaign.title)}">
<style>body{margin:0 auto;max-width:44rem;padding:1rem;font-family:system-ui,sans-serif}</style>
${s.script}
</head>
<body>
<main>
<h1>${escapeHtml(campaign.title)}</h1>
${s.element}
</main>
</body>
</html>
`;
      return html(request, body, SNIPPET_CACHE);
    },

    /**
     * `GET /embed/campaigns/{slug}`: the card alone, for the oEmbed iframe. It follows
     * WordPress's embed protocol: height and link posted to the parent with the secret that
     * WordPress appends to the iframe URL (`#?secret=…`).
     */
    async cardFrame(request: Request, slug: string, query: Record<string, string>): Promise<Response> {
      const origin = new URL(request.url).origin;
      const s = await snippet(
        request,
        'campaign-card',
        { ...pick(query, 'locale', 'theme'), campaign: slug },
        { 'heading-level': '2' },
      );
      const campaign = Object.values(s.data)[0] as Campaign;
      const page = `${origin}/campaigns/${encodeURIComponent(campaign.slug)}`;
      const lang = query.locale === 'en' ? 'en' : 'fr';
      const body = `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(campaign.title)}</title>
<style>html,body{margin:0;background:transparent}</style>
${s.script}
<script src="${origin}/embed/protocol.js" data-page="${escapeHtml(page)}"></script>
</head>
<body>
<main>
${s.element}
</main>
</body>
</html>
`;
      return html(request, body, SNIPPET_CACHE);
    },

    /**
     * `GET /embed/styles/{tag}.{hash}.css`: a widget's shadow-root styles, linked by snippets.
     * The name changes with the content, so a year of caching is safe.
     */
    stylesheet(request: Request, name: string): Response {
      const m = /^partage-([a-z-]+)\.([\w-]{12})\.css$/.exec(name);
      const sheet = m && isSnippetWidget(m[1]!) ? snippetStylesheet(m[1]) : null;
      if (!sheet || sheet.name !== name)
        throw new HttpError(404, 'not_found', 'No such stylesheet (an older version?).');
      const r = html(request, sheet.css, 'public, max-age=31536000, immutable');
      if (r.status === 200) r.headers.set('Content-Type', 'text/css; charset=utf-8');
      r.headers.set('Access-Control-Allow-Origin', '*');
      return r;
    },

    protocol(request: Request): Response {
      const r = html(request, embedProtocolScript, 'public, max-age=3600');
      if (r.status === 200) r.headers.set('Content-Type', 'text/javascript; charset=utf-8');
      r.headers.set('Access-Control-Allow-Origin', '*');
      return r;
    },
  };
}

/** The campaign a page URL names: `…/campaigns/{slug}` on this server. */
function campaignSlugOf(url: string, origin: string): string | null {
  const u = new URL(url);
  if (u.origin !== origin) return null;
  const m = /^\/campaigns\/([a-z0-9][a-z0-9_-]{0,63})\/?$/.exec(u.pathname);
  return m ? m[1]! : null;
}

function pick(query: Record<string, string>, ...names: string[]): Record<string, string> {
  return Object.fromEntries(names.filter((n) => query[n] !== undefined).map((n) => [n, query[n]!]));
}
