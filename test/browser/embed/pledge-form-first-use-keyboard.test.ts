import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import {
  chunksLoaded,
  control,
  errorText,
  firstUsePage,
  hasState,
  isChunk,
  norm,
  part,
  pledgeForm,
  type FirstUsePage,
} from './first-use-kit.js';

/*
 * The pledge form's CDN file with the keyboard alone, its interaction code held until the reader
 * has already chosen, typed and pressed Enter: the choice raises the amount at once, Enter waits
 * busy, and when the code arrives the checks and the pledge are those of a form that had it.
 */

let page: FirstUsePage;
before(async () => {
  page = await firstUsePage();
});
after(() => page.worker.stop());

describe('pledge form CDN file: keyboard before the interaction code', () => {
  it('takes a reward, answers and Enter while the code is held, then checks and pledges', async function () {
    this.timeout(30_000);
    const wrapper = document.createElement('div');
    const start = document.createElement('button');
    start.textContent = 'before';
    wrapper.append(start);
    document.body.append(wrapper);
    const el = await pledgeForm(wrapper);
    const focused = () => el.shadowRoot!.activeElement as HTMLElement | null;
    start.focus();
    // Untouched, the form asks for its code once the browser is idle (held here).
    await waitUntil(() => page.requests.some(isChunk), 'the idle moment never asked for the code', {
      timeout: 10000,
    });

    await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal(control(el, 'reward'));
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    expect(control(el, 'reward').value).to.equal('ceramique-tasse');
    // The reward's minimum fills the empty amount without waiting for the code.
    await waitUntil(() => control(el, 'amount').value === '25', 'the amount did not take the reward minimum');
    await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal(control(el, 'amount'));
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Alix Martin' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'alix@' });
    expect(chunksLoaded(), 'the code arrived although held').to.deep.equal([]);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => hasState(el, 'sending'), 'Enter did not show the form busy');
    expect(norm(part(el, 'submit')!.textContent)).to.equal('Envoi en cours…');
    await expect(el).to.be.accessible();

    page.chunk('pass');
    await waitUntil(() => errorText(el, 'email') !== '', 'the form was not checked', { timeout: 10000 });
    expect(errorText(el, 'email')).to.equal('Saisissez une adresse e-mail comme nom@exemple.fr.');
    expect(focused()).to.equal(control(el, 'email'));
    expect(control(el, 'name').value).to.equal('Alix Martin');
    await expect(el).to.be.accessible();

    await sendKeys({ type: 'example.org' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => part(el, 'outcome-confirmed'), 'no pledge outcome', { timeout: 10000 });
    await waitUntil(() => focused()?.id === 'pf-outcome', 'the outcome did not take focus');
    expect(page.backend.store.pledges.at(-1)).to.include({
      name: 'Alix Martin',
      email: 'alix@example.org',
      rewardId: 'ceramique-tasse',
    });
    expect(page.backend.store.pledges.at(-1)!.amount).to.deep.equal({ amount: 2500, currency: 'EUR' });
    await expect(el).to.be.accessible();
  });
});
