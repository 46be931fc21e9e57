import { expect, fixtureCleanup } from '@open-wc/testing';
import {
  WIDGETS,
  errorPart,
  mount,
  norm,
  quickClient,
  readable,
  GARBAGE,
  staleNote,
  useBench,
  waitError,
  waitReady,
} from './kit.js';
import { waitUntil } from '@open-wc/testing';

/**
 * Memory across visits, for every data widget: a first visit online, a second one with the
 * backend unreachable (the last answer shows, marked with its age, then refreshes by itself once
 * the backend is back), a third one online again. A new client per visit: nothing carries over
 * but what the browser's storage kept.
 */
const bench = useBench();

const asOf = (el: Element) => norm(staleNote(el)?.textContent);

for (const w of WIDGETS) {
  describe(`${w.tag} remembers across visits`, function () {
    this.timeout(40_000);

    it('online, then offline (the last answer, marked with its age), then online again', async () => {
      const first = await mount(w, quickClient());
      await waitReady(first.el, 'first visit');
      // The live badge comes and goes with the stream: compare the data only.
      const shown = (el: Element) => readable(el).replace(/ ?En direct ?/, ' ');
      const seen = shown(first.el);
      fixtureCleanup();

      bench.fault = 'network';
      const second = await mount(w, quickClient());
      await waitUntil(() => staleNote(second.el), 'second visit shows remembered data', { timeout: 15_000 });
      expect(errorPart(second.el), 'no error instead of the data').to.equal(null);
      expect(asOf(second.el)).to.match(/^Données au \d\d:\d\d : la mise à jour a échoué\.$/);
      expect(readable(second.el)).not.to.match(GARBAGE);
      expect(second.el.shadowRoot!.querySelector('.stale')!.getAttribute('role')).to.equal('status');
      await expect(second.el).to.be.accessible();
      // Back: it refreshes by itself, the age notice goes.
      bench.fault = null;
      await waitReady(second.el, 'second visit refreshed once the backend is back');
      fixtureCleanup();

      const third = await mount(w, quickClient());
      await waitReady(third.el, 'third visit');
      expect(shown(third.el)).to.equal(seen);
    });

    it('no-memory: nothing kept, nothing shown but the error', async () => {
      const first = await mount(w, quickClient(), { 'no-memory': '' });
      await waitReady(first.el, 'first visit');
      fixtureCleanup();
      bench.fault = 'network';
      const second = await mount(w, quickClient(), { 'no-memory': '' });
      await waitError(second.el, 'error without memory');
      expect(staleNote(second.el)).to.equal(null);
    });
  });
}

describe('what memory keeps', function () {
  this.timeout(30_000);

  it('public answers only: no member token, no e-mail, nothing written', async () => {
    const board = WIDGETS.find((w) => w.tag === 'partage-share-board')!;
    const { el } = await mount(board, quickClient(), { 'member-token': 'demo-member-morgane' });
    await waitReady(el, 'board of a signed-in member');
    // The board is tall: the form goes on a page of its own, in view (widgets load near the viewport).
    fixtureCleanup();
    const form = WIDGETS.find((w) => w.tag === 'partage-pledge-form')!;
    await waitReady((await mount(form, quickClient())).el, 'pledge form');
    const kept = Object.keys(localStorage)
      .filter((k) => k.startsWith('partage:'))
      .map((k) => `${k} ${localStorage.getItem(k)}`);
    expect(kept.length).to.be.greaterThan(0);
    for (const entry of kept) {
      expect(entry).not.to.include('demo-member');
      expect(entry).not.to.match(/[\w.+-]+@[\w-]+\.[\w.]+/);
      expect(entry).not.to.match(/\/pledges|\/me\b|\/replies|\/reports/);
    }
  });

  it('the English notice says "as of"', async () => {
    const w = WIDGETS[0]!;
    await waitReady((await mount(w, quickClient(), { locale: 'en' })).el, 'first visit');
    fixtureCleanup();
    bench.fault = 'network';
    const { el } = await mount(w, quickClient(), { locale: 'en' });
    await waitUntil(() => staleNote(el), 'remembered', { timeout: 15_000 });
    expect(asOf(el)).to.match(/^Showing the data as of \d\d:\d\d( [AP]M)?: it could not be refreshed\.$/);
  });
});
