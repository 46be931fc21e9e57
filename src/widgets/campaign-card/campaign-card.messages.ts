import type { CampaignKind } from '../../contract/index.js';
import { meterMessages } from '../../core/progress-meter.js';

/** Who gives: backers of a reward campaign, donors of a donation, investors of an equity raise. */
const nouns = {
  en: { reward: ['backer', 'backers'], donation: ['donor', 'donors'], equity: ['investor', 'investors'] },
  fr: {
    reward: ['contributeur', 'contributeurs'],
    donation: ['donateur', 'donateurs'],
    equity: ['investisseur', 'investisseurs'],
  },
} as const;
const noun = (lang: 'en' | 'fr', kind: CampaignKind, count: number) =>
  nouns[lang][kind][new Intl.PluralRules(lang).select(count) === 'one' ? 0 : 1];

export const messages = {
  en: {
    ...meterMessages.en,
    by: (p: { name: string }) => `by ${p.name}`,
    statusUpcoming: (p: { duration: string }) => `Starts in ${p.duration}`,
    statusStartingSoon: 'Starting soon',
    statusLive: 'Live',
    statusSucceeded: 'Funded',
    statusFailed: 'Not funded',
    raisedOf: (p: { goal: string }) => `raised of ${p.goal}`,
    ofGoal: 'of the goal',
    backersLabel: (p: { count: number; kind: CampaignKind }) => noun('en', p.kind, p.count),
    timeLeftLabel: 'Time left',
    endingNow: 'Ending now',
    endedLabel: 'Ended',
    minimumTicket: 'Minimum ticket',
    oversubscribed: (p: { count: number; n: string }) =>
      `Oversubscribed: ${p.n} ${p.count === 1 ? 'investor' : 'investors'} on the waitlist.`,
    errorNoCampaign: 'This card needs a campaign attribute (the campaign’s id or slug).',
  },
  fr: {
    ...meterMessages.fr,
    by: (p: { name: string }) => `par ${p.name}`,
    statusUpcoming: (p: { duration: string }) => `Commence dans ${p.duration}`,
    statusStartingSoon: 'Commence bientôt',
    statusLive: 'En cours',
    statusSucceeded: 'Financée',
    statusFailed: 'Non financée',
    raisedOf: (p: { goal: string }) => `collectés sur ${p.goal}`,
    ofGoal: 'de l’objectif',
    backersLabel: (p: { count: number; kind: CampaignKind }) => noun('fr', p.kind, p.count),
    timeLeftLabel: 'Temps restant',
    endingNow: 'Se termine maintenant',
    endedLabel: 'Terminée',
    minimumTicket: 'Ticket minimum',
    oversubscribed: (p: { count: number; n: string }) =>
      `Sursouscrite\u00a0: ${p.n} ${new Intl.PluralRules('fr').select(p.count) === 'one' ? 'investisseur' : 'investisseurs'} en liste d’attente.`,
    errorNoCampaign: 'Cette carte a besoin d’un attribut campaign (l’identifiant ou le slug de la campagne).',
  },
};
