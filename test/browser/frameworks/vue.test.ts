import { expect, waitUntil } from '@open-wc/testing';
import { createApp, defineComponent, h, ref, type App, type Component } from 'vue';
// The one event map, as users import it from '@partage/widgets': name → detail.
import type { CheckoutDetail, PartageEvent, PledgeCreatedDetail, RewardSelectDetail } from '../../../src/index.js';
import '../../../src/widgets/provider/define.js';
import '../../../src/widgets/reward-tiers/define.js';
import '../../../src/widgets/listing-form/define.js';
import '../../../src/widgets/pledge-form/define.js';
import { defineElement } from '../../../src/core/element/define.js';
import { PartageRewardTiers } from '../../../src/widgets/reward-tiers/reward-tiers.js';
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
 * Vue 3 renders custom elements from render functions (`h('partage-…')`): a prop that is a
 * property of the element (objects, functions) is set as a property, and `onPartageRewardSelect`
 * listens to `partage-reward-select`. With templates, `compilerOptions.isCustomElement` tells
 * the compiler these tags are not Vue components; it is set here as an app would.
 */
const API = 'https://vue.partage.test/v1';
const backend = await startBackend(API);

let app: App | undefined;
let warnings: string[] = [];

function mount(component: Component): HTMLElement {
  const host = container();
  app = createApp(component);
  // Without it, a template's <partage-…> tags are taken for unknown Vue components.
  app.config.compilerOptions.isCustomElement = (tag) => tag.startsWith('partage-') || tag.startsWith('acme-');
  app.config.warnHandler = (message) => warnings.push(message);
  app.mount(host);
  return host;
}

beforeEach(() => {
  warnings = [];
});

afterEach(() => {
  app?.unmount();
  app = undefined;
  cleanUp();
  backend.reset();
});

describe('Vue 3', () => {
  it('passes objects as properties and gets custom events back', async () => {
    const chosen: RewardSelectDetail[] = [];
    const host = mount(
      defineComponent({
        setup() {
          const reward = ref<string | null>(null);
          return () =>
            h('section', [
              h('partage-reward-tiers', {
                api: API,
                campaign: 'atelier-ceramique',
                locale: 'en',
                texts: { legend: 'Pick a thank-you gift' },
                onPartageRewardSelect: (event: PartageEvent<'partage-reward-select'>) => {
                  chosen.push(event.detail);
                  reward.value = event.detail.rewardId;
                },
              }),
              h('p', { id: 'choice' }, reward.value ? `You chose ${reward.value}` : 'Nothing chosen'),
            ]);
        },
      }),
    );
    const tiers = await found(() => host.querySelector('partage-reward-tiers'), 'Vue did not render the tiers');
    expect(tiers.texts).to.deep.equal({ legend: 'Pick a thank-you gift' });
    expect(tiers.hasAttribute('texts')).to.equal(false);
    await waitUntil(
      () => /Pick a thank-you gift/.test(shownText(tiers)) && /tasse émaillée/i.test(shownText(tiers)),
      'tiers did not load',
    );

    inShadow<HTMLInputElement>(tiers, 'input[value="ceramique-tasse"]').click();
    await waitUntil(
      () => host.querySelector('#choice')?.textContent === 'You chose ceramique-tasse',
      'Vue did not get the event',
    );
    expect(chosen).to.have.length(1);
    expect(chosen[0]).to.include({ campaignId: 'atelier-ceramique', rewardId: 'ceramique-tasse' });
  });

  it('works from a template with isCustomElement, `.prop` bindings and `@event` listeners', async () => {
    // The tag is registered after the template compiles, as when a partner's bundle loads late:
    // only isCustomElement keeps Vue from taking it for a missing component.
    const chosen: string[] = [];
    const host = mount({
      data: () => ({ api: API, texts: { legend: 'Pick a thank-you gift' } }),
      methods: {
        onSelect(event: PartageEvent<'partage-reward-select'>) {
          chosen.push(String(event.detail.rewardId));
        },
      },
      template: `<acme-reward-tiers :api="api" campaign="atelier-ceramique" locale="en" :texts.prop="texts"
        @partage-reward-select="onSelect"></acme-reward-tiers>`,
    });
    defineElement('acme-reward-tiers', PartageRewardTiers);
    const tiers = await found(() => host.querySelector('acme-reward-tiers'), 'Vue did not render the template');
    await waitUntil(
      () => /Pick a thank-you gift/.test(shownText(tiers)) && /tasse émaillée/i.test(shownText(tiers)),
      'tiers did not load',
    );
    inShadow<HTMLInputElement>(tiers, 'input[value="ceramique-merci"]').click();
    await waitUntil(() => chosen.length === 1, 'the template listener did not run');
    expect(chosen).to.deep.equal(['ceramique-merci']);
    expect(warnings, 'Vue warnings (e.g. "Failed to resolve component")').to.deep.equal([]);
  });

  it('pledges through tiers and form under a provider, and hears partage-pledge-created', async () => {
    const created: PledgeCreatedDetail[] = [];
    const thanks = ref('');
    const host = mount({
      setup: () => () =>
        h('partage-provider', { api: API, locale: 'en' }, [
          h('partage-reward-tiers', { campaign: 'atelier-ceramique' }),
          h('partage-pledge-form', {
            campaign: 'atelier-ceramique',
            onPartagePledgeCreated: (event: PartageEvent<'partage-pledge-created'>) => {
              created.push(event.detail);
              thanks.value = `Pledge ${event.detail.pledge.status}: ${event.detail.pledge.amount.amount / 100} €`;
            },
          }),
          h('output', { id: 'thanks' }, thanks.value),
        ]),
    });
    await pledgeThroughTiers(host);

    await waitUntil(
      () => host.querySelector('#thanks')?.textContent === 'Pledge confirmed: 30 €',
      'Vue did not hear the pledge',
    );
    expect(created).to.have.length(1);
    expect(created[0]!.pledge).to.include({
      campaignId: 'atelier-ceramique',
      rewardId: 'ceramique-tasse',
      status: 'confirmed',
    });
  });

  it('lets the app route the checkout itself by cancelling partage-checkout', async () => {
    const checkouts: CheckoutDetail[] = [];
    const host = mount({
      setup: () => () =>
        h('partage-pledge-form', {
          api: API,
          campaign: 'mon-petit-placement',
          locale: 'en',
          onPartageCheckout: (event: PartageEvent<'partage-checkout'>) => {
            event.preventDefault();
            checkouts.push(event.detail);
          },
        }),
    });
    const form = await found(() => host.querySelector('partage-pledge-form'), 'no form');
    await waitUntil(() => form.shadowRoot?.querySelector('[name="amount"]'), 'the form did not load');
    fill(form, 'amount', '500');
    fill(form, 'name', 'Camille Durand');
    fill(form, 'email', 'camille@example.org');
    inShadow(form, '[part~="submit"]').click();
    await waitUntil(() => checkouts.length === 1, 'no partage-checkout event');
    expect(checkouts[0]!.pledge.status).to.equal('pending_payment');
    await waitUntil(() => form.shadowRoot?.querySelector('[part~="checkout-link"]'), 'no checkout link');
  });

  it('updates properties when reactive state changes', async () => {
    const campaign = ref('atelier-ceramique');
    const host = mount({
      setup: () => () => h('partage-reward-tiers', { api: API, campaign: campaign.value, locale: 'en' }),
    });
    const tiers = await found(() => host.querySelector('partage-reward-tiers'), 'Vue did not render the tiers');
    await waitUntil(() => /tasse émaillée/i.test(shownText(tiers)));
    campaign.value = 'court-metrage-voisins';
    await waitUntil(() => /avant-première/i.test(shownText(tiers)), 'the new campaign was not shown');
    expect(tiers.campaign).to.equal('court-metrage-voisins');
  });

  it('hands a member token callback to the provider after the widget asks for sign-in', async () => {
    let requests = 0;
    const token = ref<string | null>(null);
    const host = mount({
      setup: () => () =>
        h('partage-provider', { api: API, locale: 'en', memberToken: token.value ? () => token.value : undefined }, [
          h('partage-listing-form', {
            neighbourhood: 'saint-malo-intra-muros',
            onPartageSignInRequest: () => {
              requests++;
              token.value = 'demo-member-morgane';
            },
          }),
        ]),
    });
    const form = await found(() => host.querySelector('partage-listing-form'), 'Vue did not render the form');
    await waitUntil(() => hasState(form, 'signed-out'), 'the form should ask for sign-in first');
    inShadow(form, '[part~="sign-in"]').click();
    await waitUntil(() => !hasState(form, 'signed-out'), 'the form did not take the token from the provider');
    expect(requests).to.equal(1);
    expect(typeof host.querySelector('partage-provider')!.memberToken).to.equal('function');
  });

  it('unmounts without errors', async () => {
    const errors: unknown[] = [];
    const onError = (e: ErrorEvent | PromiseRejectionEvent) => errors.push('reason' in e ? e.reason : e.error);
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onError);
    const host = mount({ setup: () => () => h('partage-reward-tiers', { api: API, campaign: 'atelier-ceramique' }) });
    const tiers = await found(() => host.querySelector('partage-reward-tiers'), 'Vue did not render the tiers');
    await waitUntil(() => /tasse émaillée/i.test(shownText(tiers)));
    app!.unmount();
    app = undefined;
    await new Promise((resolve) => setTimeout(resolve, 100));
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onError);
    expect(errors).to.deep.equal([]);
    expect(host.querySelector('partage-reward-tiers')).to.equal(null);
  });
});
