import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { clientFor, invalidate } from '../../core/data/clients.js';
import type { PartageProvider } from '../provider/provider.js';
import '../provider/define.js';
import type { RewardSelectDetail } from './reward-tiers.events.js';
import type { PartageRewardTiers } from './reward-tiers.js';
import './define.js';
import {
  hasState,
  norm,
  part,
  parts,
  textOf,
  useMockBackend,
  waitForPart,
} from '../../../test/support/campaign-test-kit.js';

const BASE = 'https://api.tiers.test/v1';
const { backend } = useMockBackend(BASE);

async function tiers(campaign = 'atelier-ceramique', locale = 'fr') {
  const el = await fixture<PartageRewardTiers>(
    html`<partage-reward-tiers api=${BASE} campaign=${campaign} locale=${locale}></partage-reward-tiers>`,
  );
  await waitForPart(el, 'list', `${campaign} tiers loaded`);
  return el;
}

const radio = (el: Element, id: string) => el.shadowRoot!.querySelector<HTMLInputElement>(`#tier-${id}`)!;
const card = (el: Element, id: string) => radio(el, id).closest<HTMLElement>('[part~="tier"]')!;
const cardText = (el: Element, id: string, partName: string) =>
  norm(card(el, id).querySelector(`[part~="${partName}"]`)?.textContent);
const checkedId = (el: Element) =>
  el.shadowRoot!.querySelector<HTMLInputElement>('input[type="radio"]:checked')?.id ?? null;
const focusedId = (el: Element) => (el.shadowRoot!.activeElement as HTMLElement | null)?.id ?? null;
const stream = (id: string) =>
  waitUntil(() => backend.listeners(`campaigns/${id}`) > 0, `stream of ${id}`, { timeout: 5000 });

/** Month and year as the widget writes an estimated delivery. */
const monthYear = (date: string, locale: string) =>
  norm(new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(date)));

describe('partage-reward-tiers', () => {
  it('reserves its size with an aria-busy skeleton while loading', async () => {
    backend.setLatency(Infinity);
    const el = await fixture<PartageRewardTiers>(
      html`<partage-reward-tiers api=${BASE} campaign="atelier-ceramique" locale="fr"></partage-reward-tiers>`,
    );
    await waitUntil(() => el.shadowRoot!.querySelector('[aria-busy="true"]'), 'skeleton');
    const busy = el.shadowRoot!.querySelector('[aria-busy="true"]')!;
    expect(norm(busy.textContent)).to.equal('Chargement…');
    expect(busy.querySelectorAll('.tier')).to.have.length(3);
    expect(hasState(el, 'loading')).to.be.true;
    expect(el.getBoundingClientRect().height).to.be.greaterThan(200);
    await expect(el).to.be.accessible();
  });

  it('lists every tier with its minimum, stock, delivery, shipping and backers, in French', async () => {
    const el = await tiers();
    expect(textOf(el, 'legend')).to.equal('Choisissez votre contrepartie');
    const titles = parts(el, 'tier-title').map((l) => norm(l.textContent));
    expect(titles).to.deep.equal([
      'Soutenir sans contrepartie',
      'Merci ! 5 € ou plus',
      'Une tasse émaillée 25 € ou plus',
      'Un bol et un atelier découverte 60 € ou plus',
      'Un service à thé 120 € ou plus',
      'Une journée à l’atelier 250 € ou plus',
      'Une pièce unique signée 500 € ou plus',
    ]);
    const tasse = backend.store.rewards.find((r) => r.id === 'ceramique-tasse')!;
    expect(cardText(el, 'ceramique-tasse', 'tier-description')).to.equal(
      'Une tasse tournée et émaillée à la main, couleur au choix.',
    );
    expect(cardText(el, 'ceramique-tasse', 'tier-stock')).to.equal('12 disponibles sur 50');
    expect(cardText(el, 'ceramique-tasse', 'tier-delivery')).to.equal(
      `Livraison estimée : ${monthYear(tasse.estimatedDelivery!, 'fr')}`,
    );
    expect(cardText(el, 'ceramique-tasse', 'tier-shipping')).to.equal('Livraison nationale : 6 €');
    expect(cardText(el, 'ceramique-tasse', 'tier-backers')).to.equal('38 contributeurs');
    expect(cardText(el, 'ceramique-merci', 'tier-stock')).to.equal('Quantité illimitée');
    expect(cardText(el, 'ceramique-merci', 'tier-shipping')).to.equal('Rien à expédier');
    expect(card(el, 'ceramique-merci').querySelector('[part~="tier-delivery"]')).to.equal(null);
    expect(cardText(el, 'ceramique-journee', 'tier-shipping')).to.equal('Retrait sur place');
    expect(cardText(el, 'ceramique-journee', 'tier-backers')).to.equal('0 contributeur');
    expect(cardText(el, 'ceramique-piece-unique', 'tier-shipping')).to.equal('Livraison dans le monde entier : 35 €');
    // The low end of a limited stock stands out.
    expect(card(el, 'ceramique-service-the').querySelector('[part~="tier-stock"]')!.classList.contains('low')).to.be
      .true;
    expect(cardText(el, 'ceramique-service-the', 'tier-stock')).to.equal('4 disponibles sur 15');
    // Each radio is described by its card's details.
    const described = el.shadowRoot!.getElementById(radio(el, 'ceramique-tasse').getAttribute('aria-describedby')!)!;
    expect(norm(described.textContent)).to.contain('12 disponibles sur 50');
    expect(hasState(el, 'loading')).to.be.false;
    await expect(el).to.be.accessible();
  });

  it('disables sold-out and unavailable tiers, visibly and for assistive technologies', async () => {
    const el = await tiers();
    expect(radio(el, 'ceramique-bol-atelier').disabled).to.be.true;
    expect(cardText(el, 'ceramique-bol-atelier', 'tier-status')).to.equal('Épuisée');
    expect(cardText(el, 'ceramique-bol-atelier', 'tier-stock')).to.equal('0 disponible sur 20');
    expect(card(el, 'ceramique-bol-atelier').getAttribute('part')).to.contain('tier-sold-out');
    expect(radio(el, 'ceramique-piece-unique').disabled).to.be.true;
    expect(cardText(el, 'ceramique-piece-unique', 'tier-status')).to.equal('Indisponible');
    expect(card(el, 'ceramique-piece-unique').getAttribute('part')).to.contain('tier-unavailable');
    expect(radio(el, 'ceramique-tasse').disabled).to.be.false;
    // Looks disabled too: a muted background and a struck-through title.
    const style = getComputedStyle(card(el, 'ceramique-bol-atelier'));
    expect(style.backgroundColor).to.not.equal(getComputedStyle(card(el, 'ceramique-tasse')).backgroundColor);
    // Clicking a sold-out card chooses nothing.
    card(el, 'ceramique-bol-atelier').querySelector('label')!.click();
    await el.updateComplete;
    expect(checkedId(el)).to.equal(null);
    expect(el.selected).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('speaks English with the locale attribute', async () => {
    const el = await tiers('atelier-ceramique', 'en');
    const tasse = backend.store.rewards.find((r) => r.id === 'ceramique-tasse')!;
    expect(textOf(el, 'legend')).to.equal('Choose your reward');
    expect(cardText(el, 'ceramique-tasse', 'tier-title')).to.equal('Une tasse émaillée €25 or more');
    expect(cardText(el, 'ceramique-tasse', 'tier-stock')).to.equal('12 left of 50');
    expect(cardText(el, 'ceramique-tasse', 'tier-delivery')).to.equal(
      `Estimated delivery: ${monthYear(tasse.estimatedDelivery!, 'en')}`,
    );
    expect(cardText(el, 'ceramique-tasse', 'tier-shipping')).to.equal('Ships within the country: €6');
    expect(cardText(el, 'ceramique-merci', 'tier-backers')).to.equal('31 backers');
    expect(cardText(el, 'ceramique-bol-atelier', 'tier-status')).to.equal('Sold out');
    expect(cardText(el, 'ceramique-piece-unique', 'tier-status')).to.equal('Not available');
    expect(cardText(el, 'none', 'tier-title')).to.equal('Pledge without a reward');
    await expect(el).to.be.accessible();
  });

  it('updates the stock live and announces a tier that just sold out', async () => {
    const el = await tiers();
    await stream('atelier-ceramique');
    backend.simulatePledge('atelier-ceramique', 12_000, { rewardId: 'ceramique-service-the' });
    await waitUntil(() => cardText(el, 'ceramique-service-the', 'tier-stock') === '3 disponibles sur 15', 'stock 3');
    expect(cardText(el, 'ceramique-service-the', 'tier-backers')).to.equal('12 contributeurs');
    expect(hasState(el, 'live')).to.be.true;
    for (let i = 0; i < 3; i++)
      backend.simulatePledge('atelier-ceramique', 12_000, { rewardId: 'ceramique-service-the' });
    await waitUntil(() => radio(el, 'ceramique-service-the').disabled, 'sold out live');
    expect(cardText(el, 'ceramique-service-the', 'tier-status')).to.equal('Épuisée');
    expect(cardText(el, 'ceramique-service-the', 'tier-stock')).to.equal('0 disponible sur 15');
    expect(textOf(el, '[part~="announcement"]')).to.equal('« Un service à thé » vient d’être épuisée.');
    // Pledges without a reward move no stock.
    backend.simulatePledge('atelier-ceramique', 1_000);
    await aTimeout(50);
    expect(cardText(el, 'ceramique-tasse', 'tier-stock')).to.equal('12 disponibles sur 50');
    await expect(el).to.be.accessible();
  });

  it('shows a readable error with a retry, and recovers', async () => {
    backend.failNext('listRewards', 503, { times: 3 });
    const el = await fixture<PartageRewardTiers>(
      html`<partage-reward-tiers api=${BASE} campaign="atelier-ceramique" locale="fr"></partage-reward-tiers>`,
    );
    const event = await oneEvent(el, 'partage-error');
    expect(event.detail.operation).to.equal('listRewards');
    const error = await waitForPart(el, 'error');
    expect(error.getAttribute('role')).to.equal('alert');
    expect(norm(error.querySelector('p')!.textContent)).to.equal('Le service est indisponible pour le moment.');
    expect(hasState(el, 'error')).to.be.true;
    await expect(el).to.be.accessible();
    part(el, 'retry')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitForPart(el, 'list', 'loaded after retry');
    expect(parts(el, 'tier')).to.have.length(7);
    expect(hasState(el, 'error')).to.be.false;
  });

  it('says when the reader is offline, and keeps the last tiers with a notice when a refresh fails', async () => {
    backend.setOffline(true);
    const el = await fixture<PartageRewardTiers>(
      html`<partage-reward-tiers api=${BASE} campaign="atelier-ceramique" locale="en"></partage-reward-tiers>`,
    );
    const error = await waitForPart(el, 'error');
    expect(norm(error.textContent)).to.contain('You seem to be offline.');
    await expect(el).to.be.accessible();
    backend.setOffline(false);
    part(el, 'retry')!.click();
    await waitForPart(el, 'list');

    invalidate(clientFor(BASE));
    backend.failNext('listRewards', 500, { times: 3 });
    await el.reload();
    await el.updateComplete;
    expect(textOf(el, '.stale')).to.match(/^Showing the data as of \d\d:\d\d( [AP]M)?: it could not be refreshed\.$/);
    expect(parts(el, 'tier')).to.have.length(7);
    expect(hasState(el, 'stale')).to.be.true;
    await expect(el).to.be.accessible();
  });

  it('is one tab stop whose arrows, Home and End choose tiers, skipping disabled ones', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        <button type="button">before</button>
        <partage-reward-tiers api=${BASE} campaign="atelier-ceramique" locale="en"></partage-reward-tiers>
        <button type="button">after</button>
      </div>`,
    );
    const el = wrapper.querySelector('partage-reward-tiers')!;
    await waitForPart(el, 'list');
    const events: RewardSelectDetail[] = [];
    el.addEventListener('partage-reward-select', (e) => events.push(e.detail));

    wrapper.querySelector('button')!.focus();
    await sendKeys({ press: 'Tab' });
    // Nothing chosen yet: the first choice takes focus, without choosing it.
    expect(focusedId(el)).to.equal('tier-none');
    expect(checkedId(el)).to.equal(null);

    await sendKeys({ press: 'ArrowDown' });
    expect(checkedId(el)).to.equal('tier-ceramique-merci');
    expect(events.at(-1)).to.deep.equal({
      campaignId: 'atelier-ceramique',
      rewardId: 'ceramique-merci',
      minimum: { amount: 500, currency: 'EUR' },
    });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    // The sold-out bowl is skipped.
    expect(checkedId(el)).to.equal('tier-ceramique-service-the');
    expect(focusedId(el)).to.equal('tier-ceramique-service-the');
    expect(el.selected).to.equal('ceramique-service-the');
    expect(el.getAttribute('selected')).to.equal('ceramique-service-the');
    expect(card(el, 'ceramique-service-the').getAttribute('part')).to.contain('tier-selected');

    await sendKeys({ press: 'End' });
    // The unavailable unique piece is last, so End stops on the day at the workshop.
    expect(checkedId(el)).to.equal('tier-ceramique-journee');
    expect(events.at(-1)!.rewardId).to.equal('ceramique-journee');
    await sendKeys({ press: 'Home' });
    expect(checkedId(el)).to.equal('tier-none');
    expect(events.at(-1)).to.deep.equal({ campaignId: 'atelier-ceramique', rewardId: null, minimum: null });
    expect(el.selected).to.equal('');
    await sendKeys({ press: 'ArrowUp' });
    // Arrows wrap around, still skipping the unavailable piece.
    expect(checkedId(el)).to.equal('tier-ceramique-journee');
    expect(events.map((e) => e.rewardId)).to.deep.equal([
      'ceramique-merci',
      'ceramique-tasse',
      'ceramique-service-the',
      'ceramique-journee',
      null,
      'ceramique-journee',
    ]);

    // One tab stop: Tab leaves the group.
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement).to.equal(wrapper.querySelectorAll('button')[1]);
    await expect(el).to.be.accessible();
  });

  it('chooses a tier with a click anywhere on its card', async () => {
    const el = await tiers('atelier-ceramique', 'en');
    expect(card(el, 'ceramique-tasse').querySelector('[part~="tier-stock"]')!.classList.contains('low')).to.be.false;
    const box = card(el, 'ceramique-tasse').querySelector('[part~="tier-description"]')!.getBoundingClientRect();
    const chosen = oneEvent(el, 'partage-reward-select');
    // A real pointer click on the description, far from the radio and its label text.
    await sendMouse({
      type: 'click',
      position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)],
    });
    const event = await chosen;
    expect(event.detail.rewardId).to.equal('ceramique-tasse');
    expect(event.bubbles && event.composed).to.be.true;
    expect(checkedId(el)).to.equal('tier-ceramique-tasse');
  });

  it('takes a selected attribute when used alone', async () => {
    const el = await fixture<PartageRewardTiers>(
      html`<partage-reward-tiers
        api=${BASE}
        campaign="atelier-ceramique"
        selected="ceramique-tasse"
        locale="fr"
      ></partage-reward-tiers>`,
    );
    await waitForPart(el, 'list');
    expect(checkedId(el)).to.equal('tier-ceramique-tasse');
    expect(hasState(el, 'selected')).to.be.true;
    el.selected = '';
    await el.updateComplete;
    expect(checkedId(el)).to.equal('tier-none');
    el.hideNoReward = true;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('#tier-none')).to.equal(null);
  });

  it('shares the choice under a provider, and follows choices made elsewhere', async () => {
    const provider = await fixture<PartageProvider>(
      html`<partage-provider api=${BASE} locale="en">
        <partage-reward-tiers campaign="atelier-ceramique"></partage-reward-tiers>
      </partage-provider>`,
    );
    const el = provider.querySelector('partage-reward-tiers')!;
    await waitForPart(el, 'list');
    radio(el, 'ceramique-tasse').click();
    expect(provider.selection.reward('atelier-ceramique')).to.equal('ceramique-tasse');

    // Another widget (the pledge form) picks another reward: the tiers follow, without an event.
    let fired = 0;
    el.addEventListener('partage-reward-select', () => fired++);
    provider.selection.selectReward('atelier-ceramique', 'ceramique-journee');
    await el.updateComplete;
    expect(checkedId(el)).to.equal('tier-ceramique-journee');
    provider.selection.selectReward('atelier-ceramique', null);
    await el.updateComplete;
    expect(checkedId(el)).to.equal('tier-none');
    provider.selection.selectReward('other-campaign', 'ceramique-tasse');
    await el.updateComplete;
    expect(checkedId(el)).to.equal('tier-none');
    expect(fired).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('starts from a choice shared before it loaded', async () => {
    const provider = await fixture<PartageProvider>(
      html`<partage-provider api=${BASE} locale="en"></partage-provider>`,
    );
    provider.selection.selectReward('atelier-ceramique', 'ceramique-service-the');
    const el = document.createElement('partage-reward-tiers');
    el.campaign = 'atelier-ceramique';
    provider.append(el);
    await waitForPart(el, 'list');
    await el.updateComplete;
    expect(checkedId(el)).to.equal('tier-ceramique-service-the');
  });

  it('says when a campaign has no tiers, and what is missing', async () => {
    const el = await tiers('librairie-solidaire', 'en');
    expect(textOf(el, '[part~="empty"]')).to.equal('This campaign has no reward tiers.');
    expect(el.shadowRoot!.querySelector('input')).to.equal(null);
    expect(hasState(el, 'empty')).to.be.true;
    await expect(el).to.be.accessible();
    const noCampaign = await fixture(html`<partage-reward-tiers api=${BASE} locale="en"></partage-reward-tiers>`);
    expect(textOf(noCampaign, '[part~="error"]')).to.equal(
      'This widget needs a campaign attribute (the campaign’s id or slug).',
    );
    const noApi = await fixture(
      html`<partage-reward-tiers campaign="atelier-ceramique" locale="en"></partage-reward-tiers>`,
    );
    expect(textOf(noApi, '[part~="error"]')).to.equal(
      'This widget needs an api attribute or a surrounding partage-provider.',
    );
    await expect(noApi).to.be.accessible();
  });
});
