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
 * The room each widget takes once loaded, in a 36–42rem column, in `rem`: the widgets size their
 * text from the root font (`--partage-font-size`, 1rem by default), whatever the article's text
 * around them. For a page with plain snippets (no pre-rendering), the CSS rule `reserveRule()`
 * writes keeps that room from the first paint, so nothing below the widget moves when its script
 * and then its data arrive. (In `em`, as before, the room shrank when the element was upgraded:
 * before, `em` is the article's font, 18px on the article bench; after, the widget's own 16px, so
 * a card reserved 342px, then 304px, then took 337px.) Measured in French with the demo data
 * (`npm run bench:cls`); widgets whose height depends on their data (tiers, form, backers,
 * board, poll, agenda) need the height of the host's own content: the embed builder measures it.
 */
export const reservedHeights: Record<SnippetWidget, number> = {
  'campaign-card': 21.5,
  'campaign-progress': 15.5,
  countdown: 10,
  'reward-tiers': 65.5,
  'pledge-form': 47,
  backers: 56,
  'social-share': 7,
  'neighbourhood-stats': 30.5,
  'share-board': 137,
  'listing-form': 9.5,
  poll: 35.5,
  agenda: 61.5,
};

/** `partage-campaign-card{display:block;min-block-size:21.5rem}`: the host rule that keeps a widget's room. */
export function reserveRule(widget: SnippetWidget, height = reservedHeights[widget], prefix = 'partage'): string {
  return `${prefix}-${widget}{display:block;min-block-size:${height}rem}`;
}
