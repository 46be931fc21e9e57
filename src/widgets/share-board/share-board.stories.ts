import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { defineElement } from '../../core/element/define.js';
import { PartageShareBoard } from './share-board.js';
import { API, DOWN_API, OFFLINE_API, SLOW_API, listingsEvery } from '../../../stories/support/backends.js';
import { column, commonArgTypes, onDarkPage, widget, type Args } from '../../../stories/support/story.js';

defineElement('partage-share-board', PartageShareBoard);

/** Demo member tokens of the mock backend (the host platform hands them over after sign-in). */
const MORGANE = 'demo-member-morgane';
const INES = 'demo-member-ines';

const meta: Meta<Args> = {
  title: 'Neighbourhoods/Share board',
  component: 'partage-share-board',
  render: (args) => widget('partage-share-board', args),
  decorators: [column(60)],
  args: { api: API, neighbourhood: 'saint-malo-intra-muros' },
  argTypes: {
    ...commonArgTypes,
    neighbourhood: { control: 'select', options: ['saint-malo-intra-muros', 'rennes-thabor'] },
    'member-token': { control: 'select', options: [undefined, MORGANE, INES, 'expired-token'] },
    'page-size': { control: { type: 'number', min: 1, max: 100 } },
  },
};
export default meta;
type Story = StoryObj<Args>;

/** Read-only for a reader who is not signed in. */
export const SignedOut: Story = {};

/** Morgane can post, reply and report. */
export const SignedIn: Story = { args: { 'member-token': MORGANE } };

/**
 * The host page answers `partage-sign-in-request` (here at once, as if the reader signed in)
 * by handing over a member token: the action that waited for it goes through.
 */
export const SignInOnRequest: Story = {
  render: (args) => {
    const el = widget('partage-share-board', args) as PartageShareBoard;
    el.addEventListener('partage-sign-in-request', () => {
      el.memberToken = MORGANE;
    });
    return el;
  },
};

/** Inès belongs to another neighbourhood: her actions here are refused with a clear message. */
export const NotAMember: Story = { args: { 'member-token': INES } };

/** A small neighbourhood. */
export const Rennes: Story = { args: { neighbourhood: 'rennes-thabor' } };

/** Four per page, with "show more". */
export const Paged: Story = { args: { 'page-size': 4 } };

/** Neighbours post while the board is open. */
export const LiveArrivals: Story = { beforeEach: () => listingsEvery('saint-malo-intra-muros', 4000) };

export const Loading: Story = { args: { api: SLOW_API } };
export const ServerError: Story = { args: { api: DOWN_API } };
export const Offline: Story = { args: { api: OFFLINE_API } };
export const Dark: Story = { args: { theme: 'dark', 'member-token': MORGANE }, decorators: [onDarkPage] };
export const English: Story = { args: { locale: 'en' } };
