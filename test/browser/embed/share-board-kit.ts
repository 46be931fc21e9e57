import { waitUntil } from '@open-wc/testing';
import { MORGANE, SAINT_MALO } from '../../support/neighbourhood-helpers.js';
import { API } from './first-use-kit.js';

/** The share board's CDN file and its reply and report chunk, for first-use-kit.ts's `firstUsePage`. */
export const BOARD_FILE = '/dist/cdn/partage-share-board.js';
export const BOARD_CHUNK = /\/dist\/cdn\/chunks\/share-board-listing-interaction-[\w-]{8}\.js/;

/** `<partage-share-board>` of the CDN file, in French, signed in as Morgane, once its listings show. */
export async function shareBoard(parent: HTMLElement = document.body): Promise<HTMLElement> {
  const el = document.createElement('partage-share-board');
  el.setAttribute('api', API);
  el.setAttribute('neighbourhood', SAINT_MALO);
  el.setAttribute('member-token', MORGANE);
  el.setAttribute('locale', 'fr');
  parent.append(el);
  await waitUntil(() => listing(el), 'the listings did not show', { timeout: 10000 });
  return el;
}

export const listing = (el: Element) => el.shadowRoot?.querySelector<HTMLElement>('li[data-id="sm-01"]');
export const inListing = (el: Element, name: string) =>
  listing(el)?.querySelector<HTMLElement>(`[part~="${name}"]`) ?? null;
