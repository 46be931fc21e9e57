import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import type { SetupWorker } from 'msw/browser';
import { forgetAll } from '../../support/memory.js';
import { clientFor, invalidate } from '../../../src/core/data/clients.js';
import { createMockBackend } from '../../../src/mock/index.js';
import { startMockWorker } from '../../../src/mock/browser.js';
import '../../../src/widgets/campaign-card/define.js';

/*
 * The first load of a page of cards: the cards on screen read their campaigns in one request,
 * sent at the page's first frame (not after it was painted), and the cards far below the fold
 * read theirs only when the reader scrolls to them, again in one request.
 */

const BASE = 'https://api.first-load.test/v1';
const ON_SCREEN = ['atelier-ceramique', 'court-metrage-voisins', 'bd-la-maree', 'album-fanfare'];
const BELOW = ['librairie-solidaire', 'mon-petit-placement'];
const backend = createMockBackend({ baseUrl: BASE });
let worker: SetupWorker;

before(async () => {
  worker = await startMockWorker(backend);
});
after(() => worker.stop());
beforeEach(() => {
  backend.reset();
  invalidate(clientFor(BASE));
  forgetAll();
});
afterEach(() => {
  fixtureCleanup();
  window.scrollTo(0, 0);
});

/** Campaign reads the page sent, with the time each was sent (performance.now() at fetch). */
function watchReads() {
  const reads: { ids: string[]; at: number }[] = [];
  const real = window.fetch;
  window.fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.pathname === '/v1/campaigns')
      reads.push({ ids: (url.searchParams.get('ids') ?? '').split(','), at: performance.now() });
    else if (/^\/v1\/campaigns\/[^/]+$/.test(url.pathname))
      reads.push({ ids: [url.pathname.split('/').pop()!], at: performance.now() });
    return real(input, init);
  };
  return { reads, stop: () => void (window.fetch = real) };
}

const card = (id: string) =>
  html`<partage-campaign-card api=${BASE} campaign=${id} locale="en"></partage-campaign-card>`;
const amountShown = (el: Element) => !!el.shadowRoot?.querySelector('[part~=stat] dd')?.textContent?.trim();

describe('first load of a page of cards', () => {
  it('reads the campaigns on screen in one request sent before the first frame is drawn, the rest on scroll', async () => {
    const watch = watchReads();
    try {
      // After the first frame is painted: what the previous design waited for before its first read.
      let painted = Infinity;
      requestAnimationFrame(() => setTimeout(() => (painted = performance.now())));
      const page = await fixture<HTMLDivElement>(
        html`<div>
          <div style="display: grid; grid-template-columns: repeat(4, 1fr)">
            ${ON_SCREEN.flatMap((id) => [card(id), card(id)])}
          </div>
          <div style="height: 5000px"></div>
          ${BELOW.map(card)}
        </div>`,
      );
      const cards = [...page.querySelectorAll('partage-campaign-card')];
      // Generous timeouts: on a loaded machine the full suite has taken more than the default second.
      await waitUntil(() => cards.slice(0, 8).every(amountShown), 'the cards on screen show their amounts', {
        timeout: 5000,
      });
      expect(watch.reads).to.have.length(1);
      expect([...watch.reads[0]!.ids].sort()).to.deep.equal([...ON_SCREEN].sort());
      await waitUntil(() => painted < Infinity);
      expect(watch.reads[0]!.at).to.be.below(painted);
      expect(cards.slice(8).some(amountShown)).to.equal(false);

      cards[8]!.scrollIntoView();
      await waitUntil(() => cards.slice(8).every(amountShown), 'the cards below the fold load once scrolled to', {
        timeout: 5000,
      });
      expect(watch.reads).to.have.length(2);
      expect([...watch.reads[1]!.ids].sort()).to.deep.equal([...BELOW].sort());
    } finally {
      watch.stop();
    }
  });

  it('a hidden card (display: none) loads once shown', async () => {
    const watch = watchReads();
    try {
      const el = await fixture<HTMLElement>(html`<div hidden>${card('bd-la-maree')}</div>`);
      await new Promise((r) => setTimeout(r, 300));
      expect(watch.reads).to.have.length(0);
      el.hidden = false;
      await waitUntil(() => amountShown(el.firstElementChild!), 'the card loads once shown', { timeout: 5000 });
      expect(watch.reads).to.have.length(1);
    } finally {
      watch.stop();
    }
  });

  it('keeps the host content for its first moments, then a still skeleton that pulses only after a second', async () => {
    backend.setLatency(2500);
    try {
      const el = await fixture<HTMLElement>(
        html`<partage-campaign-card api=${BASE} campaign="album-fanfare" locale="en"
          ><a href="/album">The album</a></partage-campaign-card
        >`,
      );
      const skeleton = () => el.shadowRoot!.querySelector('.skeleton')!;
      // A fast answer would be drawn first, with no skeleton flashing before it.
      expect(skeleton(), 'no skeleton at once').to.equal(null);
      expect(el.querySelector('a')!.getBoundingClientRect().height, "the blogger's link still shows").to.be.above(0);
      await waitUntil(() => skeleton(), 'a skeleton once the answer is late', { timeout: 1000 });
      expect(el.querySelector('a')!.getBoundingClientRect().height, 'the skeleton in its place').to.equal(0);
      expect(getComputedStyle(skeleton()).animationName).to.equal('none');
      await waitUntil(() => el.matches(':state(slow)'), 'marked slow after a second', { timeout: 2000 });
      expect(getComputedStyle(skeleton()).animationName).to.equal('partage-pulse');
      await expect(el).to.be.accessible();
      await waitUntil(() => amountShown(el), 'the amount once the answer arrives', { timeout: 5000 });
      expect(el.matches(':state(slow)')).to.equal(false);
    } finally {
      backend.setLatency(0);
    }
  });
});
