import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { defineElement } from '../../core/element/define.js';
import { PartageCampaignCard } from './campaign-card.js';
import { API, DOWN_API, OFFLINE_API, SLOW_API, pledgesEvery } from '../../../stories/support/backends.js';
import {
  brandTokens,
  column,
  commonArgTypes,
  fallbackLink,
  onDarkPage,
  widget,
  type Args,
} from '../../../stories/support/story.js';

defineElement('partage-campaign-card', PartageCampaignCard);

const titles: Record<string, string> = {
  'atelier-ceramique': 'L’atelier céramique de la rue Chateaubriand — soutenir le projet',
  'mon-petit-placement': 'Mon Petit Placement ouvre son capital',
  'court-metrage-voisins': 'Les Voisins du dessus, court-métrage',
  'album-fanfare': 'Premier album de la Fanfare du Sillon',
  'bd-la-maree': 'La Marée, bande dessinée',
  'librairie-solidaire': 'Une librairie solidaire à Saint-Servan',
};

const meta: Meta<Args> = {
  title: 'Campaigns/Campaign card',
  component: 'partage-campaign-card',
  // The card as a blogger pastes it: the link inside is the no-JavaScript fallback.
  render: ({ campaign, ...args }) =>
    widget(
      'partage-campaign-card',
      { campaign, ...args },
      fallbackLink(String(campaign), titles[String(campaign)] ?? String(campaign)),
    ),
  decorators: [column(34)],
  args: { api: API, campaign: 'atelier-ceramique' },
  argTypes: {
    ...commonArgTypes,
    campaign: { control: 'select', options: Object.keys(titles) },
    'heading-level': { control: { type: 'number', min: 2, max: 6 } },
  },
};
export default meta;
type Story = StoryObj<Args>;

export const Live: Story = {};

/** An equity raise at 413 %, oversubscribed. */
export const Overfunded: Story = { args: { campaign: 'mon-petit-placement' } };

export const Succeeded: Story = { args: { campaign: 'court-metrage-voisins' } };
export const Failed: Story = { args: { campaign: 'album-fanfare' } };
export const Upcoming: Story = { args: { campaign: 'bd-la-maree' } };
export const EndingSoon: Story = { args: { campaign: 'librairie-solidaire' } };

/** The narrowest layout a sidebar gives it (240 px). */
export const Narrow: Story = { decorators: [column(15)] };

/** Full width of an article: image beside the text. */
export const Wide: Story = { decorators: [column(60)] };

export const LiveUpdates: Story = { beforeEach: () => pledgesEvery('atelier-ceramique', 3000, 4000) };

export const Loading: Story = { args: { api: SLOW_API } };

/** The campaign cannot load: the error keeps the blogger's link next to the retry button. */
export const ServerError: Story = { args: { api: DOWN_API } };
export const Offline: Story = { args: { api: OFFLINE_API } };
export const NotFound: Story = { args: { campaign: 'no-such-campaign' } };

export const Dark: Story = { args: { theme: 'dark', campaign: 'mon-petit-placement' }, decorators: [onDarkPage] };
export const English: Story = { args: { locale: 'en' } };
export const HostTokens: Story = { decorators: [brandTokens] };
