import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { choose, MORGANE, SAINT_MALO, type } from '../../support/neighbourhood-helpers.js';
import { API, chunksLoaded, firstUsePage, isChunk, norm, part, type FirstUsePage } from './first-use-kit.js';

/*
 * dist/cdn/partage-listing-form.js draws its form without its checks and sending
 * (chunks/listing-form-listing-submission-*.js), which come at the form's first focus or tap, or at
 * a submit. Here the chunk is held, then fails (the member went offline), then is served: a member
 * who filled the form without touching it and pressed "Publier" waits, is told, keeps the draft,
 * retries, and publishes; then, by the keyboard alone, the checks answer as ever.
 */

const FILE = '/dist/cdn/partage-listing-form.js';
const CHUNK = /\/dist\/cdn\/chunks\/listing-form-listing-submission-[\w-]{8}\.js/;

let page: FirstUsePage;
before(async () => {
  page = await firstUsePage(FILE, CHUNK);
});
after(() => page.worker.stop());

const field = <T extends HTMLElement>(el: Element, name: string) =>
  el.shadowRoot!.querySelector<T>(`[name="${name}"]`)!;

describe('listing form CDN file: checks and sending on first use', () => {
  it('paints without the code; a submit before it waits busy, offline says so with the draft kept, then publishes', async function () {
    this.timeout(30_000);
    const el = document.createElement('partage-listing-form');
    el.setAttribute('api', API);
    el.setAttribute('neighbourhood', SAINT_MALO);
    el.setAttribute('member-token', MORGANE);
    el.setAttribute('locale', 'fr');
    document.body.append(el);
    await waitUntil(() => part(el, 'submit'), 'the form did not show', { timeout: 10000 });
    expect(norm(part(el, 'submit')!.textContent)).to.equal('Publier');
    expect(chunksLoaded(), 'the chunk arrived before the first paint').to.deep.equal([]);
    expect(page.requests.some(isChunk), 'the untouched form asked for its code').to.equal(false);
    await expect(el).to.be.accessible();

    // Filled by script (no focus, no tap: the code is not asked for), then submitted at once.
    choose(field<HTMLSelectElement>(el, 'type'), 'give');
    choose(field<HTMLSelectElement>(el, 'category'), 'tools');
    type(field<HTMLInputElement>(el, 'title'), 'Perceuse à prêter');
    type(field<HTMLInputElement>(el, 'place.label'), 'Intra-muros');
    expect(page.requests.some(isChunk)).to.equal(false);
    part(el, 'submit')!.click();
    await waitUntil(() => part(el, 'form')!.getAttribute('aria-busy') === 'true', 'the submit did not wait busy');
    expect(norm(part(el, 'submit')!.textContent)).to.equal('Publication…');
    await waitUntil(() => page.requests.some(isChunk), 'the chunk was never asked for');
    await expect(el).to.be.accessible();

    page.chunk('fail');
    await waitUntil(() => part(el, 'retry'), 'no retry after the code failed to load', { timeout: 10000 });
    expect(norm(part(el, 'form-alert')!.textContent)).to.equal(
      'Vous semblez hors ligne. Vérifiez votre connexion puis réessayez. Réessayer',
    );
    expect(part(el, 'form')!.getAttribute('aria-busy')).to.equal('false');
    expect(field<HTMLInputElement>(el, 'title').value).to.equal('Perceuse à prêter');
    expect(field<HTMLSelectElement>(el, 'category').value).to.equal('tools');
    await expect(el).to.be.accessible();

    page.chunk('pass');
    const before = page.backend.store.listings.length;
    part(el, 'retry')!.click();
    await waitUntil(() => part(el, 'confirmation'), 'not published after the retry', { timeout: 10000 });
    expect(norm(part(el, 'confirmation')!.textContent)).to.equal('Votre annonce « Perceuse à prêter » est publiée.');
    expect(page.backend.store.listings.length).to.equal(before + 1);
    await expect(el).to.be.accessible();

    // Another, by the keyboard alone: Enter on "Publier" with an empty form, the checks as ever.
    part(el, 'post-another')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => part(el, 'submit'), 'no new form');
    part(el, 'submit')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(
      () => norm(part(el, 'form-alert')?.textContent).endsWith('champs sont à corriger.'),
      'no field errors',
    );
    expect((el.shadowRoot!.activeElement as HTMLElement | null)?.getAttribute('name')).to.equal('type');
    await expect(el).to.be.accessible();
  });
});
