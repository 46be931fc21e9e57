import { expect, waitUntil } from '@open-wc/testing';
import { createElement, useState, type ReactElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
// The one event map, as users import it from '@partage/widgets': name → detail.
import type { CheckoutDetail, PartageEvent, PledgeCreatedDetail, RewardSelectDetail } from '../../../src/index.js';
import '../../../src/widgets/provider/define.js';
import '../../../src/widgets/reward-tiers/define.js';
import '../../../src/widgets/listing-form/define.js';
import '../../../src/widgets/pledge-form/define.js';
import {
  cleanUp,
  container,
  fill,
  found,
  hasState,
  inShadow,
  shownText,
  startBackend,
  pledgeThroughTiers,
} from './support.js';

/*
 * React 19 treats custom elements as first-class: a prop whose name is a property of the element
 * is set as a property (objects and functions included), and `on<event-name>` props listen to
 * custom events. No wrapper, no ref juggling. createElement is used to avoid a JSX transform.
 */
const API = 'https://react.partage.test/v1';
const backend = await startBackend(API);

let root: Root | undefined;

function render(element: ReactElement): HTMLElement {
  const host = container();
  root = createRoot(host);
  root.render(element);
  return host;
}

afterEach(() => {
  root?.unmount();
  root = undefined;
  cleanUp();
  backend.reset();
});

describe('React 19', () => {
  it('passes objects as properties and gets custom events back', async () => {
    const chosen: RewardSelectDetail[] = [];
    function Rewards() {
      const [reward, setReward] = useState<string | null>(null);
      return createElement(
        'section',
        null,
        createElement('partage-reward-tiers', {
          api: API,
          campaign: 'atelier-ceramique',
          locale: 'en',
          texts: { legend: 'Pick a thank-you gift' },
          'onpartage-reward-select': (event: PartageEvent<'partage-reward-select'>) => {
            chosen.push(event.detail);
            setReward(event.detail.rewardId);
          },
        }),
        createElement('p', { id: 'choice' }, reward ? `You chose ${reward}` : 'Nothing chosen'),
      );
    }
    const host = render(createElement(Rewards));
    const tiers = await found(
      () => host.querySelector('partage-reward-tiers'),
      'React did not render <partage-reward-tiers>',
    );
    // An object prop lands as a property, not as "[object Object]" in an attribute.
    expect(tiers.texts).to.deep.equal({ legend: 'Pick a thank-you gift' });
    expect(tiers.hasAttribute('texts')).to.equal(false);
    await waitUntil(
      () => /Pick a thank-you gift/.test(shownText(tiers)) && /tasse émaillée/i.test(shownText(tiers)),
      'tiers did not load',
    );

    inShadow<HTMLInputElement>(tiers, 'input[value="ceramique-tasse"]').click();
    await waitUntil(
      () => host.querySelector('#choice')?.textContent === 'You chose ceramique-tasse',
      'React did not get the event',
    );
    expect(chosen).to.have.length(1);
    expect(chosen[0]).to.include({ campaignId: 'atelier-ceramique', rewardId: 'ceramique-tasse' });
    expect(chosen[0]!.minimum).to.deep.equal({ amount: 2500, currency: 'EUR' });
  });

  it('pledges through tiers and form under a provider, and hears partage-pledge-created', async () => {
    const created: PledgeCreatedDetail[] = [];
    function RewardCampaign() {
      const [thanks, setThanks] = useState('');
      return createElement(
        'partage-provider',
        { api: API, locale: 'en' },
        createElement('partage-reward-tiers', { campaign: 'atelier-ceramique' }),
        createElement('partage-pledge-form', {
          campaign: 'atelier-ceramique',
          'onpartage-pledge-created': (event: PartageEvent<'partage-pledge-created'>) => {
            created.push(event.detail);
            setThanks(`Pledge ${event.detail.pledge.status}: ${event.detail.pledge.amount.amount / 100} €`);
          },
        }),
        createElement('output', { id: 'thanks' }, thanks),
      );
    }
    const host = render(createElement(RewardCampaign));
    await pledgeThroughTiers(host);

    await waitUntil(
      () => host.querySelector('#thanks')?.textContent === 'Pledge confirmed: 30 €',
      'React did not hear the pledge',
    );
    expect(created).to.have.length(1);
    expect(created[0]!.pledge).to.include({
      campaignId: 'atelier-ceramique',
      rewardId: 'ceramique-tasse',
      status: 'confirmed',
    });
    expect(backend.store.findCampaign('atelier-ceramique')!.pledged.amount).to.equal(542_000 + 3_000);
  });

  it('lets the app route the checkout itself by cancelling partage-checkout', async () => {
    const checkouts: CheckoutDetail[] = [];
    const host = render(
      createElement('partage-pledge-form', {
        api: API,
        campaign: 'mon-petit-placement',
        locale: 'en',
        'onpartage-checkout': (event: PartageEvent<'partage-checkout'>) => {
          event.preventDefault();
          checkouts.push(event.detail);
        },
      }),
    );
    const form = await found(() => host.querySelector('partage-pledge-form'), 'no form');
    await waitUntil(() => form.shadowRoot?.querySelector('[name="amount"]'), 'the form did not load');
    fill(form, 'amount', '500');
    fill(form, 'name', 'Camille Durand');
    fill(form, 'email', 'camille@example.org');
    inShadow(form, '[part~="submit"]').click();
    await waitUntil(() => checkouts.length === 1, 'no partage-checkout event');
    expect(checkouts[0]!.pledge.status).to.equal('pending_payment');
    expect(checkouts[0]!.checkoutUrl).to.match(/^https:\/\/.+\/checkout\?pledge=/);
    // Still on the test page: the cancelled navigation left a link in the form instead.
    await waitUntil(() => form.shadowRoot?.querySelector('[part~="checkout-link"]'), 'no checkout link');
  });

  it('updates properties when React state changes', async () => {
    let show: (campaign: string) => void = () => {};
    function Switcher() {
      const [campaign, setCampaign] = useState('atelier-ceramique');
      show = setCampaign;
      return createElement('partage-reward-tiers', { api: API, campaign, locale: 'en' });
    }
    const host = render(createElement(Switcher));
    const tiers = await found(
      () => host.querySelector('partage-reward-tiers'),
      'React did not render <partage-reward-tiers>',
    );
    await waitUntil(() => /tasse émaillée/i.test(shownText(tiers)));
    show('court-metrage-voisins');
    await waitUntil(() => /avant-première/i.test(shownText(tiers)), 'the new campaign was not shown');
    expect(tiers.campaign).to.equal('court-metrage-voisins');
  });

  it('hands a member token callback to the provider after the widget asks for sign-in', async () => {
    let requests = 0;
    function Board() {
      const [token, setToken] = useState<string | null>(null);
      return createElement(
        'partage-provider',
        // A function prop: the provider calls it before each member action.
        { api: API, locale: 'en', memberToken: token ? () => token : undefined },
        createElement('partage-listing-form', {
          neighbourhood: 'saint-malo-intra-muros',
          'onpartage-sign-in-request': () => {
            requests++;
            setToken('demo-member-morgane');
          },
        }),
      );
    }
    const host = render(createElement(Board));
    const form = await found(
      () => host.querySelector('partage-listing-form'),
      'React did not render <partage-listing-form>',
    );
    await waitUntil(() => hasState(form, 'signed-out'), 'the form should ask for sign-in first');
    expect(shownText(form)).to.match(/Sign in to post/);

    inShadow(form, '[part~="sign-in"]').click();
    await waitUntil(() => !hasState(form, 'signed-out'), 'the form did not take the token from the provider');
    expect(requests).to.equal(1);
    expect(typeof host.querySelector('partage-provider')!.memberToken).to.equal('function');
    expect(form.shadowRoot!.querySelector('input[name="title"]')).to.not.equal(null);
  });

  it('unmounts without errors and stops its requests', async () => {
    const errors: unknown[] = [];
    const onError = (e: ErrorEvent | PromiseRejectionEvent) => errors.push('reason' in e ? e.reason : e.error);
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onError);
    const host = render(createElement('partage-reward-tiers', { api: API, campaign: 'atelier-ceramique' }));
    const tiers = await found(
      () => host.querySelector('partage-reward-tiers'),
      'React did not render <partage-reward-tiers>',
    );
    await waitUntil(() => /tasse émaillée/i.test(shownText(tiers)));
    root!.unmount();
    root = undefined;
    await new Promise((resolve) => setTimeout(resolve, 100));
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onError);
    expect(errors).to.deep.equal([]);
    expect(host.childElementCount).to.equal(0);
  });
});
