import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { defineElement } from '../../core/element/define.js';
import { PartageBackers } from './backers.js';
import { API, DOWN_API, OFFLINE_API, SLOW_API, pledgesEvery } from '../../../stories/support/backends.js';
import { column, commonArgTypes, onDarkPage, widget, type Args } from '../../../stories/support/story.js';

defineElement('partage-backers', PartageBackers);

const meta: Meta<Args> = {
  title: 'Campaigns/Backers',
  component: 'partage-backers',
  render: (args) => widget('partage-backers', args),
  decorators: [column(30)],
  args: { api: API, campaign: 'atelier-ceramique' },
  argTypes: {
    ...commonArgTypes,
    campaign: {
      control: 'select',
      options: ['atelier-ceramique', 'mon-petit-placement', 'court-metrage-voisins', 'bd-la-maree'],
    },
    'page-size': { control: { type: 'number', min: 1, max: 100 } },
  },
};
export default meta;
type Story = StoryObj<Args>;

export const Loaded: Story = {};

/** Investors of the equity raise. */
export const Investors: Story = { args: { campaign: 'mon-petit-placement' } };

/** Three per page, with "show more". */
export const Paged: Story = { args: { 'page-size': 3 } };

/** A campaign that has not started: nobody yet. */
export const Empty: Story = { args: { campaign: 'bd-la-maree' } };

/** New backers arrive live at the top of the list. */
export const LiveArrivals: Story = { beforeEach: () => pledgesEvery('atelier-ceramique', 4000, 1500) };

export const Loading: Story = { args: { api: SLOW_API } };
export const ServerError: Story = { args: { api: DOWN_API } };
export const Offline: Story = { args: { api: OFFLINE_API } };
export const Dark: Story = { args: { theme: 'dark' }, decorators: [onDarkPage] };
export const English: Story = { args: { locale: 'en' } };
