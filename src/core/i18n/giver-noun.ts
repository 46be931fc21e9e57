import type { CampaignKind } from '../../contract/index.js';
import { plural } from './locale.js';

/** Who gives: backers of a reward campaign, donors of a donation, investors of an equity raise. */
const nouns = {
  en: { reward: ['backer', 'backers'], donation: ['donor', 'donors'], equity: ['investor', 'investors'] },
  fr: {
    reward: ['contributeur', 'contributeurs'],
    donation: ['donateur', 'donateurs'],
    equity: ['investisseur', 'investisseurs'],
  },
} as const;

/**
 * The word for the people who gave to a campaign of this kind, singular or plural by the
 * language's plural rules. The card and the progress bar name them alike, from this one table.
 */
export const giverNoun = (lang: 'en' | 'fr', kind: CampaignKind, count: number) =>
  nouns[lang][kind][plural(lang, count) === 'one' ? 0 : 1];
