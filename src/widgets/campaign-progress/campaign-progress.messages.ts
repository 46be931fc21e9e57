import type { CampaignKind } from '../../contract/index.js';
import { outcomeMessages } from '../../core/campaign/campaign-outcome.js';
import { giverNoun } from '../../core/i18n/giver-noun.js';
import { meterMessages } from '../../core/campaign/progress-meter.js';
import { plural } from '../../core/i18n/locale.js';

export interface Count {
  /** The number, for plural rules. */
  count: number;
  /** The same number formatted in the locale (`2 447`). */
  n: string;
}

export const messages = {
  en: {
    ...outcomeMessages.en,
    ...meterMessages.en,
    raisedOf: (p: { goal: string }) => `raised of a ${p.goal} goal`,
    ofGoal: 'of the goal',
    backersLabel: (p: { count: number; kind: CampaignKind }) => giverNoun('en', p.kind, p.count),
    backersCount: (p: Count & { kind: CampaignKind }) => `${p.n} ${giverNoun('en', p.kind, p.count)}`,
    timeLeftLabel: 'Time left',
    startsInLabel: 'Until launch',
    endedLabel: 'Ended',
    lastMinute: 'Less than a minute',
    endingNow: 'Ending now',
    minimumTicket: 'Minimum ticket',
    averageTicket: 'Average ticket',
    oversubscribed: (p: Count) =>
      `Oversubscribed: ${p.n} ${p.count === 1 ? 'investor is' : 'investors are'} on the waitlist.`,
    waitlistBeyondCap: (p: { cap: string }) => `Tickets beyond the ${p.cap} cap join the waitlist.`,
    raiseFull: (p: { cap: string }) => `The ${p.cap} cap is reached: new tickets join the waitlist.`,
    announce: (p: { pledged: string; percent: string; backers: string }) =>
      `New total: ${p.pledged} raised, ${p.percent} of the goal, ${p.backers}.`,
    announceNoGoal: (p: { pledged: string; backers: string }) => `New total: ${p.pledged} raised, ${p.backers}.`,
    errorNoCampaign: 'This widget needs a campaign attribute (the campaign’s id or slug).',
  },
  fr: {
    ...outcomeMessages.fr,
    ...meterMessages.fr,
    raisedOf: (p: { goal: string }) => `collectés sur un objectif de ${p.goal}`,
    ofGoal: 'de l’objectif',
    backersLabel: (p: { count: number; kind: CampaignKind }) => giverNoun('fr', p.kind, p.count),
    backersCount: (p: Count & { kind: CampaignKind }) => `${p.n} ${giverNoun('fr', p.kind, p.count)}`,
    timeLeftLabel: 'Temps restant',
    startsInLabel: 'Avant l’ouverture',
    endedLabel: 'Terminée',
    lastMinute: 'Moins d’une minute',
    endingNow: 'Se termine maintenant',
    minimumTicket: 'Ticket minimum',
    averageTicket: 'Ticket moyen',
    oversubscribed: (p: Count) =>
      `Sursouscrite\u00a0: ${p.n} ${plural('fr', p.count) === 'one' ? 'investisseur' : 'investisseurs'} en liste d’attente.`,
    waitlistBeyondCap: (p: { cap: string }) =>
      `Au-delà du plafond de ${p.cap}, les nouveaux tickets rejoignent la liste d’attente.`,
    raiseFull: (p: { cap: string }) =>
      `Le plafond de ${p.cap} est atteint\u00a0: les nouveaux tickets rejoignent la liste d’attente.`,
    announce: (p: { pledged: string; percent: string; backers: string }) =>
      `Nouveau total\u00a0: ${p.pledged} collectés, ${p.percent} de l’objectif, ${p.backers}.`,
    announceNoGoal: (p: { pledged: string; backers: string }) =>
      `Nouveau total\u00a0: ${p.pledged} collectés, ${p.backers}.`,
    errorNoCampaign: 'Ce widget a besoin d’un attribut campaign (l’identifiant ou le slug de la campagne).',
  },
};
