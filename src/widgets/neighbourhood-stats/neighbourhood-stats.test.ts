import { expect, fixture, html } from '@open-wc/testing';
import './define.js';
import '../provider/define.js';
import type { PartageNeighbourhoodStats } from './neighbourhood-stats.js';
import {
  $,
  $$,
  SAINT_MALO,
  textOf,
  until,
  useNeighbourhoodBackend,
} from '../../../test/support/neighbourhood-helpers.js';
import { LIVE_RETRIES, waitForStream } from '../../../test/support/live.js';

const API = 'https://stats.partage.test/v1';
const { backend } = useNeighbourhoodBackend(API);

const stats = (locale = 'en') =>
  fixture<PartageNeighbourhoodStats>(
    html`<partage-neighbourhood-stats
      api=${API}
      neighbourhood=${SAINT_MALO}
      locale=${locale}
    ></partage-neighbourhood-stats>`,
  );

/** Figures by term, as a reader sees them (`dt` → `dd`). */
function figures(el: PartageNeighbourhoodStats): Record<string, string> {
  return Object.fromEntries($$(el, '.stat').map((s) => [s.dataset.stat!, s.querySelector('dd')!.textContent!.trim()]));
}

const loaded = (el: PartageNeighbourhoodStats) => until(() => !!$(el, '[part="city"]'), 'stats loaded');
const openListings = () =>
  backend.store.listings.filter((l) => l.listing.neighbourhoodId === SAINT_MALO && l.listing.status === 'open').length;

const ORGANISER = 'demo-organiser-mairie';
const organiserView = (token: string | null, locale = 'en') =>
  fixture<PartageNeighbourhoodStats>(
    token
      ? html`<partage-neighbourhood-stats
          api=${API}
          neighbourhood=${SAINT_MALO}
          locale=${locale}
          partner-visits
          member-token=${token}
        ></partage-neighbourhood-stats>`
      : html`<partage-neighbourhood-stats
          api=${API}
          neighbourhood=${SAINT_MALO}
          locale=${locale}
          partner-visits
        ></partage-neighbourhood-stats>`,
  );
/** Follows a partner link as a reader's click does (the mock counts it). */
const follow = (partnerId: string) =>
  fetch(`${API}/neighbourhoods/${SAINT_MALO}/partners/${partnerId}/visit`, { redirect: 'manual' });
/** The organiser view's rows as a reader sees them: [partner, visits]. */
const visitRows = (el: PartageNeighbourhoodStats) =>
  $$(el, '[part="partner-visits-table"] tr').map((tr) => [...tr.children].map((c) => textOf(c)));

describe('<partage-neighbourhood-stats> organiser view (partner-visits)', () => {
  it('shows an organiser how many times each partner link was followed', async () => {
    for (const id of ['koolicar-saint-malo', 'koolicar-saint-malo', 'koolicar-saint-malo', 'drivy-saint-malo'])
      await follow(id);
    const el = await organiserView(ORGANISER);
    await until(() => !!$(el, '[part="partner-visits-table"]'), 'visits shown');
    expect(textOf($(el, 'caption'))).to.equal('Partner link visits organisers only; counts, no personal data');
    expect(visitRows(el)).to.deep.equal([
      ['Partner', 'Visits'],
      ['Koolicar', '3'],
      ['Drivy', '1'],
      ['Repair Café de Rocabey', '0'],
      ['Outilthèque de Saint-Servan', '0'],
      ['All partners', '4'],
    ]);
    await expect(el).to.be.accessible();
  });

  it('speaks French', async () => {
    await follow('koolicar-saint-malo');
    const el = await organiserView(ORGANISER, 'fr');
    await until(() => !!$(el, '[part="partner-visits-table"]'), 'visits shown');
    expect(textOf($(el, 'caption'))).to.match(/^Visites des liens partenaires/);
    expect(visitRows(el).at(-1)).to.deep.equal(['Tous les partenaires', '1']);
    await expect(el).to.be.accessible();
  });

  it('shows the counts to nobody else: members, readers without a token, or without the attribute', async () => {
    await follow('koolicar-saint-malo');
    const member = await organiserView('demo-member-morgane');
    const anonymous = await organiserView(null);
    const noAttribute = await fixture<PartageNeighbourhoodStats>(
      html`<partage-neighbourhood-stats
        api=${API}
        neighbourhood=${SAINT_MALO}
        locale="en"
        member-token=${ORGANISER}
      ></partage-neighbourhood-stats>`,
    );
    for (const el of [member, anonymous, noAttribute]) {
      await loaded(el);
      // Waits for both loads (the figures and the visits) to settle.
      await el.refresh();
      await el.updateComplete;
      expect($(el, '[part="partner-visits"]')).to.equal(null);
      expect(textOf($(el, 'section'))).not.to.match(/visits/i);
      expect($(el, '[part="error"]')).to.equal(null);
      await expect(el).to.be.accessible();
    }
  });
});

describe('<partage-neighbourhood-stats>', () => {
  it('reserves its layout with a skeleton while loading', async () => {
    backend.setLatency(Infinity);
    const el = await stats();
    await until(() => $(el, 'section')?.getAttribute('aria-busy') === 'true', 'busy');
    expect($$(el, 'dt .term').map((d) => textOf(d))).to.deep.equal([
      'Members',
      'Active sharers',
      'Exchanges',
      'Activity rate',
      'Open listings',
      'Poll votes',
      'Event sign-ups',
    ]);
    expect($$(el, 'dd .skeleton')).to.have.length(7);
    expect(textOf($(el, 'h2'))).to.equal('Loading…');
    await expect(el).to.be.accessible();
  });

  it('shows the name, the city and every figure in a description list', async () => {
    const el = await stats();
    await loaded(el);
    expect(textOf($(el, 'h2'))).to.equal('Saint-Malo — Intra-Muros et Saint-Servan');
    expect(textOf($(el, '[part="city"]'))).to.equal('Saint-Malo');
    expect(figures(el)).to.deep.equal({
      members: '1,240',
      activeSharers: '312',
      exchanges: '187',
      activityRate: '25%',
      openListings: String(openListings()),
      votes: '702',
      rsvps: '70',
    });
    expect(textOf($(el, '[data-stat="activeSharers"] dt'))).to.equal(
      'Active sharers offered, asked or replied in the last 30 days',
    );
    expect($(el, 'section')!.getAttribute('aria-busy')).to.equal('false');
    await expect(el).to.be.accessible();
  });

  it('follows new listings live', async () => {
    const el = await stats();
    await loaded(el);
    const before = Number(figures(el).openListings);
    await waitForStream(backend, `neighbourhoods/${SAINT_MALO}`, 'no live stream opened');
    await until(() => !!$(el, '[part="live"]'), 'live badge');
    backend.simulateListing(SAINT_MALO, { title: 'Brouette', category: 'garden' });
    await until(() => figures(el).openListings === String(before + 1), 'one more open listing');
    await expect(el).to.be.accessible();
  }).retries(LIVE_RETRIES);

  it('counts votes and event sign-ups live', async () => {
    const el = await stats();
    await loaded(el);
    await waitForStream(backend, `neighbourhoods/${SAINT_MALO}`, 'no live stream opened');
    const civic = backend.store.civic;
    const morgane = backend.store.memberByToken('demo-member-morgane')!;
    civic.vote(civic.findPoll('sm-poll-marche')!, morgane, ['gare']);
    await until(() => figures(el).votes === '703', 'one more vote');
    civic.rsvp(civic.findItem('sm-ag-repair')!, morgane, { response: 'going' });
    await until(() => figures(el).rsvps === '71', 'one more sign-up');
    await expect(el).to.be.accessible();
  }).retries(LIVE_RETRIES);

  it('shows a readable error with a retry that works', async () => {
    // Reads are retried by the client: fail every attempt of the first load.
    backend.failNext('getNeighbourhood', 500, { times: 3 });
    const el = await stats();
    await until(() => !!$(el, '[part="retry"]'), 'error state', 8000);
    expect(textOf($(el, '[role="alert"] p'))).to.equal('The service is unavailable right now.');
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '[part="retry"]')!.click();
    await loaded(el);
    expect(figures(el).members).to.equal('1,240');
  });

  it('keeps the last figures with a notice when a refresh fails', async () => {
    const el = await stats();
    await loaded(el);
    backend.failNext('getNeighbourhood', 404);
    await el.refresh();
    await until(() => !!$(el, '.stale'), 'stale notice');
    expect(figures(el).members).to.equal('1,240');
    await expect(el).to.be.accessible();
  });

  it('says it is offline, then loads by itself once back online', async () => {
    backend.setOffline(true);
    const el = await stats();
    await until(() => !!$(el, '[part="retry"]'), 'offline error', 8000);
    expect(textOf($(el, '[role="alert"] p'))).to.equal('You seem to be offline. Check your connection and try again.');
    backend.setOffline(false);
    window.dispatchEvent(new Event('online'));
    await loaded(el);
  });

  it('takes the heading level of the host page’s outline', async () => {
    const el = await fixture<PartageNeighbourhoodStats>(
      html`<partage-neighbourhood-stats
        api=${API}
        neighbourhood=${SAINT_MALO}
        heading-level="4"
      ></partage-neighbourhood-stats>`,
    );
    await loaded(el);
    expect($(el, '[part="name"]')!.tagName).to.equal('H4');
  });

  it('speaks French with French number formats, under a provider', async () => {
    const wrapper = await fixture(
      html`<partage-provider api=${API} locale="fr">
        <partage-neighbourhood-stats neighbourhood=${SAINT_MALO}></partage-neighbourhood-stats>
      </partage-provider>`,
    );
    const el = wrapper.querySelector('partage-neighbourhood-stats')!;
    await loaded(el);
    expect(textOf($(el, '[data-stat="members"] dt'))).to.equal('Membres');
    expect(figures(el).members).to.equal('1\u202f240');
    expect(figures(el).activityRate).to.equal('25\u00a0%');
    expect(textOf($(el, '[part="updated"]'))).to.match(/^Mis à jour /);
    await expect(el).to.be.accessible();
  });
});
