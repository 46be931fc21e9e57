import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { defineElement } from '../../core/element/define.js';
import { PartagePoll } from './poll.js';
import { API, DOWN_API, OFFLINE_API, SLOW_API } from '../../../stories/support/backends.js';
import { column, commonArgTypes, onDarkPage, widget, type Args } from '../../../stories/support/story.js';

defineElement('partage-poll', PartagePoll);

const meta: Meta<Args> = {
  title: 'Neighbourhoods/Poll',
  component: 'partage-poll',
  render: (args) => widget('partage-poll', args),
  decorators: [column(40)],
  args: { api: API, poll: 'sm-poll-marche' },
  argTypes: {
    ...commonArgTypes,
    poll: { control: 'select', options: ['sm-poll-marche', 'sm-poll-jardin', 'sm-poll-sillon', 'sm-poll-noel'] },
  },
};
export default meta;
type Story = StoryObj<Args>;

/** Open, results always shown; signed out: voting asks the page to sign in. */
export const Open: Story = {};
/** Signed in as a member of Saint-Malo: vote, then change the vote. */
export const Member: Story = { args: { 'member-token': 'demo-member-morgane' } };
/** Checkboxes, two choices at most; results after voting. */
export const MultipleChoice: Story = { args: { poll: 'sm-poll-jardin', 'member-token': 'demo-member-morgane' } };
export const Closed: Story = { args: { poll: 'sm-poll-sillon' } };
export const Upcoming: Story = { args: { poll: 'sm-poll-noel' } };
export const Loading: Story = { args: { api: SLOW_API } };
export const ServerError: Story = { args: { api: DOWN_API } };
export const Offline: Story = { args: { api: OFFLINE_API } };
export const Dark: Story = { args: { theme: 'dark' }, decorators: [onDarkPage] };
export const English: Story = { args: { locale: 'en' } };
