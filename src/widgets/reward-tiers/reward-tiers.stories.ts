import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { defineElement } from '../../core/element/define.js';
import { PartageRewardTiers } from './reward-tiers.js';
import { API, DOWN_API, OFFLINE_API, SLOW_API, pledgesEvery } from '../../../stories/support/backends.js';
import { column, commonArgTypes, onDarkPage, widget, type Args } from '../../../stories/support/story.js';

defineElement('partage-reward-tiers', PartageRewardTiers);

const meta: Meta<Args> = {
  title: 'Campaigns/Reward tiers',
  component: 'partage-reward-tiers',
  render: (args) => widget('partage-reward-tiers', args),
  decorators: [column(36)],
  args: { api: API, campaign: 'atelier-ceramique' },
  argTypes: {
    ...commonArgTypes,
    campaign: {
      control: 'select',
      options: ['atelier-ceramique', 'court-metrage-voisins', 'bd-la-maree', 'librairie-solidaire'],
    },
    selected: {
      control: 'select',
      options: [undefined, '', 'ceramique-merci', 'ceramique-tasse', 'ceramique-service-the'],
    },
    'hide-no-reward': { control: 'boolean' },
  },
};
export default meta;
type Story = StoryObj<Args>;

/** Limited tiers, one sold out, one not open yet. */
export const Loaded: Story = {};

/** A tier already chosen (e.g. from the address of the page). */
export const Selected: Story = { args: { selected: 'ceramique-tasse' } };

/** Only rewards: no "pledge without reward" choice. */
export const RewardsOnly: Story = { args: { 'hide-no-reward': true } };

/** An ended campaign whose limited tiers all sold out. */
export const SoldOut: Story = { args: { campaign: 'court-metrage-voisins' } };

/** A donation campaign without tiers. */
export const Empty: Story = { args: { campaign: 'librairie-solidaire' } };

/** Other readers take the last tea sets: stock goes down live until the tier sells out. */
export const LiveStock: Story = {
  beforeEach: () => pledgesEvery('atelier-ceramique', 2500, 12000, 'ceramique-service-the'),
};

export const Loading: Story = { args: { api: SLOW_API } };
export const ServerError: Story = { args: { api: DOWN_API } };
export const Offline: Story = { args: { api: OFFLINE_API } };
export const Dark: Story = { args: { theme: 'dark' }, decorators: [onDarkPage] };
export const English: Story = { args: { locale: 'en' } };
