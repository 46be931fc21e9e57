import { expect, waitUntil } from '@open-wc/testing';
import {
  API,
  alertText,
  chunksLoaded,
  control,
  errorText,
  firstUsePage,
  hasState,
  isChunk,
  norm,
  part,
  pledgeForm,
  type,
  type FirstUsePage,
} from './first-use-kit.js';

/*
 * dist/cdn/partage-pledge-form.js draws its form without its interaction code (checks, submit
 * flow, outcome: chunks/pledge-form-pledge-interaction-*.js), which comes at the form's first use
 * or when the browser is idle. Here the chunk is held, then fails (the reader went offline), then
 * is served: a reader who typed and submitted at once waits, is told, keeps every answer, and
 * gets the same messages and the same pledge as with the code already there.
 */

let page: FirstUsePage;
before(async () => {
  page = await firstUsePage();
});
after(() => page.worker.stop());

describe('pledge form CDN file: interaction code on first use', () => {
  it('paints from its data alone; a submit before the code waits busy, offline it says so, then makes the pledge', async function () {
    this.timeout(30_000);
    const el = await pledgeForm();
    // First paint: labels, reward choice, amount field and its hint, the submit button, with the
    // chunk held: none of it waited for the code.
    expect(norm(part(el, 'submit')!.textContent)).to.equal('Je soutiens');
    expect(norm(el.shadowRoot!.getElementById('pf-amount-hint')!.textContent)).to.match(/5 €/);
    expect(control(el, 'reward').options.length).to.be.greaterThan(1);
    expect(chunksLoaded(), 'the chunk arrived before the first paint').to.deep.equal([]);
    // The data requests went first: the chunk is asked for only after them (idle, or first use).
    const firstData = page.requests.findIndex((u) => u.startsWith(`${API}/campaigns`));
    const firstChunk = page.requests.findIndex(isChunk);
    expect(firstData).to.be.greaterThan(-1);
    if (firstChunk >= 0) expect(firstChunk).to.be.greaterThan(firstData);
    await expect(el).to.be.accessible();

    // The reader types an amount and submits at once: the form is busy while the code is held.
    const before = page.backend.store.pledges.length;
    type(el, 'amount', '12');
    part(el, 'submit')!.click();
    await waitUntil(() => hasState(el, 'sending'), 'the submit did not show it was busy');
    expect(norm(part(el, 'submit')!.textContent)).to.equal('Envoi en cours…');
    expect(part(el, 'form')!.getAttribute('aria-busy')).to.equal('true');
    expect(part(el, 'submit')!.getAttribute('aria-disabled')).to.equal('true');
    await waitUntil(() => page.requests.some(isChunk), 'the chunk was never asked for');
    await expect(el).to.be.accessible();

    // The reader was offline: the chunk fails. A readable alert with a retry; the answer stays.
    page.chunk('fail');
    await waitUntil(() => part(el, 'retry'), 'no retry after the code failed to load', { timeout: 10000 });
    expect(alertText(el)).to.equal(
      'Vous semblez hors ligne. Vérifiez votre connexion puis réessayez. Vos réponses sont conservées. Réessayer',
    );
    expect(hasState(el, 'sending')).to.equal(false);
    expect(control(el, 'amount').value).to.equal('12');
    expect(page.backend.store.pledges.length).to.equal(before);
    await expect(el).to.be.accessible();

    // Back online, the retry brings the code, and the checks say what they always said.
    page.chunk('pass');
    part(el, 'retry')!.click();
    await waitUntil(() => errorText(el, 'name') !== '', 'the form was not checked after the retry', {
      timeout: 10000,
    });
    expect(alertText(el)).to.equal(
      'Vérifiez ces 2 champs : Votre nom : Saisissez votre nom. Adresse e-mail : Saisissez votre adresse e-mail.',
    );
    expect(errorText(el, 'email')).to.equal('Saisissez votre adresse e-mail.');
    expect(el.shadowRoot!.activeElement?.id).to.equal('pf-name');
    expect(control(el, 'amount').value).to.equal('12');
    await expect(el).to.be.accessible();

    // Fixed, the same pledge as ever.
    type(el, 'name', 'Camille Durand');
    type(el, 'email', 'camille@example.org');
    part(el, 'submit')!.click();
    await waitUntil(() => part(el, 'outcome-confirmed'), 'no pledge outcome', { timeout: 10000 });
    expect(norm(part(el, 'outcome')!.textContent)).to.equal(
      'Merci, Camille Durand ! Votre contribution de 12 € est confirmée. Faire une autre contribution',
    );
    expect(page.backend.store.pledges.length).to.equal(before + 1);
    expect(page.backend.store.pledges.at(-1)).to.include({ name: 'Camille Durand', email: 'camille@example.org' });
    await expect(el).to.be.accessible();
  });
});
