import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { defineElement } from '../../core/element/define.js';
import { PartageSocialShare } from './social-share.js';
import { API, DOWN_API, SLOW_API } from '../../../stories/support/backends.js';
import { column, commonArgTypes, onDarkPage, widget, type Args } from '../../../stories/support/story.js';

defineElement('partage-social-share', PartageSocialShare);

const meta: Meta<Args> = {
  title: 'Campaigns/Social share',
  component: 'partage-social-share',
  render: (args) => widget('partage-social-share', args),
  decorators: [column(30)],
  // Storybook's iframe may offer the system share sheet; links-only shows the links everywhere.
  args: { api: API, campaign: 'atelier-ceramique', 'links-only': true },
  argTypes: {
    ...commonArgTypes,
    campaign: { control: 'select', options: ['atelier-ceramique', 'mon-petit-placement', 'court-metrage-voisins'] },
    networks: { control: 'text', description: 'Any of `facebook x linkedin email copy`, in order' },
  },
};
export default meta;
type Story = StoryObj<Args>;

/** The campaign's own share address, text and hashtags. */
export const Campaign: Story = {};

/** The system share sheet where the browser offers one, links elsewhere. */
export const ShareSheet: Story = { args: { 'links-only': false } };

/** Without a backend: any page, its own text. */
export const AnyPage: Story = {
  args: {
    api: undefined,
    campaign: undefined,
    url: 'https://example.org/article',
    text: 'Un bel article sur l’entraide',
    hashtags: 'voisins, rennes',
  },
};

/** Only e-mail and copy-link. */
export const FewNetworks: Story = { args: { networks: 'email copy' } };

export const Loading: Story = { args: { api: SLOW_API } };
export const ServerError: Story = { args: { api: DOWN_API } };
export const Dark: Story = { args: { theme: 'dark' }, decorators: [onDarkPage] };
export const English: Story = { args: { locale: 'en' } };
