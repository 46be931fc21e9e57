import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { defineElement } from '../../core/element/define.js';
import { PartageListingForm } from './listing-form.js';
import { API, OFFLINE_API } from '../../../stories/support/backends.js';
import { column, commonArgTypes, onDarkPage, widget, type Args } from '../../../stories/support/story.js';

defineElement('partage-listing-form', PartageListingForm);

/** Demo member tokens of the mock backend (the host platform hands them over after sign-in). */
const MORGANE = 'demo-member-morgane';
const INES = 'demo-member-ines';

const meta: Meta<Args> = {
  title: 'Neighbourhoods/Listing form',
  component: 'partage-listing-form',
  render: (args) => widget('partage-listing-form', args),
  decorators: [column(34)],
  args: { api: API, neighbourhood: 'saint-malo-intra-muros', 'member-token': MORGANE },
  argTypes: {
    ...commonArgTypes,
    neighbourhood: { control: 'select', options: ['saint-malo-intra-muros', 'rennes-thabor'] },
    'member-token': { control: 'select', options: [undefined, MORGANE, INES, 'expired-token'] },
  },
};
export default meta;
type Story = StoryObj<Args>;

/** Morgane, a member of the neighbourhood, can post. */
export const SignedIn: Story = {};

/** No member token: the widget asks the host page to sign the reader in. */
export const SignedOut: Story = { args: { 'member-token': undefined } };

/**
 * The host page answers `partage-sign-in-request` by signing the reader in (here at once) and
 * handing over a token: what was typed is then sent.
 */
export const SignInOnRequest: Story = {
  args: { 'member-token': undefined },
  render: (args) => {
    const el = widget('partage-listing-form', args) as PartageListingForm;
    el.addEventListener('partage-sign-in-request', () => {
      el.memberToken = MORGANE;
    });
    return el;
  },
};

/** Inès belongs to another neighbourhood: posting here is refused with a clear message. */
export const NotAMember: Story = { args: { 'member-token': INES } };

/** An unknown or expired token. */
export const ExpiredToken: Story = { args: { 'member-token': 'expired-token' } };

/** Posting while offline keeps what was typed. */
export const Offline: Story = { args: { api: OFFLINE_API } };

export const Dark: Story = { args: { theme: 'dark' }, decorators: [onDarkPage] };
export const English: Story = { args: { locale: 'en' } };
