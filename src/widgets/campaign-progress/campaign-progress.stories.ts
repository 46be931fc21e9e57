import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { defineElement } from '../../core/element/define.js';
import { PartageCampaignProgress } from './campaign-progress.js';
import { API, DOWN_API, OFFLINE_API, SLOW_API, SLUGGISH_API, pledgesEvery } from '../../../stories/support/backends.js';
import { column, commonArgTypes, onDarkPage, brandTokens, widget, type Args } from '../../../stories/support/story.js';

defineElement('partage-campaign-progress', PartageCampaignProgress);

const meta: Meta<Args> = {
  title: 'Campaigns/Campaign progress',
  component: 'partage-campaign-progress',
  render: (args) => widget('partage-campaign-progress', args),
  decorators: [column(34)],
  args: { api: API, campaign: 'atelier-ceramique' },
  argTypes: {
    ...commonArgTypes,
    campaign: {
      control: 'select',
      options: [
        'atelier-ceramique',
        'mon-petit-placement',
        'court-metrage-voisins',
        'album-fanfare',
        'bd-la-maree',
        'librairie-solidaire',
      ],
    },
  },
};
export default meta;
type Story = StoryObj<Args>;

/** A live reward campaign, two thirds of the way. */
export const Loaded: Story = {};

/** An equity raise at 413 % of its first goal: successive goals on the bar, oversubscribed, waitlist. */
export const OverfundedWithMilestones: Story = { args: { campaign: 'mon-petit-placement' } };

/** Ended and succeeded beyond its goal. */
export const Succeeded: Story = { args: { campaign: 'court-metrage-voisins' } };

/** Ended without reaching its all-or-nothing goal. */
export const Failed: Story = { args: { campaign: 'album-fanfare' } };

/** Not started yet. */
export const Upcoming: Story = { args: { campaign: 'bd-la-maree' } };

/** Ends in two days: the time left becomes the headline. */
export const EndingSoon: Story = { args: { campaign: 'librairie-solidaire' } };

/** Dense layout with compact amounts, for sidebars. */
export const Compact: Story = { args: { campaign: 'mon-petit-placement', compact: true }, decorators: [column(20)] };

/** Other readers pledge every few seconds: the total moves live and is announced politely. */
export const LiveUpdates: Story = {
  beforeEach: () => pledgesEvery('atelier-ceramique', 3000, 2500),
};

/** The backend never answers: the skeleton keeps the final size. */
export const Loading: Story = { args: { api: SLOW_API } };

/** Skeleton for 1.5 s, then content. */
export const SlowNetwork: Story = { args: { api: SLUGGISH_API } };

/** The backend fails: readable error and a retry button. */
export const ServerError: Story = { args: { api: DOWN_API } };

/** No network at all. */
export const Offline: Story = { args: { api: OFFLINE_API } };

/** An unknown campaign. */
export const NotFound: Story = { args: { campaign: 'no-such-campaign' } };

export const Dark: Story = { args: { campaign: 'mon-petit-placement', theme: 'dark' }, decorators: [onDarkPage] };

export const English: Story = { args: { campaign: 'mon-petit-placement', locale: 'en' } };

/** A host page's own tokens (`--partage-accent`, `--partage-font`…). */
export const HostTokens: Story = { decorators: [brandTokens] };
