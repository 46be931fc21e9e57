import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from '../../core/element/template.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { defineElement } from '../../core/element/define.js';
import { PartagePledgeForm } from './pledge-form.js';
import { PartageProvider } from '../provider/provider.js';
import { PartageRewardTiers } from '../reward-tiers/reward-tiers.js';
import { API, DOWN_API, FULL_API, OFFLINE_API, SLOW_API } from '../../../stories/support/backends.js';
import { column, commonArgTypes, onDarkPage, submitPledge, widget, type Args } from '../../../stories/support/story.js';

defineElement('partage-provider', PartageProvider);
defineElement('partage-reward-tiers', PartageRewardTiers);
defineElement('partage-pledge-form', PartagePledgeForm);

/** Storybook must not leave for the platform's checkout: the form then shows a link instead. */
function form(args: Args): HTMLElement {
  const el = widget('partage-pledge-form', args);
  el.addEventListener('partage-checkout', (event) => event.preventDefault());
  return el;
}

const reader = { name: 'Camille Durand', email: 'camille@example.org' };

const meta: Meta<Args> = {
  title: 'Campaigns/Pledge form',
  component: 'partage-pledge-form',
  render: form,
  decorators: [column(30)],
  args: { api: API, campaign: 'atelier-ceramique' },
  argTypes: {
    ...commonArgTypes,
    api: { ...commonArgTypes.api, options: [...commonArgTypes.api.options, FULL_API] },
    campaign: {
      control: 'select',
      options: [
        'atelier-ceramique',
        'mon-petit-placement',
        'librairie-solidaire',
        'court-metrage-voisins',
        'bd-la-maree',
      ],
    },
    reward: {
      control: 'select',
      options: [undefined, '', 'ceramique-merci', 'ceramique-tasse', 'ceramique-bol-atelier'],
    },
    'checkout-target': { control: 'inline-radio', options: ['_self', '_blank'] },
  },
};
export default meta;
type Story = StoryObj<Args>;

/** A reward campaign: reward, amount, name, e-mail, anonymity and a public message. */
export const Loaded: Story = {};

/** A reward chosen beforehand: the minimum follows it. */
export const WithReward: Story = { args: { reward: 'ceramique-tasse' } };

/** A donation campaign without rewards. */
export const Donation: Story = { args: { campaign: 'librairie-solidaire' } };

/** An equity raise: minimum ticket, oversubscription notice, risk warning. */
export const Equity: Story = { args: { campaign: 'mon-petit-placement' } };

/** Submitted and confirmed (reward campaigns are charged only if the goal is met). */
export const Confirmed: Story = {
  play: async ({ canvasElement }) =>
    submitPledge(canvasElement.querySelector('partage-pledge-form')!, { amount: '30', ...reader }),
};

/** An equity ticket waits for signature and payment on the platform's checkout. */
export const PendingPayment: Story = {
  args: { campaign: 'mon-petit-placement' },
  play: async ({ canvasElement }) =>
    submitPledge(canvasElement.querySelector('partage-pledge-form')!, { amount: '500', ...reader }),
};

/** The raise reached its hard cap: the investor joins the waitlist, with a position. */
export const Waitlisted: Story = {
  args: { api: FULL_API, campaign: 'mon-petit-placement' },
  play: async ({ canvasElement }) =>
    submitPledge(canvasElement.querySelector('partage-pledge-form')!, { amount: '1000', ...reader }),
};

/** Below the reward's minimum: the field says so before anything is sent. */
export const Invalid: Story = {
  args: { reward: 'ceramique-service-the' },
  play: async ({ canvasElement }) =>
    submitPledge(canvasElement.querySelector('partage-pledge-form')!, {
      amount: '20',
      name: '',
      email: 'not-an-email',
    }),
};

/** The chosen reward is sold out: the form offers the ones still available. */
export const SoldOutReward: Story = { args: { reward: 'ceramique-bol-atelier' } };

/** Ended: no form, the outcome instead. */
export const Ended: Story = { args: { campaign: 'court-metrage-voisins' } };

/** Not open yet. */
export const Upcoming: Story = { args: { campaign: 'bd-la-maree' } };

export const Loading: Story = { args: { api: SLOW_API } };
export const ServerError: Story = { args: { api: DOWN_API } };
export const Offline: Story = { args: { api: OFFLINE_API } };
export const Dark: Story = { args: { theme: 'dark' }, decorators: [onDarkPage] };
export const English: Story = { args: { locale: 'en', campaign: 'mon-petit-placement' } };

/** Tiers and form under one provider: choosing a tier preselects it in the form, and back. */
export const WithRewardTiers: Story = {
  decorators: [column(60)],
  render: (args) =>
    html`<partage-provider api=${String(args.api)} locale=${ifDefined(args.locale as string | undefined)}>
      <div
        style="display: grid; gap: 1.5rem; grid-template-columns: minmax(0, 1.4fr) minmax(16rem, 1fr); align-items: start"
      >
        <partage-reward-tiers campaign=${String(args.campaign)}></partage-reward-tiers>
        ${form({ campaign: args.campaign })}
      </div>
    </partage-provider>`,
};
