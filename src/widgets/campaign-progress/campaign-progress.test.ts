import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Campaign } from '../../contract/index.js';
import { clientFor, invalidate } from '../../core/data/clients.js';
import './define.js';
import type { PartageCampaignProgress } from './campaign-progress.js';
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

const BASE = 'https://api.progress.test/v1';
const { backend, worker } = useMockBackend(BASE);

async function progress(campaign: string, locale = 'fr', extra: { compact?: boolean } = {}) {
  const el = await fixture<PartageCampaignProgress>(
    html`<partage-campaign-progress
      api=${BASE}
      campaign=${campaign}
      locale=${locale}
      ?compact=${extra.compact ?? false}
    ></partage-campaign-progress>`,
  );
  await waitForPart(el, 'amount', `${campaign} loaded`);
  return el;
}

const meter = (el: Element) => el.shadowRoot!.querySelector<HTMLElement>('[role="meter"]')!;
const stat = (el: Element, label: string) => {
  const dt = [...el.shadowRoot!.querySelectorAll('dt')].find((d) => norm(d.textContent) === label);
  if (!dt) throw new Error(`no stat "${label}"`);
  return norm(dt.nextElementSibling?.textContent);
};
const stream = (id: string) =>
  waitUntil(() => backend.listeners(`campaigns/${id}`) > 0, `stream of ${id}`, { timeout: 5000 });

describe('partage-campaign-progress', () => {
  it('reserves its size with an aria-busy skeleton while loading', async () => {
    backend.setLatency(Infinity);
    const el = await fixture<PartageCampaignProgress>(
      html`<partage-campaign-progress
        api=${BASE}
        campaign="atelier-ceramique"
        locale="fr"
      ></partage-campaign-progress>`,
    );
    await waitUntil(() => el.shadowRoot!.querySelector('[aria-busy="true"]'), 'skeleton');
    const busy = el.shadowRoot!.querySelector('[aria-busy="true"]')!;
    expect(norm(busy.textContent)).to.equal('Chargement…');
    expect(busy.querySelectorAll('.skeleton').length).to.be.greaterThan(3);
    expect(hasState(el, 'loading')).to.be.true;
    expect(el.getBoundingClientRect().height).to.be.greaterThan(100);
    await expect(el).to.be.accessible();
  });

  it('shows raised, goal, honest percentage, backers, time left and goals in French', async () => {
    const el = await progress('atelier-ceramique');
    expect(textOf(el, '[part~="raised"]')).to.equal('5 420 € collectés sur un objectif de 8 000 €');
    // 67.75 %: rounded as usual, never up to 100 % before the goal is met.
    expect(textOf(el, '[part~="percent"]')).to.equal('68 % de l’objectif');
    const m = meter(el);
    expect(m.getAttribute('aria-valuenow')).to.equal('68');
    expect(m.getAttribute('aria-valuemin')).to.equal('0');
    // The bar runs to the second goal (12 000 € = 150 % of the first).
    expect(m.getAttribute('aria-valuemax')).to.equal('150');
    expect(norm(m.getAttribute('aria-valuetext'))).to.equal('5 420 € collectés sur un objectif de 8 000 € (68 %)');
    expect(m.getAttribute('aria-label')).to.equal('Progression de la collecte');
    expect(stat(el, 'contributeurs')).to.equal('143');
    expect(stat(el, 'Temps restant')).to.match(/^2[78] jours$/);
    const goals = parts(el, 'milestone').map((li) => norm(li.textContent));
    expect(goals).to.deep.equal([
      'Le four et le tour 8 000 € pas encore atteint',
      'Un second tour pour les cours enfants 12 000 € pas encore atteint',
    ]);
    expect(part(el, 'milestones')!.getAttribute('aria-label')).to.equal('Paliers');
    expect(part(el, 'meter-overflow')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('speaks English with the locale attribute', async () => {
    const el = await progress('atelier-ceramique', 'en');
    expect(textOf(el, '[part~="raised"]')).to.equal('€5,420 raised of a €8,000 goal');
    expect(textOf(el, '[part~="percent"]')).to.equal('68% of the goal');
    expect(norm(meter(el).getAttribute('aria-valuetext'))).to.equal('€5,420 raised of a €8,000 goal (68%)');
    expect(stat(el, 'backers')).to.equal('143');
    expect(stat(el, 'Time left')).to.match(/^2[78] days$/);
    expect(norm(parts(el, 'milestone')[0]!.textContent)).to.equal('Le four et le tour €8,000 not reached yet');
    await expect(el).to.be.accessible();
  });

  it('shows overfunding honestly: 413 %, stripes past the goal, reached goals marked', async () => {
    const el = await progress('mon-petit-placement');
    expect(textOf(el, '[part~="percent"]')).to.equal('413 % de l’objectif');
    const m = meter(el);
    expect(m.getAttribute('aria-valuenow')).to.equal('413');
    expect(m.getAttribute('aria-valuemax')).to.equal('667');
    expect(norm(m.getAttribute('aria-valuetext'))).to.equal(
      '3 100 000 € collectés sur un objectif de 750 000 € (413 %)',
    );
    expect(hasState(el, 'overfunded')).to.be.true;
    expect(part(el, 'meter-overflow')).to.exist;
    expect(parts(el, 'milestone-marker-reached')).to.have.length(2);
    // The 5 M€ cap is the end of the bar: no tick there.
    expect(parts(el, 'milestone-marker')).to.have.length(3);
    expect(parts(el, 'milestone-reached').map((li) => norm(li.textContent))).to.deep.equal([
      'Premier objectif 750 000 € atteint',
      'Ouverture au grand public 2 000 000 € atteint',
    ]);
    await expect(el).to.be.accessible();
  });

  it('fills the whole bar when the total is past every goal', async () => {
    // 18 240 € raised, goals at 15 000 € and 18 000 €: 122 %.
    const el = await progress('court-metrage-voisins');
    expect(textOf(el, '[part~="percent"]')).to.equal('122 % de l’objectif');
    expect(part(el, 'meter-fill')!.getBoundingClientRect().width).to.be.closeTo(meter(el).clientWidth, 1);
    expect(meter(el).getAttribute('aria-valuemax')).to.equal(meter(el).getAttribute('aria-valuenow'));
    expect(part(el, 'meter-overflow')).to.exist;
  });

  it('gives equity figures and the waitlist wording, in both languages', async () => {
    const fr = await progress('mon-petit-placement');
    expect(stat(fr, 'investisseurs')).to.equal('2 447');
    expect(stat(fr, 'Ticket minimum')).to.equal('100 €');
    expect(stat(fr, 'Ticket moyen')).to.equal('1 267 €');
    expect(textOf(fr, '[part~="waitlist"]')).to.equal(
      'Sursouscrite : 800 investisseurs en liste d’attente. Au-delà du plafond de 5 000 000 €, les nouveaux tickets rejoignent la liste d’attente.',
    );
    expect(hasState(fr, 'oversubscribed')).to.be.true;
    await expect(fr).to.be.accessible();

    const en = await progress('mon-petit-placement', 'en');
    expect(stat(en, 'investors')).to.equal('2,447');
    expect(stat(en, 'Minimum ticket')).to.equal('€100');
    expect(textOf(en, '[part~="waitlist"]')).to.equal(
      'Oversubscribed: 800 investors are on the waitlist. Tickets beyond the €5,000,000 cap join the waitlist.',
    );
  });

  it('says the raise is full once the hard cap is reached', async () => {
    const c = backend.store.findCampaign('mon-petit-placement')!;
    c.pledged.amount = 500_000_000;
    const el = await progress('mon-petit-placement', 'en', { compact: true });
    expect(textOf(el, '[part~="waitlist"]')).to.equal(
      'Oversubscribed: 800 investors are on the waitlist. The €5M cap is reached: new tickets join the waitlist.',
    );
  });

  it('uses compact amounts of the locale with the compact attribute', async () => {
    const el = await progress('mon-petit-placement', 'fr', { compact: true });
    expect(textOf(el, '[part~="amount"]')).to.equal('3,1 M €');
    expect(textOf(el, '[part~="raised"]')).to.equal('3,1 M € collectés sur un objectif de 750 k €');
    expect(norm(meter(el).getAttribute('aria-valuetext'))).to.equal(
      '3,1 M € collectés sur un objectif de 750 k € (413 %)',
    );
    // The goal list stays for assistive technologies, out of the compact layout.
    expect(part(el, 'milestones')!.classList.contains('visually-hidden')).to.be.true;
    await expect(el).to.be.accessible();
  });

  it('shows a succeeded campaign as ended and funded, without opening a stream', async () => {
    const el = await progress('court-metrage-voisins');
    const endedOn = new Intl.DateTimeFormat('fr', { dateStyle: 'long' }).format(
      new Date(backend.store.findCampaign('court-metrage-voisins')!.endsAt),
    );
    expect(stat(el, 'Terminée')).to.equal(norm(endedOn));
    expect(textOf(el, '[part~="outcome"]')).to.equal('Financée');
    expect(hasState(el, 'ended')).to.be.true;
    await aTimeout(100);
    expect(backend.listeners('campaigns/court-metrage-voisins')).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('shows a failed campaign as ended without reaching its goal', async () => {
    const el = await progress('album-fanfare', 'en');
    expect(textOf(el, '[part~="outcome"]')).to.equal('Goal not reached');
    expect(textOf(el, '[part~="percent"]')).to.equal('35% of the goal');
    expect(stat(el, 'Ended')).to.match(/\d{4}$/);
    await expect(el).to.be.accessible();
  });

  it('shows when an upcoming campaign starts', async () => {
    const el = await progress('bd-la-maree');
    expect(stat(el, 'Avant l’ouverture')).to.match(/^[45] jours$/);
    expect(textOf(el, '[part~="percent"]')).to.equal('0 % de l’objectif');
    // French puts zero in the singular.
    expect(stat(el, 'contributeur')).to.equal('0');
    expect(hasState(el, 'upcoming')).to.be.true;
    await expect(el).to.be.accessible();
  });

  it('follows new pledges live and announces the new total once, politely', async () => {
    const el = await progress('atelier-ceramique');
    await stream('atelier-ceramique');
    await waitForPart(el, 'live');
    const region = el.shadowRoot!.querySelector('[role="status"][part~="announcement"]')!;
    const announced: string[] = [];
    new MutationObserver(() => announced.push(norm(region.textContent))).observe(region, {
      childList: true,
      subtree: true,
      characterData: true,
    });

    backend.simulatePledge('atelier-ceramique', 4_000);
    backend.simulatePledge('atelier-ceramique', 2_000);
    await waitUntil(() => textOf(el, '[part~="amount"]') === '5 480 €', 'new total shown');
    expect(stat(el, 'contributeurs')).to.equal('145');
    expect(meter(el).getAttribute('aria-valuenow')).to.equal('69');
    // The visible total moves at once; the announcement waits for the burst to settle.
    expect(norm(region.textContent)).to.equal('');
    await waitUntil(() => norm(region.textContent) !== '', 'announcement', { timeout: 4000 });
    expect(norm(region.textContent)).to.equal(
      'Nouveau total : 5 480 € collectés, 69 % de l’objectif, 145 contributeurs.',
    );
    expect(announced.filter((t) => t !== '')).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('marks a goal as reached when a live pledge passes it', async () => {
    const el = await progress('atelier-ceramique');
    await stream('atelier-ceramique');
    const res = await fetch(`${BASE}/campaigns/atelier-ceramique/pledges`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `progress-${Date.now()}` },
      body: JSON.stringify({
        amount: { amount: 260_000, currency: 'EUR' },
        backer: { name: 'Alix', email: 'alix@example.org' },
      }),
    });
    expect(res.status).to.equal(201);
    await waitUntil(() => textOf(el, '[part~="percent"]') === '100 % de l’objectif', 'goal reached');
    expect(norm(parts(el, 'milestone-reached')[0]?.textContent)).to.equal('Le four et le tour 8 000 € atteint');
    expect(parts(el, 'milestone-marker-reached')).to.have.length(1);
  });

  it('replaces the campaign on campaign.updated and closes the stream once it has ended', async () => {
    const sse = controlledStream(worker(), BASE, 'atelier-ceramique');
    const el = await progress('atelier-ceramique');
    await waitUntil(() => sse.connections() === 1, 'stream open');
    const current = (await (await fetch(`${BASE}/campaigns/atelier-ceramique`)).json()) as Campaign;
    sse.send({
      type: 'campaign.updated',
      campaignId: 'atelier-ceramique',
      campaign: { ...current, status: 'succeeded', pledged: { amount: 900_000, currency: 'EUR' } },
    });
    await waitForPart(el, 'outcome');
    expect(textOf(el, '[part~="outcome"]')).to.equal('Financée');
    expect(textOf(el, '[part~="amount"]')).to.equal('9 000 €');
    await waitUntil(() => sse.connections() === 0, 'stream closed');
  });

  it('shares one stream between widgets of the same campaign', async () => {
    const el = await fixture(
      html`<div>
        <partage-campaign-progress api=${BASE} campaign="atelier-ceramique"></partage-campaign-progress>
        <partage-campaign-progress api=${BASE} campaign="atelier-ceramique" compact></partage-campaign-progress>
      </div>`,
    );
    const [a, b] = [...el.querySelectorAll('partage-campaign-progress')];
    await waitForPart(a!, 'amount');
    await waitForPart(b!, 'amount');
    await stream('atelier-ceramique');
    await aTimeout(50);
    expect(backend.listeners('campaigns/atelier-ceramique')).to.equal(1);
  });

  it('shows a readable error with a keyboard-usable retry', async () => {
    backend.failNext('getCampaign', 503, { times: 3 });
    const failed = oneEvent(document, 'partage-error');
    const el = await fixture<PartageCampaignProgress>(
      html`<partage-campaign-progress
        api=${BASE}
        campaign="atelier-ceramique"
        locale="fr"
      ></partage-campaign-progress>`,
    );
    const event = await failed;
    expect(event.target).to.equal(el);
    expect(event.detail.operation).to.equal('getCampaign');
    const error = await waitForPart(el, 'error');
    expect(error.getAttribute('role')).to.equal('alert');
    expect(norm(error.querySelector('p')!.textContent)).to.equal('Le service est indisponible pour le moment.');
    expect(hasState(el, 'error')).to.be.true;
    await expect(el).to.be.accessible();

    part(el, 'retry')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitForPart(el, 'amount', 'loaded after retry');
    expect(textOf(el, '[part~="amount"]')).to.equal('5 420 €');
    expect(hasState(el, 'error')).to.be.false;
  });

  it('says when the reader is offline, and recovers', async () => {
    backend.setOffline(true);
    const el = await fixture<PartageCampaignProgress>(
      html`<partage-campaign-progress
        api=${BASE}
        campaign="atelier-ceramique"
        locale="en"
      ></partage-campaign-progress>`,
    );
    const error = await waitForPart(el, 'error');
    expect(norm(error.textContent)).to.contain('You seem to be offline.');
    await expect(el).to.be.accessible();
    backend.setOffline(false);
    part(el, 'retry')!.click();
    await waitForPart(el, 'amount');
    expect(textOf(el, '[part~="amount"]')).to.equal('€5,420');
  });

  it('says so when the campaign does not exist (a typo in the embed)', async () => {
    const el = await fixture<PartageCampaignProgress>(
      html`<partage-campaign-progress api=${BASE} campaign="atelier-ceramiqe" locale="en"></partage-campaign-progress>`,
    );
    const error = await waitForPart(el, 'error');
    expect(norm(error.textContent)).to.contain('This content could not be found.');
    expect(el.shadowRoot!.querySelector('[role="meter"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('keeps the last totals with a stale notice when a refresh fails', async () => {
    const el = await progress('atelier-ceramique');
    invalidate(clientFor(BASE));
    backend.failNext('getCampaign', 500, { times: 3 });
    await el.reload();
    const notice = await waitForPart(el, 'base').then(() => el.shadowRoot!.querySelector('.stale'));
    expect(norm(notice?.textContent)).to.match(/^Données au \d\d:\d\d : la mise à jour a échoué\.$/);
    expect(textOf(el, '[part~="amount"]')).to.equal('5 420 €');
    expect(hasState(el, 'stale')).to.be.true;
    await expect(el).to.be.accessible();

    await el.reload();
    expect(el.shadowRoot!.querySelector('.stale')).to.equal(null);
    expect(hasState(el, 'stale')).to.be.false;
  });

  it('works under a provider that gives the client and the locale', async () => {
    const root = await fixture(
      html`<partage-provider api=${BASE} locale="en">
        <partage-campaign-progress campaign="librairie-solidaire"></partage-campaign-progress>
      </partage-provider>`,
    );
    const el = root.querySelector('partage-campaign-progress')!;
    await waitForPart(el, 'amount');
    expect(textOf(el, '[part~="raised"]')).to.equal('€1,380 raised of a €4,000 goal');
    expect(stat(el, 'donors')).to.equal('61');
    // No milestones: no list, and no tick at the end of the bar.
    expect(part(el, 'milestones')).to.equal(null);
    expect(parts(el, 'milestone-marker')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('takes partner texts and follows the page language without a locale', async () => {
    const el = await fixture<PartageCampaignProgress>(
      html`<div lang="fr">
        <partage-campaign-progress
          api=${BASE}
          campaign="atelier-ceramique"
          texts='{"ofGoal": "du but"}'
        ></partage-campaign-progress>
      </div>`,
    ).then((d) => d.querySelector('partage-campaign-progress')!);
    await waitForPart(el, 'amount');
    expect(textOf(el, '[part~="percent"]')).to.equal('68 % du but');
  });

  it('explains a missing api or campaign attribute', async () => {
    const noApi = await fixture(
      html`<partage-campaign-progress campaign="atelier-ceramique" locale="en"></partage-campaign-progress>`,
    );
    expect(textOf(noApi, '[part~="error"]')).to.equal(
      'This widget needs an api attribute or a surrounding partage-provider.',
    );
    const noCampaign = await fixture(
      html`<partage-campaign-progress api=${BASE} locale="en"></partage-campaign-progress>`,
    );
    expect(textOf(noCampaign, '[part~="error"]')).to.equal(
      'This widget needs a campaign attribute (the campaign’s id or slug).',
    );
    await expect(noCampaign).to.be.accessible();
  });
});
