import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { getResponse, http, HttpResponse } from 'msw';
import { choose, type } from '../../support/neighbourhood-helpers.js';
import { BASE, WIDGETS, mount, norm, quickClient, readable, GARBAGE, useBench, waitReady } from './kit.js';

/**
 * Writes under faults: a pledge or a post in flight is never stored twice. A pledge whose answer
 * is lost after the backend stored it is retried with the same Idempotency-Key and replayed; a
 * 500 (outcome unknown) is not retried at all; a post (no idempotency key) is sent once whatever
 * happens, and the reader sees a readable error with the form still filled.
 */
const bench = useBench();

const $ = <T extends Element>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);

async function pledgeForm() {
  const w = WIDGETS.find((x) => x.tag === 'partage-pledge-form')!;
  const { el } = await mount(w, quickClient());
  await waitReady(el, 'pledge form');
  const set = (id: string, value: string) => type($<HTMLInputElement>(el, `#${id}`), value);
  set('pf-amount', '12');
  set('pf-name', 'Camille Durand');
  set('pf-email', 'camille@example.org');
  await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  return el;
}

const serverError = () =>
  HttpResponse.json(
    { type: 'about:blank', title: 'Internal Server Error', status: 500, code: 'internal_error' },
    { status: 500, headers: { 'Content-Type': 'application/problem+json' } },
  );

const backers = async () => {
  const res = await fetch(`${BASE}/campaigns/atelier-ceramique`);
  return ((await res.json()) as { backerCount: number }).backerCount;
};

describe('writes under faults', function () {
  this.timeout(30_000);

  it('a pledge whose answer is lost is retried with its key and stored once', async () => {
    const keys: (string | null)[] = [];
    let lose = true;
    bench.worker.use(
      http.post(`${BASE}/campaigns/:id/pledges`, async ({ request }) => {
        keys.push(request.headers.get('Idempotency-Key'));
        if (!lose) return undefined;
        lose = false;
        // The backend stores the pledge, then the connection drops before the answer arrives.
        await getResponse(bench.backend.handlers, request);
        return HttpResponse.error();
      }),
    );
    const before = await backers();
    const el = await pledgeForm();
    const created = oneEvent(el, 'partage-pledge-created');
    $<HTMLButtonElement>(el, '[part~="submit"]')!.click();
    await created;
    expect(keys).to.have.length(2);
    expect(keys[0]).to.be.a('string');
    expect(keys[1]).to.equal(keys[0]);
    expect(await backers()).to.equal(before + 1);
  });

  it('a pledge answered 500 is not sent again: the reader decides, with the answers kept', async () => {
    let sent = 0;
    bench.worker.use(
      http.post(`${BASE}/campaigns/:id/pledges`, () => {
        sent++;
        return serverError();
      }),
    );
    const el = await pledgeForm();
    $<HTMLButtonElement>(el, '[part~="submit"]')!.click();
    await waitUntil(() => $(el, '[role="alert"]'), 'error shown', { timeout: 10_000 });
    await new Promise((r) => setTimeout(r, 1_500));
    expect(sent).to.equal(1);
    expect(readable(el)).not.to.match(GARBAGE);
    expect($<HTMLInputElement>(el, '#pf-email')!.value).to.equal('camille@example.org');
    await expect(el).to.be.accessible();
  });

  for (const failure of ['network', 'problem500'] as const) {
    it(`a post that fails (${failure}) is sent once, with a readable error`, async () => {
      let sent = 0;
      bench.worker.use(
        http.post(`${BASE}/neighbourhoods/:id/listings`, () => {
          sent++;
          return failure === 'network' ? HttpResponse.error() : serverError();
        }),
      );
      const { el } = await mount(
        { tag: 'partage-listing-form', attrs: { neighbourhood: 'saint-malo-intra-muros' } },
        quickClient(),
        {
          'member-token': 'demo-member-morgane',
          locale: 'en',
        },
      );
      await waitUntil(() => $(el, 'button[type="submit"]'), 'listing form', { timeout: 10_000 });
      $<HTMLInputElement>(el, 'input[name="kind"][value="offer"]')!.click();
      choose($(el, 'select[name="type"]'), 'lend');
      choose($(el, 'select[name="category"]'), 'tools');
      type($(el, 'input[name="title"]'), 'Scie circulaire');
      type($(el, 'textarea[name="description"]'), 'Avec une lame neuve, à rendre sous huit jours.');
      type($(el, 'input[name="place.label"]'), 'Rocabey');
      $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
      await waitUntil(() => norm($(el, '[role="alert"]')?.textContent).length > 0, 'error shown', { timeout: 10_000 });
      await new Promise((r) => setTimeout(r, 1_500));
      expect(sent).to.equal(1);
      expect(readable(el)).not.to.match(GARBAGE);
      expect($<HTMLInputElement>(el, 'input[name="title"]')!.value).to.equal('Scie circulaire');
      await expect(el).to.be.accessible();
    });
  }
});
