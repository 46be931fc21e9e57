import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/widgets/campaign-progress/define.js';
import '../../../src/widgets/pledge-form/define.js';
import '../../../src/widgets/provider/define.js';
import '../../../src/widgets/reward-tiers/define.js';
import type { PartageProvider } from '../../../src/widgets/provider/provider.js';
import { norm, part, textOf, useMockBackend, waitForPart } from '../../support/campaign-test-kit.js';
import { LIVE_RETRIES, waitForStream } from '../../support/live.js';

const BASE = 'https://api.flow.test/v1';
const { backend } = useMockBackend(BASE);

/**
 * The whole crowdfunding flow on one page, as a reader does it with the keyboard: choose a tier,
 * find it preselected in the pledge form, pledge, and see the progress bar move.
 */
describe('crowdfunding flow under one provider', () => {
  it('chooses a tier, pledges with it, and the progress shows the new total', async () => {
    const page = await fixture<HTMLDivElement>(
      html`<div>
        <button type="button">start</button>
        <partage-provider api=${BASE} locale="fr">
          <partage-campaign-progress campaign="atelier-ceramique"></partage-campaign-progress>
          <partage-reward-tiers campaign="atelier-ceramique"></partage-reward-tiers>
          <partage-pledge-form campaign="atelier-ceramique"></partage-pledge-form>
        </partage-provider>
      </div>`,
    );
    const provider = page.querySelector<PartageProvider>('partage-provider')!;
    const progress = page.querySelector('partage-campaign-progress')!;
    const tiers = page.querySelector('partage-reward-tiers')!;
    const form = page.querySelector('partage-pledge-form')!;
    await waitForPart(progress, 'amount');
    await waitForPart(tiers, 'list');
    await waitForPart(form, 'form');
    expect(textOf(progress, '[part~="amount"]')).to.equal('5 420 €');
    // Ten widgets of a campaign share one live stream; these three too.
    await waitForStream(backend, 'campaigns/atelier-ceramique');
    expect(backend.listeners('campaigns/atelier-ceramique')).to.equal(1);

    // 1. Choose "Une tasse émaillée" in the tiers, with the keyboard.
    page.querySelector('button')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(tiers.shadowRoot!.activeElement?.id).to.equal('tier-none');
    const chosen = oneEvent(tiers, 'partage-reward-select');
    await sendKeys({ press: 'ArrowDown' });
    await chosen;
    await sendKeys({ press: 'ArrowDown' });
    expect(tiers.selected).to.equal('ceramique-tasse');
    expect(provider.selection.reward('atelier-ceramique')).to.equal('ceramique-tasse');

    // 2. The form below has it preselected, with the amount raised to its minimum.
    await form.updateComplete;
    const field = (id: string) => form.shadowRoot!.querySelector<HTMLInputElement & HTMLSelectElement>(`#${id}`)!;
    expect(field('pf-reward').value).to.equal('ceramique-tasse');
    expect(field('pf-amount').value).to.equal('25');
    expect(textOf(form, '#pf-amount-hint')).to.equal('Minimum pour cette contrepartie : 25 €, maximum 5 000 €.');

    // 3. Fill in and submit, still with the keyboard: the next tab stops are the form's fields.
    await sendKeys({ press: 'Tab' });
    expect(form.shadowRoot!.activeElement).to.equal(field('pf-reward'));
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(form.shadowRoot!.activeElement).to.equal(field('pf-name'));
    await sendKeys({ type: 'Lou Kerhervé' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'lou@example.org' });
    const created = oneEvent(form, 'partage-pledge-created');
    await sendKeys({ press: 'Enter' });
    const { detail } = await created;
    expect(detail.pledge.status).to.equal('confirmed');
    expect(detail.pledge.rewardId).to.equal('ceramique-tasse');

    // 4. Confirmed, and every widget of the page follows the same stream.
    await waitForPart(form, 'outcome-confirmed');
    expect(textOf(form, '[part~="outcome"]')).to.contain('Votre contribution de 25 € est confirmée.');
    await waitUntil(() => textOf(progress, '[part~="amount"]') === '5 445 €', 'progress shows the new total');
    const backers = [...progress.shadowRoot!.querySelectorAll('dt')].find(
      (dt) => norm(dt.textContent) === 'contributeurs',
    );
    expect(norm(backers?.nextElementSibling?.textContent)).to.equal('144');
    await waitUntil(
      () =>
        norm(
          tiers
            .shadowRoot!.querySelector('#tier-ceramique-tasse')!
            .closest('[part~="tier"]')!
            .querySelector('[part~="tier-stock"]')!.textContent,
        ) === '11 disponibles sur 50',
      'tier stock follows',
    );
    expect(part(tiers, 'error')).to.equal(null);
    await expect(provider).to.be.accessible();
  }).retries(LIVE_RETRIES);
});
