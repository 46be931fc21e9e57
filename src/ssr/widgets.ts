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
