import type { Kind } from './pledge-form.messages.js';
import type { FloorReason } from './pledge-values.js';

/*
 * Texts of `<partage-pledge-form>` that only its interaction code shows (field errors, the alert's
 * list, the outcomes), loaded with it on the form's first use (pledge-interaction.ts) and then
 * joined to the form's catalogue (pledge-form.messages.ts). Partners override them through
 * `texts` like any other key.
 */

export const messages = {
  en: {
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
    summary: (p: { count: number }) =>
      p.count === 1 ? 'Please check this field:' : `Please check these ${p.count} fields:`,
    summaryItem: (p: { label: string; error: string }) => `${p.label}: ${p.error}`,
    stillProcessing: 'Your pledge is still being processed. Try again in a moment.',
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
  },
  fr: {
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
  },
};
