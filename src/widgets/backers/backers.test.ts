import { aTimeout, expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import type { SetupWorker } from 'msw/browser';
import { forgetAll } from '../../../test/support/memory.js';
import type { Transport } from '../../client/transport.js';
import type { SubscribeOptions } from '../../client/types.js';
import type { Backer, CampaignEvent } from '../../contract/index.js';
import { clientFor, invalidate } from '../../core/data/clients.js';
import { createMockBackend } from '../../mock/index.js';
import { startMockWorker } from '../../mock/browser.js';
import './define.js';
import type { PartageBackers } from './backers.js';
import { withFirstPage, withLiveBacker, withNextPage } from '../../core/data/backer-list.js';
import '../provider/define.js';
import { LIVE_RETRIES, waitForStream } from '../../../test/support/live.js';

// A base URL of its own, so no other test file shares this client's cache or streams.
const BASE = 'https://api.backers-widget.test/v1';
const CAMPAIGN = 'atelier-ceramique'; // 12 seeded backers, 3 of them anonymous
const backend = createMockBackend({ baseUrl: BASE });
let worker: SetupWorker;

before(async () => {
  worker = await startMockWorker(backend);
});
after(() => worker.stop());
beforeEach(() => {
  backend.reset();
  worker.resetHandlers();
  invalidate(clientFor(BASE));
  // Memory across visits would otherwise answer for the backend in the fault tests.
  forgetAll();
});
afterEach(() => fixtureCleanup());

const root = (el: PartageBackers) => el.shadowRoot!;
const textOf = (node: Element | ShadowRoot | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const items = (el: PartageBackers) => [...root(el).querySelectorAll<HTMLLIElement>('ol > li[part~="backer"]')];
const names = (el: PartageBackers) => items(el).map((li) => textOf(li.querySelector('[part~="name"]')));
const moreButton = (el: PartageBackers) => root(el).querySelector<HTMLButtonElement>('button[part~="more"]');
const status = (el: PartageBackers) => textOf(root(el).querySelector('[role="status"][aria-live="polite"]'));

async function loaded(el: PartageBackers): Promise<PartageBackers> {
  await waitUntil(() => root(el).querySelector('ol, [part~="empty"]'), 'the list did not load', { timeout: 5000 });
  return el;
}

function backers(pageSize = 5, campaign = CAMPAIGN, locale = 'en') {
  return fixture<PartageBackers>(
    html`<partage-backers api=${BASE} campaign=${campaign} page-size=${pageSize} locale=${locale}></partage-backers>`,
  );
}

describe('partage-backers', () => {
  it('reserves its size with a busy skeleton while the first page loads', async () => {
    backend.setLatency(Infinity);
    const el = await backers(5);
    await waitUntil(() => root(el).querySelector('[aria-busy="true"]'));
    const skeleton = root(el).querySelectorAll('ul[aria-hidden="true"] li');
    expect(skeleton.length).to.equal(5);
    expect(textOf(root(el))).to.include('Loading…');
    expect(root(el).querySelector('ol')).to.equal(null);
    expect(root(el).querySelector<HTMLElement>('[part~="base"]')!.offsetHeight).to.be.greaterThan(200);
    await expect(el).to.be.accessible();
  });

  it('lists the newest backers first, with amount, message and relative time', async () => {
    const el = await loaded(await backers(5));
    expect(root(el).querySelector('[part~="base"]')!.getAttribute('aria-busy')).to.equal('false');
    expect(names(el)).to.deep.equal(['Maëlle R.', 'Yannick P.', 'Anonymous', 'Claire D.', 'Hugo B.']);
    const first = items(el)[0]!;
    expect(textOf(first.querySelector('[part~="amount"]'))).to.equal('€25');
    expect(textOf(first.querySelector('[part~="message"]'))).to.equal('Hâte de voir le four allumé !');
    expect(textOf(first.querySelector('[part~="time"]'))).to.equal('2 hours ago');
    expect(first.querySelector('time')!.getAttribute('datetime')).to.match(/^\d{4}-\d\d-\d\dT/);
    // Yannick left no message: no empty quote.
    expect(items(el)[1]!.querySelector('[part~="message"]')).to.equal(null);
    const list = root(el).querySelector('ol')!;
    expect(list.getAttribute('aria-labelledby')).to.equal('title');
    expect(textOf(root(el).getElementById('title'))).to.equal('Recent backers');
    await expect(el).to.be.accessible();
  });

  it('shows anonymous backers as "Anonymous" with neither name nor amount', async () => {
    const el = await loaded(await backers(5));
    const anonymous = items(el)[2]!;
    expect(textOf(anonymous.querySelector('[part~="name"]'))).to.equal('Anonymous');
    expect(anonymous.querySelector('[part~="amount"]')).to.equal(null);
    expect(textOf(anonymous.querySelector('[part~="avatar"]'))).to.equal('?');
    // The public message stays: the backer chose to share it.
    expect(textOf(anonymous.querySelector('[part~="message"]'))).to.equal('Bravo Lou');
    // The seed stores anonymous pledges under the name "Contributeur": it must never leak.
    expect(textOf(root(el))).not.to.include('Contributeur');
    await expect(el).to.be.accessible();
  });

  it('never shows a name the backer hid, even when a server sends one', async () => {
    const leaky: Backer = {
      id: 'leaky-1',
      anonymous: true,
      displayName: 'Secret Person',
      amount: null,
      message: null,
      rewardId: null,
      createdAt: new Date(Date.now() - 60_000).toISOString(),
    };
    worker.use(
      http.get(`${BASE}/campaigns/${CAMPAIGN}/backers`, () => HttpResponse.json({ items: [leaky], nextCursor: null })),
    );
    const el = await loaded(await backers(5));
    expect(names(el)).to.deep.equal(['Anonymous']);
    expect(textOf(root(el))).not.to.include('Secret');
    expect(textOf(items(el)[0]!.querySelector('[part~="time"]'))).to.equal('1 minute ago');
  });

  it('pages with "show more" and moves focus to the first new backer (keyboard)', async () => {
    const el = await loaded(await backers(5));
    const more = moreButton(el)!;
    expect(textOf(more)).to.equal('Show more backers');
    more.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => items(el).length === 10, 'second page not shown');
    await el.updateComplete;
    expect(names(el).slice(5)).to.deep.equal(['Anonymous', 'Soizic L.', 'Erwan M.', 'Nadia K.', 'Thomas G.']);
    expect(root(el).activeElement).to.equal(items(el)[5]);
    await expect(el).to.be.accessible();

    // The last page: the button goes away and focus lands on the first of the last two.
    moreButton(el)!.focus();
    await sendKeys({ press: 'Space' });
    await waitUntil(() => items(el).length === 12, 'last page not shown');
    await el.updateComplete;
    expect(moreButton(el)).to.equal(null);
    expect(names(el).slice(10)).to.deep.equal(['Anonymous', 'Gwen T.']);
    expect(root(el).activeElement).to.equal(items(el)[10]);
    expect(new Set(items(el).map((li) => li.dataset.id)).size).to.equal(12);
    await expect(el).to.be.accessible();
  });

  it('keeps the list and offers to try again when a further page fails', async () => {
    const el = await loaded(await backers(5));
    // Every attempt of the client (it retries server errors) fails.
    backend.failNext('cursor=', 503, { times: 3 });
    moreButton(el)!.click();
    await waitUntil(() => root(el).querySelector('.more-error'), 'no paging error', { timeout: 5000 });
    const alert = root(el).querySelector('.more-error')!;
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(textOf(alert)).to.equal('More backers could not be loaded. The service is unavailable right now.');
    expect(items(el)).to.have.length(5);
    await expect(el).to.be.accessible();
    moreButton(el)!.click();
    await waitUntil(() => items(el).length === 10, 'retry did not load the page', { timeout: 5000 });
    expect(root(el).querySelector('.more-error')).to.equal(null);
  });

  it('puts a backer arriving live on top and announces it politely', async () => {
    const el = await loaded(await backers(5));
    await waitForStream(backend, `campaigns/${CAMPAIGN}`);
    await waitUntil(() => root(el).querySelector('[part~="live"]'), 'no live badge');
    expect(textOf(root(el).querySelector('[part~="live"]'))).to.equal('Live');

    backend.simulatePledge(CAMPAIGN, 4_000, { name: 'Alix M.', message: 'Pour Lou !' });
    await waitUntil(() => names(el)[0] === 'Alix M.', 'live backer not shown');
    expect(textOf(items(el)[0]!.querySelector('[part~="amount"]'))).to.equal('€40');
    expect(textOf(items(el)[0]!.querySelector('[part~="message"]'))).to.equal('Pour Lou !');
    expect(status(el)).to.equal('New backer: Alix M.');
    expect(items(el)).to.have.length(6);
    await expect(el).to.be.accessible();

    backend.simulatePledge(CAMPAIGN, 1_000, { name: 'Hidden Name', anonymous: true });
    await waitUntil(() => items(el).length === 7, 'anonymous live backer not shown');
    expect(names(el)[0]).to.equal('Anonymous');
    expect(items(el)[0]!.querySelector('[part~="amount"]')).to.equal(null);
    expect(status(el)).to.equal('New backer: Anonymous');
    expect(textOf(root(el))).not.to.include('Hidden Name');

    // A refresh brings the same backers from the server: each is still listed once.
    await el.refresh();
    await el.updateComplete;
    expect(names(el).filter((n) => n === 'Alix M.')).to.have.length(1);
    expect(items(el)).to.have.length(7);
  }).retries(LIVE_RETRIES);

  it('lists a backer once when the stream delivers it twice, and ignores events without a backer', async () => {
    let handlers: SubscribeOptions<CampaignEvent> | undefined;
    const real = clientFor(BASE);
    // Widgets subscribe through the transport's follow(): replacing it hands the test the handlers.
    const client: Transport = {
      ...real,
      follow: (_resource, _endpoint, _params, _poll, options) => {
        handlers = options as unknown as SubscribeOptions<CampaignEvent>;
        options.onState?.('open');
        return () => undefined;
      },
    };
    const provider = await fixture(
      html`<partage-provider .customClient=${client} locale="en">
        <partage-backers campaign=${CAMPAIGN} page-size="3"></partage-backers>
      </partage-provider>`,
    );
    const el = await loaded(provider.querySelector('partage-backers')!);
    await waitUntil(() => handlers, 'not subscribed');
    const backer: Backer = {
      id: 'live-1',
      anonymous: false,
      displayName: 'Noé V.',
      amount: { amount: 1_500, currency: 'EUR' },
      message: null,
      rewardId: null,
      createdAt: new Date().toISOString(),
    };
    const totals = { pledged: { amount: 1, currency: 'EUR' }, backerCount: 1, waitlistCount: 0 };
    const event: CampaignEvent = { type: 'pledge.created', campaignId: CAMPAIGN, totals, reward: null, backer };
    handlers!.onEvent(event);
    handlers!.onEvent(event);
    handlers!.onEvent({ ...event, backer: null }); // a waitlisted investor is not a backer
    await el.updateComplete;
    expect(names(el)).to.deep.equal(['Noé V.', 'Maëlle R.', 'Yannick P.', 'Anonymous']);
    expect(textOf(items(el)[0]!.querySelector('[part~="time"]'))).to.equal('just now');
    expect(status(el)).to.equal('New backer: Noé V.');
  });

  it('invites the first backer when there is none yet', async () => {
    const el = await loaded(await backers(5, 'bd-la-maree'));
    const empty = root(el).querySelector('[part~="empty"]')!;
    expect(textOf(empty)).to.equal('Be the first to back this project');
    expect(root(el).querySelector('ol')).to.equal(null);
    expect(moreButton(el)).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows a readable error with a retry that recovers', async () => {
    backend.failNext('listBackers', 500, { times: 3 });
    const el = await backers(5);
    await waitUntil(() => root(el).querySelector('[role="alert"]'), 'no error shown', { timeout: 5000 });
    expect(textOf(root(el).querySelector('[role="alert"] p'))).to.equal('The service is unavailable right now.');
    await expect(el).to.be.accessible();
    const retry = root(el).querySelector<HTMLButtonElement>('[part~="retry"]')!;
    expect(textOf(retry)).to.equal('Try again');
    retry.focus();
    await sendKeys({ press: 'Enter' });
    await loaded(el);
    expect(names(el)[0]).to.equal('Maëlle R.');
    expect(root(el).querySelector('[role="alert"]')).to.equal(null);
  });

  it('says when a campaign does not exist', async () => {
    const el = await backers(5, 'nope');
    await waitUntil(() => root(el).querySelector('[role="alert"]'), 'no error shown', { timeout: 5000 });
    expect(textOf(root(el).querySelector('[role="alert"] p'))).to.equal('This content could not be found.');
  });

  it('tells an offline reader, and loads by itself once back online', async () => {
    backend.setOffline(true);
    const el = await backers(5);
    await waitUntil(() => root(el).querySelector('[role="alert"]'), 'no offline error', { timeout: 5000 });
    expect(textOf(root(el).querySelector('[role="alert"] p'))).to.equal(
      'You seem to be offline. Check your connection and try again.',
    );
    await expect(el).to.be.accessible();
    backend.setOffline(false);
    window.dispatchEvent(new Event('online'));
    await loaded(el);
    expect(items(el)).to.have.length(5);
  });

  it('keeps the list with a stale notice when a refresh fails', async () => {
    const el = await loaded(await backers(5));
    let failure: Event | undefined;
    el.addEventListener('partage-error', (e) => (failure = e));
    backend.setOffline(true);
    await el.refresh();
    await el.updateComplete;
    expect(textOf(root(el).querySelector('.stale'))).to.match(
      /^Showing the data as of \d\d:\d\d( [AP]M)?: it could not be refreshed\.$/,
    );
    expect(items(el)).to.have.length(5);
    expect((failure as CustomEvent).detail.operation).to.equal('listBackers');
    await expect(el).to.be.accessible();
    backend.setOffline(false);
    window.dispatchEvent(new Event('online'));
    // Back online, the page's next probe goes out within a jittered second (core/data/recovery.ts).
    await waitUntil(() => !root(el).querySelector('.stale'), 'stale notice stayed', { timeout: 5_000 });
  });

  it('speaks French: texts, amounts and times', async () => {
    const el = await loaded(await backers(5, CAMPAIGN, 'fr'));
    expect(textOf(root(el).getElementById('title'))).to.equal('Derniers contributeurs');
    expect(names(el)[2]).to.equal('Anonyme');
    // Intl puts a narrow no-break space before the euro sign in French.
    expect(textOf(items(el)[0]!.querySelector('[part~="amount"]'))).to.match(/^25\s€$/);
    expect(textOf(items(el)[0]!.querySelector('[part~="time"]'))).to.equal('il y a 2 heures');
    expect(textOf(moreButton(el))).to.equal('Voir plus de contributeurs');
    await expect(el).to.be.accessible();
  });

  it('takes its locale from a provider and the empty text in French', async () => {
    const provider = await fixture(
      html`<partage-provider api=${BASE} locale="fr">
        <partage-backers campaign="bd-la-maree"></partage-backers>
      </partage-provider>`,
    );
    const el = await loaded(provider.querySelector('partage-backers')!);
    expect(textOf(root(el).querySelector('[part~="empty"]'))).to.equal('Soyez le premier à soutenir ce projet');
    await expect(el).to.be.accessible();
  });

  it('lets partners override texts', async () => {
    const el = await fixture<PartageBackers>(
      html`<partage-backers
        api=${BASE}
        campaign="bd-la-maree"
        locale="en"
        texts='{"empty":"Start the wave!"}'
      ></partage-backers>`,
    );
    await loaded(el);
    expect(textOf(root(el).querySelector('[part~="empty"]'))).to.equal('Start the wave!');
  });

  it('explains a missing api or campaign instead of staying blank', async () => {
    const noApi = await fixture<PartageBackers>(
      html`<partage-backers campaign=${CAMPAIGN} locale="en"></partage-backers>`,
    );
    expect(textOf(root(noApi).querySelector('[role="alert"]'))).to.include('needs an api attribute');
    const noCampaign = await fixture<PartageBackers>(html`<partage-backers api=${BASE} locale="en"></partage-backers>`);
    expect(textOf(root(noCampaign).querySelector('[role="alert"]'))).to.equal(
      'This widget needs a campaign attribute.',
    );
    await expect(noCampaign).to.be.accessible();
  });

  it('far below the fold, fetches nothing and opens no stream until it nears the viewport', async () => {
    const seen: string[] = [];
    const log = ({ request }: { request: Request }) => void seen.push(new URL(request.url).pathname);
    worker.events.on('request:start', log);
    try {
      const page = await fixture<HTMLDivElement>(
        html`<div>
          <div style="height: 4000px"></div>
          <partage-backers api=${BASE} campaign=${CAMPAIGN} locale="en"></partage-backers>
        </div>`,
      );
      const el = page.querySelector('partage-backers')!;
      await aTimeout(300);
      expect(seen).to.deep.equal([]);
      expect(backend.listeners(`campaigns/${CAMPAIGN}`)).to.equal(0);
      el.scrollIntoView();
      await loaded(el);
      await waitForStream(backend, `campaigns/${CAMPAIGN}`, 'no live stream once visible');
      expect(seen).to.include('/v1/campaigns/atelier-ceramique/backers');
    } finally {
      worker.events.removeListener('request:start', log);
      window.scrollTo(0, 0);
    }
  }).retries(LIVE_RETRIES);

  it('makes no request once removed from the page', async () => {
    const el = await loaded(await backers(5));
    await waitForStream(backend, `campaigns/${CAMPAIGN}`);
    const seen: string[] = [];
    const log = ({ request }: { request: Request }) => void seen.push(request.url);
    worker.events.on('request:start', log);
    el.remove();
    // Nothing may be served from the cache either: any fetch would reach the backend.
    invalidate(clientFor(BASE));
    await aTimeout(300);
    worker.events.removeListener('request:start', log);
    expect(seen).to.deep.equal([]);
    await waitUntil(() => backend.listeners(`campaigns/${CAMPAIGN}`) === 0, 'the live stream stayed open');
  }).retries(LIVE_RETRIES);

  it('loads the other campaign when the attribute changes, without mixing lists', async () => {
    const el = await loaded(await backers(5));
    el.campaign = 'librairie-solidaire';
    await waitUntil(() => names(el)[0] === 'Armelle J.', 'other campaign not shown');
    expect(names(el)).to.deep.equal(['Armelle J.', 'Anonymous', 'Benoît S.']);
    expect(moreButton(el)).to.equal(null);
    await aTimeout(0);
  });
});

describe('backer list merging', () => {
  const b = (id: string, minutesAgo: number): Backer => ({
    id,
    anonymous: false,
    displayName: id,
    amount: null,
    message: null,
    rewardId: null,
    createdAt: new Date(Date.UTC(2026, 0, 1, 12, 0) - minutesAgo * 60_000).toISOString(),
  });

  it('appends only unseen backers and reports them', () => {
    const first = withFirstPage(undefined, 'k', { items: [b('a', 1), b('b', 2)], nextCursor: 'c1' });
    const { list, added } = withNextPage(first, { items: [b('b', 2), b('c', 3)], nextCursor: null });
    expect(list.items.map((x) => x.id)).to.deep.equal(['a', 'b', 'c']);
    expect(added.map((x) => x.id)).to.deep.equal(['c']);
    expect(list.nextCursor).to.equal(null);
    expect(list.pages).to.equal(2);
  });

  it('keeps paged backers and the paging position on a refresh of the same list', () => {
    let list = withFirstPage(undefined, 'k', { items: [b('a', 1), b('b', 2)], nextCursor: 'c1' });
    list = withNextPage(list, { items: [b('c', 3), b('d', 4)], nextCursor: 'c2' }).list;
    const refreshed = withFirstPage(list, 'k', { items: [b('new', 0), b('a', 1)], nextCursor: 'x' });
    expect(refreshed.items.map((x) => x.id)).to.deep.equal(['new', 'a', 'b', 'c', 'd']);
    expect(refreshed.nextCursor).to.equal('c2');
    // Another campaign starts over.
    const other = withFirstPage(list, 'other', { items: [b('z', 1)], nextCursor: null });
    expect(other.items.map((x) => x.id)).to.deep.equal(['z']);
  });

  it('adds a live backer on top once', () => {
    const list = withFirstPage(undefined, 'k', { items: [b('a', 1)], nextCursor: null });
    const next = withLiveBacker(list, b('n', 0))!;
    expect(next.items.map((x) => x.id)).to.deep.equal(['n', 'a']);
    expect(withLiveBacker(next, b('n', 0))).to.equal(null);
  });
});
