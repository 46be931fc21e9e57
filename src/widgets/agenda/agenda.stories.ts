import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { defineElement } from '../../core/element/define.js';
import { PartageAgenda } from './agenda.js';
import { API, DOWN_API, OFFLINE_API, SLOW_API } from '../../../stories/support/backends.js';
import { column, commonArgTypes, onDarkPage, widget, type Args } from '../../../stories/support/story.js';

defineElement('partage-agenda', PartageAgenda);

const meta: Meta<Args> = {
  title: 'Neighbourhoods/Agenda',
  component: 'partage-agenda',
  render: (args) => widget('partage-agenda', args),
  decorators: [column(44)],
  args: { api: API, neighbourhood: 'saint-malo-intra-muros' },
  argTypes: {
    ...commonArgTypes,
    neighbourhood: { control: 'select', options: ['saint-malo-intra-muros', 'rennes-thabor'] },
  },
};
export default meta;
type Story = StoryObj<Args>;

/** Places left, a full event with its waitlist, a cancelled one; signed out. */
export const SaintMalo: Story = {};
/** Signed in: "I'm going", the waitlist, "I can't go any more". */
export const Member: Story = { args: { 'member-token': 'demo-member-morgane' } };
export const Empty: Story = { args: { neighbourhood: 'rennes-thabor' } };
export const Loading: Story = { args: { api: SLOW_API } };
export const ServerError: Story = { args: { api: DOWN_API } };
export const Offline: Story = { args: { api: OFFLINE_API } };
export const Dark: Story = { args: { theme: 'dark' }, decorators: [onDarkPage] };
export const English: Story = { args: { locale: 'en' } };
