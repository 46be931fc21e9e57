/**
 * The widgets that can be served as snippets, and the attribute that names their resource.
 * Plain data, shared by the server-side renderer, the reference server and the docs.
 */
export const snippetWidgets = {
  'campaign-card': 'campaign',
  'campaign-progress': 'campaign',
  countdown: 'campaign',
  'reward-tiers': 'campaign',
  'pledge-form': 'campaign',
  backers: 'campaign',
  'social-share': 'campaign',
  'share-board': 'neighbourhood',
  'listing-form': 'neighbourhood',
  'neighbourhood-stats': 'neighbourhood',
  poll: 'poll',
  agenda: 'neighbourhood',
} as const;

export type SnippetWidget = keyof typeof snippetWidgets;

export const isSnippetWidget = (name: string): name is SnippetWidget => Object.hasOwn(snippetWidgets, name);

/**
 * Widgets whose form needs the script: pre-rendered, they carry a link to the page where a reader
 * without JavaScript can act (shown instead of the form, see src/core/element/page-link.ts).
 */
export const pageLinkWidgets: Partial<Record<SnippetWidget, 'campaign' | 'neighbourhood'>> = {
  'pledge-form': 'campaign',
  'listing-form': 'neighbourhood',
  'share-board': 'neighbourhood',
  poll: 'neighbourhood',
  agenda: 'neighbourhood',
};

/** The link's text; `none`: no page known (the contract has no neighbourhood page address). */
export const pageLinkTexts = {
  en: {
    campaign: 'Contribute on the campaign page',
    neighbourhood: 'Take part on the neighbourhood page',
    none: 'Taking part needs JavaScript.',
  },
  fr: {
    campaign: 'Soutenir sur la page de la campagne',
    neighbourhood: 'Participer sur la page du quartier',
    none: 'Participer demande JavaScript.',
  },
} as const;

/**
 * The room each widget takes once loaded, in a 36–42rem column, in `em` of the host's font (the
 * widgets size their text in em): for a page with plain snippets (no pre-rendering), the CSS rule
 * `reserveRule()` writes keeps that room from the first paint, so nothing below the widget moves
 * when its script and then its data arrive. Measured with the demo data (`npm run bench:cls`);
 * widgets whose height depends on their data (tiers, form, backers, board, poll, agenda) need the
 * height of the host's own content: the embed builder measures it.
 */
export const reservedHeights: Record<SnippetWidget, number> = {
  'campaign-card': 19,
  'campaign-progress': 14,
  countdown: 9,
  'reward-tiers': 58.5,
  'pledge-form': 41.5,
  backers: 50,
  'social-share': 6.5,
  'neighbourhood-stats': 27,
  'share-board': 137,
  'listing-form': 8.5,
  poll: 35.5,
  agenda: 61.5,
};

/** `partage-campaign-card{display:block;min-block-size:19em}`: the host rule that keeps a widget's room. */
export function reserveRule(widget: SnippetWidget, height = reservedHeights[widget], prefix = 'partage'): string {
  return `${prefix}-${widget}{display:block;min-block-size:${height}em}`;
}
