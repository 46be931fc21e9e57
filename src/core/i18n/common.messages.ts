import type { failure } from './failure.messages.js';

/**
 * Texts every widget shares: network states and generic actions. The precise wording of failures
 * (failure.messages.ts) joins them when a request fails (core/element/failure-text.ts); the
 * offline and generic errors stay here, so a page that cannot load that chunk still says why.
 */
export const common = {
  en: {
    loading: 'Loading…',
    retry: 'Try again',
    errorOffline: 'You seem to be offline. Check your connection and try again.',
    errorGeneric: 'Something went wrong.',
    errorNoApi: 'This widget needs an api attribute or a surrounding partage-provider.',
    stale: 'Showing the last data received: it could not be refreshed.',
    staleAsOf: (p: { time: string }) => `Showing the data as of ${p.time}: it could not be refreshed.`,
    live: 'Live',
  },
  fr: {
    loading: 'Chargement…',
    retry: 'Réessayer',
    errorOffline: 'Vous semblez hors ligne. Vérifiez votre connexion puis réessayez.',
    errorGeneric: 'Une erreur est survenue.',
    errorNoApi: 'Ce widget a besoin d’un attribut api ou d’un partage-provider autour de lui.',
    stale: 'Dernières données reçues : la mise à jour a échoué.',
    staleAsOf: (p: { time: string }) => `Données au ${p.time} : la mise à jour a échoué.`,
    live: 'En direct',
  },
};
export type CommonMessages = typeof common.en & typeof failure.en;
