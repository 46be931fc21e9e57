import { expect, waitUntil } from '@open-wc/testing';
import { fixture, html } from '@open-wc/testing';
import { WIDGETS, errorPart, isReady, mount, quickClient, useBench, waitError, waitReady } from './kit.js';

const bench = useBench();

describe('recovery schedule', function () {
  this.timeout(60_000);

  it('never knocks sooner than Retry-After asks', async () => {
    bench.fault = 'unavailable503';
    const w = WIDGETS[0]!;
    const { el } = await mount(w, quickClient());
    await waitError(el, 'error under 503');
    await waitUntil(() => bench.hits.length >= 3, 'a retry after the error', { timeout: 15_000 });
    bench.fault = null;
    await waitReady(el, 'back');
    const times = bench.hits.filter((h) => h.url.includes('/campaigns/')).map((h) => h.at);
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    // Retry-After: 1 → no two requests closer than a second (a lower bound: load only widens it).
    expect(Math.min(...gaps)).to.be.greaterThan(950);
  });

  it('a hidden page does not probe; visible again, it recovers at once', async () => {
    const visibility = Object.getOwnPropertyDescriptor(Document.prototype, 'visibilityState')!;
    let hidden = false;
    Object.defineProperty(document, 'visibilityState', {
      configurable: true,
      get: () => (hidden ? 'hidden' : 'visible'),
    });
    try {
      bench.fault = 'network';
      const { el } = await mount(WIDGETS[3]!, quickClient());
      await waitError(el, 'error');
      hidden = true;
      document.dispatchEvent(new Event('visibilitychange'));
      bench.fault = null;
      const before = bench.hits.length;
      await new Promise((r) => setTimeout(r, 5_000));
      expect(bench.hits.length, 'no request while hidden').to.equal(before);
      expect(isReady(el)).to.be.false;
      hidden = false;
      document.dispatchEvent(new Event('visibilitychange'));
      await waitReady(el, 'recovers once visible', 5_000);
    } finally {
      delete (document as { visibilityState?: unknown }).visibilityState;
      Object.defineProperty(Document.prototype, 'visibilityState', visibility);
    }
  });
});

describe('a page of many widgets', function () {
  this.timeout(90_000);

  it('while its backend is down, one widget probes for all; all come back', async () => {
    const campaigns = ['atelier-ceramique', 'court-metrage-voisins', 'bd-la-maree', 'album-fanfare'];
    const client = quickClient();
    bench.fault = 'network';
    const page = await fixture<HTMLElement>(
      html`<partage-provider .customClient=${client} locale="fr">
        <div style="display: grid; grid-template-columns: repeat(4, 240px); gap: 4px">
          ${campaigns.map((c) => html`<partage-campaign-progress campaign=${c}></partage-campaign-progress>`)}
          ${campaigns.map((c) => html`<partage-countdown campaign=${c}></partage-countdown>`)}
          ${campaigns.map((c) => html`<partage-backers campaign=${c} page-size="2"></partage-backers>`)}
          <partage-neighbourhood-stats neighbourhood="saint-malo-intra-muros"></partage-neighbourhood-stats>
          <partage-neighbourhood-stats neighbourhood="rennes-thabor"></partage-neighbourhood-stats>
        </div>
      </partage-provider>`,
    );
    const widgets = [...page.querySelectorAll<HTMLElement>('div > *')];
    await waitUntil(() => widgets.every((w) => errorPart(w)), 'every widget shows its error', { timeout: 20_000 });

    // Six seconds of outage once every widget has failed: how hard does the page knock?
    const from = bench.hits.length;
    await new Promise((r) => setTimeout(r, 6_000));
    const outage = bench.hits.slice(from);
    const isStream = (h: { url: string }) => /\/live(\?|$)/.test(h.url);
    const duringOutage = outage.filter((h) => !isStream(h)).length;
    // One probe at a time for the whole page (≤ 3 probes of ≤ 2 tries in 6 s), where every widget
    // on its own would send 14 × 2 × 2 at least.
    expect(duringOutage).to.be.at.most(6);
    // And the page's one live stream (every widget's subscriptions) backs off too: from 0.5–1 s,
    // doubling, so a few reconnections in 6 s.
    expect(outage.filter(isStream).length).to.be.at.most(4);

    bench.fault = null;
    const back = bench.hits.length;
    await waitUntil(() => widgets.every((w) => isReady(w)), 'every widget recovers by itself', {
      timeout: 30_000,
      interval: 100,
    });
    const toRecover = bench.hits.length - back;
    console.log(
      `[storm] ${widgets.length} widgets: ${duringOutage} requests in 6 s of outage, ${toRecover} to recover`,
    );
    // Identical reads share one request: at most one per distinct resource, plus the probe's.
    expect(toRecover).to.be.at.most(widgets.length + 2);
  });
});
