import { outcomeMessages } from '../../core/campaign/campaign-outcome.js';

export const messages = {
  en: {
    ...outcomeMessages.en,
    endsIn: 'Ends in',
    startsIn: 'Starts in',
    endsOn: (p: { date: string }) => `Ends on ${p.date}`,
    startsOn: (p: { date: string }) => `Starts on ${p.date}`,
    endedOn: (p: { date: string }) => `Ended on ${p.date}`,
    lastMinute: 'Less than a minute',
    errorNoTime: 'This countdown needs a campaign attribute or an ends-at date.',
    errorBadDate: (p: { attribute: string; value: string }) =>
      `The ${p.attribute} attribute is not a valid date: “${p.value}”. Use an ISO 8601 date such as 2026-12-31T18:00:00Z.`,
  },
  fr: {
    ...outcomeMessages.fr,
    endsIn: 'Fin dans',
    startsIn: 'Ouverture dans',
    endsOn: (p: { date: string }) => `Fin le ${p.date}`,
    startsOn: (p: { date: string }) => `Ouverture le ${p.date}`,
    endedOn: (p: { date: string }) => `Terminée le ${p.date}`,
    lastMinute: 'Moins d’une minute',
    errorNoTime: 'Ce compte à rebours a besoin d’un attribut campaign ou d’une date ends-at.',
    errorBadDate: (p: { attribute: string; value: string }) =>
      `L’attribut ${p.attribute} n’est pas une date valide\u00a0: «\u00a0${p.value}\u00a0». Utilisez une date ISO 8601, par exemple 2026-12-31T18:00:00Z.`,
  },
};
