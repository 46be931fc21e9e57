import { plural } from '../../core/i18n/locale.js';
/** Texts of `<partage-reward-tiers>`; partners override any key through `texts`. */
const many = (lang: 'en' | 'fr', count: number) => plural(lang, count) !== 'one';

export interface Count {
  /** The number, for plural rules. */
  count: number;
  /** The same number formatted in the locale. */
  n: string;
}

export const messages = {
  en: {
    legend: 'Choose your reward',
    noReward: 'Pledge without a reward',
    noRewardDescription: 'Back the project because you believe in it.',
    minimum: (p: { amount: string }) => `${p.amount} or more`,
    stockLeft: (p: { remaining: string; limit: string; count: number }) => `${p.remaining} left of ${p.limit}`,
    unlimited: 'Unlimited',
    backers: (p: Count) => `${p.n} ${many('en', p.count) ? 'backers' : 'backer'}`,
    soldOut: 'Sold out',
    unavailable: 'Not available',
    delivery: (p: { date: string }) => `Estimated delivery: ${p.date}`,
    shippingNone: 'Nothing to ship',
    shippingPickup: 'Pick-up only',
    shippingDomestic: 'Ships within the country',
    shippingDomesticCost: (p: { cost: string }) => `Ships within the country: ${p.cost}`,
    shippingWorldwide: 'Ships worldwide',
    shippingWorldwideCost: (p: { cost: string }) => `Ships worldwide: ${p.cost}`,
    empty: 'This campaign has no reward tiers.',
    justSoldOut: (p: { title: string }) => `“${p.title}” just sold out.`,
    errorNoCampaign: 'This widget needs a campaign attribute (the campaign’s id or slug).',
  },
  fr: {
    legend: 'Choisissez votre contrepartie',
    noReward: 'Soutenir sans contrepartie',
    noRewardDescription: 'Pour le simple plaisir de soutenir le projet.',
    minimum: (p: { amount: string }) => `${p.amount} ou plus`,
    stockLeft: (p: { remaining: string; limit: string; count: number }) =>
      `${p.remaining} ${many('fr', p.count) ? 'disponibles' : 'disponible'} sur ${p.limit}`,
    unlimited: 'Quantité illimitée',
    backers: (p: Count) => `${p.n} ${many('fr', p.count) ? 'contributeurs' : 'contributeur'}`,
    soldOut: 'Épuisée',
    unavailable: 'Indisponible',
    delivery: (p: { date: string }) => `Livraison estimée\u00a0: ${p.date}`,
    shippingNone: 'Rien à expédier',
    shippingPickup: 'Retrait sur place',
    shippingDomestic: 'Livraison nationale',
    shippingDomesticCost: (p: { cost: string }) => `Livraison nationale\u00a0: ${p.cost}`,
    shippingWorldwide: 'Livraison dans le monde entier',
    shippingWorldwideCost: (p: { cost: string }) => `Livraison dans le monde entier\u00a0: ${p.cost}`,
    empty: 'Cette campagne ne propose pas de contreparties.',
    justSoldOut: (p: { title: string }) => `«\u00a0${p.title}\u00a0» vient d’être épuisée.`,
    errorNoCampaign: 'Ce widget a besoin d’un attribut campaign (l’identifiant ou le slug de la campagne).',
  },
};
