import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AgendaItem } from '../../contract/index.js';
import './define.js';
import type { PartageAgenda } from './agenda.js';
import { agendaItemToICalendar, foldLine } from './agenda-ics.js';
import {
  $,
  $$,
  MORGANE,
  SAINT_MALO,
  textOf,
  until,
  useNeighbourhoodBackend,
} from '../../../test/support/neighbourhood-helpers.js';
import { LIVE_RETRIES, waitForStream } from '../../../test/support/live.js';

const API = 'https://agenda.partage.test/v1';
const { backend } = useNeighbourhoodBackend(API);

const agenda = (options: { token?: string; locale?: string; neighbourhood?: string } = {}) =>
  fixture<PartageAgenda>(
    html`<partage-agenda
      api=${API}
      neighbourhood=${options.neighbourhood ?? SAINT_MALO}
      locale=${options.locale ?? 'en'}
      member-token=${options.token ?? ''}
    ></partage-agenda>`,
  );

const loaded = (el: PartageAgenda) =>
  until(() => $$(el, '[part="item"]').length > 0 || !!$(el, '[part="empty"]'), 'agenda loaded');
const item = (el: PartageAgenda, id: string) => $(el, `[data-item="${id}"]`)!;
const places = (el: PartageAgenda, id: string) => textOf(item(el, id).querySelector('[part="places"]'));

// ---- a strict reader of RFC 5545, enough to prove the file is a valid calendar event ----------

interface Property {
  name: string;
  params: string;
  value: string;
}

/** Unfolds (§3.1) and splits content lines; throws on anything a calendar would reject. */
function parseICalendar(text: string): { lines: string[]; components: Record<string, Property[]> } {
  expect(text.endsWith('\r\n'), 'ends with CRLF').to.equal(true);
  const physical = text.slice(0, -2).split('\r\n');
  const encoder = new TextEncoder();
  for (const line of physical) {
    expect(line.includes('\n') || line.includes('\r'), `bare line break in ${JSON.stringify(line)}`).to.equal(false);
    expect(encoder.encode(line).length, `line over 75 octets: ${line}`).to.be.at.most(75);
  }
  const lines: string[] = [];
  for (const line of physical) {
    if (line.startsWith(' ') || line.startsWith('\t')) lines[lines.length - 1] += line.slice(1);
    else lines.push(line);
  }
  const stack: string[] = [];
  const components: Record<string, Property[]> = {};
  for (const line of lines) {
    const match = /^([A-Z0-9-]+)((?:;[^:]*)?):(.*)$/.exec(line);
    expect(match, `not a content line: ${line}`).to.not.equal(null);
    const [, name, params, value] = match!;
    if (name === 'BEGIN') {
      stack.push(value!);
      components[value!] = [];
    } else if (name === 'END') expect(stack.pop()).to.equal(value);
    else components[stack.at(-1)!]!.push({ name: name!, params: params!, value: value! });
  }
  expect(stack, 'every BEGIN has its END').to.deep.equal([]);
  return { lines, components };
}

/** TEXT value unescaping (§3.3.11); throws on an unescaped `;` or `,`. */
function unescapeText(value: string): string {
  expect(/(^|[^\\])(\\\\)*[;,]/.test(value), `unescaped ; or , in ${value}`).to.equal(false);
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

const tricky: AgendaItem = {
  id: 'ag-test',
  neighbourhoodId: SAINT_MALO,
  title: 'Fête des voisins; apéro, musique & crêpes 🎉 — édition spéciale avec un titre assez long pour être plié',
  description: 'Ligne 1\nLigne 2 avec \\ antislash, virgule; point-virgule',
  startsAt: '2027-06-04T16:30:00Z',
  endsAt: '2027-06-04T20:00:00Z',
  place: { label: 'Square Bouvet, 35400 Saint-Malo' },
  organiser: { name: 'Mairie de Saint-Malo', kind: 'municipality' },
  capacity: 50,
  going: 3,
  waitlisted: 0,
  remaining: 47,
  status: 'scheduled',
  createdAt: '2027-05-01T08:00:00Z',
  updatedAt: '2027-05-02T08:00:00Z',
};

describe('agenda .ics (RFC 5545)', () => {
  it('is one valid VEVENT: UTC times, escaped text, folded lines', () => {
    const text = agendaItemToICalendar(tricky, {
      host: 'api.partage.test',
      now: new Date('2027-05-03T10:00:00.123Z'),
      organiserLine: 'Organised by Mairie de Saint-Malo',
    });
    const { components } = parseICalendar(text);
    const calendar = Object.fromEntries(components.VCALENDAR!.map((p) => [p.name, p.value]));
    expect(calendar).to.deep.include({ VERSION: '2.0', METHOD: 'PUBLISH' });
    expect(calendar.PRODID).to.be.a('string');
    const event = Object.fromEntries(components.VEVENT!.map((p) => [p.name, p.value]));
    for (const required of ['UID', 'DTSTAMP', 'DTSTART', 'DTEND']) expect(event).to.have.property(required);
    expect(event.UID).to.equal('ag-test@api.partage.test');
    expect(event.DTSTART).to.equal('20270604T163000Z');
    expect(event.DTEND).to.equal('20270604T200000Z');
    expect(event.DTSTAMP).to.equal('20270503T100000Z');
    for (const t of [event.DTSTART, event.DTEND, event.DTSTAMP]) expect(t).to.match(/^\d{8}T\d{6}Z$/);
    expect(unescapeText(event.SUMMARY!)).to.equal(tricky.title);
    expect(unescapeText(event.DESCRIPTION!)).to.equal(`${tricky.description}\n\nOrganised by Mairie de Saint-Malo`);
    expect(unescapeText(event.LOCATION!)).to.equal('Square Bouvet, 35400 Saint-Malo');
    expect(event.STATUS).to.equal('CONFIRMED');
    expect(
      text.split('\r\n').some((l) => l.startsWith(' ')),
      'the long title was folded',
    ).to.equal(true);
  });

  it('folds between characters, never inside one', () => {
    const line = `SUMMARY:${'é'.repeat(100)}`;
    const folded = foldLine(line);
    for (const part of folded.split('\r\n')) expect(new TextEncoder().encode(part).length).to.be.at.most(75);
    expect(
      folded
        .split('\r\n')
        .map((p, i) => (i ? p.slice(1) : p))
        .join(''),
    ).to.equal(line);
  });

  it('marks a cancelled event CANCELLED', () => {
    const text = agendaItemToICalendar(
      { ...tricky, status: 'cancelled' },
      { host: 'h', now: new Date(), organiserLine: '' },
    );
    expect(parseICalendar(text).components.VEVENT!.find((p) => p.name === 'STATUS')!.value).to.equal('CANCELLED');
  });
});

describe('<partage-agenda>', () => {
  it('reserves its size with a skeleton while loading, and passes axe', async () => {
    backend.setLatency(Infinity);
    const el = await agenda();
    await until(() => $(el, 'section')?.getAttribute('aria-busy') === 'true', 'busy');
    expect($$(el, '.item-skeleton')).to.have.length(3);
    await expect(el).to.be.accessible();
  });

  it('lists upcoming events soonest first with dates in the reader’s locale and places left', async () => {
    const el = await agenda();
    await loaded(el);
    expect($$(el, '[part="item-title"]').map((h) => textOf(h))).to.deep.equal([
      'Repair Café : on répare ensemble',
      'Réunion publique : le plan vélo de Saint-Servan',
      'Troc de plantes et de graines',
      'Nettoyage de la plage du Sillon',
    ]);
    const repair = backend.store.civic.findItem('sm-ag-repair')!.item;
    const expected = new Intl.DateTimeFormat('en', { weekday: 'long', day: 'numeric', month: 'long' }).format(
      new Date(repair.startsAt),
    );
    expect(textOf(item(el, 'sm-ag-repair').querySelector('[part="when"]'))).to.contain(expected);
    expect(item(el, 'sm-ag-repair').querySelector('time')!.getAttribute('datetime')).to.equal(repair.startsAt);
    expect(places(el, 'sm-ag-repair')).to.equal('8 places left of 20');
    expect(places(el, 'sm-ag-reunion')).to.equal('43 people going');
    expect(places(el, 'sm-ag-troc')).to.equal('Full: you can join the waitlist · 3 on the waitlist');
    expect(places(el, 'sm-ag-sillon')).to.equal('Cancelled');
    expect(item(el, 'sm-ag-sillon').querySelector('[part="rsvp"]'), 'no answer to a cancelled event').to.equal(null);
    expect(textOf(item(el, 'sm-ag-troc').querySelector('[part="rsvp"]'))).to.equal(
      'Join the waitlist: Troc de plantes et de graines',
    );
    await expect(el).to.be.accessible();
  });

  it('shows French dates and texts', async () => {
    const el = await agenda({ locale: 'fr' });
    await loaded(el);
    const repair = backend.store.civic.findItem('sm-ag-repair')!.item;
    const expected = new Intl.DateTimeFormat('fr', { weekday: 'long', day: 'numeric', month: 'long' }).format(
      new Date(repair.startsAt),
    );
    expect(textOf(item(el, 'sm-ag-repair').querySelector('[part="when"]'))).to.contain(expected);
    expect(places(el, 'sm-ag-repair')).to.equal('8 places restantes sur 20');
    expect(textOf($(el, '[part="title"]'))).to.equal('L’agenda du quartier');
    await expect(el).to.be.accessible();
  });

  it('asks the host page to sign in, then saves the answer by itself', async () => {
    const el = await agenda();
    await loaded(el);
    const asked = oneEvent(el, 'partage-sign-in-request');
    item(el, 'sm-ag-repair').querySelector<HTMLButtonElement>('[part="rsvp"]')!.click();
    expect((await asked).detail).to.deep.include({
      reason: 'rsvp',
      neighbourhoodId: SAINT_MALO,
      itemId: 'sm-ag-repair',
    });
    await until(() => !!$(el, '[role="alert"]'), 'sign-in alert');
    await expect(el).to.be.accessible();
    const saved = oneEvent(el, 'partage-rsvp');
    el.memberToken = MORGANE;
    expect((await saved).detail).to.deep.equal({ itemId: 'sm-ag-repair', status: 'going', waitlistPosition: null });
    await until(() => places(el, 'sm-ag-repair') === '7 places left of 20', 'one place taken');
    expect(textOf(item(el, 'sm-ag-repair').querySelector('[part="status"]'))).to.equal('You are going.');
  });

  it('going, not going and the waitlist, with the keyboard', async () => {
    const el = await agenda({ token: MORGANE });
    await loaded(el);
    const troc = () => item(el, 'sm-ag-troc').querySelector<HTMLButtonElement>('[part="rsvp"]')!;
    troc().focus();
    await sendKeys({ press: 'Enter' });
    await until(() => !!item(el, 'sm-ag-troc').querySelector('[part="status"]'), 'answered');
    expect(textOf(item(el, 'sm-ag-troc').querySelector('[part="status"]'))).to.equal(
      'You are on the waitlist (number 4).',
    );
    expect(places(el, 'sm-ag-troc')).to.equal('Full: you can join the waitlist · 4 on the waitlist');
    expect(textOf($(el, '[role="status"]'))).to.equal('Your answer to “Troc de plantes et de graines” was saved.');
    await expect(el).to.be.accessible();
    troc().focus();
    await sendKeys({ press: 'Space' });
    await until(
      () => textOf(item(el, 'sm-ag-troc').querySelector('[part="status"]')) === 'You said you cannot go.',
      'left',
    );
    expect(places(el, 'sm-ag-troc')).to.equal('Full: you can join the waitlist · 3 on the waitlist');
  });

  it('moves a waitlisted member in live when a place frees up', async () => {
    const el = await agenda({ token: MORGANE });
    await loaded(el);
    await waitForStream(backend, `neighbourhoods/${SAINT_MALO}`, 'no live stream opened');
    const civic = backend.store.civic;
    const troc = civic.findItem('sm-ag-troc')!;
    const david = backend.store.memberByToken('demo-member-david')!;
    // Raise the capacity by one: David takes it; Morgane then joins the waitlist and David leaves.
    civic.updateItem(troc, { capacity: 16 });
    civic.rsvp(troc, david, { response: 'going' });
    item(el, 'sm-ag-troc').querySelector<HTMLButtonElement>('[part="rsvp"]')!.click();
    await until(() => /waitlist/.test(textOf(item(el, 'sm-ag-troc').querySelector('[part="status"]'))), 'waitlisted');
    civic.rsvp(troc, david, { response: 'not_going' });
    await until(() => textOf(item(el, 'sm-ag-troc').querySelector('[part="status"]')) === 'You are going.', 'promoted');
  }).retries(LIVE_RETRIES);

  it('shows new and cancelled events live', async () => {
    const el = await agenda();
    await loaded(el);
    await waitForStream(backend, `neighbourhoods/${SAINT_MALO}`, 'no live stream opened');
    const civic = backend.store.civic;
    civic.cancelItem(civic.findItem('sm-ag-repair')!);
    await until(() => places(el, 'sm-ag-repair') === 'Cancelled', 'cancelled live');
    await expect(el).to.be.accessible();
  }).retries(LIVE_RETRIES);

  it('refuses an answer to an event cancelled meanwhile with a readable message', async () => {
    const el = await agenda({ token: MORGANE });
    await loaded(el);
    backend.setOffline(false);
    const civic = backend.store.civic;
    // Cancelled on the server without the widget knowing yet (no live event reaches it first).
    civic.findItem('sm-ag-reunion')!.item.status = 'cancelled';
    item(el, 'sm-ag-reunion').querySelector<HTMLButtonElement>('[part="rsvp"]')!.click();
    await until(() => textOf($(el, '[role="alert"]')) === 'This event was cancelled.', 'refused');
    await until(() => places(el, 'sm-ag-reunion') === 'Cancelled', 'refreshed');
    await expect(el).to.be.accessible();
  });

  it('downloads the event as an .ics file that parses as a valid VEVENT', async () => {
    const el = await agenda();
    await loaded(el);
    const blobs: Blob[] = [];
    const original = URL.createObjectURL;
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      blobs.push(blob as Blob);
      return original.call(URL, blob);
    };
    let downloaded = '';
    const onClick = (e: Event) => {
      const a = e.composedPath()[0];
      if (a instanceof HTMLAnchorElement && a.download) {
        downloaded = a.download;
        e.preventDefault(); // no file dialog in the test browser
      }
    };
    el.shadowRoot!.addEventListener('click', onClick, true);
    try {
      item(el, 'sm-ag-repair').querySelector<HTMLButtonElement>('[part="calendar"]')!.click();
      await until(() => blobs.length === 1, 'file made');
    } finally {
      URL.createObjectURL = original;
      el.shadowRoot!.removeEventListener('click', onClick, true);
    }
    expect(downloaded).to.equal('repair-cafe-on-repare-ensemble.ics');
    expect(blobs[0]!.type).to.equal('text/calendar;charset=utf-8');
    const { components } = parseICalendar(await blobs[0]!.text());
    const event = Object.fromEntries(components.VEVENT!.map((p) => [p.name, p.value]));
    const repair = backend.store.civic.findItem('sm-ag-repair')!.item;
    expect(unescapeText(event.SUMMARY!)).to.equal(repair.title);
    expect(unescapeText(event.LOCATION!)).to.equal(repair.place.label);
    expect(event.DTSTART).to.equal(repair.startsAt.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z'));
  });

  it('shows an empty agenda', async () => {
    const el = await agenda({ neighbourhood: 'rennes-thabor' });
    await loaded(el);
    expect(textOf($(el, '[part="empty"]'))).to.equal('Nothing planned for now.');
    await expect(el).to.be.accessible();
  });

  it('shows a readable error with a retry, and passes axe', async () => {
    backend.failNext('listAgenda', 503, { times: 3 }); // the client retries GETs up to 3 times
    const el = await agenda();
    await until(() => !!$(el, '[role=alert]'), 'error shown');
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '[part="retry"]')!.click();
    await loaded(el);
  });
});
