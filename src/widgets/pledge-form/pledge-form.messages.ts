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
    // Field errors
    requiredAmount: 'Enter an amount.',
    requiredName: 'Enter your name.',
    requiredEmail: 'Enter your e-mail address.',
    amountInvalid: 'Enter an amount in figures, such as 25 or 25.50.',
    amountPrecision: (p: { digits: number }) =>
      p.digits === 0 ? 'Enter a whole amount, without decimals.' : `Use at most ${p.digits} decimals.`,
    belowMinimum: (p: { minimum: string; reason: FloorReason }) =>
      ({
        campaign: `The minimum is ${p.minimum}.`,
        ticket: `The minimum ticket is ${p.minimum}.`,
        reward: `This reward starts at ${p.minimum}.`,
      })[p.reason],
    aboveMaximum: (p: { maximum: string }) => `The maximum is ${p.maximum}.`,
    emailInvalid: 'Enter an e-mail address such as name@example.org.',
    tooLong: (p: { max: number }) => `Use at most ${p.max} characters.`,
    soldOut: (p: { title: string }) => `“${p.title}” is sold out. Choose another reward.`,
    rewardUnavailable: 'This reward is not available. Choose another one.',
    alternatives: 'Rewards still available:',
    chooseAlternative: (p: { title: string; minimum: string }) => `${p.title}, ${p.minimum} or more`,
    // The alert
    summary: (p: { count: number }) =>
      p.count === 1 ? 'Please check this field:' : `Please check these ${p.count} fields:`,
    summaryItem: (p: { label: string; error: string }) => `${p.label}: ${p.error}`,
    keptAnswers: 'Your answers are kept.',
    stillProcessing: 'Your pledge is still being processed. Try again in a moment.',
    // Outcomes
    thanks: (p: { name: string }) => `Thank you, ${p.name}!`,
    confirmed: (p: Kind & { amount: string }) =>
      `Your ${{ reward: 'pledge', donation: 'donation', equity: 'investment' }[p.kind]} of ${p.amount} is confirmed.`,
    yourReward: (p: { title: string }) => `Your reward: ${p.title}.`,
    another: 'Make another pledge',
    checkoutTitle: 'One last step: payment',
    checkoutText: (p: Kind & { amount: string }) =>
      `Your ${{ reward: 'pledge', donation: 'donation', equity: 'investment' }[p.kind]} of ${p.amount} is registered. ` +
      'Finish it on the secure payment page of the platform.',
    checkoutLink: 'Continue to secure payment',
    newTab: '(opens a new tab)',
    waitlistTitle: 'You are on the waitlist',
    waitlistText: (p: { amount: string; position: string }) =>
      `The raise is oversubscribed: your ticket of ${p.amount} is number ${p.position} on the waitlist. ` +
      'The platform will contact you if tickets become available.',
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
    requiredAmount: 'Saisissez un montant.',
    requiredName: 'Saisissez votre nom.',
    requiredEmail: 'Saisissez votre adresse e-mail.',
    amountInvalid: 'Saisissez un montant en chiffres, par exemple 25 ou 25,50.',
    amountPrecision: (p: { digits: number }) =>
      p.digits === 0 ? 'Saisissez un montant entier, sans décimales.' : `Utilisez au plus ${p.digits} décimales.`,
    belowMinimum: (p: { minimum: string; reason: FloorReason }) =>
      ({
        campaign: `Le minimum est de ${p.minimum}.`,
        ticket: `Le ticket minimum est de ${p.minimum}.`,
        reward: `Cette contrepartie commence à ${p.minimum}.`,
      })[p.reason],
    aboveMaximum: (p: { maximum: string }) => `Le maximum est de ${p.maximum}.`,
    emailInvalid: 'Saisissez une adresse e-mail comme nom@exemple.fr.',
    tooLong: (p: { max: number }) => `Utilisez au plus ${p.max} caractères.`,
    soldOut: (p: { title: string }) => `«\u00a0${p.title}\u00a0» est épuisée. Choisissez une autre contrepartie.`,
    rewardUnavailable: 'Cette contrepartie n’est pas disponible. Choisissez-en une autre.',
    alternatives: 'Contreparties encore disponibles\u00a0:',
    chooseAlternative: (p: { title: string; minimum: string }) => `${p.title}, ${p.minimum} ou plus`,
    summary: (p: { count: number }) =>
      p.count === 1 ? 'Vérifiez ce champ\u00a0:' : `Vérifiez ces ${p.count} champs\u00a0:`,
    summaryItem: (p: { label: string; error: string }) => `${p.label}\u00a0: ${p.error}`,
    keptAnswers: 'Vos réponses sont conservées.',
    stillProcessing: 'Votre contribution est encore en cours de traitement. Réessayez dans un instant.',
    thanks: (p: { name: string }) => `Merci, ${p.name}\u00a0!`,
    confirmed: (p: Kind & { amount: string }) =>
      ({
        reward: `Votre contribution de ${p.amount} est confirmée.`,
        donation: `Votre don de ${p.amount} est confirmé.`,
        equity: `Votre investissement de ${p.amount} est confirmé.`,
      })[p.kind],
    yourReward: (p: { title: string }) => `Votre contrepartie\u00a0: ${p.title}.`,
    another: 'Faire une autre contribution',
    checkoutTitle: 'Dernière étape\u00a0: le paiement',
    checkoutText: (p: Kind & { amount: string }) =>
      ({
        reward: `Votre contribution de ${p.amount} est enregistrée.`,
        donation: `Votre don de ${p.amount} est enregistré.`,
        equity: `Votre investissement de ${p.amount} est enregistré.`,
      })[p.kind] + ' Terminez sur la page de paiement sécurisée de la plateforme.',
    checkoutLink: 'Continuer vers le paiement sécurisé',
    newTab: '(nouvel onglet)',
    waitlistTitle: 'Vous êtes sur liste d’attente',
    waitlistText: (p: { amount: string; position: string }) =>
      `La levée est sursouscrite\u00a0: votre ticket de ${p.amount} est en position ${p.position} sur la liste d’attente. ` +
      'La plateforme vous contactera si des places se libèrent.',
    upcomingTitle: 'Pas encore ouverte',
    upcomingText: (p: { date: string }) => `Cette campagne ouvre le ${p.date}.`,
    endedTitle: 'Cette campagne est close',
    endedText: 'Elle n’accepte plus de contributions.',
    errorNoCampaign: 'Ce widget a besoin d’un attribut campaign (l’identifiant ou le slug de la campagne).',
  },
};
