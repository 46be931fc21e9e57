import * as z from 'zod/mini';
import { HttpsUrl, Id } from './primitives.js';

/**
 * Snippets and oEmbed: what the reference server serves for pages that embed widgets without
 * building anything (bloggers, WordPress). Not called by the widgets themselves, so no widget
 * bundle carries these schemas.
 */

export const EmbedWidget = z.enum([
  'campaign-card',
  'campaign-progress',
  'countdown',
  'reward-tiers',
  'pledge-form',
  'backers',
  'social-share',
  'share-board',
  'listing-form',
  'neighbourhood-stats',
  'poll',
  'agenda',
]);

export const EmbedParams = z.object({ widget: EmbedWidget });

/** `GET /embed/{widget}`: the widget's resource and how it should look. */
export const EmbedQuery = z.object({
  campaign: z.optional(Id),
  neighbourhood: z.optional(Id),
  poll: z.optional(Id),
  locale: z.optional(z.enum(['fr', 'en'])),
  theme: z.optional(z.enum(['light', 'dark', 'auto'])),
  'heading-level': z.optional(z.enum(['2', '3', '4', '5', '6'])),
  /**
   * Widgets with a form: the page where a reader without JavaScript can take part, linked instead
   * of the form (default: the campaign's page; neighbourhood widgets have none in the contract).
   */
  page: z.optional(HttpsUrl),
  /**
   * `link` (default): the shadow root links its styles (a versioned, cacheable file of this
   * server), which pages with a strict Content-Security-Policy accept; `inline`: an inline
   * `<style>`, one request fewer, for pages that allow inline styles.
   */
  styles: z.optional(z.enum(['link', 'inline'])),
});
export type EmbedQuery = z.infer<typeof EmbedQuery>;

/** `GET /oembed` (https://oembed.com/, section 2.2). */
export const OEmbedQuery = z.object({
  url: HttpsUrl,
  format: z.optional(z.literal('json')),
  maxwidth: z.optional(z.string().check(z.regex(/^\d{1,5}$/, 'must be a whole number of pixels'))),
  maxheight: z.optional(z.string().check(z.regex(/^\d{1,5}$/, 'must be a whole number of pixels'))),
  locale: z.optional(z.enum(['fr', 'en'])),
});

/** A `rich` oEmbed answer: `html` is a blockquote with the campaign link and a sandboxed iframe. */
export const OEmbedResponse = z.object({
  version: z.literal('1.0'),
  type: z.literal('rich'),
  title: z.string(),
  author_name: z.string(),
  provider_name: z.string(),
  provider_url: HttpsUrl,
  cache_age: z.number(),
  html: z.string(),
  width: z.number(),
  height: z.number(),
});
export type OEmbedResponse = z.infer<typeof OEmbedResponse>;
