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
} as const;

export type SnippetWidget = keyof typeof snippetWidgets;

export const isSnippetWidget = (name: string): name is SnippetWidget => Object.hasOwn(snippetWidgets, name);
