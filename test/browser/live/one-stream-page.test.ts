import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../../src/widgets/campaign-card/define.js';
import '../../../src/widgets/campaign-progress/define.js';
import '../../../src/widgets/pledge-form/define.js';
import '../../../src/widgets/provider/define.js';
import '../../../src/widgets/share-board/define.js';
import { formatMoney } from '../../../src/core/i18n/format.js';

/*
 * Against the real reference server (started by the test runner, scripts/reference-server-plugin.mjs):
 * a page with 12 live campaigns as cards and progress bars, a share board and a pledge form. Before
 * the multiplexed stream, such a page held one stream per campaign, hit the browser's 6
 * connections per host and could never submit its pledge form.
 */

interface Sandbox {
  campaignId: string;
  neighbourhoodId: string;
}
const get = async <T>(path: string): Promise<T> => (await fetch(path)).json() as Promise<T>;

/** Counts the event streams the page holds open at once, as the browser sees them. */
function watchStreams() {
  const real = window.fetch;
  const counts = { open: 0, max: 0, opened: 0 };
  window.fetch = async (input, init) => {
    const res = await real(input, init);
    if (!(res.headers.get('Content-Type') ?? '').startsWith('text/event-stream') || !res.body) return res;
    counts.opened++;
    counts.max = Math.max(counts.max, ++counts.open);
    let closed = false;
    const done = () => {
      if (!closed) {
        closed = true;
        counts.open--;
      }
    };
    init?.signal?.addEventListener('abort', done);
    const reader = res.body.getReader();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        try {
          const chunk = await reader.read();
          if (chunk.done) {
            done();
            controller.close();
          } else controller.enqueue(chunk.value);
        } catch (error) {
          done();
          controller.error(error);
        }
      },
      cancel(reason) {
        done();
        return reader.cancel(reason);
      },
    });
    return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
  };
  return { counts, restore: () => void (window.fetch = real) };
}

describe('one page, one stream (real reference server)', function () {
  this.timeout(60_000);
  let restore = () => undefined as void;
  afterEach(() => restore());

  it('12 live campaigns, a share board and a pledge form hold one stream; each card shows its own new total', async () => {
    const { baseUrl } = await get<{ baseUrl: string }>('/__reference/base');
    const sandboxes: Sandbox[] = [];
    for (let i = 0; i < 12; i++) sandboxes.push(await get<Sandbox>('/__reference/sandbox'));
    const ids = sandboxes.map((s) => s.campaignId);
    const streams = watchStreams();
    restore = streams.restore;

    const page = await fixture<HTMLDivElement>(html`
      <div>
        <partage-provider api=${baseUrl} locale="en">
          ${ids.map(
            (id) => html`
              <partage-campaign-card campaign=${id}></partage-campaign-card>
              <partage-campaign-progress campaign=${id}></partage-campaign-progress>
            `,
          )}
          <partage-share-board neighbourhood=${sandboxes[0]!.neighbourhoodId}></partage-share-board>
          <partage-pledge-form campaign=${ids[0]!} checkout-target="_self"></partage-pledge-form>
        </partage-provider>
      </div>
    `);
    const cards = [...page.querySelectorAll('partage-campaign-card')];
    const bars = [...page.querySelectorAll('partage-campaign-progress')];
    const form = page.querySelector('partage-pledge-form')!;
    const board = page.querySelector('partage-share-board')!;
    const cardAmount = (el: Element) => el.shadowRoot?.querySelector('[part~="stat"] dd')?.textContent?.trim();
    const barAmount = (el: Element) => el.shadowRoot?.querySelector('[part~="amount"]')?.textContent?.trim();
    const zero = formatMoney({ amount: 0, currency: 'EUR' }, 'en', { compact: true });

    // Widgets below the fold load as they near the viewport: scroll through the page like a reader.
    for (const el of [...cards, form, board]) {
      el.scrollIntoView();
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    await waitUntil(
      () => cards.every((c) => cardAmount(c) === zero),
      `every card shows its amount (${cards.map(cardAmount).join(' ')})`,
      { timeout: 20_000 },
    );
    await waitUntil(() => form.shadowRoot?.querySelector('[part~="form"]'), 'the pledge form', { timeout: 20_000 });
    await waitUntil(() => board.shadowRoot?.querySelector('[part~="list"], [part~="empty"]'), 'the share board', {
      timeout: 20_000,
    });
    // Every widget is subscribed: the server holds exactly one live connection, the page's.
    await waitUntil(
      async () => (await get<{ connections: number }>('/__reference/streams')).connections === 1,
      'one stream on the server',
      { timeout: 20_000 },
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await get<{ connections: number }>('/__reference/streams')).connections).to.equal(1);
    expect(streams.counts.open, 'streams open in the page').to.equal(1);
    expect(streams.counts.max, 'never more than one at a time').to.equal(1);

    // A pledge from the form succeeds (the page still has connections to spare).
    const input = (id: string) => form.shadowRoot!.querySelector<HTMLInputElement>(`#${id}`)!;
    for (const [id, value] of [
      ['pf-amount', '12'],
      ['pf-name', 'Camille Durand'],
      ['pf-email', 'camille@example.org'],
    ] as const) {
      input(id).value = value;
      input(id).dispatchEvent(new Event('input', { bubbles: true }));
      input(id).dispatchEvent(new Event('blur'));
    }
    const created = oneEvent(form, 'partage-pledge-created');
    form.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
    const { detail } = (await created) as CustomEvent<{ pledge: { status: string } }>;
    expect(detail.pledge.status).to.equal('confirmed');

    // Pledges on the eleven other campaigns, each a different amount.
    for (let i = 1; i < 12; i++) {
      const res = await fetch(`${baseUrl}/campaigns/${ids[i]}/pledges`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
        body: JSON.stringify({
          amount: { amount: (i + 1) * 1_200, currency: 'EUR' },
          backer: { name: `Backer ${i}`, email: `backer${i}@example.org` },
        }),
      });
      expect(res.status, await res.clone().text()).to.equal(201);
    }
    const expected = ids.map((_, i) =>
      formatMoney({ amount: (i + 1) * 1_200, currency: 'EUR' }, 'en', { compact: true }),
    );
    await waitUntil(
      () => cards.every((c, i) => cardAmount(c) === expected[i]),
      `each card shows its own total (${cards.map(cardAmount).join(' ')})`,
      { timeout: 20_000 },
    );
    await waitUntil(
      () => bars.every((b, i) => barAmount(b) === expected[i]),
      `each progress bar shows its own total (${bars.map(barAmount).join(' ')})`,
      { timeout: 20_000 },
    );
    expect(streams.counts.max).to.equal(1);
    expect((await get<{ connections: number }>('/__reference/streams')).connections).to.equal(1);
  });
});
