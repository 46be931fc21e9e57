import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from '../../core/element/template.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { define } from '../../define.js';
import { API, OFFLINE_API, pledgesEvery } from '../../../stories/support/backends.js';
import { onDarkPage, type Args } from '../../../stories/support/story.js';

define();

/**
 * `<partage-provider>` hands one client, the locale, the theme, partner texts and the member
 * token to every widget below it, and lets them cooperate (a tier chosen in the tiers is
 * preselected in the pledge form). These stories compose whole pages.
 */
const meta: Meta<Args> = {
  title: 'Compositions/Provider',
  component: 'partage-provider',
  args: { api: API, locale: undefined, theme: undefined },
  argTypes: {
    api: { control: 'select', options: [API, OFFLINE_API] },
    locale: { control: 'inline-radio', options: [undefined, 'fr', 'en'] },
    theme: { control: 'inline-radio', options: [undefined, 'auto', 'light', 'dark'] },
  },
  parameters: { layout: 'fullscreen' },
};
export default meta;
type Story = StoryObj<Args>;

const campaignPage = (args: Args, texts?: Record<string, string>) => html`
  <partage-provider
    api=${String(args.api)}
    locale=${ifDefined(args.locale as string | undefined)}
    theme=${ifDefined(args.theme as string | undefined)}
    .texts=${texts ?? {}}
  >
    <div
      style="display: grid; gap: 1.5rem; grid-template-columns: minmax(0, 1.5fr) minmax(17rem, 1fr); align-items: start; padding: 1.5rem; max-width: 72rem"
    >
      <div style="display: grid; gap: 1.5rem">
        <partage-campaign-progress campaign="atelier-ceramique"></partage-campaign-progress>
        <partage-reward-tiers campaign="atelier-ceramique"></partage-reward-tiers>
        <partage-backers campaign="atelier-ceramique" page-size="5"></partage-backers>
      </div>
      <div style="display: grid; gap: 1.5rem">
        <partage-countdown campaign="atelier-ceramique"></partage-countdown>
        <partage-pledge-form campaign="atelier-ceramique"></partage-pledge-form>
        <partage-social-share campaign="atelier-ceramique" links-only></partage-social-share>
      </div>
    </div>
  </partage-provider>
`;

/** A reward campaign page: every widget shares one client, so each resource is fetched once. */
export const CampaignPage: Story = { render: (args) => campaignPage(args) };

/** Locale and theme set once on the provider. */
export const EnglishDark: Story = {
  args: { locale: 'en', theme: 'dark' },
  decorators: [onDarkPage],
  render: (args) => campaignPage(args),
};

/** A partner's own wording, set once for every widget (`texts` as a property). */
export const PartnerTexts: Story = {
  args: { locale: 'en' },
  render: (args) =>
    campaignPage(args, {
      legend: 'Pick your thank-you gift',
      noReward: 'Just chip in',
    }),
};

/** Other readers pledge: progress, tiers' stock and backers follow from one live stream. */
export const LiveCampaign: Story = {
  beforeEach: () => pledgesEvery('atelier-ceramique', 3000, 12000, 'ceramique-service-the'),
  render: (args) => campaignPage(args),
};

/** Offline: each widget says so on its own and keeps its place. */
export const Offline: Story = { args: { api: OFFLINE_API }, render: (args) => campaignPage(args) };

/** A neighbourhood page with a signed-in member (`member-token` on the provider). */
export const NeighbourhoodPage: Story = {
  render: (args) => html`
    <partage-provider
      api=${String(args.api)}
      locale=${ifDefined(args.locale as string | undefined)}
      theme=${ifDefined(args.theme as string | undefined)}
      member-token="demo-member-morgane"
    >
      <div style="display: grid; gap: 1.5rem; padding: 1.5rem; max-width: 64rem">
        <partage-neighbourhood-stats neighbourhood="saint-malo-intra-muros"></partage-neighbourhood-stats>
        <partage-share-board neighbourhood="saint-malo-intra-muros" page-size="6"></partage-share-board>
      </div>
    </partage-provider>
  `,
};
