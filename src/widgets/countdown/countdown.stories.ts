import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { defineElement } from '../../core/element/define.js';
import { PartageCountdown } from './countdown.js';
import { API, DOWN_API, OFFLINE_API, SLOW_API } from '../../../stories/support/backends.js';
import { column, commonArgTypes, onDarkPage, widget, type Args } from '../../../stories/support/story.js';

defineElement('partage-countdown', PartageCountdown);

/** An instant `ms` from now, for the stories without a backend. */
const fromNow = (ms: number) => new Date(Date.now() + ms).toISOString();
const HOUR = 3_600_000;

const meta: Meta<Args> = {
  title: 'Campaigns/Countdown',
  component: 'partage-countdown',
  render: (args) => widget('partage-countdown', args),
  decorators: [column(26)],
  args: { api: API, campaign: 'atelier-ceramique' },
  argTypes: {
    ...commonArgTypes,
    campaign: {
      control: 'select',
      options: [
        'atelier-ceramique',
        'librairie-solidaire',
        'mon-petit-placement',
        'bd-la-maree',
        'court-metrage-voisins',
        'album-fanfare',
      ],
    },
    precision: { control: 'inline-radio', options: ['minute', 'hour', 'day'] },
  },
};
export default meta;
type Story = StoryObj<Args>;

/** Four weeks to go. */
export const Running: Story = {};

/** Two days and a few hours: hours and minutes matter now. */
export const EndingSoon: Story = { args: { campaign: 'librairie-solidaire' } };

/** Days only. */
export const DayPrecision: Story = { args: { precision: 'day' } };

/** Not started: counts down to the opening. */
export const Upcoming: Story = { args: { campaign: 'bd-la-maree' } };

/** Ended and funded. */
export const EndedFunded: Story = { args: { campaign: 'court-metrage-voisins' } };

/** Ended without reaching its goal. */
export const EndedNotFunded: Story = { args: { campaign: 'album-fanfare' } };

/** Without a backend: any date, for an event or a sale. */
export const WithoutBackend: Story = {
  args: { api: undefined, campaign: undefined, 'ends-at': fromNow(5 * HOUR + 12 * 60_000) },
};

/** One minute left: watch it reach the end (`partage-countdown-end`). */
export const LastMinute: Story = { args: { api: undefined, campaign: undefined, 'ends-at': fromNow(62_000) } };

export const Loading: Story = { args: { api: SLOW_API } };
export const ServerError: Story = { args: { api: DOWN_API } };
export const Offline: Story = { args: { api: OFFLINE_API } };
export const Dark: Story = { args: { theme: 'dark' }, decorators: [onDarkPage] };
export const English: Story = { args: { locale: 'en', campaign: 'librairie-solidaire' } };
