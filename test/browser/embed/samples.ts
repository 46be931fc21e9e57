/**
 * How to embed each element in a test page, and what a reader must see once it has loaded.
 * Keyed by element name without prefix (the keys of `elements` in src/define.ts): a widget added
 * to the bundle without a sample here fails the CDN test until it gets one.
 */
export interface EmbedSample {
  /** Attributes besides `api`. */
  attributes: Record<string, string>;
  /** Text the loaded widget shows (its shadow root's text, whitespace collapsed). */
  shows: RegExp;
}

export const samples: Record<string, EmbedSample> = {
  provider: { attributes: { locale: 'fr' }, shows: /^$/ },
  'campaign-card': { attributes: { campaign: 'atelier-ceramique' }, shows: /atelier céramique/i },
  'campaign-progress': { attributes: { campaign: 'mon-petit-placement' }, shows: /413/ },
  countdown: { attributes: { campaign: 'atelier-ceramique' }, shows: /\d/ },
  'reward-tiers': { attributes: { campaign: 'atelier-ceramique' }, shows: /tasse émaillée/i },
  'pledge-form': { attributes: { campaign: 'atelier-ceramique' }, shows: /€/ },
  backers: { attributes: { campaign: 'atelier-ceramique' }, shows: /\S/ },
  'social-share': { attributes: { campaign: 'atelier-ceramique' }, shows: /\S/ },
  'share-board': { attributes: { neighbourhood: 'saint-malo-intra-muros' }, shows: /Perceuse à percussion/ },
  'listing-form': { attributes: { neighbourhood: 'saint-malo-intra-muros' }, shows: /\S/ },
  'neighbourhood-stats': { attributes: { neighbourhood: 'saint-malo-intra-muros' }, shows: /1\s?240/ },
  poll: { attributes: { poll: 'sm-poll-marche' }, shows: /214/ },
  agenda: { attributes: { neighbourhood: 'saint-malo-intra-muros' }, shows: /Repair Café/ },
};

/** The text a reader sees in an element's shadow root, whitespace collapsed. */
export function shownText(el: Element): string {
  const walk = (node: Node): string => {
    if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
    if (node instanceof HTMLStyleElement || node instanceof HTMLScriptElement) return '';
    const children = node instanceof Element && node.shadowRoot ? node.shadowRoot.childNodes : node.childNodes;
    return Array.from(children, walk).join(' ');
  };
  return el.shadowRoot ? Array.from(el.shadowRoot.childNodes, walk).join(' ').replace(/\s+/g, ' ').trim() : '';
}
