import type { CampaignKind } from '../../contract/index.js';
import type { FloorReason } from './pledge-values.js';
import { plural } from '../../core/i18n/locale.js';

/** Texts of `<partage-pledge-form>`; partners override any key through `texts`. */
const many = (lang: 'en' | 'fr', count: number) => plural(lang, count) !== 'one';

export interface Kind {
  kind: CampaignKind;
}

export const messages = {
  en: {
    title: (p: Kind) => ({ reward: 'Back this project', donation: 'Make a donation', equity: 'Invest' })[p.kind],
    rewardLabel: 'Reward',
    noReward: 'No reward',
    rewardOption: (p: { title: string; minimum: string }) => `${p.title} (${p.minimum} or more)`,
    rewardSoldOut: (p: { title: string }) => `${p.title} (sold out)`,
    rewardUnavailableOption: (p: { title: string }) => `${p.title} (not available)`,
    amountLabel: (p: Kind & { currency: string }) =>
      `${{ reward: 'Your pledge', donation: 'Your donation', equity: 'Your investment' }[p.kind]} (${p.currency})`,
    amountHint: (p: { minimum: string; maximum: string | null; reason: FloorReason }) =>
      `${{ campaign: 'Minimum', ticket: 'Minimum ticket', reward: 'Minimum for this reward' }[p.reason]}: ${p.minimum}` +
      (p.maximum ? `, maximum ${p.maximum}.` : '.'),
    nameLabel: 'Your name',
    emailLabel: 'E-mail address',
    emailHint: 'For your receipt only; never shown publicly.',
    anonymousLabel: (p: Kind) => `Hide my name in the public list of ${p.kind === 'equity' ? 'investors' : 'backers'}`,
    messageLabel: 'Public message',
    optional: '(optional)',
    messageHint: 'Shown with your pledge on the campaign page.',
    charactersLeft: (p: { count: number; n: string }) =>
      `${p.n} ${many('en', p.count) ? 'characters' : 'character'} left`,
    submit: (p: Kind) => ({ reward: 'Pledge', donation: 'Donate', equity: 'Invest' })[p.kind],
    sending: 'Sending…',
    oversubscribed: 'This raise is oversubscribed: you may be placed on the waitlist.',
    equityRisk: 'Investing in a young company carries a risk of losing all or part of your capital.',
    keptAnswers: 'Your answers are kept.',
    // Closed campaigns
    upcomingTitle: 'Not open yet',
    upcomingText: (p: { date: string }) => `This campaign opens on ${p.date}.`,
    endedTitle: 'This campaign is closed',
    endedText: 'It no longer accepts pledges.',
    errorNoCampaign: 'This widget needs a campaign attribute (the campaign’s id or slug).',
  },
  fr: {
    title: (p: Kind) => ({ reward: 'Soutenir ce projet', donation: 'Faire un don', equity: 'Investir' })[p.kind],
    rewardLabel: 'Contrepartie',
    noReward: 'Sans contrepartie',
    rewardOption: (p: { title: string; minimum: string }) => `${p.title} (${p.minimum} ou plus)`,
    rewardSoldOut: (p: { title: string }) => `${p.title} (épuisée)`,
    rewardUnavailableOption: (p: { title: string }) => `${p.title} (indisponible)`,
    amountLabel: (p: Kind & { currency: string }) =>
      `${{ reward: 'Votre contribution', donation: 'Votre don', equity: 'Votre investissement' }[p.kind]} (${p.currency})`,
    amountHint: (p: { minimum: string; maximum: string | null; reason: FloorReason }) =>
      `${{ campaign: 'Minimum', ticket: 'Ticket minimum', reward: 'Minimum pour cette contrepartie' }[p.reason]}\u00a0: ${p.minimum}` +
      (p.maximum ? `, maximum ${p.maximum}.` : '.'),
    nameLabel: 'Votre nom',
    emailLabel: 'Adresse e-mail',
    emailHint: 'Pour votre reçu uniquement\u00a0; jamais affichée.',
    anonymousLabel: (p: Kind) =>
      `Masquer mon nom dans la liste publique des ${p.kind === 'equity' ? 'investisseurs' : p.kind === 'donation' ? 'donateurs' : 'contributeurs'}`,
    messageLabel: 'Message public',
    optional: '(facultatif)',
    messageHint: 'Affiché avec votre contribution sur la page de la campagne.',
    charactersLeft: (p: { count: number; n: string }) =>
      `${p.n} ${many('fr', p.count) ? 'caractères restants' : 'caractère restant'}`,
    submit: (p: Kind) => ({ reward: 'Je soutiens', donation: 'Je donne', equity: 'J’investis' })[p.kind],
    sending: 'Envoi en cours…',
    oversubscribed: 'Cette levée est sursouscrite\u00a0: vous pourriez être placé sur liste d’attente.',
    equityRisk: 'Investir dans une jeune entreprise comporte un risque de perte totale ou partielle du capital.',
    keptAnswers: 'Vos réponses sont conservées.',
    upcomingTitle: 'Pas encore ouverte',
    upcomingText: (p: { date: string }) => `Cette campagne ouvre le ${p.date}.`,
    endedTitle: 'Cette campagne est close',
    endedText: 'Elle n’accepte plus de contributions.',
    errorNoCampaign: 'Ce widget a besoin d’un attribut campaign (l’identifiant ou le slug de la campagne).',
  },
};
