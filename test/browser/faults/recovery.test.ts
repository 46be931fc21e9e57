import { expect, waitUntil } from '@open-wc/testing';
import { WIDGETS, isReady, mount, quickClient, useBench, waitError, waitReady } from './kit.js';

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
