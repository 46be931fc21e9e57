import type { CampaignKind } from '../../contract/index.js';
import { giverNoun } from '../../core/i18n/giver-noun.js';
import { meterMessages } from '../../core/campaign/progress-meter.js';
import { plural } from '../../core/i18n/locale.js';

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
    backersLabel: (p: { count: number; kind: CampaignKind }) => giverNoun('en', p.kind, p.count),
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
    backersLabel: (p: { count: number; kind: CampaignKind }) => giverNoun('fr', p.kind, p.count),
    timeLeftLabel: 'Temps restant',
    endingNow: 'Se termine maintenant',
    endedLabel: 'Terminée',
    minimumTicket: 'Ticket minimum',
    oversubscribed: (p: { count: number; n: string }) =>
      `Sursouscrite\u00a0: ${p.n} ${plural('fr', p.count) === 'one' ? 'investisseur' : 'investisseurs'} en liste d’attente.`,
    errorNoCampaign: 'Cette carte a besoin d’un attribut campaign (l’identifiant ou le slug de la campagne).',
  },
};
