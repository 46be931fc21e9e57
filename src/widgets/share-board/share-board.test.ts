import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import './define.js';
import '../provider/define.js';
import type { PartageShareBoard } from './share-board.js';
import {
  $,
  $$,
  choose,
  MORGANE,
  SAINT_MALO,
  textOf,
  type,
  until,
  useNeighbourhoodBackend,
} from '../../../test/support/neighbourhood-helpers.js';

const API = 'https://share-board.partage.test/v1';
const { backend, worker } = useNeighbourhoodBackend(API);

const board = (options: { token?: string; locale?: string } = {}) =>
  fixture<PartageShareBoard>(
    options.token
      ? html`<partage-share-board
          api=${API}
          neighbourhood=${SAINT_MALO}
          member-token=${options.token}
          locale=${options.locale ?? 'en'}
        ></partage-share-board>`
      : html`<partage-share-board
          api=${API}
          neighbourhood=${SAINT_MALO}
          locale=${options.locale ?? 'en'}
        ></partage-share-board>`,
  );

const titles = (el: PartageShareBoard) => $$(el, '[part~="toggle"]').map((b) => textOf(b));
const loaded = (el: PartageShareBoard) =>
  until(() => !!$(el, '[part~="listing"]') && !!$(el, '[part="partners"]'), 'board loaded');
const count = (el: PartageShareBoard) => textOf($(el, '[part="count"]'));
const announced = (el: PartageShareBoard) => textOf($(el, 'p[role="status"][aria-live="polite"]'));
const listing = (el: PartageShareBoard, title: string) =>
  $$(el, '[part~="listing"]').find((li) => textOf(li.querySelector('[part~="toggle"]')) === title);
/** Listings of the fixtures, as the server orders them (newest first). */
const fixtureListings = () =>
  backend.store.listings
    .filter((l) => l.listing.neighbourhoodId === SAINT_MALO)
    .map((l) => l.listing)
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));

describe('<partage-share-board>', () => {
  it('reserves its size with a busy skeleton while loading', async () => {
    backend.setLatency(Infinity);
    const el = await board();
    await until(() => $$(el, '.skeleton-listing').length === 4, 'skeleton');
    expect($(el, '.results')!.getAttribute('aria-busy')).to.equal('true');
    expect(textOf($(el, 'h2'))).to.equal('Loading…');
    await expect(el).to.be.accessible();
  });

  it('lists offers and requests newest first, with badges, an approximate place and reply counts', async () => {
    const el = await board();
    await loaded(el);
    expect(textOf($(el, 'h2'))).to.equal('Saint-Malo — Intra-Muros et Saint-Servan');
    expect(titles(el)).to.deep.equal(
      fixtureListings()
        .slice(0, 12)
        .map((l) => l.title),
    );
    expect(count(el)).to.equal('12 listings, more below');
    const drill = listing(el, 'Perceuse à percussion')!;
    expect(textOf(drill.querySelector('[part="kind"]'))).to.equal('Offer');
    expect(textOf(drill.querySelector('.type'))).to.equal('Lend · Tools');
    expect(textOf(drill.querySelector('[part~="status"]'))).to.equal('Open');
    expect(textOf(drill.querySelector('.meta'))).to.equal('Around Saint-Servan · 3 hours ago · 2 replies');
    const commode = listing(el, 'Commode en pin')!;
    expect(textOf(commode.querySelector('[part~="status"]'))).to.equal('Reserved');
    expect(textOf(listing(el, 'Tondeuse électrique')!.querySelector('.replies'))).to.equal('No replies yet');
    expect($(el, '.results')!.getAttribute('aria-busy')).to.equal('false');
    await expect(el).to.be.accessible();
  });

  it('shows partner services apart, with a badge and a safe link out', async () => {
    const el = await board();
    await loaded(el);
    const partners = $$(el, '[part="partner"]');
    expect(partners.map((p) => textOf(p.querySelector('h4')))).to.deep.equal([
      'Koolicar',
      'Drivy',
      'Repair Café de Rocabey',
      'Outilthèque de Saint-Servan',
    ]);
    const koolicar = partners[0]!;
    expect(textOf(koolicar.querySelector('[part="partner-badge"]'))).to.equal('Partner');
    expect(textOf(koolicar.querySelector('.badges .muted'))).to.equal('Car sharing');
    const link = koolicar.querySelector<HTMLAnchorElement>('a')!;
    // Through the backend's counter, never straight to the partner: the backend attributes it.
    expect(link.href).to.equal(`${API}/neighbourhoods/${SAINT_MALO}/partners/koolicar-saint-malo/visit`);
    expect(link.rel.split(' ')).to.include('noopener');
    expect(link.target).to.equal('_blank');
    expect(textOf(link)).to.equal('Visit Koolicar Leaves this site for www.koolicar.example (opens in a new tab)');
    // Partner services never mix with neighbours' listings.
    expect(titles(el)).not.to.include('Koolicar');
  });

  it('follows a partner link through the visit counter to the attributed partner page', async () => {
    const el = await board();
    await loaded(el);
    const link = $$<HTMLAnchorElement>(el, '[part="partner-link"]')[0]!;
    // The partner's site, as msw sees the browser land there after the backend's redirect.
    worker().use(http.get('https://www.koolicar.example/*', ({ request }) => HttpResponse.json({ at: request.url })));
    const landed = await fetch(link.href);
    const at = new URL(((await landed.json()) as { at: string }).at);
    expect(at.origin + at.pathname).to.equal('https://www.koolicar.example/saint-malo');
    expect(Object.fromEntries(at.searchParams)).to.deep.equal({
      utm_source: 'partage',
      utm_medium: 'partner-link',
      utm_campaign: 'mpv-saint-malo',
    });
    const visits = backend.store.partnerVisitsOf(backend.store.findNeighbourhood(SAINT_MALO)!);
    expect(visits.partners.map((p) => p.visits)).to.deep.equal([1, 0, 0, 0]);
    // The board itself never sees the counts.
    expect(textOf(el.shadowRoot!.querySelector('[part="partners"]'))).not.to.match(/visit[^ ]* \d/i);
    await expect(el).to.be.accessible();
  });

  it('reaches the partner links with the keyboard; Enter follows one', async () => {
    const el = await board();
    await loaded(el);
    const [koolicar, drivy] = $$<HTMLAnchorElement>(el, '[part="partner-link"]');
    let followed = '';
    // A new tab is not what this test is about: the click Enter makes is enough.
    koolicar!.addEventListener('click', (event) => {
      followed = koolicar!.href;
      event.preventDefault();
    });
    koolicar!.focus();
    await sendKeys({ press: 'Enter' });
    expect(followed).to.match(/\/partners\/koolicar-saint-malo\/visit$/);
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(drivy);
  });

  it('filters by kind, type and category, and announces the result', async () => {
    const el = await board();
    await loaded(el);
    $<HTMLInputElement>(el, 'input[name="filter-kind"][value="request"]')!.click();
    await until(
      () =>
        count(el) !== '' &&
        titles(el).length > 0 &&
        titles(el).every((t) => fixtureListings().find((l) => l.title === t)?.kind === 'request'),
      'requests only',
    );
    choose($(el, 'select[name="filter-type"]'), 'lend');
    await until(() => count(el) === '3 listings', 'three requests to borrow');
    expect(titles(el)).to.deep.equal([
      'Besoin d’une échelle de 3 m',
      'Appareil à raclette',
      'Vidéoprojecteur pour un soir',
    ]);
    expect(announced(el)).to.equal('3 listings');
    choose($(el, 'select[name="filter-category"]'), 'kitchen');
    await until(() => count(el) === '1 listing', 'one kitchen request');
    expect(titles(el)).to.deep.equal(['Appareil à raclette']);
    await expect(el).to.be.accessible();

    choose($(el, 'select[name="filter-type"]'), 'carpool');
    await until(() => !!$(el, '[part="empty"]'), 'nothing matches');
    expect(textOf($(el, '[part="empty"]'))).to.equal('No listing matches these filters.');
    $<HTMLButtonElement>(el, '[part="clear-filters"]')!.click();
    await until(() => count(el) === '12 listings, more below', 'filters cleared');
    expect(el.shadowRoot!.activeElement).to.equal($(el, 'input[name="filter-kind"][value=""]'));
  });

  it('searches after a pause in typing, with one request', async () => {
    const el = await board();
    await loaded(el);
    const searches: string[] = [];
    const onRequest = ({ request }: { request: Request }) => {
      const q = new URL(request.url).searchParams.get('q');
      if (q) searches.push(q);
    };
    worker().events.on('request:start', onRequest);
    const input = $<HTMLInputElement>(el, 'input[name="q"]')!;
    for (const text of ['v', 've', 'vel', 'velo']) type(input, text);
    await until(() => count(el) === '1 listing', 'one result');
    worker().events.removeListener('request:start', onRequest);
    expect(titles(el)).to.deep.equal(['Vélo enfant 20 pouces']);
    expect(searches).to.deep.equal(['velo']);
    expect($(el, 'form[role="search"]')).to.exist;
  });

  it('pages with "show more" and moves focus to the first new listing', async () => {
    const el = await board();
    await loaded(el);
    $<HTMLButtonElement>(el, '[part="more"]')!.click();
    await until(() => titles(el).length === 24, 'second page');
    const all = fixtureListings();
    expect(titles(el)).to.deep.equal(all.slice(0, 24).map((l) => l.title));
    expect(el.shadowRoot!.activeElement).to.equal(listing(el, all[12]!.title));
    $<HTMLButtonElement>(el, '[part="more"]')!.click();
    await until(() => titles(el).length === all.length, 'last page');
    expect($(el, '[part="more"]')).to.equal(null);
    expect(count(el)).to.equal(`${all.length} listings`);
    await expect(el).to.be.accessible();
  });

  it('opens a listing’s detail in place', async () => {
    const el = await board();
    await loaded(el);
    const item = listing(el, 'Perceuse à percussion')!;
    const toggle = item.querySelector<HTMLButtonElement>('[part~="toggle"]')!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(item.querySelector<HTMLElement>('[part="detail"]')!.hidden).to.equal(true);
    toggle.click();
    await until(() => toggle.getAttribute('aria-expanded') === 'true', 'expanded');
    const detail = item.querySelector<HTMLElement>('[part="detail"]')!;
    expect(detail.hidden).to.equal(false);
    expect(toggle.getAttribute('aria-controls')).to.equal(detail.id);
    expect(textOf(detail.querySelector('.description'))).to.equal(
      'Perceuse Bosch avec mèches béton et bois. À rendre sous une semaine.',
    );
    expect(textOf(detail.querySelector('.facts'))).to.match(/^Posted by David R\. · Until /);
    await expect(el).to.be.accessible();
    toggle.click();
    await until(() => detail.hidden, 'collapsed');
  });

  it('shows new listings arriving live on top, and announces them politely', async () => {
    const el = await board();
    await loaded(el);
    await until(() => backend.listeners(`neighbourhoods/${SAINT_MALO}`) > 0 && !!$(el, '[part="live"]'), 'live');
    backend.simulateListing(
      SAINT_MALO,
      { title: 'Brouette à prêter', type: 'lend', category: 'garden', place: { label: 'Paramé' } },
      MORGANE,
    );
    await until(() => titles(el)[0] === 'Brouette à prêter', 'live listing on top');
    expect(announced(el)).to.equal('New listing: Brouette à prêter');
    // A reply from another neighbour updates the listing's count in place.
    const reply = await fetch(`${API}/listings/sm-02/replies`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer demo-member-david' },
      body: JSON.stringify({ message: 'Je peux te la prêter samedi.' }),
    });
    expect(reply.status).to.equal(201);
    await until(
      () => textOf(listing(el, 'Besoin d’une échelle de 3 m')!.querySelector('.replies')) === '2 replies',
      'count',
    );
    expect(textOf(listing(el, 'Brouette à prêter')!.querySelector('.meta'))).to.match(/^Around Paramé · /);
    await expect(el).to.be.accessible();

    // A listing that does not match the filters stays out of the filtered list.
    $<HTMLInputElement>(el, 'input[name="filter-kind"][value="request"]')!.click();
    await until(() => count(el) === '11 listings' && !titles(el).includes('Brouette à prêter'), 'requests');
    backend.simulateListing(SAINT_MALO, { kind: 'offer', title: 'Cageot de pommes' }, MORGANE);
    backend.simulateListing(SAINT_MALO, { kind: 'request', title: 'Cherche un diable' }, MORGANE);
    await until(() => titles(el)[0] === 'Cherche un diable', 'matching live listing');
    expect(titles(el)).not.to.include('Cageot de pommes');
  });

  it('is read-only without a member token and asks the host page to sign the reader in', async () => {
    const el = await board();
    await loaded(el);
    expect($(el, '[part~="post-toggle"]')).to.equal(null);
    expect(textOf($(el, '.sign-in-prompt p'))).to.equal('Members of the neighbourhood can post, reply and report.');
    let event = oneEvent(el, 'partage-sign-in-request');
    $<HTMLButtonElement>(el, '.sign-in-prompt button')!.click();
    expect((await event).detail).to.deep.equal({ reason: 'post', neighbourhoodId: SAINT_MALO, expired: false });

    const item = listing(el, 'Perceuse à percussion')!;
    item.querySelector<HTMLButtonElement>('[part~="toggle"]')!.click();
    await until(() => !!item.querySelector('[part="actions"]'), 'detail');
    const buttons = [...item.querySelectorAll<HTMLButtonElement>('[part="actions"] button')];
    expect(buttons.map((b) => textOf(b))).to.deep.equal(['Sign in to reply', 'Sign in to report']);
    event = oneEvent(el, 'partage-sign-in-request');
    buttons[0]!.click();
    expect((await event).detail).to.deep.equal({
      reason: 'reply',
      neighbourhoodId: SAINT_MALO,
      expired: false,
      listingId: 'sm-01',
    });
    event = oneEvent(el, 'partage-sign-in-request');
    buttons[1]!.click();
    expect((await event).detail.reason).to.equal('report');
    await expect(el).to.be.accessible();

    // The host page signs the reader in: the board opens what they asked for last.
    buttons[0]!.click();
    el.memberToken = MORGANE;
    await until(() => !!item.querySelector('[part="reply-form"]'), 'reply form after sign-in');
    expect(el.shadowRoot!.activeElement).to.equal(item.querySelector('textarea[name="message"]'));
    expect($(el, '[part~="post-toggle"]')).to.exist;
  });

  it('shows a readable error with a retry that works', async () => {
    backend.failNext('listListings', 500, { times: 3 });
    const el = await board();
    await until(() => !!$(el, '[part="retry"]'), 'error', 8000);
    expect(textOf($(el, '.results [role="alert"] p'))).to.equal('The service is unavailable right now.');
    expect($(el, '.results')!.getAttribute('aria-busy')).to.equal('false');
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '[part="retry"]')!.click();
    await loaded(el);
    expect(titles(el)).to.have.length(12);
  });

  it('says it is offline, then loads by itself once back online', async () => {
    backend.setOffline(true);
    const el = await board();
    await until(() => !!$(el, '[part="retry"]'), 'offline', 8000);
    expect(textOf($(el, '.results [role="alert"] p'))).to.equal(
      'You seem to be offline. Check your connection and try again.',
    );
    await expect(el).to.be.accessible();
    backend.setOffline(false);
    window.dispatchEvent(new Event('online'));
    await loaded(el);
  });

  it('keeps the listings with a notice when a refresh fails', async () => {
    const el = await board();
    await loaded(el);
    backend.failNext('listListings', 404);
    await el.refresh();
    await until(() => !!$(el, '.stale'), 'stale notice');
    expect(titles(el)).to.have.length(12);
    await expect(el).to.be.accessible();
  });

  it('speaks French', async () => {
    const el = await board({ locale: 'fr' });
    await loaded(el);
    const drill = listing(el, 'Perceuse à percussion')!;
    expect(textOf(drill.querySelector('[part="kind"]'))).to.equal('Offre');
    expect(textOf(drill.querySelector('.type'))).to.equal('Prêt · Outils');
    expect(textOf(drill.querySelector('[part~="status"]'))).to.equal('Disponible');
    expect(textOf(drill.querySelector('.meta'))).to.equal('Secteur Saint-Servan · il y a 3 heures · 2 réponses');
    expect(textOf($(el, '[part="partner-badge"]'))).to.equal('Partenaire');
    expect(textOf($(el, '[part="partner-link"]'))).to.equal(
      'Découvrir Koolicar Quitte ce site pour www.koolicar.example (s’ouvre dans un nouvel onglet)',
    );
    expect(count(el)).to.equal('12 annonces, d’autres plus bas');
    expect(textOf($(el, '.sign-in-prompt button'))).to.equal('Se connecter pour publier');
    await expect(el).to.be.accessible();
  });

  it('fits its headings into the host page’s outline with heading-level', async () => {
    const el = await fixture<PartageShareBoard>(
      html`<partage-share-board api=${API} neighbourhood=${SAINT_MALO} heading-level="3"></partage-share-board>`,
    );
    await loaded(el);
    expect($(el, '[part="title"]')!.tagName).to.equal('H3');
    expect($(el, '#listings-heading')!.tagName).to.equal('H4');
    expect($(el, '.partners-heading')!.tagName).to.equal('H4');
    expect($(el, '.listing-title')!.tagName).to.equal('H5');
    expect($(el, '.partner-name')!.tagName).to.equal('H5');
    await expect(el).to.be.accessible();
  });

  it('works under a provider with its locale and member token', async () => {
    const wrapper = await fixture(
      html`<partage-provider api=${API} locale="fr" member-token=${MORGANE}>
        <partage-share-board neighbourhood=${SAINT_MALO}></partage-share-board>
      </partage-provider>`,
    );
    const el = wrapper.querySelector('partage-share-board')!;
    await loaded(el);
    expect(textOf($(el, '[part~="post-toggle"]'))).to.equal('Publier une annonce');
    expect($(el, '.sign-in-prompt')).to.equal(null);
  });
});
