import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { defineElement } from '../../core/element/define.js';
import { PartageNeighbourhoodStats } from './neighbourhood-stats.js';
import { API, DOWN_API, OFFLINE_API, SLOW_API, listingsEvery } from '../../../stories/support/backends.js';
import { column, commonArgTypes, onDarkPage, widget, type Args } from '../../../stories/support/story.js';

defineElement('partage-neighbourhood-stats', PartageNeighbourhoodStats);

const meta: Meta<Args> = {
  title: 'Neighbourhoods/Neighbourhood stats',
  component: 'partage-neighbourhood-stats',
  render: (args) => widget('partage-neighbourhood-stats', args),
  decorators: [column(60)],
  args: { api: API, neighbourhood: 'saint-malo-intra-muros' },
  argTypes: {
    ...commonArgTypes,
    neighbourhood: { control: 'select', options: ['saint-malo-intra-muros', 'rennes-thabor'] },
  },
};
export default meta;
type Story = StoryObj<Args>;

export const SaintMalo: Story = {};
export const Rennes: Story = { args: { neighbourhood: 'rennes-thabor' } };

/**
 * The organiser view: with `partner-visits` and an organiser's token, the visits of each partner
 * link (counts only). Follow a partner link on the share board's story to see a count move.
 */
export const OrganiserView: Story = {
  args: { 'partner-visits': true, 'member-token': 'demo-organiser-mairie' },
};

/** The same attribute with a resident's token: the public figures only, nothing of visits. */
export const OrganiserViewAsResident: Story = {
  args: { 'partner-visits': true, 'member-token': 'demo-member-morgane' },
};

/** A narrow sidebar: the figures wrap. */
export const Narrow: Story = { decorators: [column(18)] };

/** Neighbours post while the page is open: open listings follow live. */
export const LiveUpdates: Story = { beforeEach: () => listingsEvery('saint-malo-intra-muros', 3000) };

export const Loading: Story = { args: { api: SLOW_API } };
export const ServerError: Story = { args: { api: DOWN_API } };
export const Offline: Story = { args: { api: OFFLINE_API } };
export const Dark: Story = { args: { theme: 'dark' }, decorators: [onDarkPage] };
export const English: Story = { args: { locale: 'en' } };
