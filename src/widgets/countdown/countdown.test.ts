import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Campaign } from '../../contract/index.js';
import { clientFor, invalidate } from '../../core/data/clients.js';
import type { PartageCountdown } from './countdown.js';
import { breakdown, nextChangeIn } from './countdown.time.js';
import './define.js';
import '../provider/define.js';
import {
  controlledStream,
  hasState,
  norm,
  part,
  parts,
  textOf,
  useMockBackend,
  waitForPart,
} from '../../../test/support/campaign-test-kit.js';

const BASE = 'https://api.countdown.test/v1';
const { backend, worker } = useMockBackend(BASE);

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const inMs = (ms: number) => new Date(Date.now() + ms).toISOString();

/**
 * Records the timers the countdown itself sets (recognised by the stack), so tests can check
 * that there is exactly one, aligned to the next change, and that it is cleared.
 */
function recordTimers() {
  const original = {
    setTimeout: window.setTimeout,
    clearTimeout: window.clearTimeout,
    setInterval: window.setInterval,
  };
  const real = {
    set: original.setTimeout.bind(window),
    clear: original.clearTimeout.bind(window),
    interval: original.setInterval.bind(window),
  };
  // Frames: Error, mine, the patched function, then its caller: only direct calls count.
  const mine = () => ((new Error().stack ?? '').split('\n')[3] ?? '').includes('/widgets/countdown/countdown.ts');
  const timers: { id: number; delay: number; done: boolean }[] = [];
  let intervals = 0;
  window.setTimeout = ((fn: () => void, delay?: number, ...rest: unknown[]) => {
    if (!mine()) return real.set(fn, delay, ...rest);
    const timer = { id: 0, delay: delay ?? 0, done: false };
    timer.id = real.set(() => {
      timer.done = true;
      fn();
    }, delay);
    timers.push(timer);
    return timer.id;
  }) as typeof setTimeout;
  window.clearTimeout = ((id?: number) => {
    const timer = timers.find((t) => t.id === id);
    if (timer) timer.done = true;
    real.clear(id);
  }) as typeof clearTimeout;
  window.setInterval = ((...args: Parameters<typeof setInterval>) => {
    if (mine()) intervals++;
    return real.interval(...args);
  }) as typeof setInterval;
  return {
    /** Timers set and neither fired nor cleared. */
    pending: () => timers.filter((t) => !t.done),
    intervals: () => intervals,
    restore() {
      Object.assign(window, original);
    },
  };
}

let timers: ReturnType<typeof recordTimers>;
beforeEach(() => {
  timers = recordTimers();
});
afterEach(() => timers.restore());

async function countdown(attrs: { endsAt?: string; startsAt?: string; precision?: string; locale?: string }) {
  const el = await fixture<PartageCountdown>(
    html`<partage-countdown
      ends-at=${attrs.endsAt ?? ''}
      starts-at=${attrs.startsAt ?? ''}
      precision=${attrs.precision ?? 'minute'}
      locale=${attrs.locale ?? 'fr'}
    ></partage-countdown>`,
  );
  await el.updateComplete;
  return el;
}

async function campaignCountdown(campaign: string, locale = 'fr') {
  const el = await fixture<PartageCountdown>(
    html`<partage-countdown api=${BASE} campaign=${campaign} locale=${locale}></partage-countdown>`,
  );
  await waitUntil(() => part(el, 'timer') || part(el, 'ended'), `${campaign} countdown`, { timeout: 5000 });
  return el;
}

const spoken = (el: Element) => textOf(el, '[role="timer"] .visually-hidden');
const shown = (el: Element) => parts(el, 'unit').map((u) => norm(u.textContent));

describe('countdown arithmetic', () => {
  it('shows whole units down to the precision and refines near the end', () => {
    expect(breakdown(2 * DAY + 3 * HOUR + 4 * MINUTE + 30 * SECOND, 'minute').parts).to.deep.equal([
      { unit: 'day', value: 2 },
      { unit: 'hour', value: 3 },
      { unit: 'minute', value: 4 },
    ]);
    expect(breakdown(2 * DAY + 3 * HOUR, 'day').parts).to.deep.equal([{ unit: 'day', value: 2 }]);
    expect(breakdown(5 * HOUR + 30 * MINUTE, 'day')).to.deep.equal({
      parts: [{ unit: 'hour', value: 5 }],
      smallest: 'hour',
    });
    expect(breakdown(30 * MINUTE, 'day')).to.deep.equal({ parts: [{ unit: 'minute', value: 30 }], smallest: 'minute' });
    expect(breakdown(40 * SECOND, 'minute').parts).to.deep.equal([]);
    expect(breakdown(DAY + 5 * MINUTE, 'minute').parts.map((p) => p.value)).to.deep.equal([1, 0, 5]);
  });

  it('waits exactly until the next visible change', () => {
    expect(nextChangeIn(2 * DAY + 3 * HOUR + 4 * MINUTE + 30 * SECOND, 'minute')).to.equal(30 * SECOND + 1);
    expect(nextChangeIn(2 * DAY + 3 * HOUR + 20 * MINUTE, 'hour')).to.equal(20 * MINUTE + 1);
    expect(nextChangeIn(3 * DAY + 5 * HOUR, 'day')).to.equal(5 * HOUR + 1);
    // One day and five hours at day precision: "1 day" until 23:59:59 is left, then hours.
    expect(nextChangeIn(DAY + 5 * HOUR, 'day')).to.equal(5 * HOUR + 1);
    expect(nextChangeIn(40 * SECOND, 'minute')).to.equal(40 * SECOND + 1);
    expect(nextChangeIn(0, 'minute')).to.equal(0);
  });
});

describe('partage-countdown', () => {
  it('counts down to an ends-at date without any backend, with one timer for the next minute', async () => {
    const endsAt = inMs(2 * DAY + 3 * HOUR + 4 * MINUTE + 30 * SECOND);
    const el = await countdown({ endsAt });
    expect(textOf(el, '[part~="label"]')).to.equal('Fin dans');
    expect(shown(el)).to.deep.equal(['2 jours', '3 heures', '4 minutes']);
    expect(spoken(el)).to.equal('2 jours, 3 heures et 4 minutes');
    const when = new Intl.DateTimeFormat('fr', { dateStyle: 'long', timeStyle: 'short' }).format(new Date(endsAt));
    expect(textOf(el, '[part~="date"]')).to.equal(norm(`Fin le ${when}`));
    expect(el.shadowRoot!.querySelector('time')!.getAttribute('datetime')).to.equal(endsAt);
    // Not a live region: nothing is announced when the value changes.
    const timer = part(el, 'timer')!;
    expect(timer.getAttribute('role')).to.equal('timer');
    expect(el.shadowRoot!.querySelector('[aria-live], [role="status"], [role="alert"]')).to.equal(null);
    // One timer, aligned to the next minute change (about 30 s away), no interval.
    const pending = timers.pending();
    expect(pending).to.have.length(1);
    expect(pending[0]!.delay).to.be.within(29 * SECOND, 30 * SECOND + 1);
    expect(timers.intervals()).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('reads naturally in English', async () => {
    const el = await countdown({ endsAt: inMs(2 * DAY + 3 * HOUR + 4 * MINUTE + 30 * SECOND), locale: 'en' });
    expect(textOf(el, '[part~="label"]')).to.equal('Ends in');
    expect(shown(el)).to.deep.equal(['2 days', '3 hours', '4 minutes']);
    expect(spoken(el)).to.equal('2 days, 3 hours, and 4 minutes');
    expect(textOf(el, '[part~="date"]')).to.match(/^Ends on /);
    await expect(el).to.be.accessible();
  });

  it('aligns its single timer to the hour or the day with a coarser precision', async () => {
    const hourly = await countdown({ endsAt: inMs(2 * DAY + 3 * HOUR + 20 * MINUTE), precision: 'hour' });
    expect(spoken(hourly)).to.equal('2 jours et 3 heures');
    expect(timers.pending().map((t) => t.delay)).to.have.length(1);
    expect(timers.pending()[0]!.delay).to.be.within(20 * MINUTE - SECOND, 20 * MINUTE + 1);
    hourly.remove();

    const daily = await countdown({ endsAt: inMs(3 * DAY + 5 * HOUR), precision: 'day' });
    expect(shown(daily)).to.deep.equal(['3 jours']);
    expect(timers.pending()).to.have.length(1);
    expect(timers.pending()[0]!.delay).to.be.within(5 * HOUR - SECOND, 5 * HOUR + 1);
    daily.remove();

    // Less than a day left: "0 jour" would say nothing, hours take over.
    const close = await countdown({ endsAt: inMs(5 * HOUR + 30 * MINUTE), precision: 'day' });
    expect(shown(close)).to.deep.equal(['5 heures']);
    expect(timers.pending()[0]!.delay).to.be.within(30 * MINUTE - SECOND, 30 * MINUTE + 1);
  });

  it('changes when the timer fires, and ends with an event', async () => {
    const el = await countdown({ endsAt: inMs(MINUTE + 600) });
    expect(shown(el)).to.deep.equal(['1 minute']);
    expect(timers.pending()[0]!.delay).to.be.at.most(601);
    await waitUntil(() => spoken(el) === 'Moins d’une minute', 'last minute', { timeout: 3000 });
    expect(textOf(el, '.units')).to.equal('Moins d’une minute');
    expect(timers.pending()).to.have.length(1);
    await expect(el).to.be.accessible();

    const soon = inMs(700);
    el.endsAt = soon;
    const ended = await oneEvent(el, 'partage-countdown-end');
    expect(ended.detail).to.deep.equal({ campaignId: null, endsAt: soon });
    expect(textOf(el, '[part~="ended"]')).to.equal(
      norm(`Terminée le ${new Intl.DateTimeFormat('fr', { dateStyle: 'long' }).format(new Date(soon))}`),
    );
    expect(hasState(el, 'ended')).to.be.true;
    // Ended: nothing left to schedule.
    expect(timers.pending()).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('pauses while the tab is hidden and catches up when it is shown again', async () => {
    const el = await countdown({ endsAt: inMs(3 * HOUR + 10 * MINUTE + 20 * SECOND) });
    expect(timers.pending()).to.have.length(1);
    const visibility = Object.getOwnPropertyDescriptor(Document.prototype, 'visibilityState')!;
    try {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
      document.dispatchEvent(new Event('visibilitychange'));
      expect(timers.pending()).to.have.length(0);
      await aTimeout(20);
      expect(timers.pending()).to.have.length(0);
    } finally {
      delete (document as { visibilityState?: unknown }).visibilityState;
    }
    expect(document.visibilityState).to.equal(visibility.get!.call(document));
    document.dispatchEvent(new Event('visibilitychange'));
    await el.updateComplete;
    expect(timers.pending()).to.have.length(1);
    expect(timers.pending()[0]!.delay).to.be.within(19 * SECOND, 20 * SECOND + 1);
    expect(spoken(el)).to.equal('3 heures et 10 minutes');
  });

  it('clears its timer when it leaves the page', async () => {
    const el = await countdown({ endsAt: inMs(DAY) });
    expect(timers.pending()).to.have.length(1);
    el.remove();
    expect(timers.pending()).to.have.length(0);
  });

  it('counts down to the start first when starts-at is ahead', async () => {
    const startsAt = inMs(4 * DAY + 2 * HOUR + 30 * SECOND);
    const el = await countdown({ startsAt, endsAt: inMs(60 * DAY) });
    expect(textOf(el, '[part~="label"]')).to.equal('Ouverture dans');
    expect(spoken(el)).to.equal('4 jours, 2 heures et 0 minute');
    expect(textOf(el, '[part~="date"]')).to.match(/^Ouverture le /);
    expect(hasState(el, 'upcoming')).to.be.true;
    await expect(el).to.be.accessible();
  });

  it('says clearly when a date is invalid or missing', async () => {
    const bad = await countdown({ endsAt: 'le 31 décembre' });
    expect(textOf(bad, '[part~="error"]')).to.equal(
      'L’attribut ends-at n’est pas une date valide : « le 31 décembre ». Utilisez une date ISO 8601, par exemple 2026-12-31T18:00:00Z.',
    );
    expect(hasState(bad, 'error')).to.be.true;
    expect(timers.pending()).to.have.length(0);
    await expect(bad).to.be.accessible();
    const none = await countdown({ locale: 'en' });
    expect(textOf(none, '[part~="error"]')).to.equal('This countdown needs a campaign attribute or an ends-at date.');
  });

  it('shows a skeleton while the campaign loads', async () => {
    backend.setLatency(Infinity);
    const el = await fixture<PartageCountdown>(
      html`<partage-countdown api=${BASE} campaign="atelier-ceramique" locale="fr"></partage-countdown>`,
    );
    await waitUntil(() => el.shadowRoot!.querySelector('[aria-busy="true"]'), 'skeleton');
    expect(norm(el.shadowRoot!.querySelector('[aria-busy="true"]')!.textContent)).to.equal('Chargement…');
    expect(hasState(el, 'loading')).to.be.true;
    expect(el.getBoundingClientRect().height).to.be.greaterThan(80);
    expect(timers.pending()).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('counts down to a live campaign’s end', async () => {
    const el = await campaignCountdown('atelier-ceramique');
    expect(spoken(el)).to.match(/^2[78] jours, \d+ heures? et \d+ minutes?$/);
    expect(textOf(el, '[part~="label"]')).to.equal('Fin dans');
    expect(timers.pending()).to.have.length(1);
    expect(timers.pending()[0]!.delay).to.be.at.most(MINUTE + 1);
    await expect(el).to.be.accessible();
    // Leaving the page closes the live stream, which updates the element once more: no timer.
    el.remove();
    await aTimeout(20);
    expect(timers.pending()).to.have.length(0);
  });

  it('counts down to an upcoming campaign’s start', async () => {
    const el = await campaignCountdown('bd-la-maree', 'en');
    expect(textOf(el, '[part~="label"]')).to.equal('Starts in');
    expect(spoken(el)).to.match(/^[45] days?, \d+ hours?, and \d+ minutes?$/);
    expect(hasState(el, 'upcoming')).to.be.true;
    await expect(el).to.be.accessible();
  });

  it('shows ended campaigns with their outcome and no timer', async () => {
    const funded = await campaignCountdown('court-metrage-voisins');
    const endsAt = backend.store.findCampaign('court-metrage-voisins')!.endsAt;
    expect(textOf(funded, '[part~="ended"]')).to.equal(
      norm(`Terminée le ${new Intl.DateTimeFormat('fr', { dateStyle: 'long' }).format(new Date(endsAt))}`),
    );
    expect(textOf(funded, '[part~="outcome"]')).to.equal('Financée');
    expect(timers.pending()).to.have.length(0);
    await expect(funded).to.be.accessible();

    const failed = await campaignCountdown('album-fanfare', 'en');
    expect(textOf(failed, '[part~="outcome"]')).to.equal('Goal not reached');
    expect(textOf(failed, '[part~="ended"]')).to.match(/^Ended on /);
    await expect(failed).to.be.accessible();
  });

  it('follows a deadline moved by campaign.updated', async () => {
    const sse = controlledStream(worker(), BASE, 'librairie-solidaire');
    const el = await campaignCountdown('librairie-solidaire');
    expect(spoken(el)).to.match(/^2 jours, [45] heures et \d+ minutes?$/);
    await waitUntil(() => sse.connections() === 1, 'stream open');
    const current = (await (await fetch(`${BASE}/campaigns/librairie-solidaire`)).json()) as Campaign;
    sse.send({
      type: 'campaign.updated',
      campaignId: 'librairie-solidaire',
      campaign: { ...current, endsAt: new Date(Date.parse(current.endsAt) + 10 * DAY).toISOString() },
    });
    await waitUntil(() => spoken(el).startsWith('12 jours'), 'deadline moved');
    expect(timers.pending()).to.have.length(1);
  });

  it('shows a readable error with a keyboard-usable retry', async () => {
    backend.failNext('getCampaign', 404);
    const el = await fixture<PartageCountdown>(
      html`<partage-countdown api=${BASE} campaign="atelier-ceramique" locale="fr"></partage-countdown>`,
    );
    await waitForPart(el, 'error');
    expect(textOf(el, '[part~="error"] p')).to.equal('Ce contenu est introuvable.');
    expect(hasState(el, 'error')).to.be.true;
    await expect(el).to.be.accessible();
    part(el, 'retry')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitForPart(el, 'timer');
    expect(hasState(el, 'error')).to.be.false;
  });

  it('says when the reader is offline', async () => {
    backend.setOffline(true);
    const el = await fixture<PartageCountdown>(
      html`<partage-countdown api=${BASE} campaign="atelier-ceramique" locale="en"></partage-countdown>`,
    );
    await waitForPart(el, 'error');
    expect(textOf(el, '[part~="error"] p')).to.equal('You seem to be offline. Check your connection and try again.');
    await expect(el).to.be.accessible();
  });

  it('keeps counting with a stale notice when a refresh fails', async () => {
    const el = await campaignCountdown('atelier-ceramique');
    invalidate(clientFor(BASE));
    backend.failNext('getCampaign', 500, { times: 3 });
    await el.reload();
    expect(norm(el.shadowRoot!.querySelector('.stale')?.textContent)).to.match(
      /^Données au \d\d:\d\d : la mise à jour a échoué\.$/,
    );
    expect(part(el, 'timer')).to.exist;
    expect(hasState(el, 'stale')).to.be.true;
    expect(timers.pending()).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('works under a provider', async () => {
    const root = await fixture(
      html`<partage-provider api=${BASE} locale="en">
        <partage-countdown campaign="mon-petit-placement" precision="day"></partage-countdown>
      </partage-provider>`,
    );
    const el = root.querySelector('partage-countdown')!;
    await waitForPart(el, 'timer');
    expect(shown(el)).to.deep.equal([spoken(el)]);
    expect(spoken(el)).to.match(/^2[34] days$/);
    await expect(el).to.be.accessible();
  });
});
