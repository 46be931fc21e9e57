import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import { clientFor, invalidate } from '../../core/data/clients.js';
import type { PartageCampaignCard } from './campaign-card.js';
import { PartageProvider } from '../provider/provider.js';
import './define.js';
import '../provider/define.js';
import {
  hasState,
  norm,
  part,
  parts,
  textOf,
  useMockBackend,
  waitForPart,
} from '../../../test/support/campaign-test-kit.js';
import { LIVE_WAIT } from '../../../test/support/live.js';

const BASE = 'https://api.card.test/v1';
const { backend, worker } = useMockBackend(BASE);

async function card(campaign: string, locale = 'fr', width = 360) {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div style="inline-size: ${width}px">
      <partage-campaign-card api=${BASE} campaign=${campaign} locale=${locale}>
        <a href="https://blog.example.org/${campaign}">Soutenir ${campaign}</a>
      </partage-campaign-card>
    </div>`,
  );
  const el = wrapper.querySelector('partage-campaign-card')!;
  await waitForPart(el, 'link', `${campaign} card`);
  return el;
}

const stat = (el: Element, label: string) => {
  const dt = [...el.shadowRoot!.querySelectorAll('dt')].find((d) => norm(d.textContent) === label);
  if (!dt)
    throw new Error(
      `no stat "${label}" in ${[...el.shadowRoot!.querySelectorAll('dt')].map((d) => d.textContent).join(', ')}`,
    );
  return norm(dt.nextElementSibling?.textContent);
};
/** Whether the blogger's light-DOM link is rendered (slotted) at all. */
const fallbackShown = (el: Element) => el.querySelector('a')!.getClientRects().length > 0;

/** A real 2×1 PNG, drawn locally, for the image tests. */
async function png(): Promise<ArrayBuffer> {
  const canvas = document.createElement('canvas');
  canvas.width = 2;
  canvas.height = 1;
  canvas.getContext('2d')!.fillRect(0, 0, 2, 1);
  const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/png'));
  return blob.arrayBuffer();
}

describe('partage-campaign-card', () => {
  it('keeps its size with an aria-busy skeleton of the same layout while loading', async () => {
    const loaded = await card('atelier-ceramique');
    const loadedHeight = loaded.getBoundingClientRect().height;
    const loadedMedia = part(loaded, 'media')!.getBoundingClientRect().height;

    invalidate(clientFor(BASE));
    backend.setLatency(Infinity);
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="inline-size: 360px">
        <partage-campaign-card api=${BASE} campaign="atelier-ceramique" locale="fr"></partage-campaign-card>
      </div>`,
    );
    const el = wrapper.querySelector('partage-campaign-card')!;
    await waitUntil(() => el.shadowRoot!.querySelector('[aria-busy="true"]'), 'skeleton');
    const busy = el.shadowRoot!.querySelector('[aria-busy="true"]')!;
    expect(norm(busy.textContent)).to.equal('Chargement…');
    expect(hasState(el, 'loading')).to.be.true;
    expect(el.shadowRoot!.querySelector('.media')!.getBoundingClientRect().height).to.be.closeTo(loadedMedia, 1);
    expect(el.getBoundingClientRect().height).to.be.closeTo(loadedHeight, loadedHeight * 0.15);
    await expect(el).to.be.accessible();
  });

  it('shows image area, title link, creator, tagline, progress and time left in French', async () => {
    const el = await card('atelier-ceramique');
    const link = part(el, 'link') as HTMLAnchorElement;
    expect(link.href).to.equal('https://demo.partage.example.org/campaigns/atelier-ceramique');
    expect(norm(link.textContent)).to.equal('L’atelier céramique de la rue Chateaubriand');
    // Right under an article's h1 by default (axe heading-order on a real page).
    expect(part(el, 'title')!.tagName).to.equal('H2');
    expect(textOf(el, '[part~="creator"]')).to.equal('par Lou Kerhervé');
    expect(textOf(el, '[part~="tagline"]')).to.equal(
      'Un four, un tour et des cours ouverts à tout le quartier : aidez Lou à ouvrir son atelier partagé.',
    );
    expect(textOf(el, '[part~="badge"]')).to.equal('En cours');
    expect(part(el, 'badge')!.matches('[part~="status-live"]')).to.be.true;
    expect(stat(el, 'collectés sur 8 k €')).to.equal('5,4 k €');
    expect(stat(el, 'de l’objectif')).to.equal('68 %');
    expect(stat(el, 'contributeurs')).to.equal('143');
    expect(stat(el, 'Temps restant')).to.match(/^2[78] jours$/);
    const meter = el.shadowRoot!.querySelector('[role="meter"]')!;
    expect(norm(meter.getAttribute('aria-valuetext'))).to.equal('5,4 k € collectés sur un objectif de 8 k € (68 %)');
    // No image: a decorative placeholder drawn locally, no request anywhere.
    expect(part(el, 'placeholder')!.getAttribute('aria-hidden')).to.equal('true');
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    // Once upgraded, the light-DOM link is replaced by the card (no duplicate for readers).
    expect(fallbackShown(el)).to.be.false;
    await expect(el).to.be.accessible();
  });

  it('speaks English', async () => {
    const el = await card('atelier-ceramique', 'en');
    expect(textOf(el, '[part~="creator"]')).to.equal('by Lou Kerhervé');
    expect(textOf(el, '[part~="badge"]')).to.equal('Live');
    expect(stat(el, 'raised of €8K')).to.equal('€5.4K');
    expect(stat(el, 'of the goal')).to.equal('68%');
    expect(stat(el, 'backers')).to.equal('143');
    expect(stat(el, 'Time left')).to.match(/^2[78] days$/);
    await expect(el).to.be.accessible();
  });

  it('shows the campaign image with its alt text, and the placeholder if it fails', async () => {
    const bytes = await png();
    worker().use(
      http.get(
        'https://images.card.test/ok.png',
        () => new HttpResponse(bytes.slice(0), { headers: { 'Content-Type': 'image/png' } }),
      ),
    );
    const c = backend.store.findCampaign('atelier-ceramique')!;
    c.imageUrl = 'https://images.card.test/ok.png';
    c.imageAlt = 'Lou au tour, les mains dans la terre';
    const el = await card('atelier-ceramique');
    const img = part(el, 'image') as HTMLImageElement;
    expect(img.alt).to.equal('Lou au tour, les mains dans la terre');
    await waitUntil(() => img.complete && img.naturalWidth === 2, 'image loaded');
    await expect(el).to.be.accessible();

    const broken = backend.store.findCampaign('librairie-solidaire')!;
    broken.imageUrl = 'https://images.card.test/missing.png';
    worker().use(http.get('https://images.card.test/missing.png', () => new HttpResponse(null, { status: 404 })));
    const other = await card('librairie-solidaire');
    await waitForPart(other, 'placeholder', 'placeholder after a broken image');
    expect(part(other, 'image')).to.equal(null);
  });

  it('badges upcoming, succeeded and failed campaigns', async () => {
    const upcoming = await card('bd-la-maree');
    expect(textOf(upcoming, '[part~="badge"]')).to.match(/^Commence dans [45] jours$/);
    expect(hasState(upcoming, 'upcoming')).to.be.true;
    await expect(upcoming).to.be.accessible();

    const funded = await card('court-metrage-voisins');
    expect(textOf(funded, '[part~="badge"]')).to.equal('Financée');
    expect(stat(funded, 'Terminée')).to.match(/2\d{3}$/);
    expect(hasState(funded, 'ended')).to.be.true;
    await expect(funded).to.be.accessible();

    const failed = await card('album-fanfare', 'en');
    expect(textOf(failed, '[part~="badge"]')).to.equal('Not funded');
    expect(part(failed, 'badge')!.matches('[part~="status-failed"]')).to.be.true;
    expect(stat(failed, 'of the goal')).to.equal('35%');
    await expect(failed).to.be.accessible();
  });

  it('shows an overfunded equity raise: 413 %, overflow, investors, ticket and waitlist', async () => {
    const el = await card('mon-petit-placement');
    expect(stat(el, 'de l’objectif')).to.equal('413 %');
    expect(stat(el, 'collectés sur 750 k €')).to.equal('3,1 M €');
    expect(stat(el, 'investisseurs')).to.equal('2 447');
    expect(stat(el, 'Ticket minimum')).to.equal('100 €');
    expect(textOf(el, '[part~="waitlist"]')).to.equal('Sursouscrite : 800 investisseurs en liste d’attente.');
    expect(part(el, 'meter-overflow')).to.exist;
    expect(el.shadowRoot!.querySelector('[role="meter"]')!.getAttribute('aria-valuenow')).to.equal('413');
    expect(hasState(el, 'overfunded')).to.be.true;
    await expect(el).to.be.accessible();
  });

  it('updates its progress live when pledges arrive', async () => {
    const el = await card('atelier-ceramique');
    await waitUntil(() => backend.listeners('campaigns/atelier-ceramique') > 0, 'stream', { timeout: 5000 });
    backend.simulatePledge('atelier-ceramique', 100_000);
    await waitUntil(() => stat(el, 'de l’objectif') === '80 %', 'new percentage');
    expect(stat(el, 'collectés sur 8 k €')).to.equal('6,4 k €');
    expect(stat(el, 'contributeurs')).to.equal('144');
    await expect(el).to.be.accessible();
  });

  it('renders once with its data when the answer beats the skeleton’s delay', async () => {
    // A funded campaign: no live stream, whose states would render the card again.
    const el = await card('court-metrage-voisins');
    let renders = 0;
    const spied = el as unknown as { render(): unknown };
    const render = spied.render.bind(el);
    spied.render = () => {
      renders++;
      return render();
    };
    // Past the 200 ms a widget stays quiet before its skeleton: nothing left to show differently.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(renders).to.equal(0);
  });

  it('opens its live stream only after the frame that shows its amount', async () => {
    // The live code already loaded (as after an earlier card): only the deferral keeps the
    // stream's request, its events and their renders out of the way of the amounts' frame.
    await import('../../client/live-start.js');
    let liveAsked = false;
    let amountFramedFirst = false;
    const original = globalThis.fetch;
    globalThis.fetch = (input, init) => {
      if (/\/live[?/]/.test(String(input instanceof Request ? input.url : input))) liveAsked = true;
      return original(input, init);
    };
    let watching = true;
    // At a frame's start, what the DOM holds is what that frame paints.
    const watch = () => {
      const el = document.querySelector('partage-campaign-card');
      if (!liveAsked && el?.shadowRoot?.querySelector('[part~="stat"] dd')) amountFramedFirst = true;
      if (watching) requestAnimationFrame(watch);
    };
    requestAnimationFrame(watch);
    try {
      await card('atelier-ceramique');
      await waitUntil(() => backend.listeners('campaigns/atelier-ceramique') > 0, 'stream', LIVE_WAIT);
      expect(amountFramedFirst, 'a frame showed the amount before any /live request').to.equal(true);
    } finally {
      watching = false;
      globalThis.fetch = original;
    }
  });

  it('still goes live in a visible page that draws no frame (an occluded window)', async () => {
    // Built by hand: the fixture helpers themselves wait for animation frames.
    const el = document.createElement('partage-campaign-card');
    el.setAttribute('api', BASE);
    el.setAttribute('campaign', 'atelier-ceramique');
    const raf = window.requestAnimationFrame;
    window.requestAnimationFrame = () => 0;
    try {
      document.body.append(el);
      await waitForPart(el, 'link', 'card');
      await waitUntil(() => backend.listeners('campaigns/atelier-ceramique') > 0, 'stream', LIVE_WAIT);
    } finally {
      window.requestAnimationFrame = raf;
      el.remove();
    }
  });

  it('shows the error with a retry and the blogger’s link so readers still reach the campaign', async () => {
    backend.failNext('getCampaign', 404);
    const failed = oneEvent(document, 'partage-error');
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        <partage-campaign-card api=${BASE} campaign="atelier-ceramique" locale="fr">
          <a href="https://blog.example.org/atelier">L’atelier céramique — soutenir le projet</a>
        </partage-campaign-card>
      </div>`,
    );
    const el = wrapper.querySelector('partage-campaign-card')!;
    const event = await failed;
    expect(event.target).to.equal(el);
    expect(event.detail.operation).to.equal('getCampaign');
    await waitForPart(el, 'error');
    expect(textOf(el, '[part~="error"] p')).to.equal('Ce contenu est introuvable.');
    expect(fallbackShown(el)).to.be.true;
    expect(hasState(el, 'error')).to.be.true;
    await expect(el).to.be.accessible();

    part(el, 'retry')!.focus();
    await sendKeys({ press: 'Space' });
    await waitForPart(el, 'link', 'card after retry');
    expect(fallbackShown(el)).to.be.false;
  });

  it('says when the reader is offline, keeping the fallback link', async () => {
    backend.setOffline(true);
    const el = await fixture<PartageCampaignCard>(
      html`<partage-campaign-card api=${BASE} campaign="atelier-ceramique" locale="en">
        <a href="https://blog.example.org/atelier">Support the pottery workshop</a>
      </partage-campaign-card>`,
    );
    await waitForPart(el, 'error');
    expect(textOf(el, '[part~="error"] p')).to.equal('You seem to be offline. Check your connection and try again.');
    expect(fallbackShown(el)).to.be.true;
    await expect(el).to.be.accessible();
  });

  it('keeps the card with a stale notice when a refresh fails', async () => {
    const el = (await card('atelier-ceramique')) as PartageCampaignCard;
    invalidate(clientFor(BASE));
    backend.setOffline(true);
    await el.reload();
    expect(norm(el.shadowRoot!.querySelector('.stale')?.textContent)).to.match(
      /^Données au \d\d:\d\d : la mise à jour a échoué\.$/,
    );
    expect(part(el, 'link')).to.exist;
    expect(hasState(el, 'stale')).to.be.true;
    expect(fallbackShown(el)).to.be.false;
    await expect(el).to.be.accessible();
  });

  it('is fluid: stacked at 240 px, image beside the text when wide', async () => {
    const narrow = await card('atelier-ceramique', 'fr', 240);
    expect(narrow.getBoundingClientRect().width).to.equal(240);
    const nm = part(narrow, 'media')!.getBoundingClientRect();
    const nt = part(narrow, 'title')!.getBoundingClientRect();
    expect(nt.top).to.be.at.least(nm.bottom);
    // Nothing overflows the narrow card.
    const base = part(narrow, 'base')!;
    expect(base.scrollWidth).to.be.at.most(base.clientWidth);

    const wide = await card('atelier-ceramique', 'fr', 800);
    const wm = part(wide, 'media')!.getBoundingClientRect();
    const wt = part(wide, 'title')!.getBoundingClientRect();
    expect(wt.left).to.be.at.least(wm.right);
    expect(wt.top).to.be.below(wm.bottom);
  });

  it('shows a pre-rendered snippet’s data at its first render, then refreshes it', async () => {
    const campaign = { ...backend.store.findCampaign('atelier-ceramique')!, title: 'Titre du serveur' };
    const data = JSON.stringify({ [`${BASE}|atelier-ceramique`]: campaign }).replace(/</g, '\\u003c');
    const holder = document.createElement('div');
    // As the parser builds a pasted snippet: the data child is there before the element upgrades.
    holder.innerHTML = `<partage-campaign-card api="${BASE}" campaign="atelier-ceramique"><script type="application/json" data-partage>${data}</script></partage-campaign-card>`;
    const el = holder.firstElementChild as PartageCampaignCard;
    document.body.append(holder);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[aria-busy="true"]')).to.equal(null);
    expect(norm(part(el, 'link')!.textContent)).to.equal('Titre du serveur');
    // Near the viewport, it loads the current campaign as usual.
    await waitUntil(
      () => norm(part(el, 'link')!.textContent) === 'L’atelier céramique de la rue Chateaubriand',
      'refreshed',
    );
    await expect(el).to.be.accessible();
    holder.remove();
  });

  it('ignores unreadable pre-rendered data and loads normally', async () => {
    const holder = document.createElement('div');
    holder.innerHTML = `<partage-campaign-card api="${BASE}" campaign="atelier-ceramique"><script type="application/json" data-partage>{not json</script></partage-campaign-card>`;
    const el = holder.firstElementChild as PartageCampaignCard;
    document.body.append(holder);
    await waitForPart(el, 'link');
    expect(norm(part(el, 'link')!.textContent)).to.equal('L’atelier céramique de la rue Chateaubriand');
    holder.remove();
  });

  it('takes its heading level from its own heading-level, else from the provider’s', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<partage-provider api=${BASE} heading-level="4">
        <partage-campaign-card campaign="atelier-ceramique"></partage-campaign-card>
        <partage-campaign-card campaign="atelier-ceramique" heading-level="3"></partage-campaign-card>
      </partage-provider>`,
    );
    const [inherited, own] = [...wrapper.querySelectorAll('partage-campaign-card')];
    await waitForPart(inherited!, 'link');
    await waitForPart(own!, 'link');
    expect(part(inherited!, 'title')!.tagName).to.equal('H4');
    expect(part(own!, 'title')!.tagName).to.equal('H3');
  });

  it('links the whole card and takes keyboard focus on its title link', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        <button>before</button>
        <partage-campaign-card api=${BASE} campaign="atelier-ceramique" heading-level="2"></partage-campaign-card>
      </div>`,
    );
    const el = wrapper.querySelector('partage-campaign-card')!;
    await waitForPart(el, 'link');
    expect(part(el, 'title')!.tagName).to.equal('H2');
    wrapper.querySelector('button')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement).to.equal(el);
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'link'));
    // The stretched link covers the card: a click anywhere lands on the link.
    const box = el.getBoundingClientRect();
    const hit = el.shadowRoot!.elementFromPoint(box.left + 10, box.bottom - 10);
    expect(hit).to.equal(part(el, 'link'));
  });

  it('works under a provider', async () => {
    const root = await fixture(
      html`<partage-provider api=${BASE} locale="en">
        <partage-campaign-card campaign="librairie-solidaire"></partage-campaign-card>
      </partage-provider>`,
    );
    const el = root.querySelector('partage-campaign-card')!;
    await waitForPart(el, 'link');
    expect(textOf(el, '[part~="creator"]')).to.equal('by Association Les Pages Volantes');
    expect(stat(el, 'donors')).to.equal('61');
    expect(parts(el, 'milestone-marker')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('reaches a provider that upgrades after it (a page that loads the provider’s file last)', async () => {
    // A tag no file has defined yet: the card asks for the context before any provider answers.
    const tag = `late-provider-${Math.random().toString(36).slice(2, 10)}`;
    const provider = document.createElement(tag);
    provider.setAttribute('api', BASE);
    provider.setAttribute('locale', 'en');
    const el = document.createElement('partage-campaign-card') as PartageCampaignCard;
    el.setAttribute('campaign', 'librairie-solidaire');
    provider.append(el);
    const root = await fixture(html`<div></div>`);
    root.append(provider);
    await el.updateComplete;
    expect(textOf(el, '[part~="error"]')).to.equal(
      'This widget needs an api attribute or a surrounding partage-provider.',
    );
    customElements.define(tag, class extends PartageProvider {});
    await waitForPart(el, 'link', 'the card once its provider upgraded');
    expect(textOf(el, '[part~="creator"]')).to.equal('by Association Les Pages Volantes');
  });

  it('explains a missing api and still shows the fallback link', async () => {
    const el = await fixture(
      html`<partage-campaign-card campaign="atelier-ceramique" locale="en">
        <a href="https://blog.example.org/atelier">Support the workshop</a>
      </partage-campaign-card>`,
    );
    expect(textOf(el, '[part~="error"]')).to.equal(
      'This widget needs an api attribute or a surrounding partage-provider.',
    );
    expect(fallbackShown(el)).to.be.true;
    await expect(el).to.be.accessible();
  });
});
